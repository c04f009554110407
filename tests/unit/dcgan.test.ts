import { beforeAll, describe, expect, test, vi } from 'vitest';
import { buildNetworks } from '../../src/gan/architectures/build.ts';
import { BATCH_NORM_EPSILON } from '../../src/gan/architectures/constants.ts';
import { applyBatchNorm, batchNorm, dcganDiscriminator, dcganGenerator } from '../../src/gan/architectures/dcgan.ts';
import { discriminate } from '../../src/gan/architectures/network.ts';
import { defaultConfig, OBJECTIVES, type RunConfig } from '../../src/gan/config.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { isCritic, OBJECTIVE_MODULES } from '../../src/gan/objectives/modules.ts';
import { createRng } from '../../src/gan/rng.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { tf, useCpu } from './setup-tf.ts';

/** Narrow nets and tiny batches: these tests check wiring, not learning, on the slow cpu backend. */
const CHANNELS = 4;
const BATCH = 6;

let mnist: Dataset;
beforeAll(async () => {
  await useCpu();
  mnist = loadMnist();
});

function dcganConfig(patch: Partial<RunConfig> = {}): RunConfig {
  return {
    ...defaultConfig(),
    dataset: 'mnist',
    architecture: 'dcgan',
    channels: CHANNELS,
    batchSize: BATCH,
    latentSize: 8,
    ...patch,
  };
}

const snapshot = (variables: readonly tf.Variable[]) => variables.map((v) => Array.from(v.dataSync()));
const changed = (before: number[][], variables: readonly tf.Variable[]) =>
  variables.map((v, i) => Array.from(v.dataSync()).some((x, j) => x !== before[i][j]));

describe('DCGAN shapes', () => {
  test('G maps [n, latent] to [n, 784] in [−1, 1]; D gives features [n, 4·4·4C] and a score [n, 1]', () => {
    const generator = dcganGenerator(createRng(1), { latentSize: 8, channels: CHANNELS });
    const discriminator = dcganDiscriminator(createRng(2), { channels: CHANNELS }, { batchNorm: true });
    const latent = tf.tensor2d(createRng(3).fillNormal(new Float32Array(5 * 8)), [5, 8]);
    const images = generator.apply(latent, true);
    expect(images.shape).toEqual([5, 784]);
    const values = images.dataSync();
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-1);
    const features = discriminator.features(images, true);
    expect(features.shape).toEqual([5, 4 * 4 * 4 * CHANNELS]);
    expect(discriminator.featureSize).toBe(4 * 4 * 4 * CHANNELS);
    const score = discriminator.score(features);
    expect(score.shape).toEqual([5, 1]);
    tf.dispose([latent, images, features, score]);
    generator.dispose();
    discriminator.dispose();
  });

  test('batch norm: G and D keep running statistics as state; the WGAN-GP critic has none', () => {
    const withNorm = buildNetworks(dcganConfig(), mnist, { generator: createRng(1), discriminator: createRng(2) });
    expect(withNorm.generator.state).toHaveLength(6); // mean and variance after the dense, the 3×3 conv and the first convT
    expect(withNorm.discriminator.state).toHaveLength(4); // after D's second and third convolutions
    const critic = buildNetworks(dcganConfig({ objective: 'wganGp' }), mnist, {
      generator: createRng(1),
      discriminator: createRng(2),
    });
    expect(critic.discriminator.state).toHaveLength(0);
    for (const { generator, discriminator } of [withNorm, critic]) {
      generator.dispose();
      discriminator.dispose();
    }
  });

  test('inference mode uses running statistics: a sample does not depend on the rest of its batch', () => {
    const generator = dcganGenerator(createRng(4), { latentSize: 8, channels: CHANNELS });
    const latent = tf.tensor2d(createRng(5).fillNormal(new Float32Array(4 * 8)), [4, 8]);
    const first = tf.slice(latent, [0, 0], [1, 8]);
    const row = (t: tf.Tensor2D) => Array.from(t.dataSync().slice(0, 784));
    const [alone, inBatch] = [generator.apply(first, false), generator.apply(latent, false)];
    const [aloneTraining, inBatchTraining] = [
      generator.apply(tf.concat([first, first]), true),
      generator.apply(latent, true),
    ];
    const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
    expect(maxDiff(row(alone), row(inBatch))).toBeLessThan(1e-5);
    expect(maxDiff(row(aloneTraining), row(inBatchTraining))).toBeGreaterThan(1e-3);
    tf.dispose([latent, first, alone, inBatch, aloneTraining, inBatchTraining]);
    generator.dispose();
  });

  // Batch norm's gradient is written by hand (dcgan.ts normaliseBatch): it must equal what tfjs's
  // tape gives for the textbook forward ops, for x, γ and β, with and without an image grid.
  test.each([
    [3, 7, 7, 4],
    [5, 6],
  ])(
    'batch norm in training mode: its gradient equals the tape’s through γ·(x − μ)/√(σ² + ε) + β, x %j',
    (...shape) => {
      const rng = createRng(6, 'batch norm');
      const channels = shape[shape.length - 1];
      const bn = batchNorm(rng, channels, 'test');
      bn.gamma.assign(tf.tensor1d(rng.fillNormal(new Float32Array(channels), 1, 0.3)));
      bn.beta.assign(tf.tensor1d(rng.fillNormal(new Float32Array(channels), 0, 0.3)));
      const x = tf.tensor(rng.fillNormal(new Float32Array(shape.reduce((a, b) => a * b)), 0.3, 2), shape);
      const weights = tf.tensor(rng.fillNormal(new Float32Array(x.size)), shape);
      const axes = shape.slice(0, -1).map((_, i) => i);
      const textbook = (input: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => {
        const { mean, variance } = tf.moments(input, axes);
        return tf.add(tf.mul(tf.div(tf.sub(input, mean), tf.sqrt(tf.add(variance, BATCH_NORM_EPSILON))), gamma), beta);
      };
      const ours = (input: tf.Tensor) => applyBatchNorm(bn, input, true);
      const lossOf = (f: () => tf.Tensor) => tf.sum(tf.mul(f(), weights));
      const expected = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => lossOf(() => textbook(a, g, b)))([
        x,
        bn.gamma,
        bn.beta,
      ]);
      const { value, grads } = tf.variableGrads(() => lossOf(() => ours(x)) as tf.Scalar, [bn.gamma, bn.beta]);
      const dx = tf.grad((a: tf.Tensor) => lossOf(() => ours(a)))(x);
      const actual = [dx, grads[bn.gamma.name], grads[bn.beta.name]];
      actual.forEach((gradient, i) => {
        const [a, e] = [gradient.dataSync(), expected[i].dataSync()];
        const scale = Math.max(...e.map(Math.abs));
        expect(scale).toBeGreaterThan(0.1);
        expect(Math.max(...a.map((v, j) => Math.abs(v - e[j]))) / scale, ['∂x', '∂γ', '∂β'][i]).toBeLessThan(1e-5);
      });
      tf.dispose([x, weights, value, ...expected, ...actual]);
      for (const v of [bn.gamma, bn.beta, bn.runningMean, bn.runningVariance]) v.dispose();
    },
  );

  test('DCGAN refuses data that are not 28×28 images', () => {
    expect(() =>
      buildNetworks(dcganConfig(), ring(), { generator: createRng(1), discriminator: createRng(2) }),
    ).toThrow(/28×28×1/);
  });
});

