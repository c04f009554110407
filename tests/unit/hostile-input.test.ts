/**
 * Property-based tests (fast-check) of the two ways a user hands the page input: run files and
 * links (issue #20). Whatever the input, no exception escapes the parser, parsing finishes in well
 * under 100 ms, every message is short, and a refused input is a refusal: a run file is loaded
 * whole or not at all, and a link's every value is either used as written or named in the notice.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeRunFile, encodeRunFile, type RunRefusal, type SavedRun } from '../../src/features/share/runFile.ts';
import { describeRunRefusal } from '../../src/features/share/runRefusal.ts';
import { describeLinkProblems, LISTED } from '../../src/features/share/linkProblems.ts';
import {
  defaultView,
  MAX_LINK_LENGTH,
  parseLink,
  presetConfig,
  THEORY_FIELDS,
  type TheoryLayersState,
  VIEW_TOGGLES,
  viewKey,
} from '../../src/features/share/urlState.ts';
import {
  CONFIG_SCHEMA,
  defaultConfig,
  FIELD_NAMES,
  type FieldName,
  parseField,
  type RunConfig,
  validateConfig,
} from '../../src/gan/config.ts';
import { PRESETS, type PresetId } from '../../src/gan/presets.ts';
import { STAT_FIELDS, type StatPoint } from '../../src/gan/stats.ts';
import { en, ko } from '../../src/i18n/share.ts';
import { SERIALIZED_RUN_VERSION } from '../../src/worker/serialize.ts';
import { fastest } from './fastest.ts';

/** Parsing any one input takes less than this, the page's budget for a task (a long task is 50 ms; 100 ms is a freeze). */
const BUDGET_MS = 100;
/** No message built from input is longer than this: every quotation in it is cut to 40 characters. */
const MESSAGE_CHARS = 600;

/** `run`'s result, after checking that it finishes within the budget (timed again, the fastest of three, if it did not). */
function withinBudget<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  if (performance.now() - started >= BUDGET_MS) expect(fastest(run)).toBeLessThan(BUDGET_MS);
  return result;
}

/** A refusal is plain data that crosses from the reader's worker whole, and short in either language. */
function expectShortRefusal(refusal: RunRefusal) {
  expect(structuredClone(refusal)).toEqual(refusal);
  for (const t of [en, ko]) expect(describeRunRefusal(refusal, t).length).toBeLessThan(MESSAGE_CHARS);
}

/** JSON text for a hostile value: big, deep, long, non-finite, or any JSON at all. */
const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.json(),
  fc.constantFrom(
    '1e300',
    '1e999',
    '-1e999',
    '9007199254740993',
    '4503599627370497',
    '-1',
    '0.5',
    'null',
    'true',
    '""',
    '"12"',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 1_000_000 }).map((length) => JSON.stringify('x'.repeat(length))),
  fc.integer({ min: 1, max: 20_000 }).map((digits) => JSON.stringify(`${'1'.repeat(digits)}x`)),
  fc
    .integer({ min: 1, max: 5_000 })
    .map((count) => JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])))),
);

/** The rules a run file's values follow (issue #20), written apart from runFile.ts: counts are whole numbers up to 2^52, chart values finite or null. */
const isCount = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** 52;
const isChartValue = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'number' && Number.isFinite(value));
const isChartPoint = (entry: unknown) =>
  typeof entry === 'object' &&
  entry !== null &&
  !Array.isArray(entry) &&
  isCount((entry as StatPoint).iteration) &&
  STAT_FIELDS.every((f) => isChartValue((entry as StatPoint)[f]));

const point = (iteration: number): StatPoint =>
  ({ ...Object.fromEntries(STAT_FIELDS.map((f) => [f, 0.25])), iteration }) as StatPoint;

const run: SavedRun = {
  snapshot: {
    version: SERIALIZED_RUN_VERSION,
    config: { ...defaultConfig(), seed: 3 },
    iteration: 2,
    optimizerSteps: { generator: 2, discriminator: 2 },
    tensors: [{ name: 'generator.0', shape: [2], values: new Float32Array([0.5, -1]) }],
  },
  stats: [point(1), point(2)],
};

interface Slot {
  /** Where the hostile value goes in the file. */
  name: string;
  put: (file: Record<string, unknown>, token: string) => void;
  /** Whether the file stays loadable with `value` there. */
  accepts: (value: unknown) => boolean;
}

const configWith = (name: FieldName) => (value: unknown) =>
  validateConfig({ ...run.snapshot.config, [name]: value }).ok;

