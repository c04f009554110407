import { describe, expect, test } from 'vitest';
import {
  applyLivePatch,
  CONFIG_SCHEMA,
  type ConfigResult,
  conflictsOf,
  defaultConfig,
  type FieldName,
  FIELD_NAMES,
  OBJECTIVES,
  parseField,
  UNKNOWN_LISTED,
  validateConfig,
} from '../../src/gan/config.ts';
import { en as controlsEn, ko as controlsKo } from '../../src/i18n/controls.ts';
import { describeRefusal, en } from '../../src/i18n/settings.ts';
import { fastest } from './fastest.ts';

/** The core refuses with codes; these are their English wording (src/i18n/settings.ts), as the CLI prints them. */
const refusalsOf = (result: ConfigResult) =>
  result.ok ? [] : result.refusals.map((refusal) => describeRefusal(refusal, en));
const fieldRefusal = (name: FieldName, raw: unknown) => {
  const result = parseField(name, raw);
  return result.ok ? result : { ok: false, error: describeRefusal(result.refusal, en) };
};

describe('config validation', () => {
  test('defaults are valid and within their own bounds', () => {
    const result = validateConfig(defaultConfig());
    expect(result.ok).toBe(true);
    for (const name of FIELD_NAMES) {
      const spec = CONFIG_SCHEMA[name];
      if (spec.kind === 'number') expect(spec.default).toBeGreaterThanOrEqual(spec.min);
    }
  });

  test.each([
    ['generatorLearningRate', -0.001, 'outOfRange', 'out of range'],
    ['generatorLearningRate', Number.NaN, 'notFinite', 'not a finite number'],
    ['discriminatorLearningRate', Number.POSITIVE_INFINITY, 'notFinite', 'not a finite number'],
    ['batchSize', 0, 'outOfRange', 'out of range'],
    ['batchSize', 100000, 'outOfRange', 'out of range'],
    ['batchSize', 12.5, 'notInteger', 'not an integer'],
    ['batchSize', 'many', 'notANumber', 'not a number'],
    ['batchSize', '', 'notANumber', 'not a number'],
    ['beta1', '0.5abc', 'notANumber', 'not a number'],
    ['seed', -1, 'outOfRange', 'out of range'],
    ['objective', 'bogus', 'notAllowed', 'not allowed'],
    ['dataset', 3, 'notAllowed', 'not allowed'],
  ])('%s = %s is refused (%s) with its name and range', (field, raw, code, why) => {
    const result = validateConfig({ [field]: raw });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const spec = CONFIG_SCHEMA[field as FieldName];
      const allowed =
        spec.kind === 'enum'
          ? { kind: 'enum', values: spec.values }
          : { kind: 'number', integer: spec.integer === true, min: spec.min, max: spec.max };
      expect(result.refusals[0]).toMatchObject({ code, field, allowed });
      const [text] = refusalsOf(result);
      expect(text).toContain(field);
      expect(text).toContain(why);
      expect(text).toMatch(/expected (a number|an integer|one of)/);
    }
  });

  test('numbers given as strings parse completely', () => {
    expect(parseField('generatorLearningRate', '1e-4')).toEqual({ ok: true, value: 1e-4 });
    expect(parseField('batchSize', ' 64 ')).toEqual({ ok: true, value: 64 });
  });

  test('unknown settings and non-objects are refused', () => {
    expect(validateConfig({ learningRate: 1 }).ok).toBe(false);
    expect(validateConfig(null).ok).toBe(false);
    expect(validateConfig([1, 2]).ok).toBe(false);
  });

  test('LSGAN needs a ≠ b', () => {
    expect(validateConfig({ objective: 'lsgan', lsganA: 1, lsganB: 1 }).ok).toBe(false);
  });
});

describe('live patches', () => {
  test('live fields apply and are reported; reset-only fields are refused with a message', () => {
    const config = defaultConfig();
    const result = applyLivePatch(config, { discriminatorLearningRate: 1e-4, latentSize: 8, batchSize: -3 });
    expect(result.config.discriminatorLearningRate).toBe(1e-4);
    expect(result.config.latentSize).toBe(config.latentSize);
    expect(result.applied).toEqual([{ field: 'discriminatorLearningRate', from: 1e-3, to: 1e-4 }]);
    expect(result.refused.map((r) => r.field).sort()).toEqual(['batchSize', 'latentSize']);
    expect(result.refused.find((r) => r.field === 'latentSize')).toEqual({
      code: 'needsReset',
      field: 'latentSize',
      why: 'changesModel',
    });
    expect(describeRefusal(result.refused.find((r) => r.field === 'latentSize')!, en)).toBe(
      'Latent size (latentSize) changes the model: press Reset to apply it',
    );
  });

  test('architecture, latent size, dataset and seed need a reset; rates, steps, labels, clip, λ, batch are live', () => {
    for (const name of ['architecture', 'latentSize', 'dataset', 'seed'] as const)
      expect(CONFIG_SCHEMA[name].live).toBe(false);
    for (const name of [
      'generatorLearningRate',
      'discriminatorLearningRate',
      'beta1',
      'beta2',
      'discriminatorSteps',
      'generatorSteps',
      'clipValue',
      'gradientPenalty',
      'lsganA',
      'lsganB',
      'lsganC',
      'batchSize',
    ] as const) {
      expect(CONFIG_SCHEMA[name].live).toBe(true);
    }
  });
});

