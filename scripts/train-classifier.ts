/**
 * `npm run train:classifier`: trains the digit classifier behind the MNIST metrics on the 9,000
 * training digits (never the held-out 1,000), then writes public/models/digit-classifier.json and
 * .bin and prints the held-out accuracy. Deterministic for a seed and backend; runs on wasm with
 * Nash's conv kernels (about 2 minutes of one core). Options: --epochs N, --seed N, --backend cpu|wasm.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerWasmTrainingKernels } from '../src/gan/backends/wasm.ts';
import { MNIST_PIXELS, mnistSplit, signedPixels } from '../src/gan/data/mnist.ts';
import {
  CLASSIFIER_ARCHITECTURE,
  CLASSIFIER_CLASSES,
  CLASSIFIER_PARAMETERS,
  type ClassifierManifest,
  classifyDigits,
  createDigitClassifier,
  type DigitClassifier,
  serializeDigitClassifier,
} from '../src/gan/metrics/classifier.ts';
import { createOptimizer } from '../src/gan/optimizers.ts';
import { createRng, type Rng } from '../src/gan/rng.ts';
import * as tf from '../src/gan/tf.ts';
import { loadMnistFile } from './node/mnist.ts';

const MODELS = fileURLToPath(new URL('../public/models/', import.meta.url));
const BATCH = 64;
/** Adam's default rate, halved every 10 epochs (step decay) so the last epochs settle. */
const LEARNING_RATE = 1e-3;
const DECAY_EVERY = 10;
/** Random translations of up to ±2 pixels: 9,000 digits are few, and generated digits are rarely centred exactly. */
const MAX_SHIFT = 2;
/** The background value of a [−1, 1] image. */
const BACKGROUND = -1;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Writes digit `index` of `source` shifted by (dy, dx) into row `row` of `out`, background where it moved in. */
function shifted(source: Float32Array, index: number, dy: number, dx: number, out: Float32Array, row: number) {
  const side = Math.sqrt(MNIST_PIXELS);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [sy, sx] = [y - dy, x - dx];
      const inside = sy >= 0 && sy < side && sx >= 0 && sx < side;
      out[row * MNIST_PIXELS + y * side + x] = inside ? source[index * MNIST_PIXELS + sy * side + sx] : BACKGROUND;
    }
  }
}

function shuffled(n: number, rng: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

async function accuracy(classifier: DigitClassifier, images: Float32Array, labels: Uint8Array): Promise<number> {
  const probabilities = await classifyDigits(classifier, images);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = probabilities.subarray(i * CLASSIFIER_CLASSES, (i + 1) * CLASSIFIER_CLASSES);
    if (row.indexOf(Math.max(...row)) === labels[i]) correct += 1;
  }
  return correct / labels.length;
}

async function main() {
  const epochs = Number(option('epochs', '30'));
  const seed = Number(option('seed', '1'));
  const backend = option('backend', 'wasm');
  if (backend === 'wasm') registerWasmTrainingKernels();
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  const file = loadMnistFile();
  const train = mnistSplit(file, 'train');
  const heldOut = mnistSplit(file, 'heldOut');
  const trainImages = signedPixels(train);
  const rng = createRng(seed, 'classifier');
  const classifier = createDigitClassifier(rng);
  const optimizer = createOptimizer('adam', classifier.parameters);
  const batchImages = new Float32Array(BATCH * MNIST_PIXELS);
  const batchLabels = new Int32Array(BATCH);
  const started = performance.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const learningRate = LEARNING_RATE * 0.5 ** Math.floor((epoch - 1) / DECAY_EVERY);
    const order = shuffled(train.count, rng);
    let lossSum = tf.scalar(0);
    for (let start = 0; start + BATCH <= train.count; start += BATCH) {
      for (let row = 0; row < BATCH; row++) {
        const index = order[start + row];
        shifted(
          trainImages,
          index,
          rng.int(2 * MAX_SHIFT + 1) - MAX_SHIFT,
          rng.int(2 * MAX_SHIFT + 1) - MAX_SHIFT,
          batchImages,
          row,
        );
        batchLabels[row] = train.labels[index];
      }
      const next = tf.tidy(() => {
        const images = tf.tensor2d(batchImages, [BATCH, MNIST_PIXELS]);
        const targets = tf.oneHot(tf.tensor1d(batchLabels, 'int32'), CLASSIFIER_CLASSES);
        const { value, grads } = tf.variableGrads(
          () => tf.losses.softmaxCrossEntropy(targets, classifier.logits(images)) as tf.Scalar,
          [...classifier.parameters],
        );
        optimizer.apply(
          classifier.parameters,
          classifier.parameters.map((p) => grads[p.name]),
          { learningRate, beta1: 0.9, beta2: 0.999, momentum: 0, rmspropDecay: 0 },
        );
        return tf.add(lossSum, value) as tf.Scalar;
      });
      lossSum.dispose();
      lossSum = next;
    }
    const batches = Math.floor(train.count / BATCH);
    const loss = ((await lossSum.data())[0] as number) / batches;
    lossSum.dispose();
    console.log(
      `epoch ${epoch}/${epochs}: training loss ${loss.toFixed(4)}, lr ${learningRate}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const heldOutAccuracy = await accuracy(classifier, signedPixels(heldOut), heldOut.labels);
  const manifest: ClassifierManifest = {
    format: 'nash-digit-classifier',
    version: 1,
    architecture: CLASSIFIER_ARCHITECTURE,
    weights: CLASSIFIER_PARAMETERS.map(({ name, shape }) => ({ name, shape: [...shape] })),
    heldOutAccuracy,
    training: {
      script: 'scripts/train-classifier.ts',
      data: `MNIST training split, ${train.count} digits, shifts up to ±${MAX_SHIFT} px`,
      epochs,
      batch: BATCH,
      optimizer: `Adam ${LEARNING_RATE}, halved every ${DECAY_EVERY} epochs`,
      seed,
      backend,
    },
  };
  mkdirSync(MODELS, { recursive: true });
  writeFileSync(`${MODELS}digit-classifier.bin`, new Uint8Array(await serializeDigitClassifier(classifier)));
  // Shapes stay on one line each: the manifest is read by people too.
  writeFileSync(
    `${MODELS}digit-classifier.json`,
    `${JSON.stringify(manifest, null, 2).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, list: string) => `[${list.split(/,\s*/).join(', ')}]`)}\n`,
  );
  console.log(
    `held-out accuracy ${(100 * heldOutAccuracy).toFixed(1)}% on ${heldOut.count} digits; wrote public/models/digit-classifier.{json,bin}`,
  );
  classifier.dispose();
  optimizer.dispose();
}

await main();
