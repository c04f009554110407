/**
 * Conditioning wiring on the exact cpu backend: CGAN labels and InfoGAN codes reach G and D, each
 * update moves only its own network (D's step also its conditioning variables), nothing leaks, and
 * the information term and the conditional metrics compute what their formulas say.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parseCli } from '../../scripts/cli/options.ts';
import { reportLine } from '../../scripts/cli/report.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { infoCodes } from '../../src/gan/conditioning/info-codes.ts';
import { CLASSIFIER_WEIGHTS } from '../../src/gan/conditioning/label-input.ts';
import { CONTINUOUS_CODE_WEIGHT } from '../../src/gan/architectures/constants.ts';
import { cyclingLabels, oneHotRows } from '../../src/gan/conditioning/types.ts';
import {
  CONDITIONINGS,
  DATASETS,
  defaultConfig,
  LABELLED_DATASETS,
  OBJECTIVES,
  type RunConfig,
  validateConfig,
} from '../../src/gan/config.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { moons } from '../../src/gan/data/sets/moons.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { codeSeparation, labelAccuracy, nearestModes } from '../../src/gan/metrics/conditional.ts';
import { objectiveFor } from '../../src/gan/objectives/registry.ts';
import { createRng } from '../../src/gan/rng.ts';
import { STAT_FIELDS } from '../../src/gan/stats.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { tf, useCpu } from './setup-tf.ts';

let mnist: Dataset;
beforeAll(async () => {
  await useCpu();
  mnist = loadMnist();
});

/** Small nets and batches: these tests check wiring, not learning. */
function smallConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    ...defaultConfig(),
    generatorWidth: 16,
    discriminatorWidth: 16,
    batchSize: 32,
    categories: 4,
    continuousCodes: 2,
    ...overrides,
  };
}

/** DCGAN at the narrowest width and a tiny batch, as in dcgan.test.ts. */
const dcganConfig = (overrides: Partial<RunConfig>) =>
  smallConfig({
    dataset: 'mnist',
    architecture: 'dcgan',
    channels: 4,
    batchSize: 6,
    latentSize: 8,
    categories: 10,
    ...overrides,
  });

const snapshot = (variables: readonly tf.Variable[]) => variables.map((v) => Array.from(v.dataSync()));
const allChanged = (before: number[][], variables: readonly tf.Variable[]) =>
  variables.every((v, i) => Array.from(v.dataSync()).some((x, j) => x !== before[i][j]));

const CONDITIONED = ['label', 'infoCodes'] as const;

async function checkOneIteration(trainer: Trainer) {
  trainer.step(); // optimiser slots exist from construction; this warms up lazily built kernels
  await trainer.flushStats();
  const before = tf.memory().numTensors;
  trainer.step();
  const [point] = await trainer.flushStats();
  await trainer.evaluate();
  expect(tf.memory().numTensors).toBe(before);
  expect(Number.isFinite(point.dLoss) && Number.isFinite(point.gLoss)).toBe(true);
  if (trainer.config.conditioning === 'infoCodes') {
    expect(point.mutualInformation).toBeLessThanOrEqual(Math.log(trainer.config.categories) + 1e-6);
  } else {
    expect(point.mutualInformation).toBeNaN();
  }
}

/**
 * D's own variables need not all move (a WGAN critic's output bias has gradient −1 + 1 = 0), but
 * the conditioning's do: the CGAN projection and every Q head variable are in D's step's list.
 */
async function checkVariableLists(trainer: Trainer) {
  const { generator, discriminator, conditioning } = trainer;
  const extra = [...conditioning.criticVariables, ...conditioning.headVariables];
  const dVariables = [...discriminator.trainable, ...extra];
  const g0 = snapshot(generator.trainable);
  const d0 = snapshot(dVariables);
  trainer.step('discriminator');
  expect(snapshot(generator.trainable)).toEqual(g0);
  expect(snapshot(discriminator.trainable)).not.toEqual(d0.slice(0, discriminator.trainable.length));
  expect(allChanged(d0.slice(discriminator.trainable.length), extra)).toBe(true);
  const d1 = snapshot(dVariables);
  trainer.step('generator');
  expect(snapshot(dVariables)).toEqual(d1);
  expect(snapshot(generator.trainable)).not.toEqual(g0);
  await trainer.flushStats();
}

