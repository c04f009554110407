import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { HISTORY_LIMIT } from '../../src/client/statHistory.ts';
import { ARCHITECTURES, CONDITIONINGS, defaultConfig, OPTIMIZERS } from '../../src/gan/config.ts';
import { STAT_FIELDS, type StatPoint } from '../../src/gan/stats.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import {
  checkRun,
  decodeRunFile,
  encodeRunFile,
  fromStored,
  type Loaded,
  MAX_COUNT,
  MAX_RANK,
  MAX_RUN_FILE_BYTES,
  MAX_TENSORS,
  type RunRefusal,
  runFileSizeProblem,
  type SavedRun,
  statsCsv,
  toStored,
} from '../../src/features/share/runFile.ts';
import { describeRunRefusal } from '../../src/features/share/runRefusal.ts';
import { en } from '../../src/i18n/share.ts';
import { SERIALIZED_RUN_VERSION } from '../../src/worker/serialize.ts';
import { fastest } from './fastest.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const point = (iteration: number, gLoss: number): StatPoint =>
  ({ ...Object.fromEntries(STAT_FIELDS.map((f) => [f, 0.5])), iteration, gLoss }) as StatPoint;

/** A refusal as anything outside the page reads it: in English. */
const english = (refusal: RunRefusal) => describeRunRefusal(refusal, en);

const run: SavedRun = {
  snapshot: {
    version: SERIALIZED_RUN_VERSION,
    config: { ...defaultConfig(), seed: 12 },
    iteration: 40,
    optimizerSteps: { generator: 40, discriminator: 80 },
    tensors: [
      { name: 'generator.0', shape: [2, 3], values: new Float32Array([1, -2, 3.5, 1e-8, -0, 7]) },
      { name: 'generator.1', shape: [3], values: new Float32Array([0.1, 0.2, 0.3]) },
    ],
  },
  stats: [point(39, 0.7), point(40, Number.NaN)],
};

