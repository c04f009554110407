/**
 * The run configuration as one schema: every field once, with its default, bounds, and whether a
 * change applies live (on the next chunk of steps) or needs a reset. The controls, the URL, the
 * CLI, validation and the worker all read this table (tensorflow/playground's state.ts pattern).
 */
import { DATASET_MODULES } from './data/modules.ts';
import { OBJECTIVE_MODULES } from './objectives/modules.ts';
import { cut, quote } from './quote.ts';

export interface NumberField {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Shown and stepped on a log scale (learning rates). */
  readonly log?: boolean;
  readonly live: boolean;
  readonly unit?: string;
  readonly label: string;
}

export interface EnumField<V extends string = string> {
  readonly kind: 'enum';
  readonly default: V;
  readonly values: readonly V[];
  readonly live: boolean;
  readonly label: string;
}

export type FieldSpec = NumberField | EnumField;

function num(spec: Omit<NumberField, 'kind'>): NumberField {
  return { kind: 'number', ...spec };
}

function choice<const V extends string>(
  values: readonly V[],
  spec: Omit<EnumField<V>, 'kind' | 'values'>,
): EnumField<V> {
  return { kind: 'enum', values, ...spec };
}

/** The datasets' ids, in menu order, read from their modules (data/modules.ts). */
export const DATASETS = Object.keys(DATASET_MODULES) as readonly (keyof typeof DATASET_MODULES)[];
/** The objectives' ids, in menu order, read from their modules (objectives/modules.ts). */
export const OBJECTIVES = Object.keys(OBJECTIVE_MODULES) as readonly (keyof typeof OBJECTIVE_MODULES)[];
export const ARCHITECTURES = ['mlp', 'dcgan'] as const;
export const CONDITIONINGS = ['none', 'label', 'infoCodes'] as const;
export const ACTIVATIONS = ['relu', 'leakyRelu', 'tanh'] as const;
export const OPTIMIZERS = ['sgd', 'adam', 'rmsprop'] as const;
export const NOISES = ['gaussian', 'uniform'] as const;

export type DatasetId = (typeof DATASETS)[number];
/** Datasets whose samples carry a label (mode, moon, digit), the ones a conditional GAN can use. */
export const LABELLED_DATASETS: readonly DatasetId[] = DATASETS.filter((id) => DATASET_MODULES[id].labelled);
export type ObjectiveId = (typeof OBJECTIVES)[number];
export type ArchitectureId = (typeof ARCHITECTURES)[number];
export type ConditioningId = (typeof CONDITIONINGS)[number];
export type ActivationId = (typeof ACTIVATIONS)[number];
export type OptimizerId = (typeof OPTIMIZERS)[number];
export type NoiseId = (typeof NOISES)[number];

