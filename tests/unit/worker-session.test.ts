/**
 * The worker's session and gradient check in Node on the cpu backend: the same loop the browser
 * runs, minus the Worker and the backend choice (tests/e2e/worker.test.ts covers those).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { gradientCases } from '../../src/worker/gradient-check.ts';
import { PROTOCOL_VERSION, type TrainerCommand, type TrainerEvent } from '../../src/worker/protocol.ts';
import { MIN_SHARE, restAfter } from '../../src/worker/loop.ts';
import { sessionHarness, tiny } from './session-helpers.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

function harness(schedule = {}) {
  const { events, send, of: all } = sessionHarness();
  const latest = <T extends TrainerEvent['type']>(type: T) => all(type).at(-1);
  /** Resolves once the run is paused again (a step or a pause has settled). */
  const settled = async () => {
    for (;;) {
      const status = latest('status');
      if (status?.state === 'paused' && events.at(-1) === status) return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const init = (config = tiny) => send({ type: 'init', version: PROTOCOL_VERSION, config, backend: 'auto', schedule });
  return { events, send, all, latest, settled, init };
}

describe('gradient check', () => {
  test('every case matches its JavaScript reference on cpu', async () => {
    for (const check of gradientCases(true)) {
      const got = await check.run();
      expect(got).toHaveLength(check.expected.length);
      got.forEach((value, i) => expect(value).toBeCloseTo(check.expected[i], 4));
    }
  });

  test('the reference is not trivial: the dense case moves every weight', () => {
    const [dense] = gradientCases(false);
    const gradient = dense.expected.slice(1, 7);
    expect(gradient.every((g) => Math.abs(g) > 1e-3)).toBe(true);
  });
});

describe('session', () => {
  test('init posts ready, a plane and a paused status at iteration 0', async () => {
    const h = harness();
    await h.init();
    expect(h.latest('ready')).toMatchObject({ backend: 'cpu', planar: true, version: PROTOCOL_VERSION });
    const plane = h.latest('plane');
    expect(plane?.discriminator).toHaveLength(64 * 64);
    expect(plane?.fake).toHaveLength(512 * 2);
    expect(plane?.real).toHaveLength(512 * 2);
    expect(h.latest('status')).toMatchObject({ state: 'paused', iteration: 0 });
    await h.send({ type: 'dispose' });
  });

  test('a protocol version mismatch is refused with an error', async () => {
    const h = harness();
    await h.send({ type: 'init', version: PROTOCOL_VERSION + 1, config: tiny, backend: 'auto' });
    expect(h.latest('error')?.problem).toEqual({
      code: 'protocol',
      page: PROTOCOL_VERSION + 1,
      worker: PROTOCOL_VERSION,
    });
    expect(h.latest('ready')).toBeUndefined();
  });

  test('invalid settings are refused with the schema’s refusal', async () => {
    const h = harness();
    await h.send({ type: 'init', version: PROTOCOL_VERSION, config: { ...tiny, batchSize: 0 }, backend: 'auto' });
    expect(h.latest('error')?.problem).toMatchObject({
      code: 'invalidSettings',
      refusals: [{ code: 'outOfRange', field: 'batchSize', value: 0 }],
    });
  });

  test('step(1) runs exactly one iteration and posts its stats point', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'step', count: 1, which: 'both' });
    const status = await h.settled();
    expect(status.iteration).toBe(1);
    const points = h.all('stats').flatMap((s) => s.points);
    expect(points.map((p) => p.iteration)).toEqual([1]);
    expect(Number.isFinite(points[0].dLoss) && Number.isFinite(points[0].gLoss)).toBe(true);
    await h.send({ type: 'dispose' });
  });

  test('stepping D only leaves G(fixed noise) unchanged; stepping G changes it', async () => {
    const h = harness();
    await h.init();
    const before = h.latest('plane')!.fake.slice();
    await h.send({ type: 'step', count: 3, which: 'discriminator' });
    await h.settled();
    const afterD = h.latest('plane')!;
    expect(afterD.iteration).toBe(3);
    expect(Array.from(afterD.fake)).toEqual(Array.from(before));
    await h.send({ type: 'step', count: 1, which: 'generator' });
    await h.settled();
    expect(Array.from(h.latest('plane')!.fake)).not.toEqual(Array.from(before));
    await h.send({ type: 'dispose' });
  });

  test('a live learning-rate change is acknowledged and marked at the first iteration that used it', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'step', count: 2, which: 'both' });
    await h.settled();
    await h.send({ type: 'update', requestId: 7, patch: { discriminatorLearningRate: 1e-4, latentSize: 5 } });
    const ack = h.latest('updated')!;
    expect(ack).toMatchObject({ requestId: 7, iteration: 3 });
    expect(ack.applied).toEqual([{ field: 'discriminatorLearningRate', from: 1e-3, to: 1e-4 }]);
    expect(ack.refused.map((r) => r.field)).toEqual(['latentSize']);
    expect(h.all('stats').flatMap((s) => s.markers)).toEqual([]); // not used by any iteration yet
    await h.send({ type: 'step', count: 2, which: 'both' });
    await h.settled();
    const markers = h.all('stats').flatMap((s) => s.markers);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ iteration: 3, field: 'discriminatorLearningRate', from: 1e-3, to: 1e-4 });
    expect(markers[0].time).toBeGreaterThan(ack.iteration); // an epoch time, not an iteration
    await h.send({ type: 'dispose' });
  });

  test('play runs until pause; after pause the count stays put', async () => {
    const h = harness({ statsMs: 20, planeMs: 50 });
    await h.init();
    await h.send({ type: 'play' });
    expect(h.latest('status')?.state).toBe('playing');
    while (
      (h
        .all('stats')
        .flatMap((s) => s.points)
        .at(-1)?.iteration ?? 0) < 20
    )
      await new Promise((r) => setTimeout(r, 10));
    await h.send({ type: 'pause' });
    const paused = await h.settled();
    await new Promise((r) => setTimeout(r, 100));
    expect(h.latest('status')).toBe(paused);
    const iterations = h
      .all('stats')
      .flatMap((s) => s.points)
      .map((p) => p.iteration);
    expect(iterations).toEqual(Array.from({ length: paused.iteration }, (_, i) => i + 1)); // every point, once, in order
    expect(h.all('stats').length).toBeLessThan(paused.iteration); // batched, not one event per step
    await h.send({ type: 'dispose' });
  });

  test('the worker holds the same number of tensors after 200 iterations as after 10', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'step', count: 10, which: 'both' });
    const early = (await h.settled()).tensors;
    await h.send({ type: 'step', count: 190, which: 'both' });
    const late = await h.settled();
    expect(late.iteration).toBe(200);
    expect(late.tensors).toBe(early);
    await h.send({ type: 'dispose' });
    expect(tf.memory().numTensors).toBeLessThan(early);
  });

  test('sample answers with G(latent) for the request', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'sample', requestId: 3, latent: new Float32Array([0, 0, 1, -1, 0.5, 0.5]) });
    expect(h.latest('samples')).toMatchObject({ requestId: 3, count: 3, dimension: 2 });
    expect(h.latest('samples')?.values).toHaveLength(6);
    await h.send({ type: 'dispose' });
  });
});

