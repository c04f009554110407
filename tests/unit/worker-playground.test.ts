/**
 * What the playground asks of the worker's session beyond the bare loop: slow motion, MNIST loaded
 * through the host, real images beside G's, and the digit classifier's metrics on MNIST.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import type { BackendChoice } from '../../src/worker/backend.ts';
import { PROTOCOL_VERSION, type TrainerCommand, type TrainerEvent } from '../../src/worker/protocol.ts';
import { type SessionHost, Session } from '../../src/worker/session.ts';
import { loadMnistFile } from '../../scripts/node/mnist.ts';
import { readClassifierFiles } from '../../scripts/node/classifier.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const tiny: RunConfig = { ...defaultConfig(), batchSize: 16, generatorWidth: 8, discriminatorWidth: 8 };
const tinyMnist: RunConfig = {
  ...tiny,
  dataset: 'mnist',
  latentSize: 8,
  generatorWidth: 16,
  discriminatorWidth: 16,
  conditioning: 'label',
};

function harness(extra: Partial<SessionHost> = {}) {
  const events: TrainerEvent[] = [];
  const choice: BackendChoice = { backend: 'cpu', reason: { code: 'forced' }, candidates: [], warnings: [] };
  const session = new Session({
    post: (event) => events.push(event),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    chooseBackend: async () => choice,
    ...extra,
  });
  const send = (command: TrainerCommand) => session.handle(command);
  const of = <T extends TrainerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
  return { events, send, of };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('playground support in the session', () => {
  test('play with a speed runs in slow motion, and a second play at full speed speeds it up', async () => {
    const h = harness();
    await h.send({ type: 'init', version: PROTOCOL_VERSION, config: tiny, backend: 'auto', schedule: { statsMs: 50 } });
    await h.send({ type: 'play', speed: 10 });
    await sleep(1000);
    await h.send({ type: 'pause' });
    const slow = h.of('status').at(-1)!.iteration;
    // 10 per second for a second: about 10, never the hundreds the tiny model runs at full speed.
    expect(slow).toBeGreaterThanOrEqual(3);
    expect(slow).toBeLessThanOrEqual(14);
    await h.send({ type: 'play' });
    await sleep(1000);
    await h.send({ type: 'pause' });
    expect(h.of('status').at(-1)!.iteration - slow).toBeGreaterThan(3 * slow);
    await h.send({ type: 'dispose' });
  });

  test('MNIST comes from the host; without one it is refused with a message', async () => {
    const bare = harness();
    await bare.send({ type: 'init', version: PROTOCOL_VERSION, config: tinyMnist, backend: 'auto' });
    expect(bare.of('error').at(-1)?.problem).toEqual({ code: 'mnistUnavailable' });

    const h = harness({ loadMnist: async () => loadMnistFile(), loadClassifier: async () => readClassifierFiles() });
    await h.send({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: tinyMnist,
      backend: 'auto',
      schedule: { metricsEvery: 2 },
    });
    const ready = h.of('ready').at(-1)!;
    expect(ready.planar).toBe(false);
    // Four real digits of each label, in label order, to show beside G's rows.
    expect(ready.real?.count).toBe(40);
    expect(ready.real?.labels?.slice(0, 5)).toEqual([0, 0, 0, 0, 1]);
    expect(ready.real?.values.length).toBe(40 * 784);
    await h.send({ type: 'step', count: 2, which: 'both' });
    while (h.of('metrics').every((m) => m.evaluation.iteration < 2)) await sleep(10);
    const { classifier } = h.of('metrics').at(-1)!;
    expect(classifier?.histogram.reduce((a, b) => a + b, 0)).toBe(500);
    expect(classifier?.labelAccuracy).toBeGreaterThanOrEqual(0);
    expect(classifier?.classifierScore).toBeGreaterThanOrEqual(1);
    await h.send({ type: 'dispose' });
  });

  test('2D runs send no real images in ready (their real points travel with the plane)', async () => {
    const h = harness();
    await h.send({ type: 'init', version: PROTOCOL_VERSION, config: tiny, backend: 'auto' });
    expect(h.of('ready').at(-1)?.real).toBeUndefined();
    await h.send({ type: 'dispose' });
  });
});
