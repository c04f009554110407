/**
 * The PyTorch round trip (issue 17): export a run's script → train it with Debian's python3-torch →
 * read its weights file with the page's own code (decodeWeightsFile in the reader's worker,
 * weightsIntoRun on the page) → restore that into a Nash trainer of the same settings as the
 * training worker does (serialize.ts restoreRun) → on the file's check batch, Nash's G gives
 * PyTorch's samples, D PyTorch's scores, CGAN's class head and InfoGAN's Q PyTorch's predictions
 * (as their losses on the check batch), within 1e-4.
 * Then the refusals: another model's file, and damaged files, each naming what is wrong.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { CONTINUOUS_CODE_WEIGHT } from '../../src/gan/architectures/constants.ts';
import { CLASSIFIER_WEIGHTS } from '../../src/gan/conditioning/label-input.ts';
import type { Condition } from '../../src/gan/conditioning/types.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { recipeFor } from '../../src/gan/recipes.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import {
  decodeWeightsFile,
  type ImportRefusal,
  type PyTorchWeights,
  weightsIntoRun,
} from '../../src/features/share/pytorchWeights.ts';
import { fromBase64 } from '../../src/features/share/runFile.ts';
import { describeImportRefusal } from '../../src/features/share/runRefusal.ts';
import { en, ko } from '../../src/i18n/share.ts';
import { captureRun, restoreRun } from '../../src/worker/serialize.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { MNIST_BINARY, PYTHON, runJson, torchMissing, writeScript } from './pytorch-run.ts';
import { tf, useCpu } from './setup-tf.ts';

/** 1e-4 (max abs), the bound: float32 sums in another order, over up to 784 inputs. */
const TOLERANCE = 1e-4;

let mnist: Dataset;
beforeAll(async () => {
  await useCpu();
  mnist = loadMnist();
});

interface Check {
  noise: string;
  labels?: number[];
  continuous?: string;
  samples: string;
  scores: string;
  codes?: string;
  classes?: string;
}

/** Trains a configuration's exported script and returns its weights file's text. */
function train(config: RunConfig, steps: number): string {
  const path = writeScript(config);
  const weights = path.replace(/\.py$/, '.weights.json');
  const args = [path, '--steps', String(steps), '--weights', weights, '--mnist', MNIST_BINARY];
  const summary = runJson(PYTHON, config.dataset === 'mnist' ? args : args.slice(0, -2)).at(-1) as { weights: string };
  expect(summary.weights).toBe(weights);
  return readFileSync(weights, 'utf8');
}

const decoded = (text: string): PyTorchWeights => {
  const read = decodeWeightsFile(text);
  if (!read.ok) throw new Error(`refused: ${describeImportRefusal(read.refusal, en)}`);
  return read.weights;
};

const values = (base64: string) => {
  const array = fromBase64(base64);
  if (!array) throw new Error('check batch: not base64 float32');
  return array;
};

const largestDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Array.from(a).reduce((most, v, i) => Math.max(most, Math.abs(v - b[i])), 0);
};

/**
 * InfoGAN's λ·L_I from Q's outputs [n, K + C]: CE(c_cat, softmax(logits)) + ½‖c_cont − μ‖², each
 * averaged over the batch (info-codes.ts), for comparing PyTorch's Q with Nash's.
 */
function informationLoss(codes: Float32Array, condition: Condition, categories: number, continuousCodes: number) {
  const { labels = new Int32Array(), continuous = new Float32Array() } = condition;
  const width = categories + continuousCodes;
  let crossEntropy = 0;
  let squared = 0;
  labels.forEach((label, row) => {
    const logits = codes.subarray(row * width, row * width + categories);
    const top = Math.max(...logits);
    const logSum = top + Math.log(logits.reduce((sum, v) => sum + Math.exp(v - top), 0));
    crossEntropy += logSum - logits[label];
    for (let j = 0; j < continuousCodes; j++)
      squared +=
        0.5 *
        CONTINUOUS_CODE_WEIGHT *
        (continuous[row * continuousCodes + j] - codes[row * width + categories + j]) ** 2;
  });
  return (crossEntropy + squared) / labels.length;
}

