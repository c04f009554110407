import type { ModeSpec } from '../data/dataset.ts';

/** Samples drawn for the mode metrics (VEEGAN, PacGAN). */
export const METRIC_SAMPLES = 2500;
/** A sample is high quality within 3σ of its nearest mode's centre (VEEGAN; PacGAN extensions.py). */
export const HIGH_QUALITY_SIGMAS = 3;
/**
 * A mode is *well covered* when it holds at least 20% of its fair share (1/K) of the high-quality
 * samples, and at least MIN_COVERING_SAMPLES of them: a stricter count than the papers' "modes
 * covered" (VEEGAN, Unrolled GAN: at least one high-quality sample), so a few stray samples passing
 * through a mode do not count as learning it. Measured against the high-quality samples rather than
 * all N, so it stays a reading of which modes, apart from quality (%HQ, shown beside it): against all
 * N a generator at 15% HQ could never cover all 8 modes however evenly it spread. Beside the papers'
 * count, never in its place (RESEARCH.md §3).
 */
export const COVERAGE_FRACTION = 0.2;
/** Below this many high-quality samples a mode is noise, not coverage (0.2% of METRIC_SAMPLES). */
export const MIN_COVERING_SAMPLES = 5;
/**
 * A sample is near a mode within a quarter of the distance between the two closest mode centres:
 * 0.38 on the ring (19σ), 0.5 on the grid (10σ). Far beyond the 3σ of high quality, yet plainly at
 * that mode rather than between two: where a collapsed G parks when it sits just beside a few modes.
 * A uniform spread over the grid puts ~20% of its samples this near (π/16 of each cell).
 */
export const NEAR_SPACING = 0.25;

export interface ModeMetrics {
  /** High-quality samples per mode. */
  histogram: number[];
  /** Modes with at least one high-quality sample: the papers' "modes covered" (VEEGAN, Unrolled GAN). */
  modesCovered: number;
  /** Modes holding at least COVERAGE_FRACTION of their fair share of the high-quality samples (and MIN_COVERING_SAMPLES). */
  wellCovered: number;
  modesTotal: number;
  /** Fraction of all samples that are high quality, 0..1. */
  highQuality: number;
  /** KL(q ‖ U) of the high-quality mode histogram q to uniform; ln(K/m) for collapse onto m of K modes. */
  klUniform: number;
  /** Samples near each mode (NEAR_SPACING): like the histogram, without hanging on the 3σ rule. */
  nearHistogram: number[];
  /** Fraction of all samples near a mode, 0..1. */
  nearShare: number;
}

/** Modes holding at least COVERAGE_FRACTION of their fair share of the histogram's samples, and MIN_COVERING_SAMPLES. */
export function countWellCovered(histogram: readonly number[]): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  const threshold = Math.max(MIN_COVERING_SAMPLES, (COVERAGE_FRACTION * total) / histogram.length);
  return histogram.filter((count) => count >= threshold).length;
}

/** Squared radius within which a sample is near a mode: NEAR_SPACING of the closest two centres' distance. */
function nearRadiusSquared(centres: readonly (readonly number[])[]): number {
  let closest = Infinity;
  for (let a = 0; a < centres.length; a++) {
    for (let b = a + 1; b < centres.length; b++)
      closest = Math.min(
        closest,
        centres[a].reduce((d, x, j) => d + (x - centres[b][j]) ** 2, 0),
      );
  }
  return NEAR_SPACING ** 2 * closest; // Infinity with one mode: every sample is near it
}

/** Mode coverage, %HQ, KL(q‖U) and the samples near each mode, of `points` ([n × dim], row-major) against known modes. */
export function modeMetrics(points: Float32Array, dimension: number, modes: ModeSpec): ModeMetrics {
  const { centres, sigma } = modes;
  const K = centres.length;
  const n = points.length / dimension;
  const histogram = new Array<number>(K).fill(0);
  const nearHistogram = new Array<number>(K).fill(0);
  const radiusSquared = (HIGH_QUALITY_SIGMAS * sigma) ** 2;
  const nearSquared = nearRadiusSquared(centres);
  let highQualityCount = 0;
  let nearCount = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let nearest = -1;
    for (let k = 0; k < K; k++) {
      let d = 0;
      for (let j = 0; j < dimension; j++) d += (points[i * dimension + j] - centres[k][j]) ** 2;
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    if (nearest < 0) continue; // a non-finite sample is near no mode
    if (best <= nearSquared) {
      nearHistogram[nearest] += 1;
      nearCount += 1;
    }
    if (best <= radiusSquared) {
      histogram[nearest] += 1;
      highQualityCount += 1;
    }
  }
  return {
    histogram,
    modesCovered: histogram.filter((count) => count > 0).length,
    wellCovered: countWellCovered(histogram),
    modesTotal: K,
    highQuality: n ? highQualityCount / n : 0,
    klUniform: klToUniform(histogram),
    nearHistogram,
    nearShare: n ? nearCount / n : 0,
  };
}

/**
 * KL(q ‖ U) = Σ q_k ln(K q_k) for the normalised histogram q; 0 for a uniform histogram, ln K for a
 * single mode. With no samples at all there is no distribution to compare: ln K, the worst case.
 */
export function klToUniform(histogram: readonly number[]): number {
  const K = histogram.length;
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return Math.log(K);
  let kl = 0;
  for (const count of histogram) {
    if (count > 0) {
      const q = count / total;
      kl += q * Math.log(K * q);
    }
  }
  return kl;
}
