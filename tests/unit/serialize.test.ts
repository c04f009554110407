import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { captureRun, restoreRun, type SerializedRun, serializedMismatch } from '../../src/worker/serialize.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

function smallConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return { ...defaultConfig(), generatorWidth: 16, discriminatorWidth: 16, batchSize: 32, ...overrides };
}

const values = (trainer: Trainer) =>
  Object.values(trainer.variableGroups())
    .flat()
    .map((v) => Array.from(v.dataSync()));

async function trained(config: RunConfig, iterations: number): Promise<Trainer> {
  const trainer = new Trainer(config, ring());
  for (let i = 0; i < iterations; i++) trainer.step();
  await trainer.flushStats();
  return trainer;
}

describe('saving and restoring a run', () => {
  test('a restored run holds the same weights, optimiser slots, step counts and iteration, and generates identically', async () => {
    const config = smallConfig({ discriminatorSteps: 2 });
    const source = await trained(config, 5);
    const saved = await captureRun(source);
    expect(saved.iteration).toBe(5);
    expect(saved.optimizerSteps).toEqual({ generator: 5, discriminator: 10 });
    // Adam: two slots per trainable variable, so the slots are saved.
    expect(saved.tensors.filter((t) => t.name.startsWith('generatorSlots.'))).toHaveLength(
      2 * source.generator.trainable.length,
    );

    // The page receives the arrays as transferables: moving them away must leave the live weights intact.
    const live = values(source);
    structuredClone(
      saved.tensors.map((t) => t.values),
      { transfer: saved.tensors.map((t) => t.values.buffer) },
    );
    expect(values(source)).toEqual(live);
    const again = await captureRun(source);

    const target = new Trainer({ ...config, seed: 99 }, ring());
    expect(values(target)).not.toEqual(values(source));
    restoreRun(target, again);
    expect(values(target)).toEqual(values(source));
    expect(target.iteration).toBe(5);
    expect(target.optimizers().discriminator.steps).toBe(10);

    const latent = new Float32Array(2 * 16).map((_, i) => Math.sin(i));
    expect(await target.generate(latent)).toEqual(await source.generate(latent));
    source.dispose();
    target.dispose();
  });

  test('a snapshot from another architecture, or with a damaged value, is refused before anything is written', async () => {
    const source = await trained(smallConfig(), 2);
    const saved = await captureRun(source);
    const other = new Trainer(smallConfig({ generatorWidth: 32 }), ring());
    const before = values(other);
    expect(serializedMismatch(other, saved)).toEqual({
      code: 'shape',
      name: 'generator.0',
      saved: [2, 16],
      model: [2, 32],
    });
    expect(() => restoreRun(other, saved)).toThrow(/runMismatch/);
    expect(values(other)).toEqual(before);

    const same = new Trainer(smallConfig(), ring());
    const damaged: SerializedRun = {
      ...saved,
      tensors: saved.tensors.map((t, i) => (i === 3 ? { ...t, values: t.values.map(() => Number.NaN) } : t)),
    };
    expect(serializedMismatch(same, damaged)).toEqual({ code: 'notFinite', name: saved.tensors[3].name });
    expect(serializedMismatch(same, { ...saved, tensors: saved.tensors.slice(1) })).toEqual({
      code: 'count',
      saved: saved.tensors.length - 1,
      model: saved.tensors.length,
    });
    expect(serializedMismatch(same, { ...saved, version: 0 })).toEqual({ code: 'version', saved: 0, reads: 1 });
    expect(serializedMismatch(same, saved)).toBeUndefined();
    const tensors = tf.memory().numTensors;
    restoreRun(same, saved);
    expect(tf.memory().numTensors).toBe(tensors);
    [source, other, same].forEach((t) => t.dispose());
  });
});
