import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { sampleNoise } from '../../src/gan/latent.ts';
import { OBJECTIVE_REGISTRY } from '../../src/gan/objectives/registry.ts';
import { computePlane, gridPoints, noiseLattice, type PlaneModel, planeModel } from '../../src/gan/plane.ts';
import { createRng } from '../../src/gan/rng.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

describe('grid and lattice', () => {
  test('grid cell centres run left to right, top (y = +r) to bottom', () => {
    const g = gridPoints(2, 4); // cells of width 1
    expect(Array.from(g.slice(0, 2))).toEqual([-1.5, 1.5]); // row 0, col 0: top left
    expect(Array.from(g.slice(6, 8))).toEqual([1.5, 1.5]); // row 0, col 3: top right
    expect(Array.from(g.slice(30, 32))).toEqual([1.5, -1.5]); // row 3, col 3: bottom right
    expect(g.length).toBe(4 * 4 * 2);
  });

  test('Gaussian lattice spans ±2 in the first two latent dimensions, the rest held at 0', () => {
    const { latent, rows, cols } = noiseLattice(3, 'gaussian', 5);
    expect([rows, cols]).toEqual([5, 5]);
    expect(Array.from(latent.slice(0, 3))).toEqual([-2, 2, 0]); // top left
    expect(Array.from(latent.slice(3 * 24, 3 * 25))).toEqual([2, -2, 0]); // bottom right
    for (let i = 2; i < latent.length; i += 3) expect(latent[i]).toBe(0);
  });

  test('uniform noise spans ±1; a one-dimensional latent gives one row', () => {
    const { latent, rows, cols } = noiseLattice(1, 'uniform', 3);
    expect([rows, cols]).toEqual([1, 3]);
    expect(Array.from(latent)).toEqual([-1, 0, 1]);
  });
});

// D(x) = w·x + b and G(z) = zA + c, so every layer of the plane has a closed form.
const w = [0.7, -0.4];
const b = 0.2;
const A = [
  [1, 0.5],
  [-0.25, 2],
];
const c = [0.1, -0.3];

function linearModel(): { model: PlaneModel; dispose(): void } {
  const wT = tf.tensor2d(w, [2, 1]);
  const bT = tf.scalar(b);
  const aT = tf.tensor2d(A);
  const cT = tf.tensor1d(c);
  const score = (x: tf.Tensor2D) => tf.add(tf.matMul(x, wT), bT) as tf.Tensor2D;
  const generate = (z: tf.Tensor2D) => tf.add(tf.matMul(z, aT), cT) as tf.Tensor2D;
  return {
    model: { generateFakes: generate, generateLattice: generate, scoreFakes: score, scoreGrid: (x) => [score(x)] },
    dispose: () => tf.dispose([wT, bT, aT, cT]),
  };
}

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));
const score = (x: number, y: number) => w[0] * x + w[1] * y + b;
const generate = (z0: number, z1: number) => [z0 * A[0][0] + z1 * A[1][0] + c[0], z0 * A[0][1] + z1 * A[1][1] + c[1]];