describe.each(CONDITIONED)('%s on the ring (MLP)', (conditioning) => {
  describe.each(OBJECTIVES)('%s', (objective) => {
    test('one iteration leaves tf.memory().numTensors unchanged', async () => {
      const trainer = new Trainer(smallConfig({ conditioning, objective, discriminatorSteps: 2 }), ring());
      await checkOneIteration(trainer);
      trainer.dispose();
    });

    test('a D step moves D and its conditioning variables only; a G step moves only G', async () => {
      const trainer = new Trainer(smallConfig({ conditioning, objective }), ring());
      await checkVariableLists(trainer);
      trainer.dispose();
    });
  });
});

describe.each(CONDITIONED)('%s with DCGAN on MNIST', (conditioning) => {
  describe.each(['nonSaturating', 'wganGp'] as const)('%s', (objective) => {
    test('one iteration without leaks; each step moves only its own variables', async () => {
      const trainer = new Trainer(dcganConfig({ conditioning, objective }), mnist);
      await checkOneIteration(trainer);
      trainer.dispose();
      const fresh = new Trainer(dcganConfig({ conditioning, objective }), mnist);
      await checkVariableLists(fresh);
      fresh.dispose();
    });
  });
});

test('conditioning adds its inputs to G, and to the MLP D on 2D data for CGAN; every CGAN D has a projection', () => {
  const firstKernel = (t: Trainer, network: 'generator' | 'discriminator') => t[network].trainable[0].shape;
  const cgan = new Trainer(smallConfig({ conditioning: 'label', latentSize: 3 }), ring());
  expect(firstKernel(cgan, 'generator')).toEqual([3 + 8, 16]);
  expect(firstKernel(cgan, 'discriminator')).toEqual([2 + 8, 16]);
  // Flattened digits: the label reaches D through the projection only (label.ts).
  const digits = new Trainer(smallConfig({ dataset: 'mnist', conditioning: 'label', latentSize: 3 }), mnist);
  expect(firstKernel(digits, 'generator')).toEqual([3 + 10, 16]);
  expect(firstKernel(digits, 'discriminator')).toEqual([784, 16]);
  expect(digits.conditioning.criticVariables.map((v) => v.shape)).toEqual([[10, 16]]);
  // AC-GAN's class head on D's trunk (label.ts): features → K logits, trained with D.
  expect(digits.conditioning.headVariables.map((v) => v.shape)).toEqual([[16, 10], [10]]);
  digits.dispose();
  const info = new Trainer(
    smallConfig({ conditioning: 'infoCodes', latentSize: 3, categories: 5, continuousCodes: 3 }),
    ring(),
  );
  expect(firstKernel(info, 'generator')).toEqual([3 + 5 + 3, 16]);
  expect(firstKernel(info, 'discriminator')).toEqual([2, 16]);
  expect(cgan.conditioning.criticVariables.map((v) => v.shape)).toEqual([[8, 16]]);
  const dcgan = new Trainer(dcganConfig({ conditioning: 'label' }), mnist);
  expect(firstKernel(dcgan, 'generator')).toEqual([8 + 10, 7 * 7 * 8]);
  expect(dcgan.conditioning.criticVariables.map((v) => v.shape)).toEqual([[10, 4 * 4 * 16]]); // D's 4×4×4C features
  for (const t of [cgan, info, dcgan]) t.dispose();
});