describe('a run as a file', () => {
  test('round-trips exactly through JSON, NaN included', () => {
    const decoded = decodeRunFile(encodeRunFile(run));
    expect(decoded).toEqual({ ok: true, run });
  });

  test('round-trips through the stored form', () => {
    expect(fromStored(structuredClone(toStored(run)))).toEqual({ ok: true, run });
  });

  test.each([
    ['not JSON', () => '{', 'notJson', /not JSON/],
    ['another kind of file', () => JSON.stringify({ kind: 'model' }), 'notRunFile', /not a Nash run file/],
    [
      'a bad setting',
      () => encodeRunFile({ ...run, snapshot: { ...run.snapshot, config: { ...run.snapshot.config, batchSize: 0 } } }),
      'settings',
      /settings are not valid/,
    ],
    [
      'truncated weights',
      () => encodeRunFile(run).replace(/"data":"[^"]{8}/, '"data":"'),
      'wrongSize',
      /does not hold the 6 values/,
    ],
    [
      'a missing iteration',
      () => encodeRunFile(run).replace('"iteration":40,', ''),
      'notCount',
      /^iteration is nothing, not a whole number from 0 to 2\^52 \(4,503,599,627,370,496\)$/,
    ],
    [
      'a broken chart',
      () => encodeRunFile(run).replace('"gLoss":0.7', '"gLoss":"high"'),
      'notChartValue',
      /^stats\[0\]\.gLoss is "high", not a finite number \(or null where the network did not step\)$/,
    ],
    ['an empty file', () => '  \n', 'empty', /it is empty/],
    ['a JSON list', () => '[1, 2, 3]', 'notRunFile', /not a Nash run file/],
    ['JSON null', () => 'null', 'notRunFile', /not a Nash run file/],
    [
      'a later file version',
      () => encodeRunFile(run).replace('"version":1', '"version":2'),
      'fileVersion',
      /version 2 run file; this version reads 1/,
    ],
    [
      'a file version that is not a number',
      () => encodeRunFile(run).replace('"version":1', `"version":"${'x'.repeat(500)}"`),
      'fileVersion',
      /version "x{39}… run file/,
    ],
    [
      'another snapshot format',
      () => encodeRunFile(run).replace(`"snapshotVersion":${SERIALIZED_RUN_VERSION}`, '"snapshotVersion":99'),
      'snapshotVersion',
      /saved in format 99/,
    ],
    [
      'weights that are not a list',
      () => encodeRunFile(run).replace(/"tensors":\[.*\]/, '"tensors":{"generator.0":1}'),
      'noWeights',
      /holds no weights/,
    ],
    [
      'a weight without a name',
      () => encodeRunFile(run).replace('"name":"generator.0",', ''),
      'unnamedWeight',
      /a weight has no name/,
    ],
    [
      'a weight with a negative shape',
      () => encodeRunFile(run).replace('"shape":[2,3]', '"shape":[-2,-3]'),
      'shapeNotCount',
      /^"generator\.0"’s shape\[0\] is -2, not a whole number from 0 to 2\^52/,
    ],
    [
      'a weight without a shape',
      () => encodeRunFile(run).replace('"shape":[2,3]', '"shape":6'),
      'noShape',
      /^"generator\.0" has no shape$/,
    ],
    [
      'weights that are not base64',
      () => encodeRunFile(run).replace(/"data":"[^"]+"/, '"data":"!!!!"'),
      'wrongSize',
      /does not hold the 6 values/,
    ],
    [
      'settings that are missing',
      () => encodeRunFile(run).replace(/"config":\{[^}]*\},/, ''),
      'settings',
      /settings are not valid/,
    ],
    [
      'a chart history that is not a list',
      () => encodeRunFile(run).replace(/"stats":\[.*\],"tensors"/, '"stats":"lots","tensors"'),
      'statsNotList',
      /chart history is not a list/,
    ],
  ])('refuses %s with its code, worded in English with its reason', (_, text, code, reason) => {
    const decoded = decodeRunFile(text());
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.refusal.code).toBe(code);
    expect(english(decoded.refusal)).toMatch(reason);
  });

  test('a refusal is plain data: it crosses from the reader’s worker as it is', () => {
    const decoded = decodeRunFile(encodeRunFile(run).replace('"iteration":40,', '"iteration":1e300,'));
    expect(decoded).toEqual({
      ok: false,
      refusal: { code: 'notCount', field: 'iteration', value: '1e+300', max: MAX_COUNT },
    });
    expect(structuredClone(decoded)).toEqual(decoded);
  });

  test('a file is refused by its size before it is read: empty, or over the 128 MiB limit, which is named', () => {
    expect(MAX_RUN_FILE_BYTES).toBe(128 * 1024 * 1024);
    // A real saved run is far below the limit (this one's file is a few hundred bytes; the largest MNIST DCGAN run 71 MiB).
    expect(encodeRunFile(run).length).toBeLessThan(MAX_RUN_FILE_BYTES / 1000);
    expect(runFileSizeProblem(encodeRunFile(run).length)).toBeUndefined();
    expect(runFileSizeProblem(MAX_RUN_FILE_BYTES)).toBeUndefined();
    expect(runFileSizeProblem(MAX_RUN_FILE_BYTES + 1)).toEqual({
      code: 'tooLarge',
      bytes: MAX_RUN_FILE_BYTES + 1,
      limit: MAX_RUN_FILE_BYTES,
    });
    expect(english(runFileSizeProblem(MAX_RUN_FILE_BYTES + 1)!)).toBe(
      'it is 128.0 MB, more than the 128.0 MB a run file may be',
    );
    expect(english(runFileSizeProblem(2 * 1024 ** 3)!)).toMatch(/^it is 2048\.0 MB, more than the 128\.0 MB/);
    expect(runFileSizeProblem(0)).toEqual({ code: 'empty' });
  });

  test('chart data as CSV: a header of every signal, one row per iteration, empty where a network did not step', () => {
    const lines = statsCsv(run.stats).trim().split('\n');
    expect(lines[0]).toBe(['iteration', ...STAT_FIELDS].join(','));
    expect(lines).toHaveLength(3);
    const last = lines[2].split(',');
    expect(last[0]).toBe('40');
    expect(last[1 + STAT_FIELDS.indexOf('gLoss')]).toBe('');
    expect(Number(lines[1].split(',')[1 + STAT_FIELDS.indexOf('gLoss')])).toBe(0.7);
  });
});

/** The test run's file with some parts replaced. */
const fileWith = (parts: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(encodeRunFile(run)), ...parts });

/** Why `loaded` was refused, in English. */
function reason(loaded: Loaded): string {
  if (loaded.ok) throw new Error('the run was accepted');
  return english(loaded.refusal);
}
const refusal = (text: string) => reason(decodeRunFile(text));

/** One float, 0, as base64: a weight of any shape with one value. */
const ONE_VALUE = 'AAAAAA==';

