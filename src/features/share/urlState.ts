/**
 * The run as a link: every field of CONFIG_SCHEMA (and the preset it started from) in the URL hash,
 * then the view's toggles (the 2D view's layers) and its theory layers, which change what is shown,
 * not what is trained.
 * Parse and serialise both loop over the schema (STYLE.md, "State as one schema"), so a field added
 * there is in the link without touching this file. Pure: no window, no React.
 */
import {
  CONFIG_SCHEMA,
  defaultConfig,
  FIELD_NAMES,
  type FieldName,
  parseField,
  type Refusal,
  type RunConfig,
  validateConfig,
} from '../../gan/config.ts';
import { COMPARISONS, type ComparisonId, isComparison } from '../../gan/comparisons.ts';
import { PRESETS, type PresetId } from '../../gan/presets.ts';
import { cut } from '../../gan/quote.ts';
import { isLessonId, type LessonId } from '../lessons/lessonIds.ts';

/** The 2D view's layers, each shown or hidden (src/features/plane2d/PlaneView.tsx). */
export const VIEW_TOGGLES = ['heatmap', 'real', 'fake', 'arrows', 'manifold'] as const;
export type ViewToggle = (typeof VIEW_TOGGLES)[number];
export type ViewToggles = Record<ViewToggle, boolean>;

/** Every layer shown: what a link without view toggles opens with. */
export function defaultView(): ViewToggles {
  return { heatmap: true, real: true, fake: true, arrows: true, manifold: true };
}

/**
 * The 2D view's theory layers (src/features/plane2d/TheoryLayers.tsx): the heatmap shows D, D* or
 * D − D*, and the transport view (real and generated points joined by their optimal matching) is on
 * or off. In the link as `theory=optimal` and `showTransport=1`, written only when not the default.
 */
export const THEORY_FIELDS = ['discriminator', 'optimal', 'difference'] as const;
export interface TheoryLayersState {
  field: (typeof THEORY_FIELDS)[number];
  transport: boolean;
}

/** D's own heatmap, no transport: what a link without theory keys opens with. */
export function defaultTheory(): TheoryLayersState {
  return { field: 'discriminator', transport: false };
}

/** A toggle's key in the hash: `showArrows=0` hides the arrows. */
export const viewKey = (toggle: ViewToggle) => `show${toggle[0].toUpperCase()}${toggle.slice(1)}`;
const VIEW_KEYS = new Map<string, ViewToggle>(VIEW_TOGGLES.map((toggle) => [viewKey(toggle), toggle]));
const SHOWN: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

export interface LinkState {
  config: RunConfig;
  /** The classroom preset the run started from, while the configuration still is that preset. */
  preset?: PresetId;
  /** What the view shows; absent means every layer (defaultView). */
  view?: ViewToggles;
  /** The theory layers on the 2D view; absent means none (defaultTheory). */
  theory?: TheoryLayersState;
  /** The lesson a link opens (`lesson=wgan`, src/features/lessons): read from the opening link only, never written. */
  lesson?: LessonId;
  /**
   * Compare mode (issue 18): run B's configuration, written as its differences from run A's under
   * a `b.` prefix (`compare=1&…&b.clipValue=0.1`), and the comparison both runs started from
   * (`compare=wganClip`), if any.
   */
  compare?: CompareLinkState;
}

export interface CompareLinkState {
  config: RunConfig;
  comparison?: ComparisonId;
}

/**
 * Why a link's value cannot be used: a setting's value refused by the schema (config.ts's Refusal),
 * or one of the link's own rules.
 */
export type LinkRefusal =
  | Refusal
  /** `preset=` names no preset of PRESETS. */
  | { code: 'notAPreset' }
  /** `lesson=` names no lesson of LESSON_IDS. */
  | { code: 'notALesson' }
  /** `compare=` is neither 1 nor a comparison of COMPARISONS. */
  | { code: 'notAComparison' }
  /** A view toggle that is neither 1 (shown) nor 0 (hidden) (SHOWN). */
  | { code: 'notAToggle' }
  /** `theory=` names none of THEORY_FIELDS. */
  | { code: 'notATheoryLayer' }
  /** `dataset=custom`: drawn points are data, not settings, so a drawn run cannot be rebuilt from a link. */
  | { code: 'drawnData' };

