import type { NoiseId } from './config.ts';
import type { Rng } from './rng.ts';

/** Draws n noise vectors of `size` entries: N(0, 1) or U(−1, 1), [n × size] row-major. */
export function sampleNoise(rng: Rng, n: number, size: number, noise: NoiseId): Float32Array {
  const out = new Float32Array(n * size);
  return noise === 'gaussian' ? rng.fillNormal(out) : rng.fillUniform(out, -1, 1);
}