/** The whole trip for one configuration: Nash's networks on the file's check batch against PyTorch's outputs. */
async function roundTrip(config: RunConfig, steps: number) {
  const text = train(config, steps);
  const trainer = new Trainer(config, config.dataset === 'mnist' ? mnist : ring());
  try {
    const merged = weightsIntoRun(decoded(text), await captureRun(trainer));
    if (!merged.ok) throw new Error(`refused: ${describeImportRefusal(merged.refusal, en)}`);
    restoreRun(trainer, merged.run);
    expect(trainer.iteration).toBe(steps);

    const check = (JSON.parse(text) as { check: Check }).check;
    const condition: Condition = {
      ...(check.labels ? { labels: Int32Array.from(check.labels) } : {}),
      ...(check.continuous ? { continuous: values(check.continuous) } : {}),
    };
    const theirs = values(check.samples);
    const noise = values(check.noise);
    const samples = await trainer.generate(noise, condition);
    expect(largestDifference(samples, theirs)).toBeLessThan(TOLERANCE);

    // D (and Q) on PyTorch's samples, in inference mode: the same x for both.
    const { scores, information, classification } = tf.tidy(() => {
      const n = noise.length / config.latentSize;
      const x = tf.tensor2d(theirs, [n, theirs.length / n]); // [n, dimension]
      const judged = trainer.conditioning.judge(trainer.discriminator, x, condition, false);
      const info = trainer.conditioning.information?.(judged.features, condition, { infoLambda: 1 });
      const classes = trainer.conditioning.classification?.(judged.features, condition, 'discriminator');
      return {
        scores: judged.scores.dataSync().slice(),
        information: info?.loss.dataSync()[0],
        classification: classes?.dataSync()[0],
      };
    });
    expect(largestDifference(scores, values(check.scores))).toBeLessThan(TOLERANCE);
    if (config.conditioning === 'infoCodes') {
      const expected = informationLoss(values(check.codes ?? ''), condition, config.categories, config.continuousCodes);
      expect(Math.abs((information ?? Number.NaN) - expected)).toBeLessThan(TOLERANCE);
    }
    if (trainer.conditioning.classification) {
      // CGAN's class head (AC-GAN): λ_D·CE(y, logits) from PyTorch's logits against Nash's.
      const expected =
        CLASSIFIER_WEIGHTS.discriminator *
        informationLoss(values(check.classes ?? ''), condition, trainer.conditioning.values, 0);
      expect(Math.abs((classification ?? Number.NaN) - expected)).toBeLessThan(TOLERANCE);
    }
    return samples;
  } finally {
    trainer.dispose();
  }
}

/** Small MNIST networks: a few PyTorch steps move batch norm's running statistics and every weight. */
const smallDigits: Partial<RunConfig> = { dataset: 'mnist', latentSize: 16, batchSize: 16, channels: 8 };

describe.skipIf(torchMissing)('export → train in PyTorch → import into Nash: the same networks', () => {
  test('the 2D ring MLP after 200 steps', async () => {
    const samples = await roundTrip(defaultConfig(), 200);
    expect(samples.some((v) => v !== 0)).toBe(true);
  });

  test('CGAN on the ring (label at D’s input and a projection V) after 200 steps', async () => {
    await roundTrip({ ...defaultConfig(), conditioning: 'label', batchSize: 64 }, 200);
  });

  test('an MNIST DCGAN CGAN (V and the class head on channels-first features) after 10 steps', async () => {
    await roundTrip({ ...defaultConfig(), ...smallDigits, architecture: 'dcgan', conditioning: 'label' }, 10);
  });

  test('an MNIST DCGAN (transposed convolutions, batch norm, channels-first features) after 20 steps', async () => {
    await roundTrip({ ...defaultConfig(), ...smallDigits, architecture: 'dcgan' }, 20);
  });

  test('an MNIST DCGAN InfoGAN under WGAN-GP (no critic batch norm; Q on the trunk, 2 continuous codes, G reading 0.3·z) after 10 steps', async () => {
    await roundTrip(
      {
        ...defaultConfig(),
        ...recipeFor('wganGp'),
        ...smallDigits,
        architecture: 'dcgan',
        conditioning: 'infoCodes',
        continuousCodes: 2,
        infoNoiseScale: 0.3,
      },
      10,
    );
  });
});

/** A weights file's JSON, to damage one part at a time. */
interface WeightsJson {
  kind: unknown;
  version: unknown;
  config: Record<string, unknown>;
  iteration: unknown;
  tensors: { name: string; shape: number[]; data: string }[];
}