export const CONFIG_SCHEMA = {
  // What is trained on, and by what: changing any of these rebuilds the run.
  dataset: choice(DATASETS, { default: 'ring', live: false, label: 'Dataset' }),
  seed: num({ default: 1, min: 0, max: 2 ** 31 - 1, integer: true, live: false, label: 'Seed' }),
  architecture: choice(ARCHITECTURES, { default: 'mlp', live: false, label: 'Architecture' }),
  conditioning: choice(CONDITIONINGS, { default: 'none', live: false, label: 'Conditioning' }),
  latentSize: num({ default: 2, min: 1, max: 256, integer: true, live: false, label: 'Latent size' }),
  noise: choice(NOISES, { default: 'gaussian', live: false, label: 'Noise distribution' }),
  generatorLayers: num({ default: 2, min: 1, max: 6, integer: true, live: false, label: 'Generator hidden layers' }),
  generatorWidth: num({
    default: 64,
    min: 2,
    max: 512,
    integer: true,
    live: false,
    unit: 'units',
    label: 'Generator width',
  }),
  generatorActivation: choice(ACTIVATIONS, { default: 'relu', live: false, label: 'Generator activation' }),
  discriminatorLayers: num({
    default: 2,
    min: 1,
    max: 6,
    integer: true,
    live: false,
    label: 'Discriminator hidden layers',
  }),
  discriminatorWidth: num({
    default: 64,
    min: 2,
    max: 512,
    integer: true,
    live: false,
    unit: 'units',
    label: 'Discriminator width',
  }),
  discriminatorActivation: choice(ACTIVATIONS, { default: 'relu', live: false, label: 'Discriminator activation' }),
  channels: num({
    default: 16,
    min: 4,
    max: 128,
    integer: true,
    live: false,
    unit: 'channels',
    label: 'DCGAN channel width',
  }),
  categories: num({ default: 10, min: 2, max: 20, integer: true, live: false, label: 'Categorical code values' }),
  continuousCodes: num({ default: 0, min: 0, max: 3, integer: true, live: false, label: 'Continuous codes' }),
  infoNoiseScale: num({ default: 1, min: 0.01, max: 1, live: false, label: 'InfoGAN noise scale σ' }),

  // How it is trained: these apply on the next chunk of steps without losing weights.
  objective: choice(OBJECTIVES, { default: 'nonSaturating', live: true, label: 'Objective' }),
  generatorOptimizer: choice(OPTIMIZERS, { default: 'adam', live: true, label: 'Generator optimiser' }),
  discriminatorOptimizer: choice(OPTIMIZERS, { default: 'adam', live: true, label: 'Discriminator optimiser' }),
  generatorLearningRate: num({
    default: 1e-3,
    min: 1e-6,
    max: 10,
    log: true,
    live: true,
    label: 'Generator learning rate',
  }),
  discriminatorLearningRate: num({
    default: 1e-3,
    min: 1e-6,
    max: 10,
    log: true,
    live: true,
    label: 'Discriminator learning rate',
  }),
  beta1: num({ default: 0.5, min: 0, max: 0.999, live: true, label: 'Adam β1' }),
  beta2: num({ default: 0.999, min: 0, max: 0.9999, live: true, label: 'Adam β2' }),
  momentum: num({ default: 0, min: 0, max: 0.99, live: true, label: 'SGD momentum' }),
  rmspropDecay: num({ default: 0.9, min: 0, max: 0.999, live: true, label: 'RMSprop decay ρ' }),
  discriminatorSteps: num({
    default: 1,
    min: 1,
    max: 20,
    integer: true,
    live: true,
    unit: 'steps',
    label: 'Discriminator steps per iteration (k_D, n_critic)',
  }),
  generatorSteps: num({
    default: 1,
    min: 1,
    max: 20,
    integer: true,
    live: true,
    unit: 'steps',
    label: 'Generator steps per iteration (k_G)',
  }),
  batchSize: num({ default: 128, min: 1, max: 1024, integer: true, live: true, unit: 'samples', label: 'Batch size' }),
  lsganA: num({ default: 0, min: -2, max: 2, live: true, label: 'LSGAN label a (fake)' }),
  lsganB: num({ default: 1, min: -2, max: 2, live: true, label: 'LSGAN label b (real)' }),
  lsganC: num({ default: 1, min: -2, max: 2, live: true, label: 'LSGAN label c (G wants)' }),
  clipValue: num({ default: 0.05, min: 1e-4, max: 10, log: true, live: true, label: 'WGAN weight clip c' }),
  gradientPenalty: num({ default: 0.1, min: 0, max: 100, live: true, label: 'WGAN-GP penalty λ' }),
  infoLambda: num({ default: 1, min: 0, max: 10, live: true, label: 'InfoGAN information weight λ' }),
} as const;

export type ConfigSchema = typeof CONFIG_SCHEMA;
export type FieldName = keyof ConfigSchema;

type ValueOf<F> = F extends EnumField<infer V> ? V : number;

/** One run's settings; `RunConfig['objective']` is the union of the objective ids, and so on. */
export type RunConfig = { -readonly [K in FieldName]: ValueOf<ConfigSchema[K]> };

export const FIELD_NAMES = Object.keys(CONFIG_SCHEMA) as FieldName[];
export const LIVE_FIELDS = FIELD_NAMES.filter((name) => CONFIG_SCHEMA[name].live);

export function defaultConfig(): RunConfig {
  const config = {} as Record<FieldName, unknown>;
  for (const name of FIELD_NAMES) config[name] = CONFIG_SCHEMA[name].default;
  return config as RunConfig;
}

/** What a field accepts, as a refusal names it. */
export type Allowed =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'number'; integer: boolean; min: number; max: number };

function allowedBy(spec: FieldSpec): Allowed {
  return spec.kind === 'enum'
    ? { kind: 'enum', values: spec.values }
    : { kind: 'number', integer: spec.integer === true, min: spec.min, max: spec.max };
}