/**
 * What a link said that the run does not follow as written: codes and the link's text, worded by
 * the page in its language (linkProblems.ts), so switching the language rewords a notice already
 * shown. The link's text is kept cut short (quote.ts): a key or value may be any length.
 */
export type LinkProblem =
  /** A value that cannot be used: the field keeps its default (or the preset's value). */
  | { kind: 'refused'; field: string; value: string; refusal: LinkRefusal }
  /** A key that is no setting: ignored. */
  | { kind: 'unknown'; field: string; value: string }
  /**
   * A key written more than once (`seed=1&seed=2&seed=abc`): the last usable value is used, here
   * `2`; without one, the default, and `refusal` says why the last value was refused.
   */
  | { kind: 'repeated'; field: string; count: number; values: string[]; used?: string; refusal?: LinkRefusal }
  /** Settings that do not fit together (dcgan on the ring): the whole link falls back to the defaults. */
  | { kind: 'combination'; refusal: Refusal }
  /** A link longer than MAX_LINK_LENGTH: not read at all, the default run is used. */
  | { kind: 'tooLong'; length: number; limit: number };

export interface ParsedLink {
  state: LinkState;
  problems: LinkProblem[];
}

const PRESET_KEY = 'preset';
const LESSON_KEY = 'lesson';
const COMPARE_KEY = 'compare';
const THEORY_KEY = 'theory';
const TRANSPORT_KEY = 'showTransport';
/** Run B's settings in a link: `b.clipValue=0.1` (only those that differ from run A's). */
export const RUN_B_PREFIX = 'b.';

const isPreset = (id: string): id is PresetId => Object.hasOwn(PRESETS, id);

/**
 * The lesson a link names when it names nothing else (`#lesson=wgan`): such a link opens a lesson and
 * leaves the run as it is, also when pasted into an open page.
 */
export function lessonOnly(hash: string): LessonId | undefined {
  if (hash.length > MAX_LINK_LENGTH) return undefined;
  const byKey = valuesByKey(hash);
  const values = byKey.get(LESSON_KEY);
  if (byKey.size !== 1 || !values) return undefined;
  return lastUsable(LESSON_KEY, values, readLesson).value;
}

/** The configuration a preset gives: the defaults with the preset's fields over them. */
export function presetConfig(id: PresetId): RunConfig {
  return { ...defaultConfig(), ...PRESETS[id].config };
}

/**
 * The longest link read, in characters. The app writes about 1,000 (every field and toggle); the
 * rest is room for links edited by hand. Browsers keep links of up to 2 MB, and merely splitting
 * one that long into its keys holds the page for a quarter of a second.
 */
export const MAX_LINK_LENGTH = 64 * 1024;

/** Values of a repeated key quoted in its problem; the count says how many there were. */
const REPEATS_QUOTED = 3;

type Read<T> = { ok: true; value: T } | { ok: false; refusal: LinkRefusal };

/**
 * The last of a key's values that `read` accepts, and the problem to report: none when the key is
 * written once and usable. Read from the end, so a long run of refused values before a usable one
 * is never read.
 */
function lastUsable<T>(
  field: string,
  values: readonly string[],
  read: (value: string) => Read<T>,
): { value?: T; problem?: LinkProblem } {
  const lastText = values[values.length - 1];
  const last = read(lastText);
  if (values.length === 1)
    return last.ok
      ? { value: last.value }
      : { problem: { kind: 'refused', field: cut(field), value: cut(lastText), refusal: last.refusal } };
  const repeated = {
    kind: 'repeated',
    field: cut(field),
    count: values.length,
    values: values.slice(0, REPEATS_QUOTED).map((value) => cut(value)),
  } as const;
  if (last.ok) return { value: last.value, problem: { ...repeated, used: cut(lastText) } };
  for (let i = values.length - 2; i >= 0; i--) {
    const result = read(values[i]);
    if (result.ok) return { value: result.value, problem: { ...repeated, used: cut(values[i]) } };
  }
  return { problem: { ...repeated, refusal: last.refusal } };
}

/** Every value of each key of a hash (`#a=1&b=2`), in the order the keys first appear. */
function valuesByKey(hash: string): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(hash.replace(/^#/, ''))) {
    const values = byKey.get(key);
    if (values) values.push(value);
    else byKey.set(key, [value]);
  }
  return byKey;
}

const readPreset = (value: string): Read<PresetId> =>
  isPreset(value) ? { ok: true, value } : { ok: false, refusal: { code: 'notAPreset' } };