test('WGAN clips D and the CGAN projection but never the CGAN class head or the Q head', () => {
  const clipValue = 0.01;
  const within = (variables: readonly tf.Variable[]) =>
    snapshot(variables).every((values) => values.every((x) => Math.abs(x) <= clipValue + 1e-7));
  const cgan = new Trainer(dcganConfig({ conditioning: 'label', objective: 'wgan', clipValue }), mnist);
  cgan.stepDiscriminator();
  expect(within([...cgan.discriminator.trainable, ...cgan.conditioning.criticVariables])).toBe(true);
  expect(within(cgan.conditioning.headVariables)).toBe(false);
  const info = new Trainer(smallConfig({ conditioning: 'infoCodes', objective: 'wgan', clipValue }), ring());
  info.stepDiscriminator();
  expect(within(info.discriminator.trainable)).toBe(true);
  expect(within(info.conditioning.headVariables)).toBe(false);
  for (const t of [cgan, info]) t.dispose();
});

test("CGAN's class term joins D's loss at λ_D and G's at λ_G: each step's loss is its objective's plus λ·CE(y, C(φ(x)))", () => {
  const trainer = new Trainer(smallConfig({ dataset: 'mnist', conditioning: 'label', latentSize: 3 }), mnist);
  const [classKernel, classBias] = trainer.conditioning.headVariables;
  const objective = objectiveFor(trainer.config.objective);
  /** λ·CE(y, C(φ(x))) written out: the mean over the batch of −λ·log softmax(φ(x)·W + b)[y]. */
  const byHand = (x: tf.Tensor2D, labels: Int32Array, weight: number) => {
    const features = trainer.conditioning.judge(trainer.discriminator, x, { labels }, true).features;
    const logits = Array.from(tf.add(tf.matMul(features, classKernel), classBias).dataSync());
    const k = trainer.conditioning.values;
    let sum = 0;
    labels.forEach((y, i) => {
      const row = logits.slice(i * k, (i + 1) * k);
      const top = Math.max(...row);
      sum -= row[y] - top - Math.log(row.reduce((total, l) => total + Math.exp(l - top), 0));
    });
    return (weight * sum) / labels.length;
  };
  const losses: Record<string, { loss: number; expected: number }> = {};
  trainer.step('both', (network, parts) => {
    const labels = parts.condition.labels ?? new Int32Array();
    const adversarial =
      network === 'discriminator' && parts.realScores && parts.real
        ? objective.discriminatorLoss(parts.realScores, parts.fakeScores, trainer.config)
        : objective.generatorLoss(parts.fakeScores, trainer.config);
    const x = network === 'discriminator' && parts.real ? parts.real : parts.fake;
    losses[network] = {
      loss: parts.loss.dataSync()[0],
      expected: adversarial.dataSync()[0] + byHand(x, labels, CLASSIFIER_WEIGHTS[network]),
    };
  });
  expect(CLASSIFIER_WEIGHTS.generator).not.toBe(CLASSIFIER_WEIGHTS.discriminator);
  for (const network of ['discriminator', 'generator'] as const)
    expect(losses[network].loss).toBeCloseTo(losses[network].expected, 4);
  trainer.dispose();
});

describe('generation for chosen labels', () => {
  test('the same noise with different labels gives different samples; omitted labels cycle 0..K−1', async () => {
    const trainer = new Trainer(smallConfig({ conditioning: 'label', latentSize: 2 }), ring());
    const noise = new Float32Array([0.3, -0.7, 0.3, -0.7]);
    const asked = await trainer.generate(noise, { labels: new Int32Array([2, 5]) });
    expect(Array.from(asked.slice(0, 2))).not.toEqual(Array.from(asked.slice(2, 4)));
    const again = await trainer.generate(noise, { labels: new Int32Array([2, 5]) });
    expect(again).toEqual(asked);
    const cycled = await trainer.generate(noise); // labels 0 and 1
    const explicit = await trainer.generate(noise, { labels: new Int32Array([0, 1]) });
    expect(cycled).toEqual(explicit);
    await expect(trainer.generate(noise, { labels: new Int32Array([0]) })).rejects.toThrow(
      /1 labels for 2 noise vectors/,
    );
    await expect(trainer.generate(noise, { labels: new Int32Array([0, 8]) })).rejects.toThrow(/outside 0..7/);
    trainer.dispose();
  });

  test('InfoGAN generates for a chosen code value and continuous codes', async () => {
    const trainer = new Trainer(
      smallConfig({ conditioning: 'infoCodes', latentSize: 2, categories: 4, continuousCodes: 1 }),
      ring(),
    );
    const noise = new Float32Array([0.3, -0.7, 0.3, -0.7]);
    const a = await trainer.generate(noise, { labels: new Int32Array([1, 1]), continuous: new Float32Array([-1, 1]) });
    expect(Array.from(a.slice(0, 2))).not.toEqual(Array.from(a.slice(2, 4)));
    trainer.dispose();
  });
});