describe('computePlane', () => {
  const noise = new Float32Array([0.5, -1, 2, 0.25, -1.5, 1]);
  const lattice = noiseLattice(2, 'gaussian', 3);

  test('non-saturating: D as σ(score), fakes G(z), descent −∂softplus(−s)/∂x = σ(−s)·w, manifold G(lattice)', async () => {
    const { model, dispose } = linearModel();
    const before = tf.memory().numTensors;
    const plane = await computePlane({
      model,
      objective: OBJECTIVE_REGISTRY.nonSaturating,
      params: defaultConfig(),
      latentSize: 2,
      radius: 3,
      noise,
      lattice,
      resolution: 8,
    });
    expect(tf.memory().numTensors).toBe(before);
    const grid = gridPoints(3, 8);
    expect(plane.discriminator).toHaveLength(64);
    plane.discriminator.forEach((value, i) =>
      expect(value).toBeCloseTo(sigmoid(score(grid[2 * i], grid[2 * i + 1])), 5),
    );
    for (let i = 0; i < 3; i++) {
      const [x, y] = generate(noise[2 * i], noise[2 * i + 1]);
      expect(plane.fake[2 * i]).toBeCloseTo(x, 5);
      expect(plane.fake[2 * i + 1]).toBeCloseTo(y, 5);
      const pull = sigmoid(-score(x, y));
      expect(plane.descent[2 * i]).toBeCloseTo(pull * w[0], 5);
      expect(plane.descent[2 * i + 1]).toBeCloseTo(pull * w[1], 5);
    }
    expect([plane.latticeRows, plane.latticeCols]).toEqual([3, 3]);
    for (let i = 0; i < 9; i++) {
      const [x, y] = generate(lattice.latent[2 * i], lattice.latent[2 * i + 1]);
      expect(plane.manifold[2 * i]).toBeCloseTo(x, 5);
      expect(plane.manifold[2 * i + 1]).toBeCloseTo(y, 5);
    }
    dispose();
  });

  test('WGAN: the raw critic score, and L_G = −E[s] pulls every fake along +w', async () => {
    const { model, dispose } = linearModel();
    const plane = await computePlane({
      model,
      objective: OBJECTIVE_REGISTRY.wgan,
      params: defaultConfig(),
      latentSize: 2,
      radius: 3,
      noise,
      lattice,
      resolution: 4,
    });
    const grid = gridPoints(3, 4);
    plane.discriminator.forEach((value, i) => expect(value).toBeCloseTo(score(grid[2 * i], grid[2 * i + 1]), 5));
    for (let i = 0; i < 3; i++) {
      expect(plane.descent[2 * i]).toBeCloseTo(w[0], 5);
      expect(plane.descent[2 * i + 1]).toBeCloseTo(w[1], 5);
    }
    dispose();
  });

  test('D on the grid is averaged over the model’s grid conditions (a CGAN’s labels)', async () => {
    const { model, dispose } = linearModel();
    const twoLabels: PlaneModel = {
      ...model,
      scoreGrid: (x) => [model.scoreFakes(x), tf.add(model.scoreFakes(x), 1) as tf.Tensor2D],
    };
    const plane = await computePlane({
      model: twoLabels,
      objective: OBJECTIVE_REGISTRY.nonSaturating,
      params: defaultConfig(),
      latentSize: 2,
      radius: 3,
      noise,
      lattice,
      resolution: 4,
    });
    const grid = gridPoints(3, 4);
    plane.discriminator.forEach((value, i) => {
      const s = score(grid[2 * i], grid[2 * i + 1]);
      expect(value).toBeCloseTo((sigmoid(s) + sigmoid(s + 1)) / 2, 5);
    });
    dispose();
  });

  test('refuses a generator whose samples are not 2D points, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const { model, dispose } = linearModel();
    const wide: PlaneModel = { ...model, generateFakes: (z) => tf.concat([z, z], 1) };
    const input = {
      model: wide,
      objective: OBJECTIVE_REGISTRY.nonSaturating,
      params: defaultConfig(),
      latentSize: 2,
      radius: 1,
      noise,
      lattice,
    };
    await expect(computePlane(input)).rejects.toThrow(/2D samples/);
    dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  for (const conditioning of ['none', 'label', 'infoCodes'] as const) {
    test(`a trainer's plane model (${conditioning}): fakes are Trainer.generate's samples on the same noise`, async () => {
      const config = {
        ...defaultConfig(),
        conditioning,
        batchSize: 16,
        generatorWidth: 8,
        discriminatorWidth: 8,
        categories: 4,
        continuousCodes: 1,
      };
      const trainer = new Trainer(config, ring());
      trainer.step();
      await trainer.flushStats();
      const viewNoise = sampleNoise(createRng(1, 'view'), 40, config.latentSize, config.noise);
      const grid = noiseLattice(config.latentSize, config.noise, 5);
      const before = tf.memory().numTensors;
      const plane = await computePlane({
        model: planeModel(trainer, 40, 25, 16 * 16),
        objective: OBJECTIVE_REGISTRY[config.objective],
        params: config,
        latentSize: config.latentSize,
        radius: 3,
        noise: viewNoise,
        lattice: grid,
        resolution: 16,
      });
      expect(tf.memory().numTensors).toBe(before);
      const expected = await trainer.generate(viewNoise);
      Array.from(plane.fake).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
      expect(plane.discriminator.every((v) => v > 0 && v < 1)).toBe(true);
      expect(plane.descent.every(Number.isFinite)).toBe(true);
      expect(plane.manifold).toHaveLength(25 * 2);
      trainer.dispose();
    });
  }
});