describe('DCGAN training steps', () => {
  test.each(OBJECTIVES)('%s: one iteration moves both nets without leaking tensors', async (objective) => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(dcganConfig({ objective }), mnist);
    trainer.step(); // warm-up: optimiser slots and held stats exist from here on
    await trainer.flushStats();
    const warm = tf.memory().numTensors;
    const g = snapshot(trainer.generator.trainable);
    const d = snapshot(trainer.discriminator.trainable);
    trainer.step();
    const [point] = await trainer.flushStats();
    expect(tf.memory().numTensors).toBe(warm);
    expect(Number.isFinite(point.dLoss) && Number.isFinite(point.gLoss)).toBe(true);
    expect(changed(g, trainer.generator.trainable).every(Boolean)).toBe(true);
    // A critic's −E[D(x)] + E[D(G(z))] does not depend on a constant offset, nor does the hinge loss while
    // every score is inside its margins (as at the start, scores near 0): the score's bias has no gradient.
    const stillInD = changed(d, trainer.discriminator.trainable).filter((moved) => !moved).length;
    expect(stillInD).toBe(isCritic(OBJECTIVE_MODULES[objective]) ? 1 : 0);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a D step leaves G unchanged, a G step leaves D unchanged', async () => {
    const trainer = new Trainer(dcganConfig(), mnist);
    const g = snapshot(trainer.generator.trainable);
    trainer.step('discriminator');
    expect(changed(g, trainer.generator.trainable).some(Boolean)).toBe(false);
    const d = snapshot(trainer.discriminator.trainable);
    trainer.step('generator');
    expect(changed(d, trainer.discriminator.trainable).some(Boolean)).toBe(false);
    expect(changed(g, trainer.generator.trainable).every(Boolean)).toBe(true);
    await trainer.flushStats();
    trainer.dispose();
  });

  test('evaluate() draws no samples for images (their figures are the classifier’s): a metrics tick costs no G pass', async () => {
    const trainer = new Trainer(dcganConfig(), mnist);
    const generate = vi.spyOn(trainer, 'generate');
    await expect(trainer.evaluate()).resolves.toEqual({ iteration: 0 });
    expect(generate).not.toHaveBeenCalled();
    trainer.dispose();
  });

  test('running statistics move in training steps and stay put when sampling', async () => {
    const trainer = new Trainer(dcganConfig(), mnist);
    const state = [...trainer.generator.state, ...trainer.discriminator.state];
    const initial = snapshot(state);
    const latent = createRng(6).fillNormal(new Float32Array(3 * 8));
    await trainer.generate(latent);
    discriminate(trainer.discriminator, tf.zeros([2, 784]), false).dispose();
    expect(changed(initial, state).some(Boolean)).toBe(false);
    trainer.step();
    expect(changed(initial, state).every(Boolean)).toBe(true);
    await trainer.flushStats();
    trainer.dispose();
  });
});
