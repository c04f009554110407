/**
 * The theory layers as the worker sends them (src/worker/views.ts): in Node on the cpu backend, a
 * session's plane carries D*, JS and V(D, G) where the data's density is known, the Lipschitz
 * constant and the transport for a Wasserstein critic, nothing a CGAN's D cannot give, and no theory
 * where the density is unknown; D is read at the probes in the plane's one read-back, leaking nothing.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { sampleNoise } from '../../src/gan/latent.ts';
import { OBJECTIVE_REGISTRY } from '../../src/gan/objectives/registry.ts';
import { computePlane, noiseLattice, planeModel } from '../../src/gan/plane.ts';
import { createRng } from '../../src/gan/rng.ts';
import { EQUILIBRIUM_VALUE, JS_BOUND } from '../../src/gan/theory/optimal.ts';
import { TRANSPORT_POINTS } from '../../src/gan/theory/theory.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { PROTOCOL_VERSION, type PlaneEvent, transferables } from '../../src/worker/protocol.ts';
import { sessionHarness, tiny } from './session-helpers.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/** The plane a fresh session posts after `steps` iterations of `config`. */
async function planeOf(config: Partial<RunConfig>, steps = 3): Promise<PlaneEvent> {
  const { session, events } = sessionHarness();
  await session.handle({ type: 'init', version: PROTOCOL_VERSION, config: { ...tiny, ...config }, backend: 'auto' });
  await session.handle({ type: 'step', count: steps, which: 'both' });
  for (let k = 0; k < 400 && !events.some((e) => e.type === 'plane' && e.iteration === steps); k++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  await session.handle({ type: 'dispose' });
  const plane = events.filter((e): e is PlaneEvent => e.type === 'plane').at(-1);
  if (!plane) throw new Error('no plane');
  return plane;
}

describe('the worker sends the theory with the plane', () => {
  test('GAN on the ring: D*, JS and V(D, G), no Lipschitz constant and no transport', async () => {
    const plane = await planeOf({ objective: 'nonSaturating' });
    const theory = plane.theory!;
    expect(theory.optimal).toHaveLength(plane.resolution ** 2);
    // D* in 0 … 1 where the distributions have mass, NaN (the heatmap's white) where they have none.
    const drawn = theory.optimal.filter((v) => !Number.isNaN(v));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(theory.optimal.length);
    expect(drawn.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(theory.jensenShannon).toBeGreaterThan(0);
    expect(theory.jensenShannon).toBeLessThan(JS_BOUND + 0.05);
    // D near ½ after three steps: V near −log 4.
    expect(Math.abs(theory.value! - EQUILIBRIUM_VALUE)).toBeLessThan(0.3);
    expect(theory.lipschitz).toBeUndefined();
    expect(theory.transport).toBeUndefined();
    expect(transferables(plane)).toContain(theory.optimal.buffer);
  });

  test('WGAN-GP on the grid: the critic’s Lipschitz constant and the optimal transport of 64 points, no V', async () => {
    const plane = await planeOf({ objective: 'wganGp', dataset: 'grid' });
    const theory = plane.theory!;
    expect(theory.value).toBeUndefined();
    expect(theory.lipschitz).toBeGreaterThan(0);
    const transport = theory.transport!;
    expect(transport.real).toHaveLength(2 * TRANSPORT_POINTS);
    expect(new Set(transport.assignment).size).toBe(TRANSPORT_POINTS);
    expect(transport.meanCost).toBeGreaterThan(0);
    expect(Number.isFinite(transport.criticGap)).toBe(true);
    expect(transferables(plane)).toContain(transport.assignment.buffer);
  });

  test('CGAN: D* and JS need no D, but V(D, G) needs one that judges a point alone', async () => {
    const plane = await planeOf({ objective: 'wgan', conditioning: 'label' });
    expect(plane.theory!.jensenShannon).toBeGreaterThan(0);
    expect(plane.theory!.value).toBeUndefined();
    expect(plane.theory!.lipschitz).toBeUndefined();
    expect(plane.theory!.transport?.criticGap).toBeUndefined();
  });

  test('no theory where the density is not known (the spiral)', async () => {
    const plane = await planeOf({ dataset: 'spiral' });
    expect(plane.theory).toBeUndefined();
  });
});

describe('D at the probes', () => {
  test('is D on those points, read in the plane’s one transfer, and leaks no tensor', async () => {
    const config = { ...tiny, objective: 'wgan' as const };
    const trainer = new Trainer(config, ring());
    trainer.step();
    await trainer.flushStats();
    const noise = sampleNoise(createRng(1, 'view'), 40, config.latentSize, config.noise);
    const lattice = noiseLattice(config.latentSize, config.noise, 5);
    const model = planeModel(trainer, 40, 25, 16 * 16);
    const probes = Float32Array.from([0, 0, 1, -1, 2, 0.5]);
    const before = tf.memory().numTensors;
    const plane = await computePlane({
      model,
      objective: OBJECTIVE_REGISTRY.wgan,
      params: config,
      latentSize: config.latentSize,
      radius: 3,
      noise,
      lattice,
      resolution: 16,
      probes,
    });
    expect(tf.memory().numTensors).toBe(before);
    const direct = tf.tidy(() => model.scorePoints!(tf.tensor2d(probes, [3, 2])).dataSync());
    Array.from(plane.scores!.probes).forEach((v, i) => expect(v).toBeCloseTo(direct[i], 5));
    const fakes = tf.tidy(() => model.scoreFakes(tf.tensor2d(plane.fake, [40, 2])).dataSync());
    Array.from(plane.scores!.fake).forEach((v, i) => expect(v).toBeCloseTo(fakes[i], 5));
    trainer.dispose();
  });
});
