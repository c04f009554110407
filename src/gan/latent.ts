import type { NoiseId } from './config.ts';
import { createRng, type Rng } from './rng.ts';

/** A latent (or several, row-major) that owns its buffer, so it can travel to and from the worker. */
export type Latent = Float32Array<ArrayBuffer>;

/** Draws n noise vectors of `size` entries: N(0, 1) or U(−1, 1), [n × size] row-major. */
export function sampleNoise(rng: Rng, n: number, size: number, noise: NoiseId): Latent {
  const out = new Float32Array(n * size);
  if (noise === 'gaussian') rng.fillNormal(out);
  else rng.fillUniform(out, -1, 1);
  return out;
}

/**
 * n latents from the seed alone, on their own named stream: the same seed, stream and size give the
 * same vectors on every machine, and a new `draw` number gives fresh ones (the explorer's "new latents").
 */
export function seededLatents(seed: number, draw: number, n: number, size: number, noise: NoiseId): Latent {
  return sampleNoise(createRng(seed, `latent-explorer#${draw}`), n, size, noise);
}

/** Row i of a row-major [n × size] array, as a copy. */
export function latentRow(latents: Float32Array, i: number, size: number): Latent {
  return latents.slice(i * size, (i + 1) * size);
}

function sameSize(a: Float32Array, b: Float32Array) {
  if (a.length !== b.length) throw new Error(`latent: sizes ${a.length} and ${b.length} differ`);
}

/** (1 − t)·a + t·b. At t = 0 and t = 1 the sum is exactly a and b (0·x = 0, 1·x = x in floats). */
export function lerp(a: Float32Array, b: Float32Array, t: number): Latent {
  sameSize(a, b);
  return Float32Array.from(a, (x, i) => (1 - t) * x + t * b[i]);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: Float32Array): number {
  return Math.sqrt(dot(a, a));
}

/** Below this angle (radians) slerp's sin Ω / sin Ω loses precision and lerp is used: the two agree to O(Ω²). */
const SLERP_MIN_ANGLE = 1e-4;

/**
 * Spherical interpolation (Shoemake 1985; White 2016, "Sampling generative networks"):
 *
 *   slerp(a, b; t) = sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b,   cos Ω = a·b / (‖a‖‖b‖)
 *
 * Why it is the right path for Gaussian latents: in d dimensions N(0, I) puts almost all its mass on
 * a thin shell of radius √d, and the midpoint of a straight line between two such points has norm
 * about √(d/2), a region G never saw in training. Slerp moves along the great circle instead, so
 * between equal-norm endpoints every step keeps their norm (and in general the norm moves smoothly
 * between them, never dipping toward the origin).
 */
export function slerp(a: Float32Array, b: Float32Array, t: number): Latent {
  sameSize(a, b);
  const na = norm(a);
  const nb = norm(b);
  if (na === 0 || nb === 0) return lerp(a, b, t);
  const cosine = Math.min(1, Math.max(-1, dot(a, b) / (na * nb)));
  const omega = Math.acos(cosine);
  if (omega < SLERP_MIN_ANGLE) return lerp(a, b, t);
  const sine = Math.sin(omega);
  const wa = Math.sin((1 - t) * omega) / sine;
  const wb = Math.sin(t * omega) / sine;
  return Float32Array.from(a, (x, i) => wa * x + wb * b[i]);
}

export type InterpolationMethod = 'linear' | 'slerp';

export function interpolate(method: InterpolationMethod, a: Float32Array, b: Float32Array, t: number): Latent {
  return method === 'slerp' ? slerp(a, b, t) : lerp(a, b, t);
}

/** `steps` evenly spaced points from a (t = 0) to b (t = 1), [steps × size] row-major; steps ≥ 2. */
export function interpolationPath(
  method: InterpolationMethod,
  a: Float32Array,
  b: Float32Array,
  steps: number,
): Latent {
  if (!Number.isInteger(steps) || steps < 2)
    throw new Error(`latent: ${steps} interpolation steps, need an integer ≥ 2`);
  const out = new Float32Array(steps * a.length);
  for (let s = 0; s < steps; s++) out.set(interpolate(method, a, b, s / (steps - 1)), s * a.length);
  return out;
}

/** The mean of several latents: the DCGAN paper (Radford et al. 2015 §6.3) averages three per concept. */
export function meanLatent(latents: readonly Float32Array[]): Latent {
  if (latents.length === 0) throw new Error('latent: the mean of no latents');
  const out = new Float32Array(latents[0].length);
  for (const z of latents) {
    sameSize(out, z);
    for (let i = 0; i < z.length; i++) out[i] += z[i] / latents.length;
  }
  return out;
}

/** Σ wᵢ·zᵢ: "A − B + C" is weights [1, −1, 1] over [A, B, C]. */
export function weightedSum(latents: readonly Float32Array[], weights: readonly number[]): Latent {
  if (latents.length === 0 || latents.length !== weights.length)
    throw new Error(`latent: ${latents.length} latents and ${weights.length} weights`);
  const out = new Float32Array(latents[0].length);
  latents.forEach((z, k) => {
    sameSize(out, z);
    for (let i = 0; i < z.length; i++) out[i] += weights[k] * z[i];
  });
  return out;
}
