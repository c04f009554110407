import { beforeAll, describe, expect, test } from 'vitest';
import {
  allowedSettings,
  convolutionMatrix,
  isAllowed,
  LIMITS,
  multiply,
  multiplyTransposed,
  normalizeSettings,
  outputSize,
  overlapCounts,
  paddingChoices,
  range,
  rowSupport,
  stampPartialSum,
} from '../../src/features/explainer/convMatrix.ts';
import { compareWithTf } from '../../src/features/explainer/tfCheck.ts';
import { allowedCases, label, liveCheckCase, values, viaTf } from './conv-helpers.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

describe('the settings the page allows', () => {
  test('are every in-range combination whose kernel fits the padded input', () => {
    const all = allowedSettings();
    let fitting = 0;
    for (const n of range(2, 6))
      for (const k of range(1, 4)) for (let p = 0; p < k; p++) if (n + 2 * p >= k) fitting += 1;
    const strides = 3;
    expect(all).toHaveLength(fitting * strides);
    expect(all.every(isAllowed)).toBe(true);
    expect(isAllowed({ inputSize: 2, kernelSize: 4, stride: 1, padding: 0 })).toBe(false);
    expect(isAllowed({ inputSize: 7, kernelSize: 3, stride: 1, padding: 0 })).toBe(false);
    expect(isAllowed({ inputSize: 4, kernelSize: 3, stride: 1, padding: 3 })).toBe(false);
  });

  test('normalizeSettings turns every combination the controls can produce into an allowed one', () => {
    for (const n of range(LIMITS.inputSize.min, LIMITS.inputSize.max)) {
      for (const k of range(LIMITS.kernelSize.min, LIMITS.kernelSize.max)) {
        for (const s of range(LIMITS.stride.min, LIMITS.stride.max)) {
          for (const p of paddingChoices(LIMITS.kernelSize.max)) {
            const raw = { inputSize: n, kernelSize: k, stride: s, padding: p };
            const fixed = normalizeSettings(raw);
            expect(isAllowed(fixed), label(raw)).toBe(true);
            if (isAllowed(raw)) expect(fixed).toEqual(raw);
          }
        }
      }
    }
  });
});

describe('the matrix form equals TensorFlow.js for every allowed setting', () => {
  test('C·x == tf.conv2d and Cᵀ·y == tf.conv2dTranspose', () => {
    const cases = allowedCases({ kernel: 1, x: 1000, y: 2000 });
    for (const { settings: s, o, kernel, x, y } of cases) {
      const n = s.inputSize;
      const matrix = convolutionMatrix(s, kernel);
      expect([matrix.rows, matrix.cols], label(s)).toEqual([o * o, n * n]);
      const tfAnswer = viaTf(s, kernel, x, y);
      expect(tfAnswer.shape, label(s)).toEqual([o, o, 1]);
      // Inputs are multiples of 1/8 and sums have at most 16 terms: exact in float32, so toEqual
      // holds and any misplaced weight shows.
      expect(Array.from(multiply(matrix, x)), label(s)).toEqual(Array.from(tfAnswer.convolution));
      expect(Array.from(multiplyTransposed(matrix, y)), label(s)).toEqual(Array.from(tfAnswer.transposed));
    }
    // 47 size/kernel/padding combinations fit, times 3 strides.
    expect(cases).toHaveLength(141);
  });

  test("the page's live check says yes for the matrix form and no for a wrong answer", async () => {
    const { settings: s, kernel, x, y, ...right } = liveCheckCase();
    const before = tf.memory().numTensors;
    expect((await compareWithTf(tf, s, kernel, x, y, right)).matches).toBe(true);
    expect(tf.memory().numTensors).toBe(before);

    const wrongConv = Float64Array.from(right.convolution);
    wrongConv[4] += 0.01;
    const verdict = await compareWithTf(tf, s, kernel, x, y, { ...right, convolution: wrongConv });
    expect(verdict.matches).toBe(false);
    expect(verdict.convDifference).toBeCloseTo(0.01, 5);
    // Cᵀ is not C: using the forward kernel flipped would be a different operation.
    const flipped = convolutionMatrix(s, [...kernel].reverse());
    const wrongT = { ...right, transposed: multiplyTransposed(flipped, y) };
    expect((await compareWithTf(tf, s, kernel, x, y, wrongT)).matches).toBe(false);
  });
});

