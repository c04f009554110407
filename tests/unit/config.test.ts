import { describe, expect, test } from 'vitest';
import { applyLivePatch, CONFIG_SCHEMA, conflictsOf, defaultConfig, FIELD_NAMES, parseField, validateConfig } from '../../src/gan/config.ts';
import { en as controlsEn, ko as controlsKo } from '../../src/i18n/controls.ts';

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
    ['generatorLearningRate', -0.001, 'out of range'],
    ['generatorLearningRate', Number.NaN, 'not a finite number'],
    ['discriminatorLearningRate', Number.POSITIVE_INFINITY, 'not a finite number'],
    ['batchSize', 0, 'out of range'],
    ['batchSize', 100000, 'out of range'],
    ['batchSize', 12.5, 'not an integer'],
    ['batchSize', 'many', 'not a number'],
    ['batchSize', '', 'not a number'],
    ['beta1', '0.5abc', 'not a number'],
    ['seed', -1, 'out of range'],
    ['objective', 'bogus', 'not allowed'],
    ['dataset', 3, 'not allowed'],
  ])('%s = %s is refused (%s) with its name and range', (field, raw, why) => {
    const result = validateConfig({ [field]: raw });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toContain(field);
      expect(result.errors[0]).toContain(why);
      expect(result.errors[0]).toMatch(/expected (a number|an integer|one of)/);
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
    expect(result.refused.find((r) => r.field === 'latentSize')?.reason).toContain('Reset');
  });

  test('architecture, latent size, dataset and seed need a reset; rates, steps, labels, clip, λ, batch are live', () => {
    for (const name of ['architecture', 'latentSize', 'dataset', 'seed'] as const) expect(CONFIG_SCHEMA[name].live).toBe(false);
    for (const name of ['generatorLearningRate', 'discriminatorLearningRate', 'beta1', 'beta2', 'discriminatorSteps', 'generatorSteps', 'clipValue', 'gradientPenalty', 'lsganA', 'lsganB', 'lsganC', 'batchSize'] as const) {
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
    if (!checked.ok) expect(checked.errors).toEqual([expect.stringMatching(/dcgan needs an image dataset/)]);
  });

  test('the page has words for every conflict in both languages', () => {
    const all = ['dcganNeedsImages', 'labelNeedsLabels', 'lsganLabelsEqual'] as const;
    for (const conflict of all) {
      expect(controlsEn.conflictText[conflict]).toMatch(/\w{3}/);
      expect(controlsKo.conflictText[conflict]).toMatch(/[가-힣]/);
    }
  });
});
