import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { createDataset } from '../../src/gan/data/registry.ts';
import {
  encodeMnist,
  MNIST_CLASSES,
  MNIST_HELD_OUT,
  MNIST_PIXELS,
  mnistDataset,
  mnistSplit,
  parseMnist,
} from '../../src/gan/data/mnist.ts';
import { createRng } from '../../src/gan/rng.ts';
import { loadMnistFile } from '../../scripts/node/mnist.ts';

const file = loadMnistFile();

describe('MNIST binary', () => {
  test('holds all 10,000 digits of the package; the last 1,000 are held out, 100 per class', () => {
    expect(file.count).toBe(10_000);
    expect(file.heldOut).toBe(MNIST_HELD_OUT);
    const heldOut = mnistSplit(file, 'heldOut');
    const train = mnistSplit(file, 'train');
    expect(train.count + heldOut.count).toBe(10_000);
    const perClass = new Array(MNIST_CLASSES).fill(0);
    heldOut.labels.forEach((label) => perClass[label]++);
    expect(perClass).toEqual(new Array(MNIST_CLASSES).fill(100));
  });

  test('its bytes are the package digits: every digit of the package appears once, pixel for pixel', () => {
    const mnist = createRequire(import.meta.url)('mnist') as { raw: number[]; length: number }[];
    const key = (bytes: ArrayLike<number>) => Array.from(bytes).join(',');
    const stored = new Map<string, number>();
    for (let i = 0; i < file.count; i++) {
      const k = `${file.labels[i]}:${key(file.pixels.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS))}`;
      stored.set(k, (stored.get(k) ?? 0) + 1);
    }
    let total = 0;
    for (let label = 0; label < MNIST_CLASSES; label++) {
      for (let i = 0; i < mnist[label].length; i++) {
        const bytes = mnist[label].raw.slice(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS).map((v) => Math.round(v * 255));
        const k = `${label}:${key(bytes)}`;
        expect(stored.get(k)).toBeGreaterThan(0);
        stored.set(k, (stored.get(k) ?? 0) - 1);
        total++;
      }
    }
    expect(total).toBe(file.count);
  });

  test('encode and parse round-trip; corrupt files are refused', () => {
    const copy = parseMnist(encodeMnist(file));
    expect(copy.count).toBe(file.count);
    expect(copy.labels).toEqual(file.labels);
    const bytes = new Uint8Array(encodeMnist(file));
    expect(() => parseMnist(bytes.slice(0, bytes.length - 1).buffer)).toThrow(/bytes, expected/);
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    expect(() => parseMnist(badMagic.buffer)).toThrow(/magic/);
    const badLabel = bytes.slice();
    badLabel[badLabel.length - 1] = 10;
    expect(() => parseMnist(badLabel.buffer)).toThrow(/label/);
  });
});

describe('MNIST dataset', () => {
  const dataset = mnistDataset(file);

  test('784-vectors in [−1, 1] with labels; 28×28×1 images for a tanh generator', () => {
    expect(dataset).toMatchObject({
      id: 'mnist',
      dimension: 784,
      classes: 10,
      imageShape: [28, 28, 1],
      outputActivation: 'tanh',
    });
    const { x, labels } = dataset.sample(50, createRng(1));
    expect(x).toHaveLength(50 * 784);
    expect(Math.min(...x)).toBe(-1);
    expect(Math.max(...x)).toBe(1);
    expect(labels).toHaveLength(50);
    expect(new Set(labels).size).toBeGreaterThan(5);
  });

  test('sampling is seeded: the same stream gives the same batch', () => {
    expect(dataset.sample(10, createRng(7, 'data')).x).toEqual(dataset.sample(10, createRng(7, 'data')).x);
    expect(dataset.sample(10, createRng(7, 'data')).x).not.toEqual(dataset.sample(10, createRng(8, 'data')).x);
  });

  test('sampleClass draws only the requested digit, from the training split', () => {
    const batch = dataset.sampleClass!(20, 3, createRng(2));
    expect(Array.from(batch.labels!)).toEqual(new Array(20).fill(3));
    const train = mnistSplit(file, 'train');
    const trainKeys = new Set(
      Array.from({ length: train.count }, (_, i) => train.pixels.subarray(i * 784, (i + 1) * 784).join(',')),
    );
    for (let row = 0; row < 20; row++) {
      const bytes = Array.from(batch.x.subarray(row * 784, (row + 1) * 784), (v) => Math.round((v + 1) * 127.5));
      expect(trainKeys.has(bytes.join(','))).toBe(true);
    }
  });

  test('the registry hands out the loaded digits and says when they are missing', () => {
    expect(createDataset('mnist', { mnist: dataset })).toBe(dataset);
    expect(() => createDataset('mnist')).toThrow(/not been loaded/);
  });
});
