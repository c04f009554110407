/** The settings panel's pure parts: variants as points of the three axes, field placement, number formats. */
import { describe, expect, test } from 'vitest';
import { defaultConfig, FIELD_NAMES, validateConfig } from '../../src/gan/config.ts';
import { MNIST_MLP_RECIPES } from '../../src/gan/recipes.ts';
import {
  advancedFields,
  mainFields,
  VARIANT_IDS,
  variantOf,
  variantPatch,
} from '../../src/features/controls/variants.ts';
import { formatSetting } from '../../src/i18n/format.ts';
import { minMaxBuckets } from '../../src/features/charts/downsample.ts';

describe('variants', () => {
  test.each(VARIANT_IDS)('%s, chosen from the default settings, is valid and reads back as itself', (variant) => {
    const config = { ...defaultConfig(), ...variantPatch(variant, defaultConfig()) };
    expect(validateConfig(config).ok).toBe(true);
    expect(variantOf(config)).toBe(variant);
  });

  test("CGAN moves an unlabelled dataset to the ring; leaving DCGAN for an MLP on MNIST takes MNIST's MLP recipe", () => {
    expect(variantPatch('cgan', { ...defaultConfig(), dataset: 'spiral' }).dataset).toBe('ring');
    expect(variantPatch('cgan', { ...defaultConfig(), dataset: 'moons' }).dataset).toBeUndefined();
    const dcgan = { ...defaultConfig(), ...variantPatch('dcgan', defaultConfig()) };
    expect(variantPatch('gan', dcgan)).toMatchObject({ architecture: 'mlp', ...MNIST_MLP_RECIPES.none });
    expect(variantPatch('cgan', { ...defaultConfig(), dataset: 'mnist' })).toMatchObject(MNIST_MLP_RECIPES.label);
    expect(
      variantPatch('gan', {
        ...defaultConfig(),
        ...variantPatch('gan', { ...defaultConfig(), dataset: 'mnist' }),
        dataset: 'mnist',
      }),
    ).not.toHaveProperty('latentSize');
  });

  test('the course’s saturating loss is still the GAN variant; an axis combination only Advanced makes is none', () => {
    expect(variantOf({ ...defaultConfig(), objective: 'minimax' })).toBe('gan');
    expect(variantOf({ ...defaultConfig(), conditioning: 'label', objective: 'wganGp' })).toBeUndefined();
  });
});

describe('field placement', () => {
  test('every field appears once: in the main panel, under Advanced, or as one of the four menus', () => {
    for (const variant of VARIANT_IDS) {
      const config = { ...defaultConfig(), ...variantPatch(variant, defaultConfig()) };
      const placed = [
        ...mainFields(config),
        ...advancedFields(config, FIELD_NAMES),
        'dataset',
        'objective',
        'architecture',
        'conditioning',
      ];
      expect(placed.sort()).toEqual([...FIELD_NAMES].sort());
    }
  });

  test('objective constants join the main panel only when the objective reads them', () => {
    expect(mainFields(defaultConfig())).not.toContain('clipValue');
    expect(mainFields({ ...defaultConfig(), objective: 'wgan' })).toContain('clipValue');
    expect(mainFields({ ...defaultConfig(), objective: 'lsgan' })).toEqual(
      expect.arrayContaining(['lsganA', 'lsganB', 'lsganC']),
    );
  });
});

test('settings format as a teacher writes them', () => {
  expect(formatSetting(0.001)).toBe('1e-3');
  expect(formatSetting(2e-4)).toBe('2e-4');
  expect(formatSetting(0.05)).toBe('0.05');
  expect(formatSetting(0.999)).toBe('0.999');
  expect(formatSetting(2 ** 31 - 1)).toBe('2147483647');
  expect(formatSetting(128)).toBe('128');
});

describe('chart downsampling (min/max buckets)', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    iteration: i + 1,
    loss: Math.sin(i / 50) + (i === 7777 ? 40 : 0),
  }));

  test('keeps at most ~2 points per bucket per series, the first and the last, and every spike', () => {
    const out = minMaxBuckets(rows, ['loss'], 200);
    expect(out.length).toBeLessThanOrEqual(3 * 200 + 1);
    expect(out[0]).toBe(rows[0]);
    expect(out.at(-1)).toBe(rows.at(-1));
    expect(out.some((r) => r.loss > 39)).toBe(true);
    expect(out.every((r, i) => i === 0 || r.iteration > out[i - 1].iteration)).toBe(true);
  });

  test('buckets cover equal spans of iterations: a history dense in its recent part draws evenly', () => {
    // 4,000 thinned points over iterations 0–32,000, then 2,000 whole ones (as src/client/statHistory.ts keeps them).
    const uneven = [
      ...Array.from({ length: 4000 }, (_, i) => ({ iteration: 8 * i, loss: Math.sin(i) })),
      ...Array.from({ length: 2000 }, (_, i) => ({ iteration: 32_000 + i, loss: Math.sin(i) })),
    ];
    const out = minMaxBuckets(uneven, ['loss'], 60);
    const recent = out.filter((r) => r.iteration >= 32_000).length;
    // The recent 2,000 iterations are ~6% of the span: ~6% of the buckets, not the third an index split gives.
    expect(recent).toBeLessThan(0.12 * out.length);
    expect(out[0]).toBe(uneven[0]);
    expect(out.at(-1)).toBe(uneven.at(-1));
  });

  test('short series pass through whole', () => {
    expect(minMaxBuckets(rows.slice(0, 50), ['loss'], 200)).toHaveLength(50);
  });
});

describe('objective formulas', () => {
  test('each objective renders its course form, with the live constants written in', async () => {
    const { objectiveTex } = await import('../../src/features/formulas/tex.ts');
    const katex = (await import('katex')).default;
    const base = defaultConfig();
    expect(objectiveTex({ ...base, objective: 'minimax' }).generator).toContain('\\log(1-D(G(z)))');
    expect(objectiveTex({ ...base, objective: 'nonSaturating' }).generator).toContain('-\\log D(G(z))');
    const lsgan = objectiveTex({ ...base, objective: 'lsgan', lsganA: -1, lsganB: 1, lsganC: 0 });
    expect(lsgan.discriminator).toContain('\\overset{b}{1}');
    expect(lsgan.discriminator).toContain('\\overset{a}{-1}');
    expect(lsgan.generator).toContain('\\overset{c}{0}');
    expect(objectiveTex({ ...base, objective: 'wgan', clipValue: 0.01 }).extra).toContain('\\overset{c}{0.01}');
    expect(objectiveTex({ ...base, objective: 'wganGp', gradientPenalty: 10 }).discriminator).toContain(
      '\\overset{\\lambda}{10}',
    );
    expect(objectiveTex({ ...base, objective: 'wgan', clipValue: 0.001 }).extra).toContain('1\\times 10^{-3}');
    expect(objectiveTex({ ...base, conditioning: 'infoCodes', infoLambda: 2 }).information).toContain(
      '\\overset{\\lambda}{2}',
    );
    expect(objectiveTex({ ...base, conditioning: 'label' }).discriminator).toContain('D(x\\mid y)');
    // Every formula parses: KaTeX would otherwise render an error in red.
    for (const objective of ['minimax', 'nonSaturating', 'lsgan', 'wgan', 'wganGp'] as const) {
      for (const conditioning of ['none', 'label', 'infoCodes'] as const) {
        const tex = objectiveTex({ ...base, objective, conditioning });
        for (const part of [tex.discriminator, tex.generator, tex.extra, tex.information])
          if (part) expect(() => katex.renderToString(part, { throwOnError: true })).not.toThrow();
      }
    }
  });
});
