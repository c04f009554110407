import { beforeAll, describe, expect, test } from 'vitest';
import type { Discriminator, Generator } from '../../src/gan/architectures/network.ts';
import { defaultConfig } from '../../src/gan/config.ts';
import { OBJECTIVE_REGISTRY } from '../../src/gan/objectives/registry.ts';
import { computePlane, gridPoints, noiseLattice } from '../../src/gan/plane.ts';
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
const A = [[1, 0.5], [-0.25, 2]];
const c = [0.1, -0.3];

function linearNetworks(): { generator: Generator; discriminator: Discriminator; dispose(): void } {
  const wT = tf.tensor2d(w, [2, 1]);
  const bT = tf.scalar(b);
  const aT = tf.tensor2d(A);
  const cT = tf.tensor1d(c);
  const dispose = () => tf.dispose([wT, bT, aT, cT]);
  return {
    generator: { trainable: [], state: [], apply: (z) => tf.tidy(() => tf.add(tf.matMul(z, aT), cT)), dispose },
    discriminator: {
      trainable: [],
      state: [],
      featureSize: 2,
      features: (x) => x,
      score: (f) => tf.tidy(() => tf.add(tf.matMul(f, wT), bT)),
      dispose,
    },
    dispose,
  };
}

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));
const score = (x: number, y: number) => w[0] * x + w[1] * y + b;
const generate = (z0: number, z1: number) => [z0 * A[0][0] + z1 * A[1][0] + c[0], z0 * A[0][1] + z1 * A[1][1] + c[1]];

describe('computePlane', () => {
  const noise = new Float32Array([0.5, -1, 2, 0.25, -1.5, 1]);
  const lattice = noiseLattice(2, 'gaussian', 3);

  test('non-saturating: D as σ(score), fakes G(z), descent −∂softplus(−s)/∂x = σ(−s)·w, manifold G(lattice)', async () => {
    const nets = linearNetworks();
    const before = tf.memory().numTensors;
    const plane = await computePlane({
      ...nets,
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
    plane.discriminator.forEach((value, i) => expect(value).toBeCloseTo(sigmoid(score(grid[2 * i], grid[2 * i + 1])), 5));
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
    nets.dispose();
  });

  test('WGAN: the raw critic score, and L_G = −E[s] pulls every fake along +w', async () => {
    const nets = linearNetworks();
    const plane = await computePlane({
      ...nets,
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
    nets.dispose();
  });

  test('refuses a generator whose samples are not 2D points, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const wide: Generator = { trainable: [], state: [], apply: (z) => tf.tidy(() => tf.concat([z, z], 1)), dispose: () => {} };
    const { discriminator, dispose } = linearNetworks();
    const input = { generator: wide, discriminator, objective: OBJECTIVE_REGISTRY.nonSaturating, params: defaultConfig(), latentSize: 2, radius: 1, noise, lattice };
    await expect(computePlane(input)).rejects.toThrow(/2D samples/);
    dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
