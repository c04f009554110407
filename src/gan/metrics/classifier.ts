import * as tf from '../tf.ts';
import type { Rng } from '../rng.ts';
import { klToUniform } from './modes.ts';

/**
 * The digit classifier behind the MNIST metrics (PacGAN's stacked-MNIST modes, Salimans et al.'s
 * score): a small CNN trained by scripts/train-classifier.ts on the training split, its weights
 * shipped in public/models/. Architecture:
 *
 *   image 28×28×1 → conv 5×5 /2 → 14×14×16 → ReLU → conv 5×5 /2 → 7×7×32 → ReLU → flatten 1568 → dense → 10 logits
 *
 * Strided convolutions, as in DCGAN's discriminator, so it trains fast on the wasm backend.
 */

export const CLASSIFIER_CLASSES = 10;
const IMAGE = 28;
const KERNEL = 5;
const STRIDE = 2;
const WIDTHS = [16, 32] as const;
const FEATURES = 7 * 7 * WIDTHS[1];
/** One line for the manifest: what the weights belong to. */
export const CLASSIFIER_ARCHITECTURE = `conv ${KERNEL}×${KERNEL}/${STRIDE} → ${WIDTHS[0]}, ReLU, conv ${KERNEL}×${KERNEL}/${STRIDE} → ${WIDTHS[1]}, ReLU, dense ${FEATURES} → ${CLASSIFIER_CLASSES} (src/gan/metrics/classifier.ts)`;
/** A class is a generated mode when it takes at least 1% of the samples. */
export const MODE_FRACTION = 0.01;
/**
 * A digit the classifier is sure of: p(y|x) ≥ 0.9 for its class, the classifier's counterpart of a
 * high-quality 2D sample. The shipped classifier is that sure of 96–97% of real digits (500 drawn
 * from the data at each of three seeds).
 */
export const CONFIDENT_PROBABILITY = 0.9;
/** Images per forward pass when classifying many: bounds the memory of one batch. */
const BATCH = 500;

/** Parameter names and shapes, in the order the binary stores them. */
export const CLASSIFIER_PARAMETERS: readonly { name: string; shape: number[] }[] = [
  { name: 'conv1_kernel', shape: [KERNEL, KERNEL, 1, WIDTHS[0]] },
  { name: 'conv1_bias', shape: [WIDTHS[0]] },
  { name: 'conv2_kernel', shape: [KERNEL, KERNEL, WIDTHS[0], WIDTHS[1]] },
  { name: 'conv2_bias', shape: [WIDTHS[1]] },
  { name: 'dense_kernel', shape: [FEATURES, CLASSIFIER_CLASSES] },
  { name: 'dense_bias', shape: [CLASSIFIER_CLASSES] },
];

/** The JSON manifest next to the float32 weights: what the binary holds and how it was made. */
export interface ClassifierManifest {
  format: 'nash-digit-classifier';
  version: 1;
  architecture: string;
  /** Parameters in storage order; each is float32 little endian, row-major. */
  weights: { name: string; shape: number[] }[];
  /** Accuracy on the 1,000 held-out digits when the weights were written. */
  heldOutAccuracy: number;
  training: Record<string, string | number>;
}

export interface DigitClassifier {
  /** Logits [n, 10] for images [n, 784] in [−1, 1]. */
  logits(images: tf.Tensor2D): tf.Tensor2D;
  readonly parameters: readonly tf.Variable[];
  dispose(): void;
}

function build(parameters: tf.Variable[]): DigitClassifier {
  const [w1, b1, w2, b2, w3, b3] = parameters as [
    tf.Variable<tf.Rank.R4>,
    tf.Variable,
    tf.Variable<tf.Rank.R4>,
    tf.Variable,
    tf.Variable<tf.Rank.R2>,
    tf.Variable,
  ];
  return {
    parameters,
    logits: (images) =>
      tf.tidy(() => {
        const n = images.shape[0];
        const x = tf.reshape<tf.Rank.R4>(images, [n, IMAGE, IMAGE, 1]); // [n, 28, 28, 1]
        const h1 = tf.relu(tf.add<tf.Tensor4D>(tf.conv2d(x, w1, STRIDE, 'same'), b1)); // [n, 14, 14, 16]
        const h2 = tf.relu(tf.add<tf.Tensor4D>(tf.conv2d(h1, w2, STRIDE, 'same'), b2)); // [n, 7, 7, 32]
        return tf.add(tf.matMul(tf.reshape(h2, [n, FEATURES]), w3), b3); // [n, 10]
      }),
    dispose: () => parameters.forEach((p) => p.dispose()),
  };
}

/** A fresh classifier to train: He-normal convolution and dense weights (ReLU nets), zero biases. */
export function createDigitClassifier(rng: Rng): DigitClassifier {
  return build(
    CLASSIFIER_PARAMETERS.map(({ name, shape }) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const fanIn = shape.length > 1 ? size / shape[shape.length - 1] : 0;
      const values = fanIn ? rng.fillNormal(new Float32Array(size), 0, Math.sqrt(2 / fanIn)) : new Float32Array(size);
      return tf.tidy(() => tf.variable(tf.tensor(values, shape), true, `classifier_${name}`));
    }),
  );
}

