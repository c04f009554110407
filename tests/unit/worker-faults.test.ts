/**
 * Faults the worker's session recovers from (issue 9), in Node on the cpu backend: a backend that
 * fails inside a step hands the run to the next backend from its last weights, in the same play
 * state; memory that runs out is an error naming the settings to lower, and the run stays usable.
 * The browser tests (tests/e2e/faults-backend.test.ts) inject the same faults into the real worker.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import type { BackendName, TrainerCommand, TrainerEvent } from '../../src/worker/protocol.ts';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';
import { isOutOfMemory } from '../../src/worker/faults.ts';
import { Session } from '../../src/worker/session.ts';
import { describeProblem, en } from '../../src/i18n/reliability.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const tiny: RunConfig = { ...defaultConfig(), batchSize: 16, generatorWidth: 8, discriminatorWidth: 8 };
type EventOf<T extends TrainerEvent['type']> = Extract<TrainerEvent, { type: T }>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A session whose host names the next backend after a failure (the tensors stay on cpu: Node has no other). */
function harness() {
  const events: TrainerEvent[] = [];
  const asked: BackendName[][] = [];
  const session = new Session({
    post: (event) => events.push(event),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    chooseBackend: async (_preference, config, _calibrate, failed) => {
      // Stands in for a build that runs out of memory: tfjs's allocation of a too-large batch.
      if (config.batchSize === 1024) throw new RangeError('Array buffer allocation failed');
      asked.push([...failed]);
      const backend = (['webgl', 'wasm', 'cpu'] as const).find((name) => !failed.has(name)) ?? 'cpu';
      return { backend, reason: { code: 'forced' as const }, candidates: [], warnings: [] };
    },
  });
  const send = (command: TrainerCommand) => session.handle(command);
  const all = <T extends TrainerEvent['type']>(type: T) => events.filter((e): e is EventOf<T> => e.type === type);
  const latest = <T extends TrainerEvent['type']>(type: T) => all(type).at(-1);
  const iteration = () => latest('status')?.iteration ?? 0;
  const until = async (done: () => boolean, what: string) => {
    for (let waited = 0; !done(); waited += 5) {
      if (waited > 30_000)
        throw new Error(
          `timed out waiting for ${what}: ${JSON.stringify(events.filter((e) => e.type === 'error' || e.type === 'warning'))}`,
        );
      await sleep(5);
    }
  };
  const init = () =>
    send({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: tiny,
      backend: 'auto',
      schedule: { statsMs: 20, planeMs: 0 },
    });
  return { session, events, asked, send, all, latest, iteration, until, init };
}

describe('backend failure mid-run', () => {
  test('an error inside a step moves the run to the next backend from its weights, still playing, iteration kept', async () => {
    const h = harness();
    await h.init();
    expect(h.latest('ready')?.backend).toBe('webgl');
    await h.send({ type: 'play' });
    await h.until(() => h.iteration() >= 20, '20 iterations');
    expect(h.session.injectFault('step-error')).toBe(true);
    await h.until(() => h.latest('failover') !== undefined, 'the failover');
    const { report } = h.latest('failover')!;
    expect(report).toMatchObject({
      from: 'webgl',
      to: 'wasm',
      cause: { code: 'error', detail: expect.stringMatching(/injected fault: the webgl backend failed/) },
    });
    expect(report.iteration).toBeGreaterThanOrEqual(20);
    expect(h.asked.at(-1)).toEqual(['webgl']);
    expect(h.latest('ready')?.backend).toBe('wasm');
    // Same play state, and training goes on from the restored iteration, not from zero.
    await h.until(() => h.iteration() > report.iteration + 10, 'training after the failover');
    expect(h.latest('status')?.state).toBe('playing');
    const after = h.all('status').filter((s) => h.events.indexOf(s) > h.events.indexOf(h.latest('failover')!));
    expect(Math.min(...after.map((s) => s.iteration))).toBeGreaterThanOrEqual(report.iteration);
    expect(h.all('error')).toEqual([]);
    await h.send({ type: 'pause' });
    await h.send({ type: 'dispose' });
  });

  test('a step that fails is finished on the next backend, from the iteration it had, and then pauses', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'step', count: 5, which: 'both' });
    await h.until(() => h.latest('status')?.state === 'paused' && h.iteration() === 5, 'five steps');
    h.session.injectFault('step-error');
    await h.send({ type: 'step', count: 1, which: 'both' });
    await h.until(() => h.latest('failover') !== undefined && h.latest('status')?.state === 'paused', 'the failover');
    // The step that failed is resumed on the new backend: stepping goes on to its target.
    await h.until(() => h.iteration() === 6, 'the step finished after the failover');
    expect(h.latest('failover')!.report).toMatchObject({ from: 'webgl', to: 'wasm', iteration: 5 });
    await h.until(() => h.latest('status')?.state === 'paused', 'the pause after the step');
    expect(h.all('error')).toEqual([]);
    await h.send({ type: 'dispose' });
  });
});

