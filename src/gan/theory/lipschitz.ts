/**
 * The critic's measured Lipschitz constant: the largest |f(a) − f(b)| / ‖a − b‖ over pairs of points
 * where f was evaluated. Kantorovich–Rubinstein duality makes E[f(x)] − E[f(G(z))] the Wasserstein
 * distance only for a 1-Lipschitz f, so this is what WGAN's weight clipping (and WGAN-GP's penalty)
 * try to hold at 1. A lower bound on the true constant: the largest slope over the pairs sampled.
 */
import type { Rng } from '../rng.ts';

/** Pairs of distinct points drawn at random among the real points and the fakes: slopes at large distances. */
export const RANDOM_PAIRS = 256;
/** Real–fake lines (WGAN-GP's interpolates x̂ = t·x + (1 − t)·G(z) lie on them): slopes where the critic moves mass. */
export const LINES = 32;
/** Points per line, t = 0, 1/(LINE_POINTS − 1), …, 1: neighbours give the local slope along the line. */
export const LINE_POINTS = 9;

export interface Probes {
  /** [m × 2] the points where the critic is to be evaluated. */
  points: Float32Array<ArrayBuffer>;
  /** [pairs × 2] indices into `points` of the pairs whose slopes are compared. */
  pairs: Int32Array;
}

/**
 * The points to evaluate the critic at, and the pairs to compare: random pairs among `real` and
 * `fake` ([n × 2] each), then LINES lines from real point i to fake i, each cut into LINE_POINTS − 1
 * steps.
 */
export function lipschitzProbes(real: ArrayLike<number>, fake: ArrayLike<number>, rng: Rng): Probes {
  const nReal = real.length / 2;
  const nFake = fake.length / 2;
  const lines = Math.min(LINES, nReal, nFake);
  const count = 2 * RANDOM_PAIRS + lines * LINE_POINTS;
  const points = new Float32Array(2 * count);
  const pick = (out: number) => {
    const k = rng.int(nReal + nFake);
    const [source, i] = k < nReal ? [real, k] : [fake, k - nReal];
    points[2 * out] = source[2 * i];
    points[2 * out + 1] = source[2 * i + 1];
  };
  const pairs: number[] = [];
  for (let p = 0; p < RANDOM_PAIRS; p++) {
    pick(2 * p);
    pick(2 * p + 1);
    pairs.push(2 * p, 2 * p + 1);
  }
  for (let l = 0; l < lines; l++) {
    const base = 2 * RANDOM_PAIRS + l * LINE_POINTS;
    for (let s = 0; s < LINE_POINTS; s++) {
      const t = s / (LINE_POINTS - 1);
      points[2 * (base + s)] = (1 - t) * real[2 * l] + t * fake[2 * l];
      points[2 * (base + s) + 1] = (1 - t) * real[2 * l + 1] + t * fake[2 * l + 1];
      if (s > 0) pairs.push(base + s - 1, base + s);
    }
  }
  return { points, pairs: Int32Array.from(pairs) };
}

/** The largest |f(a) − f(b)| / ‖a − b‖ over the pairs (coincident points skipped); 0 without a usable pair. */
export function largestSlope(points: ArrayLike<number>, values: ArrayLike<number>, pairs: ArrayLike<number>): number {
  let largest = 0;
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    const a = pairs[k];
    const b = pairs[k + 1];
    const distance = Math.hypot(points[2 * a] - points[2 * b], points[2 * a + 1] - points[2 * b + 1]);
    if (distance < 1e-9) continue;
    largest = Math.max(largest, Math.abs(values[a] - values[b]) / distance);
  }
  return largest;
}
