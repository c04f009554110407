/**
 * The run as a link: every field of CONFIG_SCHEMA (and the preset it started from) in the URL hash,
 * then the view's toggles (the 2D view's layers), which change what is shown, not what is trained.
 * Parse and serialise both loop over the schema (STYLE.md, "State as one schema"), so a field added
 * there is in the link without touching this file. Pure: no window, no React.
 */
import { CONFIG_SCHEMA, defaultConfig, FIELD_NAMES, type FieldName, parseField, type RunConfig, validateConfig } from '../../gan/config.ts';
import { PRESETS, type PresetId } from '../../gan/presets.ts';

/** The 2D view's layers, each shown or hidden (src/features/plane2d/PlaneView.tsx). */
export const VIEW_TOGGLES = ['heatmap', 'real', 'fake', 'arrows', 'manifold'] as const;
export type ViewToggle = (typeof VIEW_TOGGLES)[number];
export type ViewToggles = Record<ViewToggle, boolean>;

/** Every layer shown: what a link without view toggles opens with. */
export function defaultView(): ViewToggles {
  return { heatmap: true, real: true, fake: true, arrows: true, manifold: true };
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
}

/** A value in a link that could not be used; the run uses the field's default instead. */
export interface LinkProblem {
  /** The schema field, `preset`, an unknown key, or `configuration` for settings that do not fit together. */
  field: string;
  /** What the link said, as written. */
  value: string;
  /** Why it was refused, in the schema's words (English; the page shows its own sentence around it). */
  reason: string;
}

export interface ParsedLink {
  state: LinkState;
  problems: LinkProblem[];
}

const PRESET_KEY = 'preset';

const isPreset = (id: string): id is PresetId => Object.hasOwn(PRESETS, id);

/** The configuration a preset gives: the defaults with the preset's fields over them. */
export function presetConfig(id: PresetId): RunConfig {
  return { ...defaultConfig(), ...PRESETS[id].config };
}

/**
 * Reads a hash such as `#preset=modeCollapse&seed=7&batchSize=64`. A preset, if any, is applied
 * first and the fields written out override it. Every bad value is reported and replaced by its
 * default, so a damaged link still opens a working playground; if the remaining values contradict
 * each other (dcgan on the ring), the whole link falls back to the defaults.
 */
export function parseLink(hash: string): ParsedLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: LinkProblem[] = [];
  const presetValue = params.get(PRESET_KEY);
  let preset: PresetId | undefined;
  if (presetValue !== null) {
    if (isPreset(presetValue)) preset = presetValue;
    else problems.push({ field: PRESET_KEY, value: presetValue, reason: `not a preset; expected one of ${Object.keys(PRESETS).join(', ')}` });
  }
  const config = (preset ? presetConfig(preset) : defaultConfig()) as Record<FieldName, unknown>;
  const view = defaultView();
  let overridden = false;
  for (const [key, value] of params) {
    if (key === PRESET_KEY) continue;
    const toggle = VIEW_KEYS.get(key);
    if (toggle) {
      if (Object.hasOwn(SHOWN, value)) view[toggle] = SHOWN[value];
      else problems.push({ field: key, value, reason: 'expected 1 (shown) or 0 (hidden)' });
      continue;
    }
    if (!Object.hasOwn(CONFIG_SCHEMA, key)) {
      problems.push({ field: key, value, reason: 'unknown setting' });
      continue;
    }
    const name = key as FieldName;
    const result = parseField(name, value);
    if (!result.ok) {
      problems.push({ field: name, value, reason: result.error });
      continue;
    }
    // Drawn points are not in the link (they are data, not settings): a drawn run cannot be rebuilt from it.
    if (name === 'dataset' && result.value === 'custom') {
      problems.push({ field: name, value, reason: 'drawn data cannot travel in a link' });
      continue;
    }
    if (result.value !== config[name]) overridden = true;
    config[name] = result.value;
  }
  const checked = validateConfig(config);
  if (!checked.ok) {
    const value = FIELD_NAMES.filter((name) => params.has(name)).map((name) => `${name}=${params.get(name)}`).join('&');
    // The view toggles do not depend on the settings: a link's hidden layers stay hidden.
    return { state: { config: defaultConfig(), view }, problems: [...problems, ...checked.errors.map((reason) => ({ field: 'configuration', value, reason }))] };
  }
  // A link that changes a preset's values describes a run of its own, not the preset.
  return { state: { config: checked.config, preset: overridden ? undefined : preset, view }, problems };
}

/** The hash for a run: the preset (if the configuration still is it), every field in schema order, then every view toggle. */
export function serializeLink({ config, preset, view = defaultView() }: LinkState): string {
  const params = new URLSearchParams();
  if (preset && sameConfig(presetConfig(preset), config)) params.set(PRESET_KEY, preset);
  // String(number) is the shortest text that reads back as the same double, so values round-trip exactly.
  for (const name of FIELD_NAMES) params.set(name, String(config[name]));
  for (const toggle of VIEW_TOGGLES) params.set(viewKey(toggle), view[toggle] ? '1' : '0');
  return `#${params.toString()}`;
}

export function sameConfig(a: RunConfig, b: RunConfig): boolean {
  return FIELD_NAMES.every((name) => a[name] === b[name]);
}