const readLesson = (value: string): Read<LessonId> =>
  isLessonId(value) ? { ok: true, value } : { ok: false, refusal: { code: 'notALesson' } };
/** `compare=1`: compare mode; `compare=<id>`: compare mode started from that comparison. */
const readComparison = (value: string): Read<ComparisonId | true> =>
  value === '1'
    ? { ok: true, value: true }
    : isComparison(value)
      ? { ok: true, value }
      : { ok: false, refusal: { code: 'notAComparison' } };
const readToggle = (value: string): Read<boolean> =>
  Object.hasOwn(SHOWN, value) ? { ok: true, value: SHOWN[value] } : { ok: false, refusal: { code: 'notAToggle' } };
const readTheoryField = (value: string): Read<TheoryLayersState['field']> => {
  const field = THEORY_FIELDS.find((candidate) => candidate === value);
  return field ? { ok: true, value: field } : { ok: false, refusal: { code: 'notATheoryLayer' } };
};

function readField(name: FieldName): (value: string) => Read<RunConfig[FieldName]> {
  return (value) => {
    const result = parseField(name, value);
    if (!result.ok) return { ok: false, refusal: result.refusal };
    if (name === 'dataset' && result.value === 'custom') return { ok: false, refusal: { code: 'drawnData' } };
    return result;
  };
}

/**
 * Reads a hash such as `#preset=modeCollapse&seed=7&batchSize=64`, or `#lesson=wgan` (the lesson to
 * open; it changes no setting). A preset, if any, is applied first and the fields written out override it. A key written more than once takes its last usable
 * value. Every bad value is reported and replaced by its default, so a damaged link still opens a
 * working playground; if the remaining values contradict each other (dcgan on the ring), the whole
 * link falls back to the defaults.
 */
export function parseLink(hash: string): ParsedLink {
  if (hash.length > MAX_LINK_LENGTH)
    return {
      state: { config: defaultConfig(), view: defaultView() },
      problems: [{ kind: 'tooLong', length: hash.length, limit: MAX_LINK_LENGTH }],
    };
  const byKey = valuesByKey(hash);
  const problems: LinkProblem[] = [];
  const report = (problem: LinkProblem | undefined) => {
    if (problem) problems.push(problem);
  };
  const presetValues = byKey.get(PRESET_KEY);
  let preset: PresetId | undefined;
  if (presetValues) {
    const read = lastUsable(PRESET_KEY, presetValues, readPreset);
    preset = read.value;
    report(read.problem);
  }
  const lessonValues = byKey.get(LESSON_KEY);
  let lesson: LessonId | undefined;
  if (lessonValues) {
    const read = lastUsable(LESSON_KEY, lessonValues, readLesson);
    lesson = read.value;
    report(read.problem);
  }
  const compareValues = byKey.get(COMPARE_KEY);
  let compare: ComparisonId | true | undefined;
  if (compareValues) {
    const read = lastUsable(COMPARE_KEY, compareValues, readComparison);
    compare = read.value;
    report(read.problem);
  }
  const config = (preset ? presetConfig(preset) : defaultConfig()) as Record<FieldName, unknown>;
  const view = defaultView();
  /** Set once the link has a theory key: a link without any opens with D's own heatmap. */
  let theory: TheoryLayersState | undefined;
  let overridden = false;
  /** Run B's fields as the link writes them (`b.` prefix), read after A's: B starts from A's settings. */
  const runB = new Map<FieldName, string[]>();
  for (const [key, values] of byKey) {
    if (key === PRESET_KEY || key === LESSON_KEY || key === COMPARE_KEY) continue;
    const bField = key.startsWith(RUN_B_PREFIX) ? key.slice(RUN_B_PREFIX.length) : undefined;
    if (bField !== undefined && Object.hasOwn(CONFIG_SCHEMA, bField)) {
      runB.set(bField as FieldName, values);
      continue;
    }
    const toggle = VIEW_KEYS.get(key);
    if (toggle) {
      const read = lastUsable(key, values, readToggle);
      if (read.value !== undefined) view[toggle] = read.value;
      report(read.problem);
      continue;
    }
    if (key === THEORY_KEY || key === TRANSPORT_KEY) {
      theory ??= defaultTheory();
      if (key === THEORY_KEY) {
        const read = lastUsable(key, values, readTheoryField);
        if (read.value !== undefined) theory.field = read.value;
        report(read.problem);
      } else {
        const read = lastUsable(key, values, readToggle);
        if (read.value !== undefined) theory.transport = read.value;
        report(read.problem);
      }
      continue;
    }
    if (!Object.hasOwn(CONFIG_SCHEMA, key)) {
      problems.push({ kind: 'unknown', field: cut(key), value: cut(values[values.length - 1]) });
      continue;
    }
    const name = key as FieldName;
    const read = lastUsable(name, values, readField(name));
    report(read.problem);
    if (read.value === undefined) continue;
    if (read.value !== config[name]) overridden = true;
    config[name] = read.value;
  }
  const checked = validateConfig(config);
  if (!checked.ok) {
    // The view toggles do not depend on the settings: a link's hidden layers stay hidden.
    return {
      state: { config: defaultConfig(), view, theory, lesson },
      problems: [...problems, ...checked.refusals.map((refusal): LinkProblem => ({ kind: 'combination', refusal }))],
    };
  }
  const b = compare !== undefined || runB.size > 0 ? readRunB(checked.config, runB, compare, problems) : undefined;
  // A link that changes a preset's values describes a run of its own, not the preset.
  return {
    state: { config: checked.config, preset: overridden ? undefined : preset, view, theory, lesson, compare: b },
    problems,
  };
}

