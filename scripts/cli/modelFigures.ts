/**
 * The figures a trained MNIST model is judged by (issue 17), measured with the project's digit
 * classifier on 1,000 generated digits from fixed noise: classifier score and classes present; for
 * CGAN the label accuracy; for InfoGAN how many digits the categorical code's values pick out and
 * the best one-to-one matching of code values to digits.
 */
import type { DigitClassifier } from '../../src/gan/metrics/classifier.ts';
import type { Trainer } from '../../src/gan/trainer.ts';
import { classifierNoise, digitMetrics } from './digits.ts';

export interface ModelFigures {
  classifierScore: number;
  /** Digits with at least 1% of the samples (metrics/classifier.ts MODE_FRACTION). */
  classes: number;
  labelAccuracy?: number;
  codePurity?: number;
  /** Distinct digits among the code values' majority digits. */
  codeClasses?: number;
  /** The best one-to-one matching of code values to digits (metrics/conditional.ts codeMatching). */
  codeMatching?: number;
}

/** The figures of the trainer's G as it is now, on the noise `npm run train` reads its digits from. */
export async function modelFigures(trainer: Trainer, classifier: DigitClassifier): Promise<ModelFigures> {
  const { classifierModes, ...figures } = await digitMetrics(trainer, classifier, classifierNoise(trainer.config));
  return { ...figures, classes: classifierModes };
}
