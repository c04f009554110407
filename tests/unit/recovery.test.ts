/** The page's side of worker recovery: heartbeat, weight copies, rebuild command, restart limit. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { copyRun, MAX_RESTARTS, Recovery } from '../../src/client/recovery.ts';
import { defaultConfig } from '../../src/gan/config.ts';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';
import type { SerializedRun } from '../../src/worker/serialize.ts';

const run = (iteration: number): SerializedRun => ({
  version: 1,
  config: defaultConfig(),
  iteration,
  optimizerSteps: { generator: iteration, discriminator: iteration },
  tensors: [{ name: 'generator.0', shape: [2], values: new Float32Array([iteration, 1]) }],
});

const options = { checkpointMs: 1_000, pingMs: 100, deadAfterMs: 1_000 };

describe('recovery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a worker that answers is never declared dead; one silent past deadAfterMs is, once per check', () => {
    const recovery = new Recovery(options);
    const pings: number[] = [];
    const dead = vi.fn();
    recovery.start({
      ping: (m) => pings.push(m.id),
      dead,
      moved: () => false,
      exportRun: () => Promise.reject(new Error('unused')),
    });
    for (let i = 0; i < 30; i++) {
      vi.advanceTimersByTime(100);
      recovery.heard();
    }
    expect(pings.length).toBe(30);
    expect(dead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_100);
    expect(dead).toHaveBeenCalled();
    recovery.stop();
    const calls = dead.mock.calls.length;
    vi.advanceTimersByTime(5_000);
    expect(dead.mock.calls.length).toBe(calls);
  });

  test('weights are copied only when the run moved, and one export at a time', async () => {
    const recovery = new Recovery(options);
    let iteration = 0;
    const exportRun = vi.fn(async () => run(iteration));
    recovery.start({
      ping: () => undefined,
      dead: () => undefined,
      moved: (saved) => iteration !== (saved?.iteration ?? 0),
      exportRun,
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(exportRun).not.toHaveBeenCalled();
    iteration = 7;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(exportRun).toHaveBeenCalledTimes(1);
    expect(recovery.saved?.iteration).toBe(7);
    recovery.stop();
  });

  test('the rebuild command carries the last sources, merged schedule and backend; a reset forgets saved weights', () => {
    const recovery = new Recovery(options);
    const points: [number, number][] = [
      [0, 1],
      [1, 0],
    ];
    recovery.record({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: defaultConfig(),
      sources: { points },
      backend: 'wasm',
      schedule: { statsMs: 50 },
    });
    recovery.record({ type: 'importRun', requestId: 1, run: run(3) });
    expect(recovery.saved?.iteration).toBe(3);
    recovery.record({ type: 'reset', config: defaultConfig(), schedule: { planeMs: 0 } });
    expect(recovery.saved).toBeUndefined();
    // Compare mode's share of the time (a schedule command, no rebuild) survives a restart too.
    recovery.record({ type: 'schedule', schedule: { share: 0.7 } });
    const init = recovery.initFor({ type: 'init', version: PROTOCOL_VERSION, config: defaultConfig() });
    expect(init).toMatchObject({ backend: 'wasm', schedule: { statsMs: 50, planeMs: 0, share: 0.7 } });
    expect(init.sources?.points).toBe(points);
  });

  test('a kept copy survives the transfer of the one sent', () => {
    const original = run(5);
    const copy = copyRun(original);
    structuredClone(copy, { transfer: copy.tensors.map((t) => t.values.buffer) });
    expect(copy.tensors[0].values.length).toBe(0);
    expect(Array.from(original.tensors[0].values)).toEqual([5, 1]);
  });

  test(`at most ${MAX_RESTARTS} restarts a minute`, () => {
    const recovery = new Recovery(options);
    const allowed = Array.from({ length: MAX_RESTARTS + 1 }, (_, i) => recovery.allowRestart(i * 1_000));
    expect(allowed).toEqual([...new Array<boolean>(MAX_RESTARTS).fill(true), false]);
    expect(recovery.allowRestart(120_000)).toBe(true);
  });
});
