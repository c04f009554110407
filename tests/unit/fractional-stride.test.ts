import { beforeAll, describe, expect, test } from 'vitest';
import {
  convolutionMatrix,
  type ConvSettings,
  multiplyTransposed,
  outputSize,
  range,
} from '../../src/features/explainer/convMatrix.ts';
import {
  flipKernel,
  fractionalPartial,
  fractionalStride,
  fractionalTransposed,
  windowCells,
} from '../../src/features/explainer/fractionalStride.ts';
import { compareWithTf } from '../../src/features/explainer/tfCheck.ts';
import { allowedCases, label, liveCheckCase, values, viaTf } from './conv-helpers.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/**
 * The transposed convolution by its definition, written independently of both views: every small-map
 * cell (a, b) adds y(a, b) · w(i, j) at large-map cell (a·s − p + i, b·s − p + j), inside the map.
 */
function scatter(settings: ConvSettings, kernel: readonly number[], y: readonly number[]): number[] {
  const { inputSize: n, kernelSize: k, stride: s, padding: p } = settings;
  const o = outputSize(settings);
  const out = Array<number>(n * n).fill(0);
  for (let a = 0; a < o; a++)
    for (let b = 0; b < o; b++)
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const row = a * s - p + i;
          const col = b * s - p + j;
          if (row >= 0 && row < n && col >= 0 && col < n) out[row * n + col] += y[a * o + b] * kernel[i * k + j];
        }
  return out;
}

describe('the fractional-stride view', () => {
  test('equals Cᵀ·y, the direct definition and tf.conv2dTranspose for every setting the page allows', () => {
    const cases = allowedCases({ kernel: 3, x: 5000, y: 4000 });
    for (const { settings: s, kernel, x, y } of cases) {
      const fractional = Array.from(fractionalTransposed(s, kernel, y));
      expect(fractional, label(s)).toEqual(Array.from(multiplyTransposed(convolutionMatrix(s, kernel), y)));
      expect(fractional, label(s)).toEqual(scatter(s, kernel, y));
      expect(fractional, label(s)).toEqual(Array.from(viaTf(s, kernel, x, y).transposed));
    }
    expect(cases).toHaveLength(141);
  });

  test.each([
    // [n, k, s, p]: stride 1, the checkerboard, DCGAN's layer, and sizes where n + 2p − k is not a multiple of s.
    [4, 3, 1, 0],
    [6, 3, 2, 1],
    [6, 4, 2, 1],
    [5, 3, 2, 0],
    [6, 2, 3, 1],
    [5, 4, 3, 2],
  ])(
    'n=%i k=%i s=%i p=%i: s − 1 zeros between cells, k − 1 − p around, a stride-1 slide of the flipped kernel',
    (n, k, s, p) => {
      const settings = { inputSize: n, kernelSize: k, stride: s, padding: p };
      const o = outputSize(settings);
      const kernel = values(k * k, n * 31 + k);
      const y = values(o * o, s * 17 + p);
      const view = fractionalStride(settings, kernel, y);
      const a = (n + 2 * p - k) % s;
      expect(view.inserted).toBe(s - 1);
      expect(view.stretchedSize).toBe((o - 1) * s + 1);
      expect([view.before, view.after]).toEqual([k - 1 - p, k - 1 - p + a]);
      // A stride-1 convolution of a size×size map with a k×k kernel gives n×n: the large map.
      expect(view.size - k + 1).toBe(n);
      // Every small-map cell sits once, s apart; every other cell is a zero, inserted or padding.
      const held = Array.from(view.source).filter((index) => index >= 0);
      expect(held).toEqual(range(0, o * o - 1));
      for (let cell = 0; cell < view.size * view.size; cell++) {
        if (view.source[cell] >= 0) expect(view.values[cell]).toBe(y[view.source[cell]]);
        else expect(view.values[cell]).toBe(0);
      }
      const insertedCount = Array.from(view.insertedZero).filter(Boolean).length;
      expect(insertedCount).toBe(view.stretchedSize ** 2 - o * o);
      // The flipped kernel is the kernel turned by 180°, and flipping twice gives it back.
      expect(view.flipped[0]).toBe(kernel[k * k - 1]);
      expect(flipKernel(view.flipped as number[], k)).toEqual(kernel);
      // Stepping: the first t output cells are final, the rest still 0.
      const all = fractionalPartial(view, k, n * n);
      const some = fractionalPartial(view, k, 2);
      expect(Array.from(some.slice(0, 2))).toEqual(Array.from(all.slice(0, 2)));
      expect(Array.from(some.slice(2))).toEqual(Array(n * n - 2).fill(0));
      expect(windowCells(view, k, n * n - 1).at(-1)?.cell).toBe(view.size * view.size - 1);
    },
  );

  test('the unflipped kernel gives another answer: the flip is part of the rule', () => {
    const settings = { inputSize: 6, kernelSize: 3, stride: 2, padding: 1 };
    const kernel = values(9, 5);
    const y = values(9, 6);
    const view = fractionalStride(settings, kernel, y);
    const unflipped = { ...view, flipped: kernel };
    expect(Array.from(fractionalPartial(unflipped, 3, 36))).not.toEqual(scatter(settings, kernel, y));
  });

  test("the page's live check compares the fractional view with tf.conv2dTranspose too", async () => {
    const { settings: s, kernel, x, y, ...forms } = liveCheckCase();
    const right = { ...forms, fractional: fractionalTransposed(s, kernel, y) };
    const before = tf.memory().numTensors;
    const verdict = await compareWithTf(tf, s, kernel, x, y, right);
    expect(verdict.matches).toBe(true);
    expect(verdict.fractionalDifference).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    const wrong = Float64Array.from(right.fractional);
    wrong[12] += 0.01;
    const refused = await compareWithTf(tf, s, kernel, x, y, { ...right, fractional: wrong });
    expect(refused.matches).toBe(false);
    expect(refused.fractionalDifference).toBeCloseTo(0.01, 5);
  });
});