describe('questions go ahead of the queue (issue 6: latent answers while training)', () => {
  const decode = (requestId: number, latentSize = 2): TrainerCommand => ({
    type: 'latent',
    requestId,
    query: { kind: 'decode', latent: new Float32Array(latentSize).fill(0.5), conditions: [{}] },
  });
  const order = (events: TrainerEvent[], match: (e: TrainerEvent) => boolean) => events.findIndex(match);

  test('a latent question sent after a slow queued command (a 1 s benchmark) is answered before it', async () => {
    const h = harness();
    await h.init();
    const slow = h.send({ type: 'benchmark', requestId: 1, mode: 'trainer', seconds: 1 });
    const sample = h.send({ type: 'sample', requestId: 8, latent: new Float32Array([0, 0]) });
    const question = h.send(decode(7));
    await Promise.all([slow, sample, question]);
    const answered = order(h.events, (e) => e.type === 'latentAnswer' && e.requestId === 7);
    const sampled = order(h.events, (e) => e.type === 'samples' && e.requestId === 8);
    const benchmarked = order(h.events, (e) => e.type === 'benchmark');
    expect(h.latest('latentAnswer')?.answer?.count).toBe(1);
    expect(answered).toBeGreaterThan(0);
    expect(sampled).toBeGreaterThan(0);
    expect(benchmarked).toBeGreaterThan(answered);
    expect(benchmarked).toBeGreaterThan(sampled);
    await h.send({ type: 'dispose' });
  });

  test('a schedule command changes the share of the time the loop trains, while it plays (compare mode)', async () => {
    const h = harness({ statsMs: 20, planeMs: 0 });
    await h.init();
    const iterationNow = () =>
      h
        .all('stats')
        .flatMap((s) => s.points)
        .at(-1)?.iteration ?? 0;
    const trained = async (ms: number) => {
      const from = iterationNow();
      await new Promise((r) => setTimeout(r, ms));
      return iterationNow() - from;
    };
    await h.send({ type: 'play' });
    while (iterationNow() < 5) await new Promise((r) => setTimeout(r, 5));
    const whole = await trained(600);
    await h.send({ type: 'schedule', schedule: { share: MIN_SHARE } });
    await trained(100); // the chunk in flight, and the first rest
    const quarter = await trained(600);
    expect(h.latest('status')?.state).toBe('playing');
    // A quarter of the time at most, plus the noise of a shared machine; at share 1 the two spans train alike.
    expect(quarter / whole).toBeLessThan(0.6);
    expect(quarter).toBeGreaterThan(0);
    await h.send({ type: 'pause' });
    await h.settled();
    await h.send({ type: 'dispose' });
  });

  test('while playing, a question is answered between chunks and training goes on', async () => {
    const h = harness({ statsMs: 20, planeMs: 0 });
    await h.init();
    await h.send({ type: 'play' });
    const iterationNow = () =>
      h
        .all('stats')
        .flatMap((s) => s.points)
        .at(-1)?.iteration ?? 0;
    while (iterationNow() < 10) await new Promise((r) => setTimeout(r, 5));
    await h.send(decode(9));
    const answer = h.latest('latentAnswer')!;
    expect(answer.requestId).toBe(9);
    expect(answer.answer!.iteration).toBeGreaterThanOrEqual(10);
    while (iterationNow() <= answer.answer!.iteration + 5) await new Promise((r) => setTimeout(r, 5));
    expect(h.latest('status')?.state).toBe('playing');
    await h.send({ type: 'pause' });
    await h.settled();
    await h.send({ type: 'dispose' });
  });

  test('a question asked after a reset waits for the new model, and never meets a half-built run', async () => {
    const h = harness();
    await h.init();
    const reset = h.send({ type: 'reset', config: { ...tiny, latentSize: 3 } });
    const question = h.send(decode(11, 3));
    await Promise.all([reset, question]);
    const ready = h.events.findLastIndex((e) => e.type === 'ready');
    expect(h.all('ready')).toHaveLength(2);
    expect(order(h.events, (e) => e.type === 'latentAnswer')).toBeGreaterThan(ready);
    expect(h.latest('latentAnswer')).toMatchObject({ requestId: 11, answer: { count: 1, dimension: 2 } });
    expect(h.latest('error')).toBeUndefined();
    await h.send({ type: 'dispose' });
  });
});

describe('restAfter: compare mode rests each run a share of the time', () => {
  test('rests (1/share − 1) times the chunk, none at share 1 or at a share that is not in (0, 1)', () => {
    expect(restAfter(25, 1)).toBe(0);
    expect(restAfter(25, 0.5)).toBeCloseTo(25);
    expect(restAfter(21, 0.7)).toBeCloseTo(9);
    for (const bad of [0, -1, 2, Number.NaN]) expect(restAfter(25, bad)).toBe(0);
    expect(restAfter(25, 0.01)).toBeCloseTo(restAfter(25, MIN_SHARE));
  });
});
