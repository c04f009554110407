/**
 * The latent explorer's worker side on the exact cpu backend: each query's samples are G's outputs
 * for the latents the latent math gives, under the requested label or codes; bad queries are answered
 * with a code the page words; and exploring does not change what training does next.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistFile } from '../../scripts/node/mnist.ts';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { mnistDataset, mnistSplit, MNIST_PIXELS, writeSignedDigit } from '../../src/gan/data/mnist.ts';
import { latentRow, meanLatent, seededLatents, slerp, weightedSum } from '../../src/gan/latent.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { answerLatent, type LatentAnswer, type LatentQuery, nearestDigits } from '../../src/worker/latent-answers.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const file = loadMnistFile();
const training = mnistSplit(file, 'train');
const config = (overrides: Partial<RunConfig>): RunConfig => ({
  ...defaultConfig(),
  dataset: 'mnist',
  latentSize: 8,
  generatorWidth: 16,
  discriminatorWidth: 16,
  batchSize: 16,
  categories: 10,
  ...overrides,
});

async function ask(trainer: Trainer, query: LatentQuery): Promise<LatentAnswer> {
  const event = await answerLatent(query, trainer, async () => training);
  if (!event.answer) throw new Error(JSON.stringify(event.error));
  return event.answer;
}

const rows = (values: Float32Array, dimension: number) =>
  Array.from({ length: values.length / dimension }, (_, i) =>
    Array.from(values.subarray(i * dimension, (i + 1) * dimension)),
  );

describe('latent queries', () => {
  test('CGAN: decode follows the label; interpolation ends are the endpoints; arithmetic is G(Σ wᵢ·mean(slotᵢ))', async () => {
    const trainer = new Trainer(config({ conditioning: 'label' }), mnistDataset(file));
    trainer.step();
    const z = seededLatents(1, 0, 4, 8, 'gaussian');
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => latentRow(z, i, 8));
    const under3 = await ask(trainer, {
      kind: 'decode',
      latent: z.slice(),
      conditions: [3, 3, 3, 3].map((label) => ({ label })),
    });
    expect(under3.count).toBe(4);
    expect(rows(under3.values, MNIST_PIXELS)).toEqual(
      rows(await trainer.generate(z, { labels: Int32Array.of(3, 3, 3, 3) }), MNIST_PIXELS),
    );
    const under5 = await ask(trainer, {
      kind: 'decode',
      latent: z.slice(),
      conditions: [5, 5, 5, 5].map((label) => ({ label })),
    });
    expect(Array.from(under5.values)).not.toEqual(Array.from(under3.values));

    const strip = await ask(trainer, {
      kind: 'interpolate',
      from: a.slice(),
      to: b.slice(),
      method: 'slerp',
      steps: 5,
      at: 0.3,
      condition: { label: 3 },
    });
    const images = rows(strip.values, MNIST_PIXELS);
    expect(images).toHaveLength(6);
    const [ga, gb] = rows(
      await trainer.generate(new Float32Array([...a, ...b]), { labels: Int32Array.of(3, 3) }),
      MNIST_PIXELS,
    );
    expect(images[0]).toEqual(ga);
    expect(images[4]).toEqual(gb);
    expect(images[5]).toEqual(
      rows(await trainer.generate(slerp(a, b, 0.3), { labels: Int32Array.of(3) }), MNIST_PIXELS)[0],
    );

    const sum = await ask(trainer, {
      kind: 'arithmetic',
      slots: [[a.slice(), d.slice()], [b.slice()], [c.slice()]],
      weights: [1, -1, 0.5],
      condition: { label: 7 },
    });
    expect(sum.count).toBe(5);
    const expected = weightedSum([meanLatent([a, d]), b, c], [1, -1, 0.5]);
    expect(rows(sum.values, MNIST_PIXELS)[4]).toEqual(
      rows(await trainer.generate(expected, { labels: Int32Array.of(7) }), MNIST_PIXELS)[0],
    );
    trainer.dispose();
  });

  test('InfoGAN: the continuous code changes the sample; bad queries are refused with a code naming the wrong part', async () => {
    const trainer = new Trainer(config({ conditioning: 'infoCodes', continuousCodes: 2 }), mnistDataset(file));
    const z = seededLatents(2, 0, 1, 8, 'gaussian');
    const low = await ask(trainer, {
      kind: 'decode',
      latent: z.slice(),
      conditions: [{ label: 1, continuous: [-2, 0] }],
    });
    const high = await ask(trainer, {
      kind: 'decode',
      latent: z.slice(),
      conditions: [{ label: 1, continuous: [2, 0] }],
    });
    expect(Array.from(low.values)).not.toEqual(Array.from(high.values));
    const wrongSize = await answerLatent(
      { kind: 'decode', latent: new Float32Array(5), conditions: [{}] },
      trainer,
      async () => training,
    );
    expect(wrongSize).toEqual({ error: { code: 'badQuery', field: 'latent' } });
    const badLabel = await answerLatent(
      { kind: 'decode', latent: z.slice(), conditions: [{ label: 12 }] },
      trainer,
      async () => training,
    );
    expect(badLabel.error).toEqual({ code: 'badQuery', field: 'label' });
    // Int32Array would have read 2.5 as label 2.
    const halfLabel = await answerLatent(
      { kind: 'decode', latent: z.slice(), conditions: [{ label: 2.5 }] },
      trainer,
      async () => training,
    );
    expect(halfLabel.error).toEqual({ code: 'badQuery', field: 'label' });
    const tooFewConditions = await answerLatent(
      { kind: 'decode', latent: z.slice(), conditions: [] },
      trainer,
      async () => training,
    );
    expect(tooFewConditions.error).toEqual({ code: 'badQuery', field: 'conditions' });
    const noImages = await answerLatent(
      { kind: 'neighbours', image: new Float32Array(MNIST_PIXELS), count: 3 },
      trainer,
      async () => undefined,
    );
    expect(noImages.error).toEqual({ code: 'noTrainingImages' });
    const wrongImage = await answerLatent(
      { kind: 'neighbours', image: new Float32Array(3), count: 3 },
      trainer,
      async () => training,
    );
    expect(wrongImage.error).toEqual({ code: 'badQuery', field: 'image' });
    trainer.dispose();
  });

  test('nearest neighbours: a training digit finds itself first at distance 0, then others in order', async () => {
    const trainer = new Trainer(config({}), mnistDataset(file));
    const image = new Float32Array(MNIST_PIXELS);
    writeSignedDigit(training, 123, image, 0);
    const found = await ask(trainer, { kind: 'neighbours', image, count: 5 });
    expect(found.count).toBe(5);
    expect(found.distances?.[0]).toBeCloseTo(0, 5);
    expect(found.labels?.[0]).toBe(training.labels[123]);
    expect(found.distances).toEqual([...(found.distances ?? [])].sort((x, y) => x - y));
    // The early-stopping scan agrees with a full scan.
    const full = Array.from({ length: training.count }, (_, i) => {
      let s = 0;
      for (let j = 0; j < MNIST_PIXELS; j++) s += (training.pixels[i * MNIST_PIXELS + j] - (image[j] + 1) * 127.5) ** 2;
      return s;
    })
      .sort((x, y) => x - y)
      .slice(0, 5)
      .map((s) => Math.sqrt(s) / 127.5);
    nearestDigits(training, image, 5).forEach((n, i) => expect(n.distance).toBeCloseTo(full[i], 4));
    trainer.dispose();
  });

  test('exploring leaves training as it was: the same stats with or without queries in between; no tensors leak', async () => {
    const run = async (explore: boolean) => {
      const trainer = new Trainer(config({ dataset: 'ring', latentSize: 2 }), createDataset('ring', {}));
      trainer.step();
      const before = tf.memory().numTensors;
      if (explore) {
        const z = seededLatents(3, 0, 2, 2, 'gaussian');
        await ask(trainer, {
          kind: 'arithmetic',
          slots: [[latentRow(z, 0, 2)], [latentRow(z, 1, 2)], [latentRow(z, 0, 2)]],
          weights: [1, -1, 1],
          condition: {},
        });
        await ask(trainer, {
          kind: 'interpolate',
          from: latentRow(z, 0, 2).slice(),
          to: latentRow(z, 1, 2).slice(),
          method: 'linear',
          steps: 3,
          at: 1,
          condition: {},
        });
      }
      expect(tf.memory().numTensors).toBe(before);
      trainer.step();
      const stats = await trainer.flushStats();
      trainer.dispose();
      return stats;
    };
    expect(await run(true)).toEqual(await run(false));
  });
});
