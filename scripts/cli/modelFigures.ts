/**
 * The figures a trained MNIST model is judged by (issue 17), measured with the project's digit
 * classifier on 1,000 generated digits from fixed noise: classifier score and classes present; for
 * CGAN the label accuracy; for InfoGAN how many digits the categorical code's values pick out and
 * the best one-to-one matching of code values to digits.
 */
import { sampleNoise } from '../../src/gan/latent.ts';
import {
  CLASSIFIER_CLASSES,
  classifierMetrics,
  classifyDigits,
  type DigitClassifier,
  predictedClasses,
} from '../../src/gan/metrics/classifier.ts';
import { conditionalMetrics } from '../../src/gan/metrics/conditional.ts';
import { createRng } from '../../src/gan/rng.ts';
import type { Trainer } from '../../src/gan/trainer.ts';
import { CLASSIFIER_SAMPLES } from './digits.ts';

export interface ModelFigures {
  classifierScore: number;
  /** Digits with at least 1% of the samples (metrics/classifier.ts MODE_FRACTION). */
  classes: number;
  labelAccuracy?: number;
  codePurity?: number;
  /** Distinct digits among the code values' majority digits. */
  codeClasses?: number;
  /** The best one-to-one matching of code values to digits: the fraction of samples it gets right. */
  codeMatching?: number;
}

/**
 * The best one-to-one matching of rows to columns of `counts` ([rows][columns], rows ≤ columns):
 * the largest Σ counts[r][match(r)] over injective matchings, by dynamic programming over the set of
 * columns used (2^columns states: 1,024 for ten digits), divided by the total count.
 */
export function oneToOneMatching(counts: readonly (readonly number[])[]): number {
  const columns = counts[0]?.length ?? 0;
  const total = counts.flat().reduce((a, b) => a + b, 0);
  if (counts.length > columns) throw new Error('oneToOneMatching: more rows than columns');
  // best[mask]: the largest sum for the first popcount(mask) rows using exactly the columns in mask.
  const best = new Float64Array(1 << columns).fill(-Infinity);
  best[0] = 0;
  let answer = 0;
  for (let mask = 0; mask < 1 << columns; mask++) {
    if (best[mask] === -Infinity) continue;
    let row = 0;
    for (let m = mask; m; m &= m - 1) row += 1;
    if (row === counts.length) {
      answer = Math.max(answer, best[mask]);
      continue;
    }
    for (let c = 0; c < columns; c++)
      if (!(mask & (1 << c))) best[mask | (1 << c)] = Math.max(best[mask | (1 << c)], best[mask] + counts[row][c]);
  }
  return total ? answer / total : 0;
}

/** The figures of the trainer's G as it is now, on noise fixed by the run's seed. */
export async function modelFigures(trainer: Trainer, classifier: DigitClassifier): Promise<ModelFigures> {
  const { config, conditioning } = trainer;
  const noise = sampleNoise(
    createRng(config.seed, 'classifier-evaluation'),
    CLASSIFIER_SAMPLES,
    config.latentSize,
    config.noise,
  );
  const condition = conditioning.grid(CLASSIFIER_SAMPLES);
  const probabilities = await classifyDigits(classifier, await trainer.generate(noise, condition));
  const { modes, classifierScore } = classifierMetrics(probabilities);
  const figures: ModelFigures = { classifierScore, classes: modes };
  const { labels } = condition;
  if (!labels) return figures;
  const predicted = predictedClasses(probabilities);
  Object.assign(
    figures,
    conditionalMetrics(config.conditioning, labels, predicted, conditioning.values, CLASSIFIER_CLASSES),
  );
  if (config.conditioning === 'infoCodes') {
    const counts = Array.from({ length: conditioning.values }, () => new Array<number>(CLASSIFIER_CLASSES).fill(0));
    labels.forEach((value, i) => (counts[value][predicted[i]] += 1));
    figures.codeMatching = oneToOneMatching(counts);
  }
  return figures;
}
