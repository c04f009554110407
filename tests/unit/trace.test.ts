/**
 * The slow-motion step (issue 19): a traced iteration is the trainer's own iteration, recorded. Its
 * L_D, L_G and gradient norms are what Trainer.step reports for the same seed and state, it leaves
 * the weights where an untraced step leaves them, its shapes are the batch's, and it frees every
 * tensor it keeps.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { CONDITIONINGS, defaultConfig, OBJECTIVES, type RunConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { traceIteration } from '../../src/gan/trace.ts';
import { SUB_STEPS, type PhaseTrace, type TracedId } from '../../src/gan/trace-shape.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { PROTOCOL_VERSION, type TrainerEvent } from '../../src/worker/protocol.ts';
import { Session } from '../../src/worker/session.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

function smallConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return { ...defaultConfig(), generatorWidth: 16, discriminatorWidth: 16, batchSize: 32, ...overrides };
}

const weights = (trainer: Trainer) =>
  Object.values(trainer.variableGroups()).flatMap((list) => list.map((v) => Array.from(v.dataSync())));

const traced = (phase: PhaseTrace, id: TracedId) => {
  const found = phase.subSteps.flatMap((s) => s.tensors).find((t) => t.id === id);
  if (!found) throw new Error(`no ${id} in the ${phase.network} phase`);
  return found;
};
const scalar = (phase: PhaseTrace, id: TracedId) => traced(phase, id).rows[0][0];

describe.each(OBJECTIVES)('%s', (objective) => {
  test('the traced iteration is the trainer’s: same losses, gradient norms and weights as Step', async () => {
    // Two D steps: the trace shows the last, whose loss the iteration's stats report.
    const config = smallConfig({ objective, discriminatorSteps: 2 });
    const plain = new Trainer(config, ring());
    const slow = new Trainer(config, ring());
    plain.step();
    const [reported] = await plain.flushStats();
    const trace = await traceIteration(slow);
    expect(trace.iteration).toBe(1);
    expect(slow.iteration).toBe(1);
    expect(trace.discriminator.steps).toBe(2);
    expect(trace.generator.steps).toBe(1);
    expect(scalar(trace.discriminator, 'loss')).toBe(reported.dLoss);
    expect(scalar(trace.generator, 'loss')).toBe(reported.gLoss);
    expect(scalar(trace.discriminator, 'gradientNorm')).toBe(reported.gradNormD);
    expect(scalar(trace.generator, 'gradientNorm')).toBe(reported.gradNormG);
    expect(traced(trace.discriminator, 'dReal').mean).toBeCloseTo(reported.dReal, 6);
    expect(traced(trace.discriminator, 'dFake').mean).toBeCloseTo(reported.dFake, 6);
    // The traced iteration's stats are queued like any iteration's.
    const [queued] = await slow.flushStats();
    expect(queued).toEqual(reported);
    expect(weights(slow)).toEqual(weights(plain));
    plain.dispose();
    slow.dispose();
  });
});

describe('shapes and points', () => {
  test.each(CONDITIONINGS)(
    '%s: every sub-step, the batch’s shapes, and the points before and after',
    async (conditioning) => {
      const config = smallConfig({ conditioning, categories: 4, continuousCodes: 2 });
      const trainer = new Trainer(config, ring());
      const trace = await traceIteration(trainer);
      const n = config.batchSize;
      for (const phase of [trace.discriminator, trace.generator]) {
        expect(phase.subSteps.map((s) => s.id)).toEqual([...SUB_STEPS]);
        expect(traced(phase, 'z').shape).toEqual([n, config.latentSize]);
        expect(traced(phase, 'z').rows).toHaveLength(3);
        expect(traced(phase, 'fake').shape).toEqual([n, 2]);
        expect(traced(phase, 'dFake').shape).toEqual([n, 1]);
        expect(traced(phase, 'loss').shape).toEqual([]);
        expect(scalar(phase, 'updateNorm')).toBeGreaterThan(0);
        const extra = { none: 0, label: 8, infoCodes: 4 + 2 }[conditioning];
        if (extra) expect(traced(phase, 'condition').shape).toEqual([n, extra]);
        else expect(phase.subSteps[0].tensors.map((t) => t.id)).toEqual(['z']);
        expect(phase.points?.count).toBe(n);
        expect(phase.points?.fake).toHaveLength(2 * n);
      }
      const d = trace.discriminator;
      expect(traced(d, 'real').shape).toEqual([n, 2]);
      expect(d.points?.realScores).toHaveLength(n);
      // D's update changed its outputs on the same batch; G's update moved its samples for the same z.
      expect(d.points?.fakeScoresAfter).toHaveLength(n);
      expect(d.points?.fakeScoresAfter).not.toEqual(d.points?.fakeScores);
      const g = trace.generator;
      expect(g.points?.fakeAfter).toHaveLength(2 * n);
      expect(g.points?.fakeAfter).not.toEqual(g.points?.fake);
      expect(() => traced(g, 'real')).toThrow();
      // The excerpt is the batch's first row.
      expect(traced(d, 'fake').rows[0]).toEqual(Array.from(d.points?.fake?.subarray(0, 2) ?? []));
      trainer.dispose();
    },
  );
});

test('a trace leaves tf.memory().numTensors where it was', async () => {
  const trainer = new Trainer(smallConfig({ conditioning: 'infoCodes', categories: 4 }), ring());
  await traceIteration(trainer); // warms lazily built kernels
  await trainer.flushStats();
  const before = tf.memory().numTensors;
  await traceIteration(trainer);
  await trainer.flushStats();
  expect(tf.memory().numTensors).toBe(before);
  trainer.dispose();
});

test('the worker answers a trace command and the run advances by one iteration, paused', async () => {
  const events: TrainerEvent[] = [];
  const session = new Session({
    post: (event) => events.push(event),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    chooseBackend: async () => ({ backend: 'cpu', reason: { code: 'forced' }, candidates: [], warnings: [] }),
  });
  await session.handle({ type: 'init', version: PROTOCOL_VERSION, config: smallConfig(), backend: 'auto' });
  await session.handle({ type: 'trace', requestId: 7 });
  const answer = events.find((e) => e.type === 'trace');
  expect(answer).toMatchObject({ requestId: 7, trace: { iteration: 1 } });
  const last = events.filter((e) => e.type === 'status').at(-1);
  expect(last).toMatchObject({ state: 'paused', iteration: 1 });
  expect(events.some((e) => e.type === 'stats' && e.points.some((p) => p.iteration === 1))).toBe(true);
  await session.handle({ type: 'dispose' });
});