/**
 * Why a setting, a change or a whole configuration was refused, as data: the page words it in its
 * language and the CLI in English (src/i18n/settings.ts). `field` says what it is about, with
 * `configuration` for the whole; `value` is the input as quote.ts repeats it (quoted, cut short),
 * or the number read from it.
 */
export type Refusal =
  | { code: 'notAllowed' | 'notANumber'; field: FieldName; value: string; allowed: Allowed }
  | { code: 'notFinite' | 'notInteger' | 'outOfRange'; field: FieldName; value: number; allowed: Allowed }
  /** A key that is not a setting, cut short (quote.ts). */
  | { code: 'unknownSetting'; field: string }
  /** More than UNKNOWN_LISTED unknown keys: counted, with the first few cut short. */
  | { code: 'unknownSettings'; field: 'configuration'; count: number; examples: string[] }
  | { code: 'notSettings'; field: 'configuration' }
  | { code: 'needsReset'; field: FieldName; why: ResetReason }
  | { code: 'conflict'; field: 'configuration'; conflict: Conflict };

export type FieldResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/**
 * A number written out: sign, digits with at most one point, exponent. Each digit can belong to one
 * place only; the earlier `\d+\.?\d*` let two runs share the digits, and backtracking over a
 * 30,000-digit value that ends in a letter took 2.5 s (the time grows with the square of its length).
 */
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
/**
 * Longer number texts are refused unread: a double needs at most 24 characters
 * (-2.2250738585072014e-308), the rest is room for zeros and spaces. Even a linear match over a
 * 50 MB string of digits holds the page for 0.4 s.
 */
const MAX_NUMBER_TEXT = 100;

/**
 * Checks one value for one field. Numbers may come as strings (URL, CLI, text inputs) but must
 * parse completely; NaN, infinities, out-of-range and non-integers for integer fields are refused.
 * A refusal quotes the value cut short (quote.ts), whatever its size.
 */
export function parseField<K extends FieldName>(name: K, raw: unknown): FieldResult<RunConfig[K]> {
  const spec: FieldSpec = CONFIG_SCHEMA[name];
  const allowed = allowedBy(spec);
  const refuse = (code: 'notAllowed' | 'notANumber'): FieldResult<RunConfig[K]> => ({
    ok: false,
    refusal: { code, field: name, value: quote(raw), allowed },
  });
  const refuseNumber = (code: 'notFinite' | 'notInteger' | 'outOfRange', value: number): FieldResult<RunConfig[K]> => ({
    ok: false,
    refusal: { code, field: name, value, allowed },
  });
  if (spec.kind === 'enum') {
    if (typeof raw !== 'string' || !spec.values.includes(raw)) return refuse('notAllowed');
    return { ok: true, value: raw as RunConfig[K] };
  }
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && raw.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(raw.trim()))
    value = Number(raw);
  else return refuse('notANumber');
  if (!Number.isFinite(value)) return refuseNumber('notFinite', value);
  if (spec.integer && !Number.isInteger(value)) return refuseNumber('notInteger', value);
  if (value < spec.min || value > spec.max) return refuseNumber('outOfRange', value);
  return { ok: true, value: value as RunConfig[K] };
}

export type ConfigResult = { ok: true; config: RunConfig } | { ok: false; refusals: Refusal[] };

/** Unknown settings named one by one; more than this are counted, with this many named as examples. */
export const UNKNOWN_LISTED = 3;

/** One refusal per key for a few keys; for a burst, one that counts them and names the first few. */
function unknownRefusals(keys: readonly string[], count: number): Refusal[] {
  if (count <= UNKNOWN_LISTED) return keys.map((key) => ({ code: 'unknownSetting', field: cut(key) }));
  return [{ code: 'unknownSettings', field: 'configuration', count, examples: keys.map((key) => cut(key)) }];
}

/**
 * Validates a whole configuration; missing fields take their defaults, unknown fields are refused.
 * Each field has at most one error, and unknown keys at most UNKNOWN_LISTED, so the list stays short
 * however many keys the input has.
 */
