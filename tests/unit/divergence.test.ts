/**
 * Divergence guard in Node on cpu: device checkpoints restore exactly and leak nothing; a run that
 * blows up (SGD, learning rate 10) is paused, rolled back to a finite state and explained; a run that
 * stays finite is never interrupted.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { Checkpoint, finiteFlags } from '../../src/gan/checkpoint.ts';
import type { RunConfig } from '../../src/gan/config.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { STAT_FIELDS } from '../../src/gan/stats.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { describeDivergence, en, ko } from '../../src/i18n/reliability.ts';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';
import { sessionHarness, tiny } from './session-helpers.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/** LSGAN's squared error grows without bound under SGD at this rate (the saturating log losses only die). */
const blowUp: RunConfig = {
  ...tiny,
  objective: 'lsgan',
  generatorOptimizer: 'sgd',
  discriminatorOptimizer: 'sgd',
  generatorLearningRate: 10,
  discriminatorLearningRate: 10,
};

const trainer = (config = tiny) => new Trainer(config, createDataset(config.dataset, {}));
const valuesOf = (t: Trainer) =>
  Object.values(t.variableGroups()).flatMap((vs) => vs.map((v) => Array.from(v.dataSync())));

describe('checkpoint', () => {
  test('restores every variable, the optimiser step counts and the iteration, and frees its copies', () => {
    const t = trainer();
    t.step();
    const before = valuesOf(t);
    const tensors = tf.memory().numTensors;
    const checkpoint = Checkpoint.capture(t);
    for (let i = 0; i < 3; i++) t.step();
    void t.flushStats();
    expect(valuesOf(t)).not.toEqual(before);
    expect(checkpoint.restore(t)).toEqual([]);
    expect(valuesOf(t)).toEqual(before);
    expect(t.iteration).toBe(1);
    expect(t.optimizers().generator.steps).toBe(1);
    checkpoint.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    t.dispose();
  });

  test('an optimiser changed since the capture starts from zero; the weights are restored', () => {
    const t = trainer();
    t.step();
    const checkpoint = Checkpoint.capture(t);
    const generator = t.generator.trainable.map((v) => Array.from(v.dataSync()));
    t.update({ generatorOptimizer: 'sgd' });
    t.step();
    expect(checkpoint.restore(t)).toEqual(['generatorSlots']);
    expect(t.generator.trainable.map((v) => Array.from(v.dataSync()))).toEqual(generator);
    expect(t.optimizers().generator.slots.every((s) => s.dataSync().every((x) => x === 0))).toBe(true);
    checkpoint.dispose();
    t.dispose();
  });

  test('finite flags name the network holding a NaN, optimiser slots included', async () => {
    const t = trainer();
    const read = async () => Array.from(await finiteFlags(t).data());
    expect(await read()).toEqual([1, 1]);
    t.step();
    const slot = t.optimizers().discriminator.slots[0];
    slot.assign(tf.fill(slot.shape, Number.POSITIVE_INFINITY));
    expect(await read()).toEqual([1, 0]);
    const weight = t.generator.trainable[0];
    weight.assign(tf.fill(weight.shape, Number.NaN));
    expect(await read()).toEqual([0, 0]);
    t.dispose();
  });
});

/** Polls until the session has settled into a paused status as its last event (fails after 30 s). */
async function settled(h: ReturnType<typeof sessionHarness>) {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const last = h.events.at(-1);
    if (last?.type === 'status' && last.state === 'paused' && h.of('status').length > 1) return last;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the session did not pause within 30 s');
}

describe('session', () => {
  test('LSGAN with SGD at learning rate 10 is paused, rolled back to finite weights, and the message says what to lower', async () => {
    const h = sessionHarness();
    const baseline = tf.memory().numTensors;
    // A finite stretch first, so there is history to keep (how far lr 10 gets before the first read
    // depends on the machine's speed); then the rate a student might type by mistake.
    const calm = { generatorLearningRate: 0.01, discriminatorLearningRate: 0.01 };
    await h.session.handle({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: { ...blowUp, ...calm },
      backend: 'auto',
      schedule: { statsMs: 0, planeMs: 0 },
    });
    await h.session.handle({ type: 'step', count: 20, which: 'both' });
    await settled(h);
    await h.session.handle({
      type: 'update',
      requestId: 1,
      patch: { generatorLearningRate: 10, discriminatorLearningRate: 10 },
    });
    await h.session.handle({ type: 'play' });
    const status = await settled(h);
    const [diverged] = h.of('diverged');
    expect(diverged).toBeDefined();
    const { report } = diverged;
    expect(status.iteration).toBe(report.restoredIteration);
    expect(report.noticedAt).toBeGreaterThan(report.restoredIteration);
    expect(report.networks.length + report.fields.length).toBeGreaterThan(0);
    expect(report.advice.map((a) => a.suggested)).toContain(1);
    // Every point posted is finite (the diverging read is dropped); the page drops those past the rollback.
    const points = h.of('stats').flatMap((e) => e.points);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => STAT_FIELDS.every((f) => Math.abs(p[f]) !== Infinity) && Number.isFinite(p.dLoss))).toBe(
      true,
    );
    expect(Math.max(...points.map((p) => p.iteration))).toBeLessThan(report.noticedAt);
    // The weights now in the run are the finite ones.
    await h.session.handle({ type: 'exportRun', requestId: 1 });
    const exported = h.of('runExported')[0].run;
    expect(exported.iteration).toBe(report.restoredIteration);
    expect(exported.tensors.every((t) => t.values.every(Number.isFinite))).toBe(true);
    expect(describeDivergence(report, en)).toMatch(/diverged.*Lower the .* learning rate \(sgd, now 10\) to 1 or less/);
    expect(describeDivergence(report, ko)).toMatch(/학습률\(sgd, 현재 10\)을 1 이하로/);
    await h.session.handle({ type: 'dispose' });
    expect(tf.memory().numTensors).toBe(baseline);
  });

  test('a finite run is never interrupted, and checkpoints keep the tensor count flat', async () => {
    const h = sessionHarness();
    await h.session.handle({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: tiny,
      backend: 'auto',
      schedule: { statsMs: 0, planeMs: 0 },
    });
    await h.session.handle({ type: 'step', which: 'both', count: 20 });
    const early = (await settled(h)).tensors;
    await h.session.handle({ type: 'step', which: 'both', count: 200 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = await settled(h);
    expect(late.iteration).toBe(220);
    expect(late.tensors).toBe(early);
    expect(h.of('diverged')).toEqual([]);
    await h.session.handle({ type: 'dispose' });
  });
});
