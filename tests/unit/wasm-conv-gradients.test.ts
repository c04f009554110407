import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { registerWasmTrainingKernels } from '../../src/gan/backends/wasm.ts';
import { defaultConfig } from '../../src/gan/config.ts';
import { createRng } from '../../src/gan/rng.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { tf, useCpu } from './setup-tf.ts';

/** The bar: the wasm gradients match the cpu backend's to 1e-4 relative error. */
const TOLERANCE = 1e-4;

beforeAll(registerWasmTrainingKernels);
afterAll(useCpu);

type Shape = number[];
const random = (shape: Shape, seed: number) =>
  createRng(seed).fillNormal(new Float32Array(shape.reduce((a, b) => a * b, 1)));

/** Runs `compute` on a backend with fresh tensors made from the same numbers, and reads the results. */
async function on(
  backend: 'cpu' | 'wasm',
  inputs: [Float32Array, Shape][],
  compute: (...t: tf.Tensor[]) => tf.Tensor[],
): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const tensors = inputs.map(([values, shape]) => tf.tensor(values, shape));
  const outputs = compute(...tensors);
  const values = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose([...tensors, ...outputs]);
  return values;
}

/** max |a − b| / max |b|: the error relative to the gradient's scale. */
function relativeError(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

async function expectSameOnBothBackends(inputs: [Float32Array, Shape][], compute: (...t: tf.Tensor[]) => tf.Tensor[]) {
  const [wasm, cpu] = [await on('wasm', inputs, compute), await on('cpu', inputs, compute)];
  expect(wasm.length).toBe(cpu.length);
  wasm.forEach((values, i) => {
    expect(values.length).toBe(cpu[i].length);
    expect(relativeError(values, cpu[i])).toBeLessThan(TOLERANCE);
  });
}

// [input height, in channels, out channels, kernel, stride, padding]: DCGAN's 4×4 stride-2 'same'
// layers at width 16, its 3×3 layers (G's at 7×7, D's 7×7 → 4×4), then an odd kernel, 'valid'
// padding and stride 1 for the general case.
const CONVOLUTIONS: [number, number, number, number, number, 'same' | 'valid'][] = [
  [28, 1, 16, 4, 2, 'same'],
  [14, 16, 32, 4, 2, 'same'],
  [7, 32, 32, 3, 1, 'same'],
  [7, 32, 64, 3, 2, 'same'],
  [28, 1, 8, 5, 2, 'same'],
  [13, 3, 5, 3, 2, 'valid'],
  [9, 2, 3, 3, 1, 'same'],
];
const BATCH = 5;

describe('wasm convolution gradients match the cpu backend', () => {
  test.each(CONVOLUTIONS)(
    'conv2d %i² × %i → %i channels, kernel %i, stride %i, %s: ∂x and ∂W',
    async (size, inC, outC, kernel, stride, pad) => {
      const out = pad === 'same' ? Math.ceil(size / stride) : Math.ceil((size - kernel + 1) / stride);
      const x: Shape = [BATCH, size, size, inC];
      const w: Shape = [kernel, kernel, inC, outC];
      const dy: Shape = [BATCH, out, out, outC];
      await expectSameOnBothBackends(
        [
          [random(x, 1), x],
          [random(w, 2), w],
          [random(dy, 3), dy],
        ],
        (xt, wt, dyt) =>
          // Σ conv(x, W)·dy has gradients dyᵀ-weighted: ∂x = conv2dTranspose(dy, W), ∂W = the filter gradient.
          tf.grads((a: tf.Tensor, b: tf.Tensor) =>
            tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad), dyt)),
          )([xt, wt]),
      );
    },
  );

  test.each([
    [7, 32, 16],
    [14, 16, 1],
  ])('conv2dTranspose %i×%i×%i → ×2 (DCGAN generator layers): output, ∂input and ∂W', async (size, inC, outC) => {
    const x: Shape = [BATCH, size, size, inC];
    const w: Shape = [4, 4, outC, inC];
    const outShape: [number, number, number, number] = [BATCH, 2 * size, 2 * size, outC];
    const dy: Shape = outShape;
    await expectSameOnBothBackends(
      [
        [random(x, 4), x],
        [random(w, 5), w],
        [random(dy, 6), dy],
      ],
      (xt, wt, dyt) => {
        const forward = (a: tf.Tensor, b: tf.Tensor) =>
          tf.conv2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, outShape, 2, 'same');
        return [
          forward(xt, wt),
          ...tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(forward(a, b), dyt)))([xt, wt]),
        ];
      },
    );
  });

  test('matMul with transposed operands', async () => {
    const a: Shape = [6, 9];
    const b: Shape = [6, 4];
    await expectSameOnBothBackends(
      [
        [random(a, 7), a],
        [random(b, 8), b],
      ],
      (at, bt) => [
        tf.matMul(at, bt, true, false),
        tf.matMul(bt, at, true, false),
        tf.matMul(at, tf.transpose(bt), true, true),
      ],
    );
  });
});

describe('wasm per-channel reductions and a sharing Identity', () => {
  // Batch norm's moments and every per-channel bias gradient: images reduced over all but channels,
  // by average pooling on wasm; other axes go to wasm's own kernels.
  test.each([
    [[0, 1, 2], false],
    [[0, 1, 2], true],
    [[-4, -3, -2], false],
    [[1, 2], false],
    [[0], true],
  ] as [number[], boolean][])('sum and mean of a 5×7×6×3 tensor over axes %j (keepDims %s)', async (axes, keepDims) => {
    const shape: Shape = [5, 7, 6, 3];
    await expectSameOnBothBackends([[random(shape, 9), shape]], (x) => {
      const [sum, mean] = [tf.sum(x, axes, keepDims), tf.mean(x, axes, keepDims)];
      expect(sum.shape).toEqual(mean.shape);
      expect(sum.rank).toBe(keepDims ? 4 : 4 - axes.length);
      return [sum, mean];
    });
  });

  test('a clone shares its data (no new buffer on the wasm heap) and outlives the original', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor([1, 2, 3, 4], [2, 2]);
    const buffers = tf.engine().backend.numDataIds();
    const copy = tf.clone(x);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    x.dispose();
    expect(Array.from(await copy.data())).toEqual([1, 2, 3, 4]);
    copy.dispose();
  });
});

describe('DCGAN on wasm', () => {
  test('an iteration trains every DCGAN variable without leaking tensors', async () => {
    await tf.setBackend('wasm');
    const config = {
      ...defaultConfig(),
      dataset: 'mnist' as const,
      architecture: 'dcgan' as const,
      channels: 4,
      batchSize: 8,
      latentSize: 8,
    };
    const trainer = new Trainer(config, loadMnist());
    trainer.step();
    await trainer.flushStats();
    const warm = tf.memory().numTensors;
    const before = [...trainer.generator.trainable, ...trainer.discriminator.trainable].map((v) =>
      Array.from(v.dataSync()),
    );
    trainer.step();
    const [point] = await trainer.flushStats();
    expect(tf.memory().numTensors).toBe(warm);
    expect(Number.isFinite(point.dLoss) && Number.isFinite(point.gLoss)).toBe(true);
    const after = [...trainer.generator.trainable, ...trainer.discriminator.trainable].map((v) =>
      Array.from(v.dataSync()),
    );
    expect(after.every((values, i) => values.some((x, j) => x !== before[i][j]))).toBe(true);
    trainer.dispose();
  });
});