export function validateConfig(input: unknown): ConfigResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, refusals: [{ code: 'notSettings', field: 'configuration' }] };
  }
  const config = defaultConfig() as Record<FieldName, unknown>;
  const refusals: Refusal[] = [];
  const unknown: string[] = [];
  let unknownCount = 0;
  for (const key of Object.keys(input)) {
    // Own keys only: `in` also finds inherited ones (constructor, toString), which would pass as fields.
    if (!Object.hasOwn(CONFIG_SCHEMA, key)) {
      if (++unknownCount <= UNKNOWN_LISTED) unknown.push(key);
      continue;
    }
    const result = parseField(key as FieldName, (input as Record<string, unknown>)[key]);
    if (result.ok) config[key as FieldName] = result.value;
    else refusals.push(result.refusal);
  }
  refusals.push(...unknownRefusals(unknown, unknownCount), ...crossFieldRefusals(config as RunConfig));
  return refusals.length ? { ok: false, refusals } : { ok: true, config: config as RunConfig };
}

/** Settings that are each valid but do not fit together; the page words them in its own language. */
export type Conflict = 'dcganNeedsImages' | 'labelNeedsLabels' | 'lsganLabelsEqual';

/** Rules that involve more than one field. */
export function conflictsOf(config: RunConfig): Conflict[] {
  const conflicts: Conflict[] = [];
  if (config.architecture === 'dcgan' && DATASET_MODULES[config.dataset].kind !== 'images')
    conflicts.push('dcganNeedsImages');
  if (config.conditioning === 'label' && !LABELLED_DATASETS.includes(config.dataset))
    conflicts.push('labelNeedsLabels');
  // A score aimed at labels (LSGAN's a for fakes, b for data) has nothing to separate when they are equal.
  const labels = OBJECTIVE_MODULES[config.objective].labels;
  if (labels && config[labels[0]] === config[labels[1]]) conflicts.push('lsganLabelsEqual');
  return conflicts;
}

function crossFieldRefusals(config: RunConfig): Refusal[] {
  return conflictsOf(config).map((conflict) => ({ code: 'conflict', field: 'configuration', conflict }));
}

/**
 * Whether DCGAN's critic has batch norm: not where the objective says no (WGAN-GP, whose penalty is
 * per sample, which batch norm would break by coupling the samples of a batch; objectives/wganGp.ts).
 */
export function criticBatchNorm({ architecture, objective }: Pick<RunConfig, 'architecture' | 'objective'>): boolean {
  return architecture === 'dcgan' && OBJECTIVE_MODULES[objective].criticBatchNorm;
}

/** Why a change waits for Reset: its field builds the model, or this value adds or removes the critic's batch norm. */
export type ResetReason = 'changesModel' | 'criticBatchNorm';

/** Why changing `name` to `value` on a run with `current` settings needs a reset; undefined when it applies live. */
export function resetReason<K extends FieldName>(
  current: RunConfig,
  name: K,
  value: RunConfig[K],
): ResetReason | undefined {
  if (!CONFIG_SCHEMA[name].live) return 'changesModel';
  if (criticBatchNorm(current) !== criticBatchNorm({ ...current, [name]: value })) return 'criticBatchNorm';
  return undefined;
}

export interface ConfigChange {
  field: FieldName;
  from: RunConfig[FieldName];
  to: RunConfig[FieldName];
}

export interface PatchResult {
  config: RunConfig;
  applied: ConfigChange[];
  refused: Refusal[];
}

/**
 * Applies a partial update to a running configuration. Changes that need a reset (resetReason) are
 * refused with a message, as are invalid values; everything else is applied, and each change is
 * reported so the charts can mark it.
 */
export function applyLivePatch(current: RunConfig, patch: Record<string, unknown>): PatchResult {
  const next = { ...current } as Record<FieldName, unknown>;
  const applied: ConfigChange[] = [];
  const refused: Refusal[] = [];
  for (const [key, raw] of Object.entries(patch)) {
    // Own keys only: `in` also finds inherited ones (constructor, toString), which would pass as fields.
    if (!Object.hasOwn(CONFIG_SCHEMA, key)) {
      refused.push({ code: 'unknownSetting', field: cut(key) });
      continue;
    }
    const name = key as FieldName;
    const result = parseField(name, raw);
    if (!result.ok) {
      refused.push(result.refusal);
      continue;
    }
    if (result.value === current[name]) continue;
    const waits = resetReason(current, name, result.value);
    if (waits) {
      refused.push({ code: 'needsReset', field: name, why: waits });
      continue;
    }
    next[name] = result.value;
    applied.push({ field: name, from: current[name], to: result.value });
  }
  const cross = crossFieldRefusals(next as RunConfig);
  if (cross.length) return { config: current, applied: [], refused: [...refused, ...cross] };
  return { config: next as RunConfig, applied, refused };
}
