import type { ModeSpec } from '../data/dataset.ts';

/** Samples drawn for the mode metrics (VEEGAN, PacGAN). */
export const METRIC_SAMPLES = 2500;
/** A sample is high quality within 3σ of its nearest mode's centre (VEEGAN; PacGAN extensions.py). */
export const HIGH_QUALITY_SIGMAS = 3;
/**
 * A mode counts as covered when it holds at least 20% of its fair share (1/K) of the high-quality
 * samples, and at least MIN_COVERING_SAMPLES of them. Stricter than VEEGAN's "one high-quality
 * sample", so a few stray samples passing through a mode do not count as learning it; measured
 * against the high-quality samples rather than all N, so coverage (which modes) stays a separate
 * reading from quality (%HQ, shown beside it) — against all N a generator at 15% HQ could never
 * cover all 8 modes however evenly it spread.
 */
export const COVERAGE_FRACTION = 0.2;
/** Below this many high-quality samples a mode is noise, not coverage (0.2% of METRIC_SAMPLES). */
export const MIN_COVERING_SAMPLES = 5;

export interface ModeMetrics {
  /** High-quality samples per mode. */
  histogram: number[];
  modesCovered: number;
  modesTotal: number;
  /** Fraction of all samples that are high quality, 0..1. */
  highQuality: number;
  /** KL(q ‖ U) of the high-quality mode histogram q to uniform; ln(K/m) for collapse onto m of K modes. */
  klUniform: number;
}

/** Mode coverage, %HQ and KL(q‖U) of `points` ([n × dim], row-major) against known modes. */
export function modeMetrics(points: Float32Array, dimension: number, modes: ModeSpec): ModeMetrics {
  const { centres, sigma } = modes;
  const K = centres.length;
  const n = points.length / dimension;
  const histogram = new Array<number>(K).fill(0);
  const radiusSquared = (HIGH_QUALITY_SIGMAS * sigma) ** 2;
  let highQualityCount = 0;
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
    if (best <= radiusSquared) {
      histogram[nearest] += 1;
      highQualityCount += 1;
    }
  }
  const coverageThreshold = Math.max(MIN_COVERING_SAMPLES, (COVERAGE_FRACTION * highQualityCount) / K);
  const modesCovered = histogram.filter((count) => count > 0 && count >= coverageThreshold).length;
  return { histogram, modesCovered, modesTotal: K, highQuality: n ? highQualityCount / n : 0, klUniform: klToUniform(histogram) };
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
