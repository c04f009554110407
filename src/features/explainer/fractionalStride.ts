/**
 * The transposed convolution seen as a "fractionally strided" convolution (the course notes: DCGAN
 * replaces G's pooling by transposed convolutions of stride 1/s): insert s − 1 zeros between
 * neighbouring cells of the small map, pad the result with k − 1 − p zeros on every side, and slide
 * the kernel, flipped in both directions, over it with stride 1 (Dumoulin & Visin 2016, "A guide to
 * convolution arithmetic for deep learning", §4.5–4.6, relationship 14).
 *
 * Where several input sizes n share one small-map size o (n + 2p − k not divisible by s), the large
 * map asked for has a = (n + 2p − k) mod s more rows and columns than (o − 1)s + k − 2p: those come
 * from a extra zeros at the bottom and the right, as tf.conv2dTranspose's output shape does.
 *
 * It computes the same numbers as Cᵀ·y (convMatrix.ts) by another route; the unit tests and the
 * page's live check (tfCheck.ts) hold both to tf.conv2dTranspose. Pure TypeScript, no React or tfjs.
 */
import { type ConvSettings, outputSize } from './convMatrix.ts';

export interface FractionalStride {
  /** The zeros inserted between two neighbouring small-map cells: s − 1. */
  readonly inserted: number;
  /** Zero rows (columns) before the first cell, on top (left): k − 1 − p. */
  readonly before: number;
  /** Zero rows (columns) after the last cell, at the bottom (right): k − 1 − p + a. */
  readonly after: number;
  /** Side of the stretched map before padding: (o − 1)s + 1. */
  readonly stretchedSize: number;
  /** Side of the stretched, padded map: the flipped kernel slides over it with stride 1. */
  readonly size: number;
  /** Row-major size×size values of that map. */
  readonly values: Float64Array;
  /** For each cell of that map, the small-map cell it holds (row-major index), or −1 for a zero. */
  readonly source: Int32Array;
  /** Whether a zero cell was inserted between cells (true) or is padding (false); false on small-map cells. */
  readonly insertedZero: Uint8Array;
  /** The kernel flipped top to bottom and left to right, row-major k×k. */
  readonly flipped: readonly number[];
  /** Side of the output: n. */
  readonly outputSize: number;
}

/** The kernel turned by 180°: weight (r, c) moves to (k − 1 − r, k − 1 − c). */
export function flipKernel(kernel: readonly number[], kernelSize: number): number[] {
  if (kernel.length !== kernelSize * kernelSize)
    throw new Error(`kernel has ${kernel.length} weights, expected ${kernelSize * kernelSize}`);
  return [...kernel].reverse();
}

/** The stretched, padded small map and the flipped kernel for the transposed convolution of `settings`. */
export function fractionalStride(
  settings: ConvSettings,
  kernel: readonly number[],
  y: ArrayLike<number>,
): FractionalStride {
  const { inputSize: n, kernelSize: k, stride: s, padding: p } = settings;
  const o = outputSize(settings);
  if (y.length !== o * o) throw new Error(`y has ${y.length} entries, the small map has ${o * o}`);
  const stretchedSize = (o - 1) * s + 1;
  const before = k - 1 - p;
  // The rows that (o − 1)s + k − 2p leaves short of n: tf's output shape asks for them.
  const extra = n - ((o - 1) * s + k - 2 * p);
  const after = before + extra;
  const size = before + stretchedSize + after;
  const values = new Float64Array(size * size);
  const source = new Int32Array(size * size).fill(-1);
  const insertedZero = new Uint8Array(size * size);
  for (let row = 0; row < stretchedSize; row++) {
    for (let col = 0; col < stretchedSize; col++) {
      const cell = (before + row) * size + before + col;
      if (row % s === 0 && col % s === 0) {
        const index = (row / s) * o + col / s;
        values[cell] = y[index];
        source[cell] = index;
      } else insertedZero[cell] = 1;
    }
  }
  return {
    inserted: s - 1,
    before,
    after,
    stretchedSize,
    size,
    values,
    source,
    insertedZero,
    flipped: flipKernel(kernel, k),
    outputSize: n,
  };
}

/** The cells of the stretched map under output cell `index`'s window, with the flipped weight on each. */
export function windowCells(
  view: FractionalStride,
  kernelSize: number,
  index: number,
): { cell: number; tap: number }[] {
  const row = Math.floor(index / view.outputSize);
  const col = index % view.outputSize;
  const cells: { cell: number; tap: number }[] = [];
  for (let kr = 0; kr < kernelSize; kr++)
    for (let kc = 0; kc < kernelSize; kc++)
      cells.push({ cell: (row + kr) * view.size + col + kc, tap: kr * kernelSize + kc });
  return cells;
}

/**
 * The stride-1 convolution of the stretched map with the flipped kernel, for the first `steps`
 * output cells in reading order (the rest stay 0); all n² of them give the transposed convolution.
 */
export function fractionalPartial(view: FractionalStride, kernelSize: number, steps: number): Float64Array {
  const count = view.outputSize * view.outputSize;
  const out = new Float64Array(count);
  for (let index = 0; index < Math.min(steps, count); index++) {
    let sum = 0;
    for (const { cell, tap } of windowCells(view, kernelSize, index)) sum += view.values[cell] * view.flipped[tap];
    out[index] = sum;
  }
  return out;
}

/** The transposed convolution by the fractional-stride route: n² entries, row-major. */
export function fractionalTransposed(
  settings: ConvSettings,
  kernel: readonly number[],
  y: ArrayLike<number>,
): Float64Array {
  const view = fractionalStride(settings, kernel, y);
  return fractionalPartial(view, settings.kernelSize, view.outputSize * view.outputSize);
}