describe('hostile and unlucky run files (issue #20)', () => {
  test('a 50 MB seed is refused in a short message; the checks after JSON.parse take well under 100 ms', () => {
    const text = fileWith({ config: { ...run.snapshot.config, seed: 'x'.repeat(50e6) } });
    expect(refusal(text)).toBe(
      `its settings are not valid: Seed (seed): "${'x'.repeat(39)}… is not a number; expected an integer from 0 to 2147483647`,
    );
    const parsed = JSON.parse(text);
    expect(fastest(() => checkRun({ ...parsed, tensors: run.snapshot.tensors }))).toBeLessThan(20);
  });

  test('a 200,000-deep array is refused in a short message (stringifying it whole overflowed the stack)', () => {
    const text = encodeRunFile(run).replace('"seed":12', `"seed":${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(refusal(text)).toBe(
      `its settings are not valid: Seed (seed): ${'['.repeat(40)}… is not a number; expected an integer from 0 to 2147483647`,
    );
  });

  test('a burst of unknown settings is counted, and a long key cut', () => {
    const many = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    expect(refusal(fileWith({ config: { ...run.snapshot.config, ...many } }))).toBe(
      'its settings are not valid: 5,000 unknown settings, e.g. k0, k1, k2',
    );
    expect(refusal(fileWith({ config: { ['k'.repeat(100_000)]: 1 } }))).toBe(
      `its settings are not valid: ${'k'.repeat(40)}…: unknown setting`,
    );
  });

  test.each([
    [
      'an iteration the counter cannot move past',
      { iteration: 1e300 },
      'iteration is 1e+300, not a whole number from 0 to 2^52 (4,503,599,627,370,496)',
    ],
    [
      'an iteration past the exact doubles',
      { iteration: 2 ** 53 },
      'iteration is 9007199254740992, not a whole number from 0 to 2^52 (4,503,599,627,370,496)',
    ],
    [
      'a huge optimiser step count',
      { optimizerSteps: { generator: 1e300, discriminator: 80 } },
      'optimizerSteps.generator is 1e+300, not a whole number from 0 to 2^52 (4,503,599,627,370,496)',
    ],
    [
      'a negative optimiser step count',
      { optimizerSteps: { generator: 40, discriminator: -1 } },
      'optimizerSteps.discriminator is -1, not a whole number from 0 to 2^52 (4,503,599,627,370,496)',
    ],
    [
      'a chart history of 450,000 points',
      { stats: Array.from({ length: 450_000 }, (_, i) => ({ iteration: i })) },
      'its chart history (stats) has 450,000 points, more than the 6,000 the page keeps',
    ],
    [
      'a chart point far in the future',
      { stats: [{ iteration: 1e300 }] },
      'stats[0].iteration is 1e+300, not a whole number from 0 to 2^52 (4,503,599,627,370,496)',
    ],
    [
      'a weight of six dimensions',
      { tensors: [{ name: 'generator.0', shape: [1, 1, 1, 1, 1, 1], data: ONE_VALUE }] },
      '"generator.0" has 6 dimensions, more than 4',
    ],
    [
      'more weights than any model has',
      { tensors: Array.from({ length: MAX_TENSORS + 1 }, (_, i) => ({ name: `w${i}`, shape: [1], data: ONE_VALUE })) },
      'it holds 1,001 weights (tensors), more than the 1,000 a run may have',
    ],
  ])('refuses %s, naming the field and the range', (_, parts, error) => {
    expect(refusal(fileWith(parts))).toBe(error);
  });

  test('infinite chart values are refused (JSON writes 1e999 for them); null and NaN mean the network did not step', () => {
    expect(refusal(encodeRunFile(run).replace('"gLoss":0.7', '"gLoss":1e999'))).toBe(
      'stats[0].gLoss is Infinity, not a finite number (or null where the network did not step)',
    );
    expect(refusal(encodeRunFile(run).replace('"dLoss":0.5', '"dLoss":-1e999'))).toBe(
      'stats[0].dLoss is -Infinity, not a finite number (or null where the network did not step)',
    );
    const stored = toStored({ ...run, stats: [point(39, Number.POSITIVE_INFINITY)] });
    expect(reason(fromStored(stored))).toBe(
      'stats[0].gLoss is Infinity, not a finite number (or null where the network did not step)',
    );
    expect(fromStored(toStored(run)).ok).toBe(true);
  });

  test('the limits themselves are accepted: a count of 2^52, a history as long as the page keeps', () => {
    expect(MAX_COUNT).toBe(2 ** 52);
    const decoded = decodeRunFile(
      fileWith({ iteration: MAX_COUNT, optimizerSteps: { generator: MAX_COUNT, discriminator: MAX_COUNT } }),
    );
    expect(decoded.ok && decoded.run.snapshot.iteration).toBe(MAX_COUNT);
    // The counter still moves from there.
    expect(MAX_COUNT + 1).not.toBe(MAX_COUNT);
    const history = Array.from({ length: HISTORY_LIMIT }, (_, i) => ({ iteration: i, gLoss: 0.5 }));
    const full = decodeRunFile(fileWith({ stats: history }));
    expect(full.ok && full.run.stats).toHaveLength(HISTORY_LIMIT);
  });

  test('every model the schema builds fits the weight limits: at most MAX_TENSORS weights of at most MAX_RANK dimensions', () => {
    const mnist = loadMnist();
    for (const architecture of ARCHITECTURES) {
      for (const conditioning of CONDITIONINGS) {
        for (const optimizer of OPTIMIZERS) {
          // Layers, codes and optimisers at their largest (they set the count); widths small (they do not).
          const config = {
            ...defaultConfig(),
            dataset: 'mnist',
            architecture,
            conditioning,
            generatorOptimizer: optimizer,
            discriminatorOptimizer: optimizer,
            momentum: 0.9,
            generatorLayers: 6,
            discriminatorLayers: 6,
            continuousCodes: 3,
            generatorWidth: 2,
            discriminatorWidth: 2,
            channels: 4,
            latentSize: 2,
            batchSize: 2,
          } as const;
          const trainer = new Trainer(config, mnist);
          const tensors = Object.values(trainer.variableGroups()).flat();
          expect(tensors.length).toBeLessThanOrEqual(MAX_TENSORS / 10);
          expect(Math.max(...tensors.map((t) => t.shape.length))).toBeLessThanOrEqual(MAX_RANK);
          trainer.dispose();
        }
      }
    }
  });
});
