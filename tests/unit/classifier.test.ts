import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mnistSplit, signedPixels } from '../../src/gan/data/mnist.ts';
import {
  CLASSIFIER_CLASSES,
  classifierMetrics,
  classifyDigits,
  type DigitClassifier,
  loadDigitClassifier,
} from '../../src/gan/metrics/classifier.ts';
import { loadMnistFile } from '../../scripts/node/mnist.ts';
import { readClassifierFiles } from '../../scripts/node/classifier.ts';
import { tf, useCpu } from './setup-tf.ts';

/** The bar for the shipped classifier on the held-out digits. */
const REQUIRED_ACCURACY = 0.97;
const K = CLASSIFIER_CLASSES;

/** One-hot probabilities for the given classes. */
const oneHot = (classes: number[]) => {
  const out = new Float32Array(classes.length * K);
  classes.forEach((c, i) => (out[i * K + c] = 1));
  return out;
};

describe('classifier metrics on known probabilities', () => {
  test('confident, balanced predictions: 10 modes, KL 0, score 10, exact label accuracy', () => {
    const classes = Array.from({ length: 200 }, (_, i) => i % K);
    const metrics = classifierMetrics(
      oneHot(classes),
      classes.map((c, i) => (i < 150 ? c : (c + 1) % K)),
    );
    expect(metrics.histogram).toEqual(new Array(K).fill(20));
    expect(metrics.modes).toBe(10);
    expect(metrics.klUniform).toBeCloseTo(0, 9);
    expect(metrics.classifierScore).toBeCloseTo(10, 6);
    expect(metrics.labelAccuracy).toBeCloseTo(0.75, 9);
  });

  test('collapse onto 3 digits: 3 modes, KL ln(10/3), score 3; a 0.5% class is not a mode', () => {
    const classes = [...new Array(199).fill(0), ...new Array(199).fill(4), ...new Array(200).fill(7), 9, 9];
    const metrics = classifierMetrics(oneHot(classes));
    expect(metrics.modes).toBe(3);
    expect(metrics.histogram[9]).toBe(2);
    const collapsed = classifierMetrics(
      oneHot([...new Array(100).fill(0), ...new Array(100).fill(4), ...new Array(100).fill(7)]),
    );
    expect(collapsed.klUniform).toBeCloseTo(Math.log(10 / 3), 9);
    expect(collapsed.classifierScore).toBeCloseTo(3, 6);
    expect(collapsed.labelAccuracy).toBeUndefined();
  });

  test('unsure predictions score low even when balanced: uniform p(y|x) gives score 1', () => {
    const metrics = classifierMetrics(new Float32Array(50 * K).fill(1 / K));
    expect(metrics.classifierScore).toBeCloseTo(1, 6);
    expect(metrics.confident).toBe(0);
  });

  test('confident is the share of samples read with p(y|x) ≥ 0.9', () => {
    const probabilities = oneHot([0, 1, 2, 3]);
    probabilities.set([0.85, 0.15, 0], 2 * K); // the third sample: class 0 at 0.85, below CONFIDENT_PROBABILITY
    expect(classifierMetrics(probabilities).confident).toBeCloseTo(0.75, 9);
  });
});

describe('the shipped classifier', () => {
  let classifier: DigitClassifier;
  beforeAll(async () => {
    await useCpu();
    const { manifest, weights } = readClassifierFiles();
    classifier = loadDigitClassifier(manifest, weights);
  });
  afterAll(() => classifier.dispose());

  test(`labels the 1,000 held-out digits with ≥ ${100 * REQUIRED_ACCURACY}% accuracy, as its manifest says`, async () => {
    const heldOut = mnistSplit(loadMnistFile(), 'heldOut');
    const before = tf.memory().numTensors;
    const probabilities = await classifyDigits(classifier, signedPixels(heldOut));
    expect(tf.memory().numTensors).toBe(before);
    const metrics = classifierMetrics(probabilities, heldOut.labels);
    expect(metrics.labelAccuracy).toBeGreaterThanOrEqual(REQUIRED_ACCURACY);
    expect(metrics.labelAccuracy).toBeCloseTo(
      (readClassifierFiles().manifest as { heldOutAccuracy: number }).heldOutAccuracy,
      2,
    );
    // Real digits are confident and balanced: 100 per class, score near the maximum of 10.
    expect(metrics.modes).toBe(10);
    expect(metrics.classifierScore).toBeGreaterThan(9);
  });

  test('refuses weights that do not fit the architecture', () => {
    const { manifest, weights } = readClassifierFiles();
    expect(() => loadDigitClassifier(manifest, weights.slice(4))).toThrow(/bytes of weights/);
    expect(() => loadDigitClassifier({ ...(manifest as object), weights: [] }, weights)).toThrow(/do not match/);
    expect(() => loadDigitClassifier({}, weights)).toThrow(/manifest/);
  });
});
