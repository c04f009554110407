/**
 * The training client's reducer alone (src/client/trainingState.ts, issue 16): each event from the
 * worker folds into the page's state as a pure function, with no worker, timer or React.
 */
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import type { StatPoint } from '../../src/gan/stats.ts';
import { MAX_NOTICES } from '../../src/client/notices.ts';
import { describeNotice, en } from '../../src/i18n/reliability.ts';
import {
  initialTraining,
  reduceTraining,
  resetTraining,
  restartTraining,
  type TrainingState,
} from '../../src/client/trainingState.ts';
import { PROTOCOL_VERSION, type TrainerEvent } from '../../src/worker/protocol.ts';

const config = defaultConfig();
const fold = (events: TrainerEvent[], from: TrainingState = initialTraining(config, 'auto')) =>
  events.reduce(reduceTraining, from);
const ready: TrainerEvent = {
  type: 'ready',
  version: PROTOCOL_VERSION,
  backend: 'cpu',
  reason: { code: 'onlyHardware' },
  candidates: [],
  config,
  planar: true,
};
const point = (iteration: number) => ({ iteration }) as StatPoint;
const stats = (...iterations: number[]): TrainerEvent => ({
  type: 'stats',
  points: iterations.map(point),
  markers: [],
});
const refusal = { code: 'unknownSetting', field: 'colour' } as const;

describe('reduceTraining', () => {
  test('ready, stats and status build the run as the worker reports it; the input state is never changed', () => {
    const start = initialTraining(config, 'auto');
    const frozen = structuredClone(start);
    const s = fold(
      [
        ready,
        stats(1, 2),
        stats(3),
        { type: 'status', state: 'playing', iteration: 3, iterationsPerSecond: 50, tensors: 12 },
      ],
      start,
    );
    expect(start).toEqual(frozen);
    expect(s).toMatchObject({
      phase: 'ready',
      backend: { name: 'cpu' },
      state: 'playing',
      iteration: 3,
      iterationsPerSecond: 50,
      tensors: 12,
    });
    expect(s.stats.map((p) => p.iteration)).toEqual([1, 2, 3]);
  });

  test('answers to requests, pongs and benchmarks leave the state as it was (the same object: no render)', () => {
    const s = fold([ready, stats(1)]);
    const answer: TrainerEvent = {
      type: 'samples',
      requestId: 4,
      iteration: 1,
      count: 1,
      dimension: 2,
      values: new Float32Array(2),
    };
    for (const event of [
      answer,
      { type: 'pong', id: 1 },
      { type: 'runImported', requestId: 2 },
      { type: 'benchmark', requestId: 1, mode: 'trainer', iterations: 3, milliseconds: 5 },
    ] as TrainerEvent[]) {
      expect(reduceTraining(s, event)).toBe(s);
    }
    const fixedNoise: TrainerEvent = { ...answer, requestId: undefined };
    expect(reduceTraining(s, fixedNoise).samples).toBe(fixedNoise);
  });

  test('a live update applies its changes to the configuration and notes each refusal', () => {
    const s = fold([
      ready,
      {
        type: 'updated',
        requestId: 1,
        iteration: 5,
        applied: [{ field: 'generatorLearningRate', from: config.generatorLearningRate, to: 0.01 }],
        refused: [refusal],
        notes: [],
      },
    ]);
    expect(s.config.generatorLearningRate).toBe(0.01);
    expect(s.notices.map((n) => [n.kind, n.subject])).toEqual([['note', { about: 'refusal', refusal }]]);
  });

  test('a divergence pauses, drops the charted points past the restored iteration and raises an error notice', () => {
    const s = fold([
      ready,
      stats(1, 2, 3, 4),
      {
        type: 'diverged',
        report: { restoredIteration: 2, noticedAt: 4, networks: ['generator'], fields: [], advice: [], reset: [] },
      },
    ]);
    expect(s).toMatchObject({ state: 'paused', iteration: 2 });
    expect(s.stats.map((p) => p.iteration)).toEqual([1, 2]);
    expect(s.notices.map((n) => [n.kind, n.subject.about])).toEqual([['error', 'divergence']]);
    expect(describeNotice(s.notices[0], en)).toMatch(/diverged/);
  });

  test('an error before the run is ready fails the start; after, the run stays ready and paused', () => {
    const error: TrainerEvent = { type: 'error', problem: { code: 'noRun' }, during: 'play' };
    expect(fold([error]).phase).toBe('failed');
    expect(fold([ready, error])).toMatchObject({ phase: 'ready', state: 'paused' });
  });

  test('a warning repeated for a new model shape is noted once; notice ids never repeat, and the oldest scroll away', () => {
    const warning = (detail: string): TrainerEvent => ({
      type: 'warning',
      warning: { code: 'classifierUnavailable', detail },
    });
    const once = fold([ready, warning('a'), warning('a')]);
    expect(once.notices).toHaveLength(1);
    const many = fold(
      Array.from({ length: MAX_NOTICES + 5 }, (_, i) => warning(String(i))),
      once,
    );
    expect(many.notices).toHaveLength(MAX_NOTICES);
    const ids = many.notices.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBeGreaterThan(once.notices[0].id);
  });

  test('a reset starts the next run from nothing; a restart keeps the run and its charts up to the saved weights', () => {
    const s = fold([ready, stats(1, 2, 3), { type: 'metrics', evaluation: { iteration: 3 } }]);
    expect(resetTraining(s, config, 'wasm')).toMatchObject({
      phase: 'starting',
      run: 1,
      preference: 'wasm',
      stats: [],
      metrics: undefined,
    });
    const restarted = restartTraining(s, { code: 'unresponsive' }, 2);
    expect(restarted).toMatchObject({ phase: 'starting', run: 0, iteration: 2 });
    expect(restarted.stats.map((p) => p.iteration)).toEqual([1, 2]);
    expect(restarted.notices.at(-1)?.subject).toEqual({
      about: 'restart',
      restart: { cause: { code: 'unresponsive' }, iteration: 2 },
    });
  });
});
