import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONFIG_SCHEMA, defaultConfig, FIELD_NAMES, type RunConfig, validateConfig } from '../../src/gan/config.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import {
  defaultTheory,
  defaultView,
  lessonOnly,
  MAX_LINK_LENGTH,
  parseLink,
  presetConfig,
  serializeLink,
  THEORY_FIELDS,
  VIEW_TOGGLES,
  viewKey,
} from '../../src/features/share/urlState.ts';
import { describeLinkProblems } from '../../src/features/share/linkProblems.ts';
import { en, ko } from '../../src/i18n/share.ts';
import { fastest } from './fastest.ts';

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
    expect([...params.keys()]).toEqual([
      ...FIELD_NAMES,
      'showHeatmap',
      'showReal',
      'showFake',
      'showArrows',
      'showManifold',
    ]);
    expect(VIEW_TOGGLES.map((toggle) => params.get(viewKey(toggle)))).toEqual(['1', '1', '1', '1', '1']);
  });

  test('an empty hash is the default run with every layer shown, without problems', () => {
    expect(parseLink('')).toEqual({
      state: { config: defaultConfig(), preset: undefined, view: defaultView() },
      problems: [],
    });
  });

  test('view toggles round-trip, and do not make a preset link a run of its own', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(VIEW_TOGGLES.map((toggle) => [toggle, fc.boolean()])) as Record<
            (typeof VIEW_TOGGLES)[number],
            fc.Arbitrary<boolean>
          >,
        ),
        (view) => {
          const parsed = parseLink(serializeLink({ config: defaultConfig(), view }));
          expect(parsed.problems).toEqual([]);
          expect(parsed.state.view).toEqual(view);
        },
      ),
    );
    const hidden = parseLink('#preset=modeCollapse&showArrows=0&showHeatmap=false');
    expect(hidden.state).toEqual({
      config: presetConfig('modeCollapse'),
      preset: 'modeCollapse',
      view: { ...defaultView(), arrows: false, heatmap: false },
    });
    expect(serializeLink(hidden.state)).toMatch(
      /^#preset=modeCollapse&.*&showHeatmap=0&showReal=1&showFake=1&showArrows=0&showManifold=1$/,
    );
  });

  test('a malformed view toggle shows its layer (the default) and is named; the rest of the link still applies', () => {
    const { state, problems } = parseLink('#seed=3&showFake=maybe&showReal=0&showManifold=');
    expect(state.config).toEqual({ ...defaultConfig(), seed: 3 });
    expect(state.view).toEqual({ ...defaultView(), real: false });
    expect(problems).toEqual([
      { kind: 'refused', field: 'showFake', value: 'maybe', refusal: { code: 'notAToggle' } },
      { kind: 'refused', field: 'showManifold', value: '', refusal: { code: 'notAToggle' } },
    ]);
    // Contradicting settings fall back to the default run, but the link's hidden layers stay hidden.
    expect(parseLink('#dataset=ring&architecture=dcgan&showArrows=0').state.view).toEqual({
      ...defaultView(),
      arrows: false,
    });
  });

  test('the theory layers round-trip, are written only when on, and do not make a preset link a run of its own', () => {
    for (const field of THEORY_FIELDS)
      for (const transport of [false, true]) {
        const hash = serializeLink({
          config: presetConfig('wganClip'),
          preset: 'wganClip',
          theory: { field, transport },
        });
        const parsed = parseLink(hash);
        expect(parsed.problems).toEqual([]);
        expect(parsed.state.theory ?? defaultTheory(), hash).toEqual({ field, transport });
        expect(parsed.state.preset).toBe('wganClip');
        expect(hash.includes('theory='), hash).toBe(field !== 'discriminator');
        expect(hash.includes('showTransport=1'), hash).toBe(transport);
      }
    expect(parseLink('#preset=wganClip&theory=optimal&showTransport=1').state.theory).toEqual({
      field: 'optimal',
      transport: true,
    });
    expect(parseLink('#showTransport=0&theory=difference').state.theory).toEqual({
      field: 'difference',
      transport: false,
    });
    // A link without theory keys (every link written before they existed) opens with D's own heatmap.
    expect(parseLink('#preset=wganClip').state.theory).toBeUndefined();
  });

  test('a bad theory layer is refused, naming the key and the allowed layers, and the rest of the link applies', () => {
    for (const bad of ['D*', 'Optimal', '', '1', '__proto__', 'optimal ']) {
      const { state, problems } = parseLink(`#seed=4&theory=${encodeURIComponent(bad)}&showTransport=1`);
      expect(state.config, bad).toEqual({ ...defaultConfig(), seed: 4 });
      expect(state.theory, bad).toEqual({ field: 'discriminator', transport: true });
      expect(problems, bad).toEqual([
        { kind: 'refused', field: 'theory', value: bad, refusal: { code: 'notATheoryLayer' } },
      ]);
    }
    expect(parseLink('#showTransport=maybe').problems).toEqual([
      { kind: 'refused', field: 'showTransport', value: 'maybe', refusal: { code: 'notAToggle' } },
    ]);
    const words = notice('#theory=nope');
    expect(words.en).toEqual([
      'The link’s “theory” was “nope”, which cannot be used (not a theory layer; expected one of discriminator, optimal, difference); the default is used instead.',
    ]);
    expect(words.ko[0]).toContain('이론 층이 아닙니다');
    expect(words.ko[0]).toContain('discriminator');
    // Settings that contradict each other give the default run, but the link's theory layers stay.
    expect(parseLink('#dataset=ring&architecture=dcgan&theory=optimal').state.theory).toEqual({
      field: 'optimal',
      transport: false,
    });
  });

  test('a lesson link is told apart from a run link: only lesson keys, and a usable lesson', () => {
    expect(lessonOnly('#lesson=cgan')).toBe('cgan');
    expect(lessonOnly('lesson=wgan')).toBe('wgan');
    expect(lessonOnly('#lesson=nope&lesson=wgan')).toBe('wgan'); // the last usable value, as parseLink reads it
    expect(lessonOnly('#lesson=wgan&lesson=nope')).toBe('wgan');
    for (const hash of ['', '#', '#lesson=nope', '#lesson=cgan&seed=1', '#seed=1&lesson=cgan', '#theory=optimal'])
      expect(lessonOnly(hash), hash).toBeUndefined();
    expect(lessonOnly(`#lesson=cgan&x=${'k'.repeat(MAX_LINK_LENGTH)}`)).toBeUndefined();
  });

  test('a preset link applies the preset, and explicit fields override it', () => {
    expect(parseLink('#preset=modeCollapse').state).toEqual({
      config: presetConfig('modeCollapse'),
      preset: 'modeCollapse',
      view: defaultView(),
    });
    expect(presetConfig('modeCollapse').discriminatorSteps).toBe(PRESETS.modeCollapse.config.discriminatorSteps);
    const tuned = parseLink('#preset=modeCollapse&seed=9');
    expect(tuned.state.config).toEqual({ ...presetConfig('modeCollapse'), seed: 9 });
    expect(tuned.state.preset).toBeUndefined(); // no longer the preset's run
    expect(serializeLink({ config: presetConfig('wganGpRing'), preset: 'wganGpRing' })).toMatch(
      /^#preset=wganGpRing&dataset=ring&/,
    );
    expect(serializeLink({ config: { ...presetConfig('wganGpRing'), seed: 3 }, preset: 'wganGpRing' })).not.toContain(
      'preset=',
    );
  });

  test('bad values fall back to their defaults, each one named with its refusal as data', () => {
    const { state, problems } = parseLink(
      '#seed=banana&batchSize=99999&latentSize=2.5&objective=gan&colour=red&preset=nope&generatorWidth=32',
    );
    expect(state.config).toEqual({ ...defaultConfig(), generatorWidth: 32 });
    expect(problems.map((p) => (p.kind === 'refused' || p.kind === 'unknown' ? [p.field, p.value] : p.kind))).toEqual([
      ['preset', 'nope'],
      ['seed', 'banana'],
      ['batchSize', '99999'],
      ['latentSize', '2.5'],
      ['objective', 'gan'],
      ['colour', 'red'],
    ]);
    expect(problems.find((p) => p.kind === 'refused' && p.field === 'batchSize')).toEqual({
      kind: 'refused',
      field: 'batchSize',
      value: '99999',
      refusal: {
        code: 'outOfRange',
        field: 'batchSize',
        value: 99999,
        allowed: { kind: 'number', integer: true, min: 1, max: 1024 },
      },
    });
    expect(problems[0]).toEqual({ kind: 'refused', field: 'preset', value: 'nope', refusal: { code: 'notAPreset' } });
    expect(problems.map((p) => p.kind)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'unknown']);
  });

  test('a drawn dataset is refused: its points are not in the link', () => {
    const { state, problems } = parseLink('#dataset=custom&seed=5');
    expect(state.config).toEqual({ ...defaultConfig(), seed: 5 });
    expect(problems).toEqual([{ kind: 'refused', field: 'dataset', value: 'custom', refusal: { code: 'drawnData' } }]);
  });

  test('settings that contradict each other give the default run and say why', () => {
    const { state, problems } = parseLink('#dataset=ring&architecture=dcgan&seed=4');
    expect(state.config).toEqual(defaultConfig());
    expect(problems).toEqual([
      { kind: 'combination', refusal: { code: 'conflict', field: 'configuration', conflict: 'dcganNeedsImages' } },
    ]);
    expect(notice('#dataset=ring&architecture=dcgan').en).toEqual([
      'The link’s settings do not fit together (Architecture (architecture): dcgan needs an image dataset (mnist)); the default configuration is used instead.',
    ]);
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

/** The notice's sentences for a hash, in both languages. */
const notice = (hash: string) => {
  const { problems } = parseLink(hash);
  return { en: describeLinkProblems(problems, en), ko: describeLinkProblems(problems, ko) };
};

describe('hostile and unlucky links (issue #20)', () => {
  test('a repeated key takes its last usable value, and the notice says which', () => {
    const { state, problems } = parseLink('#seed=1&seed=2&seed=abc');
    expect(state.config.seed).toBe(2);
    expect(problems).toEqual([{ kind: 'repeated', field: 'seed', count: 3, values: ['1', '2', 'abc'], used: '2' }]);
    expect(notice('#seed=1&seed=2&seed=abc')).toEqual({
      en: ['The link gives “seed” 3 times (“1”, “2”, “abc”); the last usable value, “2”, is used.'],
      ko: ['링크에 “seed”이(가) 3번 있습니다(“1”, “2”, “abc”). 쓸 수 있는 마지막 값 “2”을(를) 사용합니다.'],
    });
  });

  test('a repeated key without a usable value keeps its default, and the notice says why the last one was refused', () => {
    const { state, problems } = parseLink('#seed=a&seed=b&seed=c&seed=d');
    expect(state.config.seed).toBe(defaultConfig().seed);
    expect(problems).toEqual([
      {
        kind: 'repeated',
        field: 'seed',
        count: 4,
        values: ['a', 'b', 'c'],
        refusal: expect.objectContaining({ code: 'notANumber', field: 'seed', value: '"d"' }),
      },
    ]);
    expect(notice('#seed=a&seed=b&seed=c&seed=d').en).toEqual([
      'The link gives “seed” 4 times (“a”, “b”, “c”, …) and none can be used (Seed (seed): "d" is not a number; expected an integer from 0 to 2147483647); the default is used instead.',
    ]);
  });

  test('presets and view toggles follow the same rule', () => {
    const preset = parseLink('#preset=nope&preset=modeCollapse');
    expect(preset.state.preset).toBe('modeCollapse');
    expect(preset.state.config).toEqual(presetConfig('modeCollapse'));
    expect(preset.problems).toEqual([
      expect.objectContaining({ kind: 'repeated', field: 'preset', used: 'modeCollapse' }),
    ]);
    expect(parseLink('#showArrows=0&showArrows=maybe').state.view).toEqual({ ...defaultView(), arrows: false });
  });

  test('5,000 unknown keys are one sentence that counts them, in either language', () => {
    const hash = `#${Array.from({ length: 5_000 }, (_, i) => `k${i}=${i}`).join('&')}`;
    let sentences = { en: [] as string[], ko: [] as string[] };
    expect(fastest(() => (sentences = notice(hash)))).toBeLessThan(100);
    expect(sentences).toEqual({
      en: ['5,000 keys in the link are not settings, e.g. “k0”, “k1”, “k2”, …; they are ignored.'],
      ko: ['링크의 키 5,000개는 설정이 아니어서 무시합니다(예: “k0”, “k1”, “k2”, …).'],
    });
    // A few are still named one by one.
    expect(notice('#colour=red').en).toEqual(['The link’s “colour” was “red”, which is not a setting; it is ignored.']);
  });

  test('a 60 KB key or value is quoted cut short', () => {
    const long = 'k'.repeat(60_000);
    expect(notice(`#${long}=1`).en).toEqual([
      `The link’s “${'k'.repeat(40)}…” was “1”, which is not a setting; it is ignored.`,
    ]);
    const [sentence] = notice(`#seed=${long}`).en;
    expect(sentence).toBe(
      `The link’s “seed” was “${'k'.repeat(40)}…”, which cannot be used (Seed (seed): "${'k'.repeat(39)}… is not a number; expected an integer from 0 to 2147483647); the default is used instead.`,
    );
  });

  test('many refused values are counted too', () => {
    const hash = '#seed=a&batchSize=b&latentSize=c&noise=d&objective=e';
    expect(notice(hash).en).toEqual([
      '5 values in the link cannot be used, e.g. “seed”, “batchSize”, “latentSize”, …; their defaults are used instead.',
    ]);
    expect(notice(hash).ko).toEqual([
      '링크의 값 5개를 쓸 수 없어 기본값을 사용합니다(예: “seed”, “batchSize”, “latentSize”, …).',
    ]);
  });

  test('text from the link is inserted as written, never read as a replacement pattern', () => {
    expect(notice(`#seed=${encodeURIComponent("$'$&")}`).en).toEqual([
      `The link’s “seed” was “$'$&”, which cannot be used (Seed (seed): "$'$&" is not a number; expected an integer from 0 to 2147483647); the default is used instead.`,
    ]);
  });

  test('a number that takes the matcher long to refuse (30,000 digits and a letter) is read in well under 100 ms', () => {
    // The pattern before let two runs of digits share them: 2.5 s for this value, growing with its square.
    expect(fastest(() => parseLink(`#seed=${'1'.repeat(30_000)}x`))).toBeLessThan(100);
  });

  test('a 2 MB link (the most a browser keeps) is refused by its length, unread; one just under the limit is read in well under 100 ms', () => {
    const huge = `#${'seed=abc&'.repeat(233_016)}seed=3`;
    let parsed: ReturnType<typeof parseLink> | undefined;
    expect(fastest(() => (parsed = parseLink(huge)))).toBeLessThan(5);
    expect(parsed).toEqual({
      state: { config: defaultConfig(), view: defaultView() },
      problems: [{ kind: 'tooLong', length: huge.length, limit: MAX_LINK_LENGTH }],
    });
    expect(notice(huge)).toEqual({
      en: [
        'The link is 2,097,151 characters long, more than the 65,536 a link to a run may be; it is not read, and the default run is used.',
      ],
      ko: ['링크가 2,097,151자로, 실행 링크의 최대 길이 65,536자보다 깁니다. 링크를 읽지 않고 기본 실행을 사용합니다.'],
    });
    // The longest link read: one key written over and over, each value refused but the last.
    const longest = `#${'a=b&'.repeat((MAX_LINK_LENGTH - 8) / 4)}seed=3`;
    expect(longest.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(fastest(() => (parsed = parseLink(longest)))).toBeLessThan(100);
    expect(parsed?.state.config.seed).toBe(3);
    const repeated = `#${'seed=abc&'.repeat((MAX_LINK_LENGTH - 8) / 9)}seed=3`;
    expect(fastest(() => (parsed = parseLink(repeated)))).toBeLessThan(100);
    expect(parsed?.problems).toEqual([
      expect.objectContaining({ kind: 'repeated', count: Math.floor((MAX_LINK_LENGTH - 8) / 9) + 1, used: '3' }),
    ]);
  });
});