const base64Of = (array: Float32Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

describe.skipIf(torchMissing)('refused, with what is wrong named, and nothing changed', () => {
  let original = '';
  beforeAll(() => {
    original = train(defaultConfig(), 1);
  });
  const damaged = (change: (file: WeightsJson) => void) => {
    const file = JSON.parse(original) as WeightsJson;
    change(file);
    return JSON.stringify(file);
  };
  const tensor = (file: WeightsJson, name: string) => {
    const found = file.tensors.find((t) => t.name === name);
    if (!found) throw new Error(`no ${name} in the file`);
    return found;
  };
  /** The refusal of a file, and its sentence in English and Korean. */
  const refusalOf = (text: string) => {
    const read = decodeWeightsFile(text);
    if (read.ok) throw new Error('accepted');
    return {
      refusal: read.refusal,
      en: describeImportRefusal(read.refusal, en),
      ko: describeImportRefusal(read.refusal, ko),
    };
  };

  test('another model: the first setting that differs, both values, in the page’s language; live settings and the seed may differ', async () => {
    const weights = decoded(original);
    const refusedBy = async (config: RunConfig) => {
      const trainer = new Trainer(config, config.dataset === 'mnist' ? mnist : ring());
      const run = await captureRun(trainer);
      trainer.dispose();
      const before = run.tensors.map((t) => Array.from(t.values));
      const merged = weightsIntoRun(weights, run);
      // The run's own snapshot is left as it was: a refused file changes nothing.
      expect(run.tensors.map((t) => Array.from(t.values))).toEqual(before);
      return merged.ok ? undefined : merged.refusal;
    };
    const narrower = await refusedBy({ ...defaultConfig(), generatorWidth: 32 });
    expect(narrower).toEqual({ code: 'modelDiffers', field: 'generatorWidth', file: '64', run: '32' });
    if (!narrower) throw new Error('accepted');
    expect(describeImportRefusal(narrower, en)).toBe(
      'its model is not this run’s: Generator width (generatorWidth): file 64, run 32',
    );
    expect(describeImportRefusal(narrower, ko)).toBe(
      '이 실행과 모델이 다릅니다. 생성자 너비 (generatorWidth): 파일 64, 실행 32',
    );
    expect(await refusedBy({ ...defaultConfig(), generatorActivation: 'tanh' })).toMatchObject({
      field: 'generatorActivation',
    });
    expect(
      await refusedBy({ ...defaultConfig(), dataset: 'mnist', architecture: 'dcgan', latentSize: 16, channels: 4 }),
    ).toMatchObject({ field: 'dataset', file: 'ring', run: 'mnist' });
    // The objective, learning rates, optimisers and seed are the run's to keep.
    expect(
      await refusedBy({ ...defaultConfig(), ...recipeFor('wgan'), generatorLearningRate: 0.01, seed: 99 }),
    ).toBeUndefined();
  });

  /** A damage: its name, what it does to the file, the refusal's code and a word its sentence must repeat. */
  type Damage = [string, (file: WeightsJson) => void, ImportRefusal['code'], string];
  test.each<Damage>([
    [
      'a tensor cut short',
      (f: WeightsJson) => {
        tensor(f, 'generator.0.weight').data = 'AAAA';
      },
      'wrongSize',
      'generator.0.weight',
    ],
    [
      'a value that is not finite',
      (f: WeightsJson) => {
        const bias = tensor(f, 'generator.2.bias');
        const values = fromBase64(bias.data) ?? new Float32Array();
        values[3] = Number.NaN;
        bias.data = base64Of(values);
      },
      'notFiniteWeight',
      'generator.2.bias',
    ],
    [
      'a shape that is not the model’s',
      (f: WeightsJson) => {
        const weight = tensor(f, 'generator.0.weight');
        weight.shape = [32, 4]; // 128 values, as many as [64, 2] holds
      },
      'weightShape',
      'generator.0.weight',
    ],
    [
      'a tensor missing',
      (f: WeightsJson) => {
        f.tensors = f.tensors.filter((t) => t.name !== 'discriminator.4.bias');
      },
      'missingWeight',
      'discriminator.4.bias',
    ],
    [
      'a tensor the model does not have',
      (f: WeightsJson) => {
        f.tensors.push({ ...tensor(f, 'generator.0.bias'), name: 'generator.9.bias' });
      },
      'unexpectedWeight',
      'generator.9.bias',
    ],
    [
      'a Nash run file',
      (f: WeightsJson) => {
        f.kind = 'nash-run';
      },
      'runFileGiven',
      'Import run file',
    ],
    [
      'another kind of file',
      (f: WeightsJson) => {
        f.kind = 'keras';
      },
      'notWeightsFile',
      'Python',
    ],
    [
      'a later version',
      (f: WeightsJson) => {
        f.version = 2;
      },
      'weightsVersion',
      '2',
    ],
    [
      'an iteration that is not a count',
      (f: WeightsJson) => {
        f.iteration = -1;
      },
      'notCount',
      'iteration',
    ],
    [
      'a setting out of range',
      (f: WeightsJson) => {
        f.config.generatorWidth = 0;
      },
      'settings',
      'generatorWidth',
    ],
  ])('%s', (_, change, code, named) => {
    const { refusal, en: english, ko: korean } = refusalOf(damaged(change));
    expect(refusal.code).toBe(code);
    expect(english).toContain(named);
    if (code !== 'runFileGiven') expect(korean).toContain(named);
    expect(korean).toMatch(/[\uac00-\ud7a3]/);
  });

  test('not JSON, and the size cap of run files', () => {
    expect(refusalOf(original.slice(0, 100)).refusal).toEqual({ code: 'notJson' });
    expect(refusalOf('').refusal).toEqual({ code: 'empty' });
  });
});