describe('conflicts between fields', () => {
  test('each rule is named, and validation words it', () => {
    const base = defaultConfig();
    expect(conflictsOf(base)).toEqual([]);
    expect(conflictsOf({ ...base, architecture: 'dcgan', dataset: 'ring' })).toEqual(['dcganNeedsImages']);
    expect(conflictsOf({ ...base, conditioning: 'label', dataset: 'spiral' })).toEqual(['labelNeedsLabels']);
    expect(conflictsOf({ ...base, objective: 'lsgan', lsganA: 1, lsganB: 1 })).toEqual(['lsganLabelsEqual']);
    const checked = validateConfig({ architecture: 'dcgan', dataset: 'ring', conditioning: 'label' });
    expect(checked.ok).toBe(false);
    expect(checked).toEqual({
      ok: false,
      refusals: [{ code: 'conflict', field: 'configuration', conflict: 'dcganNeedsImages' }],
    });
    expect(refusalsOf(checked)).toEqual([expect.stringMatching(/dcgan needs an image dataset/)]);
  });

  test('the page has words for every conflict in both languages', () => {
    const all = ['dcganNeedsImages', 'labelNeedsLabels', 'lsganLabelsEqual'] as const;
    for (const conflict of all) {
      expect(controlsEn.conflictText[conflict]).toMatch(/\w{3}/);
      expect(controlsKo.conflictText[conflict]).toMatch(/[가-힣]/);
    }
  });
});

describe('hostile and unlucky values (issue #20)', () => {
  const SEED_RANGE = 'expected an integer from 0 to 2147483647';

  test('a refusal quotes the value cut to 40 characters, whatever its size or depth', () => {
    const huge = JSON.parse(`"${'x'.repeat(50e6)}"`);
    expect(fieldRefusal('seed', huge)).toEqual({
      ok: false,
      error: `Seed (seed): "${'x'.repeat(39)}… is not a number; ${SEED_RANGE}`,
    });
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(fieldRefusal('objective', deep)).toEqual({
      ok: false,
      error: `Objective (objective): ${'['.repeat(40)}… is not allowed; expected one of ${OBJECTIVES.join(', ')}`,
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.again = cyclic;
    expect(fieldRefusal('seed', cyclic)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Seed \(seed\): \{"again":\{"again":.*… is not a number/),
    });
    expect(fastest(() => parseField('seed', huge))).toBeLessThan(5);
    expect(fastest(() => parseField('seed', deep))).toBeLessThan(5);
  });

  test('a number text that is slow to match (30,000 digits and a letter) or long (50 MB of digits) is refused at once', () => {
    const slow = `${'1'.repeat(30_000)}x`;
    expect(fastest(() => parseField('seed', slow))).toBeLessThan(10);
    expect(fieldRefusal('seed', slow)).toEqual({
      ok: false,
      error: `Seed (seed): "${'1'.repeat(39)}… is not a number; ${SEED_RANGE}`,
    });
    const long = JSON.parse(`"${'1'.repeat(50e6)}"`);
    expect(fastest(() => parseField('seed', long))).toBeLessThan(10);
    // Zeros and spaces around a number still read: the limit is far above what a double needs.
    expect(parseField('generatorLearningRate', ` 0.000${'0'.repeat(60)}1e60 `)).toEqual({ ok: true, value: 1e-4 });
  });

  test('unknown settings: a few are named, a burst is counted with a few examples, long keys are cut', () => {
    expect(UNKNOWN_LISTED).toBe(3);
    expect(refusalsOf(validateConfig({ a: 1, b: 2, c: 3 }))).toEqual([
      'a: unknown setting',
      'b: unknown setting',
      'c: unknown setting',
    ]);
    const many = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const burst = validateConfig({ ...many, seed: 'x' });
    expect(burst.ok || burst.refusals[1]).toEqual({
      code: 'unknownSettings',
      field: 'configuration',
      count: 5_000,
      examples: ['k0', 'k1', 'k2'],
    });
    expect(refusalsOf(burst)).toEqual([
      `Seed (seed): "x" is not a number; ${SEED_RANGE}`,
      '5,000 unknown settings, e.g. k0, k1, k2',
    ]);
    expect(refusalsOf(validateConfig({ ['k'.repeat(100_000)]: 1 }))).toEqual([`${'k'.repeat(40)}…: unknown setting`]);
    expect(applyLivePatch(defaultConfig(), { ['k'.repeat(100_000)]: 1 }).refused).toEqual([
      { code: 'unknownSetting', field: `${'k'.repeat(40)}…` },
    ]);
  });
});