/** Loads shipped weights: the manifest (parsed JSON) and the float32 binary. Refuses mismatches. */
export function loadDigitClassifier(manifest: unknown, weights: ArrayBuffer): DigitClassifier {
  const m = manifest as Partial<ClassifierManifest> | null;
  if (m?.format !== 'nash-digit-classifier' || m.version !== 1 || !Array.isArray(m.weights))
    throw new Error('classifier: not a version-1 Nash digit classifier manifest');
  const expected = CLASSIFIER_PARAMETERS.map((p) => `${p.name}[${p.shape.join(',')}]`).join(' ');
  const given = m.weights.map((p) => `${p.name}[${p.shape.join(',')}]`).join(' ');
  if (given !== expected) throw new Error(`classifier: weights ${given} do not match the architecture ${expected}`);
  const sizes = CLASSIFIER_PARAMETERS.map(({ shape }) => shape.reduce((a, b) => a * b, 1));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (weights.byteLength !== total * 4)
    throw new Error(`classifier: ${weights.byteLength} bytes of weights, expected ${total * 4}`);
  const values = new Float32Array(weights.slice(0));
  let offset = 0;
  return build(
    CLASSIFIER_PARAMETERS.map(({ name, shape }, i) => {
      const slice = values.subarray(offset, offset + sizes[i]);
      offset += sizes[i];
      return tf.tidy(() => tf.variable(tf.tensor(slice, shape), false, `classifier_${name}`));
    }),
  );
}

/** Reads a classifier's weights into the binary layout (float32, storage order). */
export async function serializeDigitClassifier(classifier: DigitClassifier): Promise<ArrayBuffer> {
  const parts = await Promise.all(classifier.parameters.map((p) => p.data() as Promise<Float32Array>));
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out.buffer;
}

/** p(y|x) for images [n × 784] in [−1, 1], in batches; returns [n × 10]. */
export async function classifyDigits(classifier: DigitClassifier, images: Float32Array): Promise<Float32Array> {
  const n = images.length / (IMAGE * IMAGE);
  const out = new Float32Array(n * CLASSIFIER_CLASSES);
  for (let start = 0; start < n; start += BATCH) {
    const rows = Math.min(BATCH, n - start);
    const probabilities = tf.tidy(() =>
      tf.softmax(
        classifier.logits(
          tf.tensor2d(images.subarray(start * IMAGE * IMAGE, (start + rows) * IMAGE * IMAGE), [rows, IMAGE * IMAGE]),
        ),
      ),
    );
    out.set((await probabilities.data()) as Float32Array, start * CLASSIFIER_CLASSES);
    probabilities.dispose();
  }
  return out;
}

export interface ClassifierMetrics {
  /** Samples per predicted class (argmax of p(y|x)). */
  histogram: number[];
  /** Classes with at least MODE_FRACTION of the samples. */
  modes: number;
  /** Fraction of samples classified with p(y|x) ≥ CONFIDENT_PROBABILITY, 0..1. */
  confident: number;
  /** KL(histogram ‖ uniform): 0 for balanced classes, ln 10 for a single class. */
  klUniform: number;
  /** exp(E_x KL(p(y|x) ‖ p(y))), between 1 and 10 (Salimans et al. 2016). */
  classifierScore: number;
  /** Fraction of samples classified as the label they were generated for (CGAN). */
  labelAccuracy?: number;
}

/** The most probable class of each row of probabilities [n × 10]. */
export function predictedClasses(probabilities: Float32Array): Int32Array {
  const K = CLASSIFIER_CLASSES;
  const predicted = new Int32Array(probabilities.length / K);
  for (let i = 0; i < predicted.length; i++) {
    for (let k = 1; k < K; k++) if (probabilities[i * K + k] > probabilities[i * K + predicted[i]]) predicted[i] = k;
  }
  return predicted;
}

/** Metrics of class probabilities [n × 10]; `requested` are the labels G was asked for, if any. */
export function classifierMetrics(probabilities: Float32Array, requested?: ArrayLike<number>): ClassifierMetrics {
  const K = CLASSIFIER_CLASSES;
  const predicted = predictedClasses(probabilities);
  const n = predicted.length;
  const histogram = new Array<number>(K).fill(0);
  const marginal = new Float64Array(K);
  let correct = 0;
  let confident = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) marginal[k] += probabilities[i * K + k] / n;
    histogram[predicted[i]] += 1;
    if (probabilities[i * K + predicted[i]] >= CONFIDENT_PROBABILITY) confident += 1;
    if (requested && requested[i] === predicted[i]) correct += 1;
  }
  // E_x KL(p(y|x) ‖ p(y)) = E_x Σ_y p(y|x) (ln p(y|x) − ln p(y)); terms with p(y|x) = 0 contribute 0.
  let meanKl = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const p = probabilities[i * K + k];
      if (p > 0) meanKl += (p * (Math.log(p) - Math.log(marginal[k]))) / n;
    }
  }
  return {
    histogram,
    modes: histogram.filter((count) => count >= MODE_FRACTION * n && count > 0).length,
    confident: n ? confident / n : 0,
    klUniform: klToUniform(histogram),
    classifierScore: Math.exp(meanKl),
    ...(requested ? { labelAccuracy: n ? correct / n : 0 } : {}),
  };
}