const SLOTS: Slot[] = [
  ...FIELD_NAMES.map(
    (name): Slot => ({
      name: `config.${name}`,
      put: (file, token) => ((file.config as Record<string, unknown>)[name] = token),
      accepts: configWith(name),
    }),
  ),
  {
    name: 'config (an unknown key)',
    put: (file, token) => ((file.config as Record<string, unknown>).extra = token),
    accepts: () => false,
  },
  { name: 'iteration', put: (file, token) => (file.iteration = token), accepts: isCount },
  {
    name: 'optimizerSteps.generator',
    put: (file, token) => ((file.optimizerSteps as Record<string, unknown>).generator = token),
    accepts: isCount,
  },
  {
    name: 'optimizerSteps.discriminator',
    put: (file, token) => ((file.optimizerSteps as Record<string, unknown>).discriminator = token),
    accepts: isCount,
  },
  {
    name: 'stats[1].iteration',
    put: (file, token) => ((file.stats as Record<string, unknown>[])[1].iteration = token),
    accepts: isCount,
  },
  {
    name: 'stats[0].gLoss',
    put: (file, token) => ((file.stats as Record<string, unknown>[])[0].gLoss = token),
    accepts: isChartValue,
  },
  {
    name: 'stats',
    put: (file, token) => (file.stats = token),
    accepts: (value) => Array.isArray(value) && value.length <= 6_000 && value.every(isChartPoint),
  },
  { name: 'tensors', put: (file, token) => (file.tensors = token), accepts: () => false },
  { name: 'version', put: (file, token) => (file.version = token), accepts: (value) => value === 1 },
  { name: 'an unknown top-level key', put: (file, token) => (file.extra = token), accepts: () => true },
];

/** A token that JSON.stringify leaves alone, replaced by the hostile JSON text afterwards. */
const TOKEN = '\u0000hostile\u0000';
const TOKEN_JSON = JSON.stringify(TOKEN);

function hostileFile(slot: Slot, json: string): string {
  const file = JSON.parse(encodeRunFile(run)) as Record<string, unknown>;
  slot.put(file, TOKEN);
  return JSON.stringify(file).replace(TOKEN_JSON, () => json);
}

describe('run files (decodeRunFile)', () => {
  test('one hostile value anywhere: no throw, fast, a short refusal exactly when a rule is broken, else the whole run', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SLOTS), hostileJson, (slot, json) => {
        const text = hostileFile(slot, json);
        const decoded = withinBudget(() => decodeRunFile(text));
        const accepted = slot.accepts(JSON.parse(json));
        expect({ slot: slot.name, ok: decoded.ok }).toEqual({ slot: slot.name, ok: accepted });
        if (!decoded.ok) {
          expectShortRefusal(decoded.refusal);
          expect(decoded).toEqual({ ok: false, refusal: decoded.refusal });
        } else {
          expect(validateConfig(decoded.run.snapshot.config).ok).toBe(true);
          expect(isCount(decoded.run.snapshot.iteration)).toBe(true);
          expect(
            decoded.run.stats.every((p) => STAT_FIELDS.every((f) => !(p[f] === Infinity || p[f] === -Infinity))),
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('any text at all: no throw, fast, and a message short enough to show in either language', () => {
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      hostileJson,
      fc.string().map((s) => `{"kind":"nash-run","version":1,${s}`),
    );
    fc.assert(
      fc.property(text, (input) => {
        const decoded = withinBudget(() => decodeRunFile(input));
        if (!decoded.ok) expectShortRefusal(decoded.refusal);
      }),
      { numRuns: 400 },
    );
  });
});

const VIEW_KEYS = VIEW_TOGGLES.map(viewKey);
/** The theory layers' keys: which heatmap (D, D*, D − D*), and the transport view as a toggle. */
const THEORY_KEY = 'theory';
const TRANSPORT_KEY = 'showTransport';
const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** A value a key might have: one it accepts, a near miss, anything, or something huge. */
function valueFor(key: string): fc.Arbitrary<string> {
  const spec = Object.hasOwn(CONFIG_SCHEMA, key) ? CONFIG_SCHEMA[key as FieldName] : undefined;
  const valid =
    key === 'preset'
      ? fc.constantFrom(...PRESET_IDS)
      : key === THEORY_KEY
        ? fc.constantFrom(...THEORY_FIELDS)
        : VIEW_KEYS.includes(key) || key === TRANSPORT_KEY
          ? fc.constantFrom('0', '1', 'true', 'false')
          : spec?.kind === 'enum'
            ? fc.constantFrom(...spec.values)
            : spec
              ? fc
                  .double({ min: spec.min, max: spec.max, noNaN: true })
                  .map((x) => String(spec.integer ? Math.round(x) : x))
              : fc.constant('1');
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('1e300', 'NaN', '-1', '', ' ', '$&', "$'", 'custom', '<b>x</b>') },
    { weight: 1, arbitrary: fc.integer({ min: 41, max: 5_000 }).map((n) => `${'9'.repeat(n)}x`) },
  );
}

const linkKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom('preset', ...VIEW_KEYS, THEORY_KEY, TRANSPORT_KEY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: 41, max: 3_000 }).map((n) => 'k'.repeat(n)) },
);

