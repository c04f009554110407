import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONFIG_SCHEMA, defaultConfig, FIELD_NAMES, type RunConfig, validateConfig } from '../../src/gan/config.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import { defaultView, parseLink, presetConfig, serializeLink, VIEW_TOGGLES, viewKey } from '../../src/features/share/urlState.ts';

/** Any valid configuration: each field drawn from its schema bounds, kept when the whole validates. */
const configArbitrary = fc
  .record(
    Object.fromEntries(
      FIELD_NAMES.map((name) => {
        const spec = CONFIG_SCHEMA[name];
        if (spec.kind === 'enum') return [name, fc.constantFrom(...spec.values)];
        if (spec.integer) return [name, fc.integer({ min: spec.min, max: spec.max })];
        // + 0 turns −0 into 0: the link writes both as "0", and the run cannot tell them apart.
        return [name, fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((x) => x + 0)];
      }),
    ),
  )
  .map((record) => validateConfig(record))
  .filter((result) => result.ok && result.config.dataset !== 'custom')
  .map((result) => (result as { ok: true; config: RunConfig }).config);

describe('the run as a link', () => {
  test('every valid configuration round-trips exactly through the hash', () => {
    fc.assert(
      fc.property(configArbitrary, (config) => {
        const parsed = parseLink(serializeLink({ config }));
        expect(parsed.problems).toEqual([]);
        expect(parsed.state.config).toEqual(config);
      }),
      { numRuns: 300 },
    );
  });

  test('the hash names every schema field and every view toggle, so a link survives a change of defaults', () => {
    const params = new URLSearchParams(serializeLink({ config: defaultConfig() }).slice(1));
    expect([...params.keys()]).toEqual([...FIELD_NAMES, 'showHeatmap', 'showReal', 'showFake', 'showArrows', 'showManifold']);
    expect(VIEW_TOGGLES.map((toggle) => params.get(viewKey(toggle)))).toEqual(['1', '1', '1', '1', '1']);
  });

  test('an empty hash is the default run with every layer shown, without problems', () => {
    expect(parseLink('')).toEqual({ state: { config: defaultConfig(), preset: undefined, view: defaultView() }, problems: [] });
  });

  test('view toggles round-trip, and do not make a preset link a run of its own', () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(VIEW_TOGGLES.map((toggle) => [toggle, fc.boolean()])) as Record<(typeof VIEW_TOGGLES)[number], fc.Arbitrary<boolean>>), (view) => {
        const parsed = parseLink(serializeLink({ config: defaultConfig(), view }));
        expect(parsed.problems).toEqual([]);
        expect(parsed.state.view).toEqual(view);
      }),
    );
    const hidden = parseLink('#preset=modeCollapse&showArrows=0&showHeatmap=false');
    expect(hidden.state).toEqual({ config: presetConfig('modeCollapse'), preset: 'modeCollapse', view: { ...defaultView(), arrows: false, heatmap: false } });
    expect(serializeLink(hidden.state)).toMatch(/^#preset=modeCollapse&.*&showHeatmap=0&showReal=1&showFake=1&showArrows=0&showManifold=1$/);
  });

  test('a malformed view toggle shows its layer (the default) and is named; the rest of the link still applies', () => {
    const { state, problems } = parseLink('#seed=3&showFake=maybe&showReal=0&showManifold=');
    expect(state.config).toEqual({ ...defaultConfig(), seed: 3 });
    expect(state.view).toEqual({ ...defaultView(), real: false });
    expect(problems).toEqual([
      { field: 'showFake', value: 'maybe', reason: 'expected 1 (shown) or 0 (hidden)' },
      { field: 'showManifold', value: '', reason: 'expected 1 (shown) or 0 (hidden)' },
    ]);
    // Contradicting settings fall back to the default run, but the link's hidden layers stay hidden.
    expect(parseLink('#dataset=ring&architecture=dcgan&showArrows=0').state.view).toEqual({ ...defaultView(), arrows: false });
  });

  test('a preset link applies the preset, and explicit fields override it', () => {
    expect(parseLink('#preset=modeCollapse').state).toEqual({ config: presetConfig('modeCollapse'), preset: 'modeCollapse', view: defaultView() });
    expect(presetConfig('modeCollapse').discriminatorSteps).toBe(PRESETS.modeCollapse.config.discriminatorSteps);
    const tuned = parseLink('#preset=modeCollapse&seed=9');
    expect(tuned.state.config).toEqual({ ...presetConfig('modeCollapse'), seed: 9 });
    expect(tuned.state.preset).toBeUndefined(); // no longer the preset's run
    expect(serializeLink({ config: presetConfig('wganGpRing'), preset: 'wganGpRing' })).toMatch(/^#preset=wganGpRing&dataset=ring&/);
    expect(serializeLink({ config: { ...presetConfig('wganGpRing'), seed: 3 }, preset: 'wganGpRing' })).not.toContain('preset=');
  });

  test('bad values fall back to their defaults, each one named', () => {
    const { state, problems } = parseLink('#seed=banana&batchSize=99999&latentSize=2.5&objective=gan&colour=red&preset=nope&generatorWidth=32');
    expect(state.config).toEqual({ ...defaultConfig(), generatorWidth: 32 });
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['preset', 'nope'],
      ['seed', 'banana'],
      ['batchSize', '99999'],
      ['latentSize', '2.5'],
      ['objective', 'gan'],
      ['colour', 'red'],
    ]);
    expect(problems.find((p) => p.field === 'batchSize')?.reason).toMatch(/out of range/);
  });

  test('a drawn dataset is refused: its points are not in the link', () => {
    const { state, problems } = parseLink('#dataset=custom&seed=5');
    expect(state.config).toEqual({ ...defaultConfig(), seed: 5 });
    expect(problems).toEqual([expect.objectContaining({ field: 'dataset', value: 'custom' })]);
  });

  test('settings that contradict each other give the default run and say why', () => {
    const { state, problems } = parseLink('#dataset=ring&architecture=dcgan&seed=4');
    expect(state.config).toEqual(defaultConfig());
    expect(problems).toEqual([expect.objectContaining({ field: 'configuration', reason: expect.stringMatching(/dcgan needs an image dataset/) })]);
  });

  test('percent-encoded and hostile text is reported, never thrown', () => {
    fc.assert(
      fc.property(fc.string(), (hash) => {
        const parsed = parseLink(hash);
        expect(validateConfig(parsed.state.config).ok).toBe(true);
      }),
    );
  });
});