describe('the information term', () => {
  test('with Q predicting nothing (zero output layer): CE = ln K, the estimate is 0, and L_I adds w·½‖c‖²', () => {
    const K = 4;
    const discriminator = { featureSize: 3 } as Parameters<typeof infoCodes>[1];
    const codes = infoCodes({ categories: K, continuousCodes: 2, infoNoiseScale: 1 }, discriminator, createRng(1));
    const [, , outKernel, outBias] = codes.headVariables;
    outKernel.assign(tf.zerosLike(outKernel));
    outBias.assign(tf.zerosLike(outBias));
    const condition = { labels: new Int32Array([0, 3]), continuous: new Float32Array([0.5, -1, 0, 0.2]) };
    const features = tf.tensor2d([1, 2, 3, -1, 0, 4], [2, 3]);
    const lambda = 2;
    const info = codes.information?.(features, condition, { infoLambda: lambda });
    if (!info) throw new Error('InfoGAN has an information term');
    const squaredError = (0.5 * (0.25 + 1 + (0 + 0.04))) / 2; // ½‖c − 0‖², mean over the batch
    expect(CONTINUOUS_CODE_WEIGHT).toBe(0.1); // PyTorch-GAN's lambda_con
    expect(info.mutualInformation.dataSync()[0]).toBeCloseTo(0, 6);
    expect(info.loss.dataSync()[0]).toBeCloseTo(lambda * (Math.log(K) + 0.1 * squaredError), 5);
    tf.dispose([features, info.loss, info.mutualInformation]);
    codes.dispose();
  });

  test('G reads σ·z ⊕ onehot(c_cat) ⊕ c_cont: infoNoiseScale scales the noise only', () => {
    const discriminator = { featureSize: 3 } as Parameters<typeof infoCodes>[1];
    const noise = tf.tensor2d([1, -2, 0.5, 4], [2, 2]);
    const condition = { labels: new Int32Array([1, 0]), continuous: new Float32Array([0.5, -1]) };
    for (const sigma of [1, 0.2]) {
      const codes = infoCodes(
        { categories: 3, continuousCodes: 1, infoNoiseScale: sigma },
        discriminator,
        createRng(1),
      );
      const input = codes.generatorInput(noise, condition);
      expect(Array.from(input.dataSync())).toEqual(
        Array.from(new Float32Array([sigma, -2 * sigma, 0, 1, 0, 0.5, 0.5 * sigma, 4 * sigma, 1, 0, 0, -1])),
      );
      input.dispose();
      codes.dispose();
    }
    noise.dispose();
  });

  test('mutualInformation is the last stats field, so earlier fields keep their indices', () => {
    expect(STAT_FIELDS.indexOf('mutualInformation')).toBe(STAT_FIELDS.length - 1);
    expect(STAT_FIELDS.indexOf('wasserstein')).toBe(STAT_FIELDS.length - 2);
  });
});