test("the DCGAN generator's layers (kernel 4, stride 2, tfjs padding 'same') are Cᵀ with p = 1, as the diagram says", () => {
  for (const [small, large] of [
    [7, 14],
    [14, 28],
  ]) {
    const s = { inputSize: large, kernelSize: 4, stride: 2, padding: 1 };
    expect(outputSize(s)).toBe(small);
    const kernel = values(16, small);
    const y = values(small * small, large);
    const viaSame = tf.tidy(() =>
      tf
        .conv2dTranspose(
          tf.tensor3d(y, [small, small, 1]),
          tf.tensor4d(kernel, [4, 4, 1, 1]),
          [large, large, 1],
          2,
          'same',
        )
        .dataSync(),
    );
    expect(Array.from(multiplyTransposed(convolutionMatrix(s, kernel), y))).toEqual(Array.from(viaSame));
  }
});

describe('the structure of C', () => {
  test('the classic 4×4 input, 3×3 kernel example: C is 4×16 with the kernel rows shifted', () => {
    const matrix = convolutionMatrix({ inputSize: 4, kernelSize: 3, stride: 1, padding: 0 }, range(1, 9));
    const row = (i: number) => Array.from(matrix.values.slice(i * 16, i * 16 + 16));
    expect(row(0)).toEqual([1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0]);
    expect(row(3)).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9]);
  });

  test('a weight set to 0 still marks where it sits, and padding drops taps', () => {
    const matrix = convolutionMatrix(
      { inputSize: 3, kernelSize: 3, stride: 1, padding: 1 },
      [0, 0, 0, 0, 1, 0, 0, 0, 0],
    );
    // Output (0,0) centres on input (0,0): only the kernel's lower-right 2×2 lands inside.
    expect(rowSupport(matrix, 0)).toEqual([
      { index: 0, tap: 4 },
      { index: 1, tap: 5 },
      { index: 3, tap: 7 },
      { index: 4, tap: 8 },
    ]);
    expect(rowSupport(matrix, 4)).toHaveLength(9);
  });

  test('stride 2, kernel 3 overlaps unevenly (checkerboard); kernel 4 overlaps evenly inside', () => {
    const counts = (k: number) =>
      overlapCounts(convolutionMatrix({ inputSize: 6, kernelSize: k, stride: 2, padding: 1 }, Array(k * k).fill(1)));
    expect(counts(3).slice(0, 6)).toEqual([1, 2, 1, 2, 1, 1]);
    expect(counts(3).slice(6, 12)).toEqual([2, 4, 2, 4, 2, 2]);
    const even = counts(4);
    const interior = range(1, 4).flatMap((r) => range(1, 4).map((c) => even[r * 6 + c]));
    expect(new Set(interior)).toEqual(new Set([4]));
  });

  test('stamping one small-map cell at a time sums to Cᵀ·y', () => {
    const s = { inputSize: 6, kernelSize: 3, stride: 2, padding: 1 };
    const matrix = convolutionMatrix(s, values(9, 3));
    const y = values(9, 4);
    expect(Array.from(stampPartialSum(matrix, y, 0))).toEqual(Array(36).fill(0));
    expect(Array.from(stampPartialSum(matrix, y, 9))).toEqual(Array.from(multiplyTransposed(matrix, y)));
    const one = stampPartialSum(matrix, y, 1);
    expect(one.filter((v) => v !== 0).length).toBeLessThanOrEqual(9);
  });
});