describe('out of memory', () => {
  test('the errors each backend throws when memory runs out are recognised; others are not', () => {
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'))).toBe(true);
    expect(isOutOfMemory(new Error('Aborted(Cannot enlarge memory arrays to size 4294967296 bytes (OOM).'))).toBe(true);
    expect(
      isOutOfMemory(new Error('Requested texture size [65536x2] greater than maximum texture size [16384x16384].')),
    ).toBe(true);
    expect(isOutOfMemory(new Error('Out of memory'))).toBe(true);
    expect(isOutOfMemory(new Error('Invalid settings: Batch size must be at most 1024'))).toBe(false);
  });

  test('memory running out in a step: an error naming the settings to lower, paused where it was; a smaller batch trains on', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'play' });
    await h.until(() => h.iteration() >= 10, '10 iterations');
    const tensors = tf.memory().numTensors;
    h.session.injectFault('out-of-memory');
    await h.until(() => h.latest('error') !== undefined && h.latest('status')?.state === 'paused', 'the error');
    const { problem } = h.latest('error')!;
    const memory = problem.code === 'outOfMemory' ? problem.memory : undefined;
    expect(memory?.settings.map((s) => [s.field, s.value])).toEqual([
      ['batchSize', 16],
      ['generatorWidth', 8],
      ['discriminatorWidth', 8],
      ['generatorLayers', tiny.generatorLayers],
      ['discriminatorLayers', tiny.discriminatorLayers],
    ]);
    expect(describeProblem(problem, en)).toMatch(
      /^Out of memory on webgl \(Array buffer allocation failed \(injected\)\)\. Lower Batch size \(now 16\), Generator width \(now 8\)/,
    );
    expect(h.latest('failover')).toBeUndefined();
    const stopped = h.iteration();
    expect(stopped).toBeGreaterThanOrEqual(10);
    // The user lowers the batch size and trains again.
    await h.send({ type: 'update', requestId: 2, patch: { batchSize: 8 } });
    expect(h.latest('updated')?.applied.map((c) => c.field)).toEqual(['batchSize']);
    await h.send({ type: 'step', count: 5, which: 'both' });
    await h.until(() => h.latest('status')?.state === 'paused' && h.iteration() === stopped + 5, 'five more steps');
    expect(tf.memory().numTensors).toBeLessThanOrEqual(tensors + 2);
    await h.send({ type: 'dispose' });
  });

  test('memory running out while building a reset: the message names the settings, and the run before comes back as it was', async () => {
    const h = harness();
    await h.init();
    await h.send({ type: 'step', count: 7, which: 'both' });
    await h.until(() => h.latest('status')?.state === 'paused' && h.iteration() === 7, 'seven steps');
    await h.send({ type: 'exportRun', requestId: 1 });
    const before = h.latest('runExported')!.run;
    await h.send({ type: 'reset', config: { ...tiny, batchSize: 1024 } });
    await h.until(() => h.all('ready').length === 2 && h.latest('status')?.state === 'paused', 'the run before');
    const problem = h.latest('error')?.problem;
    expect(problem?.code === 'outOfMemory' && problem.memory.settings[0]).toEqual({ field: 'batchSize', value: 1024 });
    expect(h.latest('error')?.during).toBe('reset');
    expect(h.latest('ready')?.config.batchSize).toBe(16);
    await h.send({ type: 'exportRun', requestId: 2 });
    const after = h.latest('runExported')!.run;
    expect(after.iteration).toBe(7);
    expect(after.tensors.map((t) => Array.from(t.values))).toEqual(before.tensors.map((t) => Array.from(t.values)));
    // A smaller batch builds and trains.
    await h.send({ type: 'reset', config: { ...tiny, batchSize: 64 } });
    await h.send({ type: 'step', count: 2, which: 'both' });
    await h.until(() => h.latest('status')?.state === 'paused' && h.iteration() === 2, 'two steps of the new run');
    await h.send({ type: 'dispose' });
  });
});
