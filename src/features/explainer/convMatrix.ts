/**
 * A single-channel 2D convolution written as a matrix product, and its transpose.
 *
 * The seed: "합성곱 연산은 행렬의 곱으로 나타낼 수 있다" — a convolution of an n×n input x with a k×k
 * kernel (stride s, zero padding p) is y = C·x, where x is the input flattened row by row (n²
 * entries) and C is a sparse o²×n² matrix, o = ⌊(n + 2p − k)/s⌋ + 1. Row i of C holds the kernel's
 * weights at the input positions that output cell i reads. The transposed convolution is Cᵀ·y: it
 * maps the small o×o map back to n×n, each small-map cell spreading a kernel-sized stamp
 * (Dumoulin & Visin 2016, "A guide to convolution arithmetic for deep learning", §4).
 *
 * Pure TypeScript, no React or tfjs, so Node tests import it and compare it with tf.conv2d and
 * tf.conv2dTranspose for every setting the page allows.
 */

export interface ConvSettings {
  /** n: the input is n×n. */
  readonly inputSize: number;
  /** k: the kernel is k×k. */
  readonly kernelSize: number;
  /** s: the step between two neighbouring windows, the same along rows and columns. */
  readonly stride: number;
  /** p: zero rows and columns added on every side of the input. */
  readonly padding: number;
}

/** Small enough that every cell of C stays visible: at most a 81×36 matrix. */
export const LIMITS = {
  inputSize: { min: 2, max: 6 },
  kernelSize: { min: 1, max: 4 },
  stride: { min: 1, max: 3 },
} as const;

export const DEFAULT_SETTINGS: ConvSettings = { inputSize: 4, kernelSize: 3, stride: 1, padding: 0 };

export function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/**
 * Padding runs from none to "full" (k − 1): with p ≥ k some windows would see only zeros, so
 * their rows of C would be empty.
 */
export function paddingChoices(kernelSize: number): number[] {
  return range(0, kernelSize - 1);
}

/** o = ⌊(n + 2p − k)/s⌋ + 1, the same rule as tfjs's conv_util for a numeric padding. */
export function outputSize({ inputSize, kernelSize, stride, padding }: ConvSettings): number {
  return Math.floor((inputSize + 2 * padding - kernelSize) / stride) + 1;
}

const within = (value: number, { min, max }: { min: number; max: number }) =>
  Number.isInteger(value) && value >= min && value <= max;

export function isAllowed(settings: ConvSettings): boolean {
  const { inputSize, kernelSize, stride, padding } = settings;
  return (
    within(inputSize, LIMITS.inputSize) &&
    within(kernelSize, LIMITS.kernelSize) &&
    within(stride, LIMITS.stride) &&
    paddingChoices(kernelSize).includes(padding) &&
    // The kernel must fit inside the padded input at least once.
    inputSize + 2 * padding >= kernelSize
  );
}

/**
 * Turns any combination the controls can produce into an allowed one: padding is capped at k − 1,
 * and raised just enough for a kernel larger than the input to fit once.
 */
export function normalizeSettings(settings: ConvSettings): ConvSettings {
  const clamp = (value: number, { min, max }: { min: number; max: number }) =>
    Math.min(max, Math.max(min, Math.round(value)));
  const inputSize = clamp(settings.inputSize, LIMITS.inputSize);
  const kernelSize = clamp(settings.kernelSize, LIMITS.kernelSize);
  const stride = clamp(settings.stride, LIMITS.stride);
  const fits = Math.max(0, Math.ceil((kernelSize - inputSize) / 2));
  const padding = Math.max(fits, Math.min(kernelSize - 1, Math.max(0, Math.round(settings.padding))));
  return { inputSize, kernelSize, stride, padding };
}

/** Every setting the page offers; the unit tests check each one against tfjs. */
export function allowedSettings(): ConvSettings[] {
  const all: ConvSettings[] = [];
  for (const inputSize of range(LIMITS.inputSize.min, LIMITS.inputSize.max)) {
    for (const kernelSize of range(LIMITS.kernelSize.min, LIMITS.kernelSize.max)) {
      for (const stride of range(LIMITS.stride.min, LIMITS.stride.max)) {
        for (const padding of paddingChoices(kernelSize)) {
          const settings = { inputSize, kernelSize, stride, padding };
          if (isAllowed(settings)) all.push(settings);
        }
      }
    }
  }
  return all;
}

/** Weights 1…k² in reading order, so that each weight's value also tells where it sits. */
export function defaultKernel(kernelSize: number): number[] {
  return range(1, kernelSize * kernelSize);
}

/** A small, fixed input with integer values 0…3, easy to multiply in one's head. */
export function sampleInput(inputSize: number): number[] {
  return range(0, inputSize * inputSize - 1).map((i) => (Math.floor(i / inputSize) * 2 + (i % inputSize)) % 4);
}

