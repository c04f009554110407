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
  /** The best one-to-one matching of code values to digits (metrics/conditional.ts codeMatching). */
  codeMatching?: number;
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
  return {
    ...figures,
    ...conditionalMetrics(config.conditioning, labels, predicted, conditioning.values, CLASSIFIER_CLASSES),
  };
}
