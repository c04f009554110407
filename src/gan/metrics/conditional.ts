import type { ConditioningId } from '../config.ts';
import type { ModeSpec } from '../data/dataset.ts';
import { optimalAssignment } from '../theory/assignment.ts';

/**
 * Metrics of a conditioned generator, from the values G was asked for (`requested`: CGAN's label,
 * InfoGAN's categorical code) and a class predicted for each sample: its nearest mode on 2D data
 * (`nearestModes`), the digit classifier's label on MNIST (metrics/classifier.ts).
 */
export interface ConditionalMetrics {
  /** CGAN: fraction of G(z, y) whose predicted class is y (dcgan_code train_cond_dcgan.py; RESEARCH.md §3). */
  labelAccuracy?: number;
  /**
   * InfoGAN: for each code value, the fraction of its samples in that value's most common class,
   * averaged over the values; 1 when every value keeps to one class.
   */
  codePurity?: number;
  /** InfoGAN: distinct classes among the code values' most common classes; min(K, classes) at best. */
  codeClasses?: number;
  /**
   * InfoGAN: the fraction of samples whose class is the one their code value is matched with, under
   * the best one-to-one matching of code values to classes (the InfoGAN paper's "5% error" on MNIST
   * reads 0.95 here). Unlike `codeClasses`, two values on one class count only once.
   */
  codeMatching?: number;
}

/** Index of the nearest mode centre for each point of `points` ([n × dimension], row-major), however far. */
export function nearestModes(points: Float32Array, dimension: number, { centres }: ModeSpec): Int32Array {
  const n = points.length / dimension;
  const nearest = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    centres.forEach((centre, k) => {
      let d = 0;
      for (let j = 0; j < dimension; j++) d += (points[i * dimension + j] - centre[j]) ** 2;
      if (d < best) {
        best = d;
        nearest[i] = k;
      }
    });
  }
  return nearest;
}

/** Fraction of samples whose predicted class is the one requested. */
export function labelAccuracy(requested: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (requested.length !== predicted.length) throw new Error('labelAccuracy: one prediction per request');
  let correct = 0;
  for (let i = 0; i < requested.length; i++) if (requested[i] === predicted[i]) correct += 1;
  return requested.length ? correct / requested.length : 0;
}

/** counts[v][k]: how many samples requested value v and were predicted as class k. */
function codeTable(requested: ArrayLike<number>, predicted: ArrayLike<number>, values: number, classes: number) {
  const counts = Array.from({ length: values }, () => new Array<number>(classes).fill(0)); // [values][classes]
  for (let i = 0; i < requested.length; i++) counts[requested[i]][predicted[i]] += 1;
  return counts;
}

/**
 * The best one-to-one matching of code values to classes, as the fraction of samples it explains:
 * max over injective matchings m of Σ_v counts[v][m(v)] / n, by the Hungarian algorithm
 * (theory/assignment.ts) on the negated table, padded with zeros to a square of max(values, classes)
 * (a value matched to a padding column explains nothing). The clustering accuracy of unsupervised
 * learning (e.g. Xie et al. 2016, DEC), which the InfoGAN paper's 5% error on MNIST is.
 */
export function codeMatching(
  requested: ArrayLike<number>,
  predicted: ArrayLike<number>,
  values: number,
  classes: number,
): number {
  if (requested.length !== predicted.length) throw new Error('codeMatching: one prediction per request');
  if (requested.length === 0) return 0;
  const counts = codeTable(requested, predicted, values, classes);
  const size = Math.max(values, classes);
  const cost = new Float64Array(size * size); // [size × size], −count, 0 on padding
  for (let v = 0; v < values; v++) for (let k = 0; k < classes; k++) cost[v * size + k] = -counts[v][k];
  const match = optimalAssignment(cost, size); // value v → class match[v]
  let explained = 0;
  for (let v = 0; v < values; v++) if (match[v] < classes) explained += counts[v][match[v]];
  return explained / requested.length;
}

/**
 * How cleanly a categorical code of `values` values splits the samples into `classes` classes:
 * the mean purity of each value's class histogram, and how many distinct classes the values' majority
 * classes are (values that no sample requested are left out), and the best one-to-one matching's accuracy.
 */
export function codeSeparation(
  requested: ArrayLike<number>,
  predicted: ArrayLike<number>,
  values: number,
  classes: number,
): Required<Pick<ConditionalMetrics, 'codePurity' | 'codeClasses' | 'codeMatching'>> {
  if (requested.length !== predicted.length) throw new Error('codeSeparation: one prediction per request');
  const counts = codeTable(requested, predicted, values, classes);
  const used = counts.filter((row) => row.some((count) => count > 0));
  const majority = used.map((row) => row.indexOf(Math.max(...row)));
  const purity = used.map((row, v) => row[majority[v]] / row.reduce((a, b) => a + b, 0));
  return {
    codePurity: purity.length ? purity.reduce((a, b) => a + b, 0) / purity.length : 0,
    codeClasses: new Set(majority).size,
    codeMatching: codeMatching(requested, predicted, values, classes),
  };
}

/** The metrics that fit the conditioning: label accuracy for CGAN, code separation for InfoGAN. */
export function conditionalMetrics(
  conditioning: ConditioningId,
  requested: ArrayLike<number>,
  predicted: ArrayLike<number>,
  values: number,
  classes: number,
): ConditionalMetrics {
  switch (conditioning) {
    case 'none':
      return {};
    case 'label':
      return { labelAccuracy: labelAccuracy(requested, predicted) };
    case 'infoCodes':
      return codeSeparation(requested, predicted, values, classes);
  }
}
