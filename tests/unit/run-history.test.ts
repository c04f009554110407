/** The page's run history: what it keeps of each event, and that a new run starts empty. */
import { describe, expect, test } from 'vitest';
import type { TrainingClient } from '../../src/client/TrainingClient.ts';
import { defaultConfig } from '../../src/gan/config.ts';
import { MAX_FRAMES, RunHistory, SERIES_LIMIT, SERIES_RECENT, thin } from '../../src/features/history/runHistory.ts';
import type { PlaneEvent, TrainerEvent } from '../../src/worker/protocol.ts';

/** A client stand-in that hands its event listener to the test. */
function fakeClient() {
  let listener: (event: TrainerEvent) => void = () => undefined;
  const client = {
    onEvent: (l: (event: TrainerEvent) => void) => ((listener = l), () => undefined),
  } as unknown as TrainingClient;
  return { client, emit: (event: TrainerEvent) => listener(event) };
}

const plane = (iteration: number, fake: number[]): PlaneEvent => ({
  type: 'plane',
  iteration,
  radius: 3,
  resolution: 1,
  discriminator: new Float32Array(1),
  output: 'probability',
  real: new Float32Array([-2, 0, 2, 0, 0, -2, 0, 2]),
  fake: new Float32Array(fake),
  descent: new Float32Array(fake.length),
  manifold: new Float32Array(0),
  latticeRows: 0,
  latticeCols: 0,
});

const ready: TrainerEvent = {
  type: 'ready',
  version: 1,
  backend: 'cpu',
  reason: { code: 'forced' },
  candidates: [],
  config: defaultConfig(),
  planar: true,
};

describe('run history', () => {
  test('keeps every evaluation and classifier reading, the diversity of each view, and snapshots; ready starts over', () => {
    const { client, emit } = fakeClient();
    const history = new RunHistory(client);
    emit(ready);
    const run = history.getSnapshot().run;
    emit({ type: 'metrics', evaluation: { iteration: 25 } });
    emit({
      type: 'metrics',
      evaluation: { iteration: 50 },
      classifier: { histogram: [1, 2], modes: 2, confident: 0, klUniform: 0, classifierScore: 2 },
    });
    emit(plane(50, [2, 0, 2.1, 0, 1.9, 0, 2, 0.1]));
    emit(plane(50, [2, 0, 2.1, 0, 1.9, 0, 2, 0.1])); // a pause re-sends the view: replaced, not doubled
    const s = history.getSnapshot();
    expect(s.evaluations.map((e) => e.iteration)).toEqual([25, 50]);
    expect(s.classifier).toEqual([expect.objectContaining({ iteration: 50, modes: 2 })]);
    expect(s.diversity).toHaveLength(2);
    expect(s.diversity[0].ratio).toBeLessThan(0.1); // collapsed onto one mode
    expect(s.frames.map((x) => x.iteration)).toEqual([50]);
    emit(ready);
    expect(history.getSnapshot()).toMatchObject({
      run: run + 1,
      evaluations: [],
      classifier: [],
      diversity: [],
      frames: [],
    });
  });

  test('a long run keeps a bounded history: the recent evaluations whole, the past evenly thinned, the first kept', () => {
    const { client, emit } = fakeClient();
    const history = new RunHistory(client);
    emit(ready);
    // An hour at ~100 iterations a second: an evaluation every 100 iterations, a view every 40.
    for (let iteration = 100; iteration <= 360_000; iteration += 100) {
      emit({
        type: 'metrics',
        evaluation: { iteration },
        classifier: { histogram: [1], modes: 1, confident: 0, klUniform: 0, classifierScore: 1 },
      });
      emit(plane(iteration - 60, [2, 0, 0, 2]));
      emit(plane(iteration - 20, [2, 0, 0, 2]));
    }
    const s = history.getSnapshot();
    for (const series of [s.evaluations, s.classifier, s.diversity]) {
      expect(series.length).toBeLessThanOrEqual(SERIES_LIMIT);
      expect(series.length).toBeGreaterThan(SERIES_RECENT);
      const iterations = series.map((p) => p.iteration);
      expect(iterations).toEqual([...iterations].sort((a, b) => a - b));
    }
    expect(s.evaluations[0].iteration).toBe(100);
    expect(s.evaluations.at(-1)!.iteration).toBe(360_000);
    // The newest SERIES_RECENT evaluations are all there, 100 iterations apart.
    const recent = s.evaluations.slice(-SERIES_RECENT).map((e) => e.iteration);
    expect(recent[0]).toBe(360_000 - 100 * (SERIES_RECENT - 1));
    // The thinned past still spans the run evenly: no gap wider than a few percent of it.
    const gaps = s.evaluations.slice(1).map((e, i) => e.iteration - s.evaluations[i].iteration);
    expect(Math.max(...gaps)).toBeLessThan(0.03 * 360_000);
  });

  test('snapshots thin out evenly, keeping the first and the newest', () => {
    const items = Array.from({ length: MAX_FRAMES + 1 }, (_, i) => i);
    const kept = thin(items, MAX_FRAMES);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(MAX_FRAMES);
    expect(kept.length).toBeLessThanOrEqual(MAX_FRAMES / 2 + 2);
    expect(thin([1, 2, 3], MAX_FRAMES)).toEqual([1, 2, 3]);
  });
});
