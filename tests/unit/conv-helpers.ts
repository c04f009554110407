/** What the explainer's tests share: exact test values, a setting's label, the settings grid, tf's answers. */
import {
  allowedSettings,
  convolutionMatrix,
  type ConvSettings,
  multiply,
  multiplyTransposed,
  outputSize,
  range,
} from '../../src/features/explainer/convMatrix.ts';
import { tf } from './setup-tf.ts';

/**
 * Deterministic multiples of 1/8 in [−2, 2) with fractions: sums of a few products stay exact in
 * float32 (so toEqual holds against TensorFlow.js), and a misplaced weight changes the sum.
 */
export function values(count: number, seed: number): number[] {
  let state = seed >>> 0;
  return range(1, count).map(() => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.round((state / 2 ** 32) * 16 - 8) / 4 + 0.125;
  });
}

export const label = (s: ConvSettings) => `n=${s.inputSize} k=${s.kernelSize} s=${s.stride} p=${s.padding}`;

/**
 * Every setting the page allows (141: 47 size/kernel/padding combinations that fit, times 3
 * strides), each with its output size o and a kernel, input x (n×n) and small map y (o×o) whose
 * seeds are the given ones plus the setting's index.
 */
export function allowedCases(seeds: { kernel: number; x: number; y: number }) {
  return allowedSettings().map((settings, index) => {
    const { inputSize: n, kernelSize: k } = settings;
    const o = outputSize(settings);
    return {
      settings,
      o,
      kernel: values(k * k, seeds.kernel + index),
      x: values(n * n, seeds.x + index),
      y: values(o * o, seeds.y + index),
    };
  });
}

/** TensorFlow.js's answers for a setting: tf.conv2d of x and tf.conv2dTranspose of y, as arrays, leaving no tensor. */
export function viaTf(settings: ConvSettings, kernel: number[], x: number[], y: number[]) {
  const { inputSize: n, kernelSize: k, stride, padding } = settings;
  const o = outputSize(settings);
  return tf.tidy(() => {
    const filter = tf.tensor4d(kernel, [k, k, 1, 1]);
    const convolution = tf.conv2d(tf.tensor3d(x, [n, n, 1]), filter, stride, padding);
    const transposed = tf.conv2dTranspose(tf.tensor3d(y, [o, o, 1]), filter, [n, n, 1], stride, padding);
    return { shape: convolution.shape, convolution: convolution.dataSync(), transposed: transposed.dataSync() };
  });
}

/** The setting and values the page's live check is tested on (n 5, k 3, s 2, p 1), with C and its right answers. */
export function liveCheckCase() {
  const settings = { inputSize: 5, kernelSize: 3, stride: 2, padding: 1 };
  const kernel = values(9, 7);
  const x = values(25, 8);
  const y = values(9, 9);
  const matrix = convolutionMatrix(settings, kernel);
  return { settings, kernel, x, y, convolution: multiply(matrix, x), transposed: multiplyTransposed(matrix, y) };
}
