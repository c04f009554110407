/**
 * Seeded randomness for everything the core draws: weight initialisation, noise, batches.
 * All of it is drawn in JavaScript and uploaded, so the same seed gives the same numbers on every
 * backend (tfjs's own seeded ops differ between backends).
 */

/** A uniform generator on [0, 1) with helpers; each stream is independent of the others. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal, N(0, 1). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Fills `out` with N(mean, std²) values. */
  fillNormal(out: Float32Array, mean?: number, std?: number): Float32Array;
  /** Fills `out` with U(low, high) values. */
  fillUniform(out: Float32Array, low?: number, high?: number): Float32Array;
}

/** FNV-1a over the seed and the stream's name: separate streams never share a sequence. */
function hashSeed(seed: number, stream: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= Math.floor(seed / 2 ** 32);
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter): 128 bits of state, passes PractRand, and is a
 * few lines of integer arithmetic that every JavaScript engine runs identically.
 */
export function createRng(seed: number, stream = 'default'): Rng {
  let a = hashSeed(seed, stream);
  let b = hashSeed(seed, `${stream}#b`);
  let c = hashSeed(seed, `${stream}#c`);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the warm-up outputs, as sfc32's author advises

  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
    const u = 1 - next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };

  return {
    next,
    normal,
    int: (n) => Math.floor(next() * n),
    fillNormal(out, mean = 0, std = 1) {
      for (let i = 0; i < out.length; i++) out[i] = mean + std * normal();
      return out;
    },
    fillUniform(out, low = 0, high = 1) {
      for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * next();
      return out;
    },
  };
}
