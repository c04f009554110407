import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig, OBJECTIVES, type RunConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/** A small model so each step is cheap; the logic under test does not depend on size. */
function smallConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return { ...defaultConfig(), generatorWidth: 16, discriminatorWidth: 16, batchSize: 32, ...overrides };
}

const snapshot = (variables: readonly tf.Variable[]) => variables.map((v) => Array.from(v.dataSync()));

describe.each(OBJECTIVES)('%s', (objective) => {
  test('one iteration leaves tf.memory().numTensors unchanged', async () => {
    const trainer = new Trainer(smallConfig({ objective, discriminatorSteps: 2 }), ring());
    trainer.step(); // optimiser slots exist from construction; this warms up lazily built kernels
    await trainer.flushStats();
    const before = tf.memory().numTensors;
    trainer.step();
    await trainer.flushStats();
    await trainer.evaluate();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });

  test('a D step moves only D; a G step moves only G', async () => {
    const trainer = new Trainer(smallConfig({ objective }), ring());
    const g0 = snapshot(trainer.generator.trainable);
    const d0 = snapshot(trainer.discriminator.trainable);
    trainer.step('discriminator');
    expect(snapshot(trainer.generator.trainable)).toEqual(g0);
    const d1 = snapshot(trainer.discriminator.trainable);
    expect(d1).not.toEqual(d0);
    trainer.step('generator');
    expect(snapshot(trainer.discriminator.trainable)).toEqual(d1);
    expect(snapshot(trainer.generator.trainable)).not.toEqual(g0);
    const [dOnly, gOnly] = await trainer.flushStats();
    expect(Number.isNaN(dOnly.gLoss) && Number.isFinite(dOnly.dLoss)).toBe(true);
    expect(Number.isNaN(gOnly.dLoss) && Number.isFinite(gOnly.gLoss)).toBe(true);
    trainer.dispose();
  });
});

test('after every WGAN critic step every critic weight lies in [−c, c]', async () => {
  const clipValue = 0.01;
  const trainer = new Trainer(smallConfig({ objective: 'wgan', clipValue, discriminatorLearningRate: 0.05 }), ring());
  for (let i = 0; i < 3; i++) {
    trainer.stepDiscriminator();
    for (const values of snapshot(trainer.discriminator.trainable)) {
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(clipValue + 1e-7);
    }
  }
  trainer.step();
  await trainer.flushStats();
  trainer.dispose();
});

test('stats stay on the device until flushed, then come back in one batch per iteration', async () => {
  const trainer = new Trainer(smallConfig(), ring());
  const before = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) trainer.step();
  expect(tf.memory().numTensors).toBe(before + 5); // one [8] stats tensor per queued iteration
  const points = await trainer.flushStats();
  expect(points.map((p) => p.iteration)).toEqual([1, 2, 3, 4, 5]);
  expect(tf.memory().numTensors).toBe(before);
  expect(points.every((p) => Number.isFinite(p.dLoss) && Number.isFinite(p.gLoss) && p.dReal > 0 && p.dReal < 1)).toBe(
    true,
  );
  trainer.dispose();
});

test('the same seed on the cpu backend gives identical numbers', async () => {
  const run = async (seed: number) => {
    const trainer = new Trainer(smallConfig({ seed }), ring());
    for (let i = 0; i < 30; i++) trainer.step();
    const points = await trainer.flushStats();
    const evaluation = await trainer.evaluate();
    trainer.dispose();
    return { points, evaluation };
  };
  const first = await run(5);
  expect(await run(5)).toEqual(first);
  expect((await run(6)).points).not.toEqual(first.points);
});

describe('live updates', () => {
  test('a learning-rate change applies without touching the weights', () => {
    const trainer = new Trainer(smallConfig(), ring());
    const weights = snapshot(trainer.generator.trainable);
    const result = trainer.update({ generatorLearningRate: 1e-4, latentSize: 4 });
    expect(result.applied).toEqual([{ field: 'generatorLearningRate', from: 1e-3, to: 1e-4 }]);
    expect(result.refused[0].field).toBe('latentSize');
    expect(trainer.config.generatorLearningRate).toBe(1e-4);
    expect(snapshot(trainer.generator.trainable)).toEqual(weights);
    trainer.dispose();
  });

  test('changing an optimiser type resets its state, says so, and does not leak', async () => {
    const trainer = new Trainer(smallConfig(), ring());
    trainer.step();
    await trainer.flushStats();
    const before = tf.memory().numTensors;
    const result = trainer.update({ discriminatorOptimizer: 'sgd' });
    expect(result.notes).toEqual([{ code: 'optimizerReset', network: 'discriminator', optimizer: 'sgd' }]);
    // Adam held two slots per variable; SGD holds one.
    expect(tf.memory().numTensors).toBe(before - trainer.discriminator.trainable.length);
    trainer.step();
    await trainer.flushStats();
    trainer.dispose();
  });
});
