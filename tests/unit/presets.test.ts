/** The classroom presets as data: every one is a valid configuration, and each failure names what it shows. */
import { describe, expect, test } from 'vitest';
import { defaultConfig, FIELD_NAMES, type RunConfig, validateConfig } from '../../src/gan/config.ts';
import { isUsed } from '../../src/gan/usedSettings.ts';
import { DETECTOR_IDS, type DetectorId } from '../../src/gan/diagnosis/types.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import { dataRecipe, TWO_D_MLP } from '../../src/gan/recipes.ts';
import { datasetPatch, variantOf, variantPatch } from '../../src/features/controls/variants.ts';
import { parseCli } from '../../scripts/cli/options.ts';

describe('presets', () => {
  test.each(Object.values(PRESETS).map((p) => [p.id, p] as const))('%s is a valid configuration', (_, preset) => {
    const result = validateConfig({ ...defaultConfig(), ...preset.config });
    expect(result.ok ? [] : result.refusals).toEqual([]);
  });

  test('each failure names the detectors it raises, and every detector but D overpowering has a failure that shows it', () => {
    const failures = Object.values(PRESETS).filter((p) => p.kind === 'failure');
    for (const preset of failures) expect('shows' in preset && preset.shows.length > 0, preset.id).toBe(true);
    const shown = new Set<DetectorId>(failures.flatMap((p) => ('shows' in p ? p.shows : [])));
    // D overpowering is the cause behind vanishing gradients: it appears beside them, not alone.
    expect(DETECTOR_IDS.filter((id) => !shown.has(id))).toEqual(['discriminatorOverpowering']);
  });

  test('the clip presets differ only in c', () => {
    const withoutClip = (config: object) =>
      Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'clipValue'));
    expect(withoutClip(PRESETS.wganClipTight.config)).toEqual(withoutClip(PRESETS.wganClipLoose.config));
    expect(withoutClip(PRESETS.wganClipTight.config)).toEqual(withoutClip(PRESETS.wganClip.config));
    expect(
      new Set([PRESETS.wganClipTight, PRESETS.wganClipLoose, PRESETS.wganClip].map((p) => p.config.clipValue)).size,
    ).toBe(3);
  });

  test("CGAN on MNIST: the variant menu, the dataset menu and the CLI all give the cganMnist preset's settings", () => {
    const preset = { ...defaultConfig(), ...PRESETS.cganMnist.config };
    // Variant first, then dataset (the ring's CGAN moved to MNIST) …
    const ringCgan = { ...defaultConfig(), ...variantPatch('cgan', defaultConfig()) };
    const thenMnist = {
      ...ringCgan,
      dataset: 'mnist' as const,
      ...dataRecipe(ringCgan, { ...ringCgan, dataset: 'mnist' }),
    };
    // … or dataset first, then variant.
    const mnistGan = {
      ...defaultConfig(),
      dataset: 'mnist' as const,
      ...dataRecipe(defaultConfig(), { ...defaultConfig(), dataset: 'mnist' }),
    };
    const thenCgan = { ...mnistGan, ...variantPatch('cgan', mnistGan) };
    const cli = parseCli(['--data', 'mnist', '--conditioning', 'label']).config;
    for (const config of [thenMnist, thenCgan, cli]) expect(config).toEqual(preset);
    // Back to the ring: the 2D sizes return.
    expect({ ...thenCgan, dataset: 'ring', ...dataRecipe(thenCgan, { ...thenCgan, dataset: 'ring' }) }).toMatchObject(
      TWO_D_MLP,
    );
  });

  test("InfoGAN on MNIST: the variant menu and the dataset menu give the infoganMnist preset's DCGAN; leaving MNIST, an MLP", () => {
    const preset = { ...defaultConfig(), ...PRESETS.infoganMnist.config };
    const ringInfo = { ...defaultConfig(), ...variantPatch('infogan', defaultConfig()) };
    expect(ringInfo.architecture).toBe('mlp');
    const thenMnist = { ...ringInfo, ...datasetPatch('mnist', ringInfo) };
    const mnistGan = { ...defaultConfig(), ...datasetPatch('mnist', defaultConfig()) };
    const thenInfo = { ...mnistGan, ...variantPatch('infogan', mnistGan) };
    const dcgan = { ...mnistGan, ...variantPatch('dcgan', mnistGan) };
    const dcganThenInfo = { ...dcgan, ...variantPatch('infogan', dcgan) };
    // The same run: every setting the preset's run reads is the same (an MLP's widths left from before go unread).
    const read = (config: RunConfig) => FIELD_NAMES.filter((field) => isUsed(field, preset)).map((f) => [f, config[f]]);
    for (const config of [thenMnist, thenInfo, dcganThenInfo]) expect(read(config)).toEqual(read(preset));
    expect(read(preset).map(([field]) => field)).toEqual(expect.arrayContaining(['architecture', 'infoNoiseScale']));
    // Back to the ring: DCGAN draws only images, so InfoGAN returns to an MLP at the 2D sizes and σ = 1.
    const backToRing = { ...thenInfo, ...datasetPatch('ring', thenInfo) };
    expect(backToRing).toMatchObject({ ...TWO_D_MLP, architecture: 'mlp', infoNoiseScale: 1 });
    expect(validateConfig(backToRing).ok).toBe(true);
    expect(variantOf(backToRing)).toBe('infogan');
    // An MLP InfoGAN chosen under Advanced keeps its network when the dataset changes within the 2D sets.
    expect(datasetPatch('moons', ringInfo)).toEqual({ dataset: 'moons' });
  });
});