const linkEntries = fc.array(
  linkKey.chain((key) => fc.tuple(fc.constant(key), valueFor(key))),
  { maxLength: 25 },
);

type Read = { ok: true; value: unknown } | { ok: false };

/** The issue's rule for one key, written apart from urlState.ts: the last value that reads wins. */
function lastUsable(values: string[], read: (value: string) => Read): Read {
  for (let i = values.length - 1; i >= 0; i--) {
    const result = read(values[i]);
    if (result.ok) return result;
  }
  return { ok: false };
}

const readField =
  (name: FieldName) =>
  (value: string): Read => {
    const result = parseField(name, value);
    return result.ok && !(name === 'dataset' && result.value === 'custom')
      ? { ok: true, value: result.value }
      : { ok: false };
  };

const readShown = (v: string): Read =>
  v === '1' || v === 'true'
    ? { ok: true, value: true }
    : v === '0' || v === 'false'
      ? { ok: true, value: false }
      : { ok: false };

/** What the link should give: its configuration, view and theory layers, and the keys that must be named in the notice. */
function expected(entries: [string, string][]) {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of entries) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  const preset = byKey.has('preset')
    ? lastUsable(byKey.get('preset')!, (id) =>
        PRESET_IDS.includes(id as PresetId) ? { ok: true, value: id } : { ok: false },
      )
    : undefined;
  const config: Record<string, unknown> = preset?.ok ? presetConfig(preset.value as PresetId) : defaultConfig();
  const view = defaultView();
  // Absent unless the link has a theory key; then D's heatmap and no transport unless it says otherwise.
  const theory: TheoryLayersState | undefined =
    byKey.has(THEORY_KEY) || byKey.has(TRANSPORT_KEY) ? { field: 'discriminator', transport: false } : undefined;
  const named: string[] = [];
  for (const [key, values] of byKey) {
    const toggle = VIEW_TOGGLES.find((t) => viewKey(t) === key);
    const read =
      key === 'preset'
        ? preset!
        : key === THEORY_KEY
          ? lastUsable(values, (v) =>
              THEORY_FIELDS.some((field) => field === v) ? { ok: true, value: v } : { ok: false },
            )
          : toggle || key === TRANSPORT_KEY
            ? lastUsable(values, readShown)
            : Object.hasOwn(CONFIG_SCHEMA, key)
              ? lastUsable(values, readField(key as FieldName))
              : { ok: false as const };
    if (!read.ok || values.length > 1) named.push(key);
    if (!read.ok || key === 'preset') continue;
    if (toggle) view[toggle] = read.value as boolean;
    else if (key === THEORY_KEY) theory!.field = read.value as TheoryLayersState['field'];
    else if (key === TRANSPORT_KEY) theory!.transport = read.value as boolean;
    else config[key] = read.value;
  }
  const fits = validateConfig(config).ok;
  return { config: (fits ? config : defaultConfig()) as RunConfig, view, theory, named, fits };
}

const hashOf = (entries: [string, string][]) =>
  `#${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;

describe('links (parseLink)', () => {
  test('any mix of good, bad, repeated, unknown and huge keys: the last usable value of each, every other one named, briefly, fast', () => {
    fc.assert(
      fc.property(linkEntries, (entries) => {
        const hash = hashOf(entries);
        fc.pre(hash.length <= MAX_LINK_LENGTH);
        const parsed = withinBudget(() => parseLink(hash));
        const want = expected(entries);
        expect(parsed.state.config).toEqual(want.config);
        expect(parsed.state.view).toEqual(want.view);
        expect(parsed.state.theory).toEqual(want.theory);
        expect(validateConfig(parsed.state.config).ok).toBe(true);
        // Refused means named: each key not used as written is in the notice (cut as it is quoted there).
        const problemFields = new Set(parsed.problems.map((p) => ('field' in p ? p.field : p.kind)));
        for (const key of want.named)
          expect(problemFields.has(key.length > 40 ? `${key.slice(0, 40)}…` : key)).toBe(true);
        expect(parsed.problems.some((p) => p.kind === 'combination')).toBe(!want.fits);
        for (const t of [en, ko]) {
          const sentences = describeLinkProblems(parsed.problems, t);
          expect(sentences.length).toBeLessThanOrEqual(3 + 3 * LISTED);
          for (const sentence of sentences) expect(sentence.length).toBeLessThan(MESSAGE_CHARS);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('any text at all, up to the longest link read: no throw, fast, a valid run', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.integer({ min: 1, max: MAX_LINK_LENGTH }).map((n) => '&'.repeat(n)),
    );
    fc.assert(
      fc.property(text, (hash) => {
        const parsed = withinBudget(() => parseLink(hash));
        expect(validateConfig(parsed.state.config).ok).toBe(true);
        for (const sentence of describeLinkProblems(parsed.problems, en))
          expect(sentence.length).toBeLessThan(MESSAGE_CHARS);
      }),
      { numRuns: 300 },
    );
  });
});
