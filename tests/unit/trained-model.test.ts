/**
 * Trained starts (issue 17): the shipped model format (src/features/presets/trainedModel.ts) reads
 * back what was written within half a quantization step and refuses damaged files naming what is
 * wrong; every shipped model (public/models/<preset>.*) reads and fits a fresh run of its preset as
 * the page puts it in (weightsIntoRun), so a change of a preset's networks after `npm run pretrain:model`
 * fails here rather than loading garbage. Also the latent explorer's rules (src/features/latent/
 * rules.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  decodeTrainedModel,
  encodeTensors,
  QUANTIZE_FROM,
  TRAINED_MODEL_KIND,
  TRAINED_MODEL_VERSION,
  type TrainedModelManifest,
} from '../../src/features/presets/trainedModel.ts';
import { modelFiles, TRAINED_PRESETS } from '../../src/features/presets/trainedModels.ts';
import { weightsIntoRun } from '../../src/features/share/pytorchWeights.ts';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { seededLatents } from '../../src/gan/latent.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import {
  attributeExample,
  EXAMPLE_NEIGHBOURS,
  EXAMPLE_POOL,
  EXAMPLE_SLOT_SIZE,
  examplePool,
  ink,
  slant,
  YOUNG_ITERATIONS,
  YOUNG_SCORE,
  youngModel,
} from '../../src/features/latent/rules.ts';
import { captureRun } from '../../src/worker/serialize.ts';
import type { SavedTensor } from '../../src/worker/serialized-run.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const tensors: SavedTensor[] = [
  { name: 'generator.0', shape: [40, 50], values: Float32Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 0.3) },
  { name: 'generator.1', shape: [3], values: Float32Array.of(0.1, -2.5, 7) },
  { name: 'discriminator.0', shape: [QUANTIZE_FROM], values: new Float32Array(QUANTIZE_FROM).fill(0.25) },
];

function written(): { manifest: TrainedModelManifest; bytes: ArrayBuffer } {
  const { entries, bytes } = encodeTensors(tensors);
  const manifest: TrainedModelManifest = {
    kind: TRAINED_MODEL_KIND,
    version: TRAINED_MODEL_VERSION,
    preset: 'mnistDefault',
    config: defaultConfig(),
    iteration: 1234,
    figures: {},
    tensors: entries,
  };
  return { manifest: JSON.parse(JSON.stringify(manifest)) as TrainedModelManifest, bytes: bytes.buffer as ArrayBuffer };
}

describe('the trained model format', () => {
  test('reads back the tensors: 8-bit within half a step, small ones and constants exactly', () => {
    const { manifest, bytes } = written();
    expect(manifest.tensors.map((t) => t.encoding)).toEqual(['uint8', 'float32', 'uint8']);
    const read = decodeTrainedModel(manifest, bytes, 'mnistDefault');
    if (!read.ok) throw new Error(read.refusal.code);
    expect(read.weights.iteration).toBe(1234);
    const [big, small, constant] = read.weights.tensors;
    const step = (manifest.tensors[0] as { step: number }).step;
    expect(Math.max(...big.values.map((v, i) => Math.abs(v - tensors[0].values[i])))).toBeLessThanOrEqual(
      step / 2 + 1e-7,
    );
    expect(Array.from(small.values)).toEqual(Array.from(tensors[1].values));
    expect(constant.values.every((v) => v === 0.25)).toBe(true);
  });

  test.each([
    ['another kind', (m: Record<string, unknown>) => (m.kind = 'nash-run'), 'notTrainedModel'],
    ['a newer version', (m: Record<string, unknown>) => (m.version = 2), 'modelVersion'],
    ['another preset', (m: Record<string, unknown>) => (m.preset = 'cganMnist'), 'otherPreset'],
    ['bad settings', (m: Record<string, unknown>) => (m.config = { ...defaultConfig(), batchSize: -1 }), 'settings'],
    ['no tensors', (m: Record<string, unknown>) => (m.tensors = []), 'noWeights'],
    [
      'an unknown encoding',
      (m: Record<string, unknown>) => ((m.tensors as { encoding: string }[])[0].encoding = 'int4'),
      'badEncoding',
    ],
    [
      'a shape the bytes do not hold',
      (m: Record<string, unknown>) => ((m.tensors as { shape: number[] }[])[0].shape = [41, 50]),
      'weightsLength',
    ],
  ])('refuses %s', (_, damage, code) => {
    const { manifest, bytes } = written();
    damage(manifest as unknown as Record<string, unknown>);
    const read = decodeTrainedModel(manifest, bytes, 'mnistDefault');
    expect(read.ok ? 'accepted' : read.refusal.code).toBe(code);
  });

  test('refuses truncated bytes and a non-finite float', () => {
    const { manifest, bytes } = written();
    const short = decodeTrainedModel(manifest, bytes.slice(0, bytes.byteLength - 1), 'mnistDefault');
    expect(short.ok ? 'accepted' : short.refusal).toEqual({
      code: 'weightsLength',
      bytes: bytes.byteLength - 1,
      expected: bytes.byteLength,
    });
    const nan = new Uint8Array(bytes.slice(0));
    new Float32Array(nan.buffer, 2000, 1)[0] = Number.NaN;
    const read = decodeTrainedModel(manifest, nan.buffer, 'mnistDefault');
    expect(read.ok ? 'accepted' : read.refusal).toEqual({ code: 'notFiniteWeight', name: '"generator.1"' });
  });
});

describe('the shipped models', () => {
  const shipped = TRAINED_PRESETS.filter((id) => existsSync(`public/${modelFiles(id).manifest}`));
  test('at least the MLP preset ships one (the browser test loads it)', () => {
    expect(shipped).toContain('mnistDefault');
  });
  test.each(shipped)('%s reads and fits a fresh run of its preset', async (preset) => {
    const files = modelFiles(preset);
    const bytes = readFileSync(`public/${files.weights}`);
    const read = decodeTrainedModel(
      JSON.parse(readFileSync(`public/${files.manifest}`, 'utf8')),
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      preset,
    );
    if (!read.ok)
      throw new Error(`${preset}: refused (${read.refusal.code}); run npm run pretrain:model -- --preset ${preset}`);
    const config = { ...defaultConfig(), ...PRESETS[preset].config } as RunConfig;
    const trainer = new Trainer(config, createDataset('mnist', { mnist: loadMnist() }));
    try {
      const merged = weightsIntoRun(read.weights, await captureRun(trainer));
      const why = merged.ok ? undefined : merged.refusal;
      expect(why, `run npm run pretrain:model -- --preset ${preset}`).toBeUndefined();
    } finally {
      trainer.dispose();
    }
  });
});

describe('the latent explorer’s rules', () => {
  test('a model is young under YOUNG_ITERATIONS, or on MNIST under YOUNG_SCORE once a score is known', () => {
    expect(youngModel(YOUNG_ITERATIONS - 1, 'ring')).toEqual({ reason: 'iterations', iteration: YOUNG_ITERATIONS - 1 });
    expect(youngModel(YOUNG_ITERATIONS, 'ring', 1)).toBeUndefined();
    expect(youngModel(YOUNG_ITERATIONS, 'mnist')).toBeUndefined();
    expect(youngModel(5000, 'mnist', YOUNG_SCORE - 0.1)).toEqual({ reason: 'score', score: YOUNG_SCORE - 0.1 });
    expect(youngModel(5000, 'mnist', YOUNG_SCORE)).toBeUndefined();
  });

  test('slant: > 0 for a stroke leaning right (/), < 0 leaning left, 0 upright', () => {
    const stroke = (column: (row: number) => number) => {
      const image = new Float32Array(28 * 28).fill(-1);
      for (let row = 4; row < 24; row++) image[row * 28 + column(row)] = 1;
      return image;
    };
    expect(slant(stroke((row) => 24 - row))).toBeCloseTo(1); // top right to bottom left: /
    expect(slant(stroke((row) => row))).toBeCloseTo(-1);
    expect(slant(stroke(() => 14))).toBe(0);
  });

  test('ink: the mean brightness of an image in [−1, 1]', () => {
    expect(ink(Float32Array.of(-1, -1, 1, 1))).toBe(0.5);
    expect(ink(new Float32Array(4).fill(-1))).toBe(0);
  });

  test('thicker strokes: A the inkiest of the digits nearest C, B the faintest, C the selected latent', () => {
    const n = EXAMPLE_POOL;
    const k = EXAMPLE_SLOT_SIZE;
    const near = EXAMPLE_NEIGHBOURS;
    const latents = Array.from({ length: n }, (_, i) => Float32Array.of(i));
    // Two shapes, even latents one and odd the other (a pixel at ±1 and one at ∓1, which cancel in
    // the ink), and ink growing with the latent (a third pixel). Latent 0's nearest are the evens
    // 0, 2, …, 2·(near − 1); the inkiest of the whole pool (odd) are not among them.
    const images = latents.map((_, i) => {
      const shape = i % 2 ? -1 : 1;
      return Float32Array.of(shape, -shape, (2 * i) / (n - 1) - 1);
    });
    const [a, b, c] = attributeExample('thicker', latents, images, 0);
    const evens = (from: number, count: number) => Array.from({ length: count }, (_, j) => 2 * (from - j));
    expect(a.map((z) => z[0])).toEqual(evens(near - 1, k));
    expect(b.map((z) => z[0])).toEqual(evens(k - 1, k));
    expect(c.map((z) => z[0])).toEqual([0]);
    expect(() => attributeExample('thicker', latents.slice(0, near - 1), images.slice(0, near - 1), 0)).toThrow();
    expect(() => attributeExample('thicker', latents, images, n)).toThrow();
  });

  test('the examples’ pool starts with the grid’s latents: the same seeded draw, longer', () => {
    const pool = examplePool(7, 3, 10, 'gaussian');
    expect(pool.length).toBe(EXAMPLE_POOL * 10);
    expect(pool.subarray(0, 16 * 10)).toEqual(seededLatents(7, 3, 16, 10, 'gaussian'));
    expect(examplePool(7, 4, 10, 'gaussian')).not.toEqual(pool);
  });
});