/**
 * Run B of a compare-mode link: run A's configuration with the link's `b.` fields over it, each read
 * and refused as A's are (the problem names the field with its prefix, `b.clipValue`: the field and
 * the run). If B's fields do not fit together, B starts as a copy of A. The comparison is kept only
 * while both runs still are its presets.
 */
function readRunB(
  a: RunConfig,
  fields: ReadonlyMap<FieldName, readonly string[]>,
  compare: ComparisonId | true | undefined,
  problems: LinkProblem[],
): CompareLinkState {
  const config = { ...a } as Record<FieldName, unknown>;
  for (const [name, values] of fields) {
    const read = lastUsable(RUN_B_PREFIX + name, values, readField(name));
    if (read.problem) problems.push(read.problem);
    if (read.value !== undefined) config[name] = read.value;
  }
  const checked = validateConfig(config);
  if (!checked.ok) {
    problems.push(...checked.refusals.map((refusal): LinkProblem => ({ kind: 'combination', refusal })));
    return { config: a };
  }
  const comparison = typeof compare === 'string' && isComparisonOf(compare, a, checked.config) ? compare : undefined;
  return { config: checked.config, comparison };
}

/** Whether runs A and B still are a comparison's two presets (a changed setting makes them a comparison of their own). */
function isComparisonOf(id: ComparisonId, a: RunConfig, b: RunConfig): boolean {
  return sameConfig(presetConfig(COMPARISONS[id].a), a) && sameConfig(presetConfig(COMPARISONS[id].b), b);
}

/**
 * The hash for a run: the preset (if the configuration still is it), every field in schema order,
 * then every view toggle, then the theory layers that are on (a link without them reads as none, so
 * the links of runs that never show them stay as they were); in compare mode, `compare=` (the comparison, or 1) and run B's fields that
 * differ from A's under the `b.` prefix.
 */
export function serializeLink({
  config,
  preset,
  view = defaultView(),
  theory = defaultTheory(),
  compare,
}: LinkState): string {
  const params = new URLSearchParams();
  if (preset && sameConfig(presetConfig(preset), config)) params.set(PRESET_KEY, preset);
  // String(number) is the shortest text that reads back as the same double, so values round-trip exactly.
  for (const name of FIELD_NAMES) params.set(name, String(config[name]));
  for (const toggle of VIEW_TOGGLES) params.set(viewKey(toggle), view[toggle] ? '1' : '0');
  if (theory.field !== 'discriminator') params.set(THEORY_KEY, theory.field);
  if (theory.transport) params.set(TRANSPORT_KEY, '1');
  if (compare) {
    const { comparison } = compare;
    params.set(COMPARE_KEY, comparison && isComparisonOf(comparison, config, compare.config) ? comparison : '1');
    for (const name of FIELD_NAMES)
      if (compare.config[name] !== config[name]) params.set(RUN_B_PREFIX + name, String(compare.config[name]));
  }
  return `#${params.toString()}`;
}

export function sameConfig(a: RunConfig, b: RunConfig): boolean {
  return FIELD_NAMES.every((name) => a[name] === b[name]);
}
