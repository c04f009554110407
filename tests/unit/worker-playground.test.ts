/**
 * What the playground asks of the worker's session beyond the bare loop: slow motion, MNIST loaded
 * through the host, real images beside G's, and the digit classifier's metrics on MNIST.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunConfig } from '../../src/gan/config.ts';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';
import { loadMnistFile } from '../../scripts/node/mnist.ts';
import { readClassifierFiles } from '../../scripts/node/classifier.ts';
import { sessionHarness, tiny } from './session-helpers.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const tinyMnist: RunConfig = {
  ...tiny,
  dataset: 'mnist',
  latentSize: 8,
  generatorWidth: 16,
  discriminatorWidth: 16,
  conditioning: 'label',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('playground support in the session', () => {
  test('play with a speed runs in slow motion, and a second play at full speed speeds it up', async () => {
    const h = sessionHarness();
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
    const bare = sessionHarness();
    await bare.send({ type: 'init', version: PROTOCOL_VERSION, config: tinyMnist, backend: 'auto' });
    expect(bare.of('error').at(-1)?.problem).toEqual({ code: 'mnistUnavailable' });

    const h = sessionHarness({
      loadMnist: async () => loadMnistFile(),
      loadClassifier: async () => readClassifierFiles(),
    });
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
    const h = sessionHarness();
    await h.send({ type: 'init', version: PROTOCOL_VERSION, config: tiny, backend: 'auto' });
    expect(h.of('ready').at(-1)?.real).toBeUndefined();
    await h.send({ type: 'dispose' });
  });
});