describe('conditional metrics', () => {
  test('nearest mode, label accuracy and code separation count what they say', () => {
    const modes = ring().modes;
    if (!modes) throw new Error('the ring has modes');
    const points = new Float32Array([2, 0, 0, 2.1, -1.9, 0.1, 0, -1]); // near modes 0, 2, 4, 6
    expect(Array.from(nearestModes(points, 2, modes))).toEqual([0, 2, 4, 6]);
    expect(labelAccuracy([0, 2, 4, 5], [0, 2, 4, 6])).toBe(0.75);
    // Code 0 → class 1 three times of four; code 1 → class 1 twice; code 2 unused.
    const separation = codeSeparation([0, 0, 0, 0, 1, 1], [1, 1, 1, 2, 1, 1], 3, 3);
    expect(separation.codePurity).toBeCloseTo((0.75 + 1) / 2, 12);
    expect(separation.codeClasses).toBe(1);
    expect(codeSeparation([0, 1, 2], [2, 0, 1], 3, 3)).toEqual({ codePurity: 1, codeClasses: 3, codeMatching: 1 });
  });

  test('one-hot rows and cycling labels', () => {
    expect(Array.from(oneHotRows(new Int32Array([2, 0]), 3))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => oneHotRows(new Int32Array([3]), 3)).toThrow(/outside/);
    expect(Array.from(cyclingLabels(5, 2))).toEqual([0, 1, 0, 1, 0]);
  });
});

describe('configuration and CLI', () => {
  test('labelled datasets are exactly those whose samples carry labels', () => {
    for (const id of DATASETS) {
      if (id === 'custom') continue;
      const dataset = id === 'mnist' ? mnist : createDataset(id);
      expect(LABELLED_DATASETS.includes(id)).toBe(dataset.classes > 0);
      if (dataset.classes > 0) expect(dataset.sample(3, createRng(1)).labels).toHaveLength(3);
    }
    expect(validateConfig({ conditioning: 'label', dataset: 'spiral' }).ok).toBe(false);
    expect(validateConfig({ conditioning: 'infoCodes', dataset: 'spiral' }).ok).toBe(true);
    expect(CONDITIONINGS).toEqual(['none', 'label', 'infoCodes']);
  });

  test('a CGAN on the moons trains with the moon as label', async () => {
    const trainer = new Trainer(smallConfig({ conditioning: 'label', dataset: 'moons' }), moons());
    expect(trainer.conditioning.values).toBe(2);
    trainer.step();
    const [point] = await trainer.flushStats();
    expect(Number.isFinite(point.dLoss)).toBe(true);
    trainer.dispose();
  });

  test('--conditioning info, --categories, --continuous-codes and --info-lambda set the InfoGAN fields', () => {
    const { config } = parseCli([
      '--conditioning',
      'info',
      '--categories',
      '8',
      '--continuous-codes',
      '2',
      '--info-lambda',
      '0.5',
    ]);
    expect(config).toMatchObject({ conditioning: 'infoCodes', categories: 8, continuousCodes: 2, infoLambda: 0.5 });
    expect(parseCli(['--conditioning', 'label']).config.conditioning).toBe('label');
    expect(() => parseCli(['--conditioning', 'labels'])).toThrow(/--conditioning/);
    expect(() => parseCli(['--conditioning', 'label', '--data', 'spiral'])).toThrow(/labelled dataset/);
  });

  test('report lines carry mutualInformation for InfoGAN and the conditional metrics', () => {
    const point = { iteration: 1, ...Object.fromEntries(STAT_FIELDS.map((f) => [f, 0.5])) } as Parameters<
      typeof reportLine
    >[1];
    const info = reportLine(
      smallConfig({ conditioning: 'infoCodes' }),
      point,
      { iteration: 1, conditional: { codePurity: 0.9, codeClasses: 4 } },
      1,
    );
    expect(info).toMatchObject({ mutualInformation: 0.5, codePurity: 0.9, codeClasses: 4 });
    const cgan = reportLine(
      smallConfig({ conditioning: 'label' }),
      point,
      { iteration: 1, conditional: { labelAccuracy: 0.8 } },
      1,
    );
    expect(cgan.labelAccuracy).toBe(0.8);
    expect(cgan).not.toHaveProperty('mutualInformation');
  });
});
