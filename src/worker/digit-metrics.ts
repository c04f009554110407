/**
 * The digit classifier's part of an MNIST run in the worker: loading it for the run, and reading G's
 * samples on a fixed noise batch (src/gan/metrics/classifier.ts) at each evaluation.
 */
import type { RunConfig } from '../gan/config.ts';
import { sampleNoise } from '../gan/latent.ts';
import {
  type ClassifierMetrics,
  classifierMetrics,
  classifyDigits,
  type DigitClassifier,
  loadDigitClassifier,
} from '../gan/metrics/classifier.ts';
import { createRng } from '../gan/rng.ts';
import type { Trainer } from '../gan/trainer.ts';
import { errorText } from './problem.ts';
import type { WorkerWarning } from './payloads.ts';

/** Samples the classifier reads per evaluation: 1% of them (the mode threshold) is 5 digits. */
const CLASSIFIED_SAMPLES = 500;

export interface DigitMetrics {
  classifier?: DigitClassifier;
  classifiedNoise?: Float32Array;
}

/**
 * The classifier for a run's metrics, from the host's files; a run without it still trains, and
 * `warn` says why its metrics are missing.
 */
export async function loadRunClassifier(
  load: (() => Promise<{ manifest: unknown; weights: ArrayBuffer }>) | undefined,
  config: RunConfig,
  warn: (warning: WorkerWarning) => void,
): Promise<DigitMetrics> {
  if (!load) return {};
  try {
    const { manifest, weights } = await load();
    return {
      classifier: loadDigitClassifier(manifest, weights),
      classifiedNoise: sampleNoise(
        createRng(config.seed, 'classified-noise'),
        CLASSIFIED_SAMPLES,
        config.latentSize,
        config.noise,
      ),
    };
  } catch (error) {
    warn({ code: 'classifierUnavailable', detail: errorText(error) });
    return {};
  }
}

/** The classifier's metrics of G's samples on the run's fixed noise; CGAN's label accuracy against the grid's labels. */
export async function classify(
  trainer: Trainer,
  { classifier, classifiedNoise }: DigitMetrics,
): Promise<ClassifierMetrics | undefined> {
  if (!classifier || !classifiedNoise) return undefined;
  const samples = await trainer.generate(classifiedNoise);
  const probabilities = await classifyDigits(classifier, samples);
  const count = classifiedNoise.length / trainer.config.latentSize;
  const requested = trainer.config.conditioning === 'label' ? trainer.conditioning.grid(count).labels : undefined;
  return classifierMetrics(probabilities, requested);
}