export interface ConvMatrix {
  /** o², one row per output cell. */
  readonly rows: number;
  /** n², one column per input cell. */
  readonly cols: number;
  /** Row-major rows×cols values of C. */
  readonly values: Float64Array;
  /**
   * Row-major: which kernel weight (row-major index into the k×k kernel) sits in each cell of C, or
   * −1 where the window does not cover that input cell. Structural, so a weight set to 0 still
   * shows where it sits.
   */
  readonly taps: Int16Array;
}

/** Where the top-left corner of output cell (row, col)'s window lies, in input coordinates. */
export function windowOrigin(settings: ConvSettings, outRow: number, outCol: number): { row: number; col: number } {
  return { row: outRow * settings.stride - settings.padding, col: outCol * settings.stride - settings.padding };
}

/** C for a row-major k×k kernel. */
export function convolutionMatrix(settings: ConvSettings, kernel: readonly number[]): ConvMatrix {
  const { inputSize: n, kernelSize: k } = settings;
  if (kernel.length !== k * k) throw new Error(`kernel has ${kernel.length} weights, expected ${k * k}`);
  const o = outputSize(settings);
  const rows = o * o;
  const cols = n * n;
  const values = new Float64Array(rows * cols);
  const taps = new Int16Array(rows * cols).fill(-1);
  for (let outRow = 0; outRow < o; outRow++) {
    for (let outCol = 0; outCol < o; outCol++) {
      const origin = windowOrigin(settings, outRow, outCol);
      const row = outRow * o + outCol;
      for (let kr = 0; kr < k; kr++) {
        for (let kc = 0; kc < k; kc++) {
          const inRow = origin.row + kr;
          const inCol = origin.col + kc;
          // Window positions in the zero padding multiply zeros: they have no column in C.
          if (inRow < 0 || inRow >= n || inCol < 0 || inCol >= n) continue;
          const cell = row * cols + inRow * n + inCol;
          values[cell] = kernel[kr * k + kc];
          taps[cell] = kr * k + kc;
        }
      }
    }
  }
  return { rows, cols, values, taps };
}

/** C·x: the convolution's output, flattened (o² entries). */
export function multiply(matrix: ConvMatrix, x: ArrayLike<number>): Float64Array {
  if (x.length !== matrix.cols) throw new Error(`x has ${x.length} entries, C has ${matrix.cols} columns`);
  const out = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    let sum = 0;
    for (let j = 0; j < matrix.cols; j++) sum += matrix.values[i * matrix.cols + j] * x[j];
    out[i] = sum;
  }
  return out;
}

/** Cᵀ·y: the transposed convolution's output, flattened (n² entries). */
export function multiplyTransposed(matrix: ConvMatrix, y: ArrayLike<number>): Float64Array {
  return stampPartialSum(matrix, y, matrix.rows);
}

/**
 * Cᵀ·y with only the first `steps` small-map cells stamped: each cell y_i adds y_i times the
 * kernel over its patch (column i of Cᵀ, which is row i of C). After all o² steps this is Cᵀ·y.
 */
export function stampPartialSum(matrix: ConvMatrix, y: ArrayLike<number>, steps: number): Float64Array {
  if (y.length !== matrix.rows) throw new Error(`y has ${y.length} entries, Cᵀ has ${matrix.rows} columns`);
  const out = new Float64Array(matrix.cols);
  for (let i = 0; i < Math.min(steps, matrix.rows); i++) {
    for (let j = 0; j < matrix.cols; j++) out[j] += matrix.values[i * matrix.cols + j] * y[i];
  }
  return out;
}

/** The input cells (columns of C) that row i reads, with the kernel weight that lands on each. */
export function rowSupport(matrix: ConvMatrix, row: number): { index: number; tap: number }[] {
  const support: { index: number; tap: number }[] = [];
  for (let j = 0; j < matrix.cols; j++) {
    const tap = matrix.taps[row * matrix.cols + j];
    if (tap >= 0) support.push({ index: j, tap });
  }
  return support;
}

/** The output cells (rows of C) that read input cell j, with the kernel weight each one uses. */
export function columnSupport(matrix: ConvMatrix, col: number): { index: number; tap: number }[] {
  const support: { index: number; tap: number }[] = [];
  for (let i = 0; i < matrix.rows; i++) {
    const tap = matrix.taps[i * matrix.cols + col];
    if (tap >= 0) support.push({ index: i, tap });
  }
  return support;
}

/**
 * For each cell of the large map, how many stamps of the transposed convolution land on it. Uneven
 * counts (kernel size not divisible by the stride) are the checkerboard pattern of Odena, Dumoulin
 * & Olah 2016, "Deconvolution and Checkerboard Artifacts" (Distill).
 */
export function overlapCounts(matrix: ConvMatrix): number[] {
  return range(0, matrix.cols - 1).map((col) => columnSupport(matrix, col).length);
}
