/**
 * Command-line options of `npm run train`. Short flags name the settings a student reaches for;
 * every other config field is also accepted as its kebab-case name (`--gradient-penalty 1`).
 * Values are checked by the config schema itself, so the CLI refuses exactly what the UI refuses.
 * Flags, presets and value aliases are looked up by own keys only: `in` or a plain object index
 * would also find inherited names (`--constructor`, `--preset toString`).
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  DATASETS,
  type DatasetId,
  defaultConfig,
  type FieldName,
  FIELD_NAMES,
  OBJECTIVES,
  parseField,
  type RunConfig,
  validateConfig,
} from '../../src/gan/config.ts';
import { DATASET_MODULES } from '../../src/gan/data/modules.ts';
import { type Preset, PRESETS, type PresetId } from '../../src/gan/presets.ts';
import { dataRecipe, recipeFor } from '../../src/gan/recipes.ts';
import { describeRefusal, describeRefusals, en } from '../../src/i18n/settings.ts';
import { NODE_BACKENDS, type NodeBackend } from '../node/backend.ts';

/** Flags that map onto one config field. */
const FIELD_FLAGS = new Map<string, FieldName>([
  ['objective', 'objective'],
  ['data', 'dataset'],
  ['seed', 'seed'],
  ['batch', 'batchSize'],
  ['lr-g', 'generatorLearningRate'],
  ['lr-d', 'discriminatorLearningRate'],
  ['k-d', 'discriminatorSteps'],
  ['n-critic', 'discriminatorSteps'],
  ['k-g', 'generatorSteps'],
  ['architecture', 'architecture'],
  ['latent-size', 'latentSize'],
]);

/** Shorter spellings of some values: the issue's `--conditioning info` for InfoGAN's codes. */
const VALUE_ALIASES = new Map<FieldName, Map<string, string>>([['conditioning', new Map([['info', 'infoCodes']])]]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
for (const name of FIELD_NAMES) if (!FIELD_FLAGS.has(kebab(name))) FIELD_FLAGS.set(kebab(name), name);

/** Drawn datasets (custom) are the points drawn on the page's plane; the CLI has no way to draw them. */
const drawn = (id: DatasetId | undefined) => id !== undefined && DATASET_MODULES[id].kind === 'drawn';
const CLI_DATASETS = DATASETS.filter((id) => !drawn(id));
/** Presets the CLI can run: all but those that train on drawn points (customDefault). */
const CLI_PRESETS = Object.values(PRESETS)
  .filter((preset: Preset) => !drawn(preset.config.dataset))
  .map((preset) => preset.id);

export interface CliOptions {
  config: RunConfig;
  steps: number;
  reportEvery: number;
  backend: NodeBackend;
  exportSamples?: string;
}

export const USAGE = `Usage: npm run train -- [options]
  --objective ${OBJECTIVES.join('|')}   --data ${CLI_DATASETS.join('|')}
  --architecture mlp|dcgan  --channels C (DCGAN width)  --export-samples FILE (100 samples as JSON)
  --steps N  --report-every N  --seed N  --batch N  --lr-g X  --lr-d X  --k-d N  --k-g N
  --optimizer sgd|adam|rmsprop (both networks)  --backend cpu|wasm|webgpu
  --conditioning none|label|infoCodes (or info)  --categories K  --continuous-codes 0-3  --info-lambda X
  --preset ${CLI_PRESETS.join('|')}
  Any other setting by its name in kebab case, e.g. --gradient-penalty 1 --clip-value 0.01 --lsgan-a -1`;

function positiveInteger(flag: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max)
    throw new Error(`--${flag}: ${JSON.stringify(raw)} is not an integer from 1 to ${max}`);
  return value;
}

/**
 * The file --export-samples will write, checked now so that a bad path fails before training, not
 * after it: its folder must exist and be writable, and the path must not be a folder itself.
 */
function exportFile(raw: string): string {
  const file = resolve(raw);
  const folder = dirname(file);
  const refuse = (why: string) =>
    new Error(`--export-samples: ${JSON.stringify(raw)} ${why}; expected a file in an existing, writable folder`);
  if (!existsSync(folder)) throw refuse(`cannot be written: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw refuse(`cannot be written: ${folder} is not a folder`);
  if (existsSync(file) && statSync(file).isDirectory()) throw refuse('is a folder');
  try {
    accessSync(existsSync(file) ? file : folder, constants.W_OK);
  } catch {
    throw refuse('cannot be written: no write permission');
  }
  return raw;
}

/** Parses argv (without node and script); throws one-line messages that name the bad option. */
export function parseCli(argv: readonly string[]): CliOptions {
  const settings: Record<string, unknown> = {};
  let steps: number | undefined;
  let preset: PresetId | undefined;
  let reportEvery = 100;
  let backend: NodeBackend = 'cpu';
  let exportSamples: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
    const equals = arg.indexOf('=');
    const flag = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    const raw = equals < 0 ? argv[++i] : arg.slice(equals + 1);
    if (raw === undefined) throw new Error(`--${flag}: missing value`);
    switch (flag) {
      case 'steps':
        steps = positiveInteger(flag, raw, 10_000_000);
        break;
      case 'report-every':
        reportEvery = positiveInteger(flag, raw, 10_000_000);
        break;
      case 'backend':
        if (!(NODE_BACKENDS as readonly string[]).includes(raw))
          throw new Error(`--backend: ${JSON.stringify(raw)} is not one of ${NODE_BACKENDS.join(', ')}`);
        backend = raw as NodeBackend;
        break;
      case 'optimizer': {
        const check = parseField('generatorOptimizer', raw);
        if (!check.ok) throw new Error(`--optimizer: ${describeRefusal(check.refusal, en)}`);
        settings.generatorOptimizer = raw;
        settings.discriminatorOptimizer = raw;
        break;
      }
      case 'preset':
        if (!Object.hasOwn(PRESETS, raw))
          throw new Error(`--preset: ${JSON.stringify(raw)} is not one of ${CLI_PRESETS.join(', ')}`);
        preset = raw as PresetId;
        break;
      case 'export-samples':
        exportSamples = exportFile(raw);
        break;
      default: {
        const field = FIELD_FLAGS.get(flag);
        if (!field) throw new Error(`unknown option --${flag}; npm run train -- --help lists the options`);
        const check = parseField(field, VALUE_ALIASES.get(field)?.get(raw) ?? raw);
        if (!check.ok) throw new Error(`--${flag}: ${describeRefusal(check.refusal, en)}`);
        settings[field] = check.value;
      }
    }
  }
  const cliData = `expected one of ${CLI_DATASETS.join(', ')}`;
  if (drawn(settings.dataset as DatasetId | undefined))
    throw new Error(`--data: ${settings.dataset} point sets are drawn in the app, not given to the CLI; ${cliData}`);
  if (preset && !settings.dataset && drawn(PRESETS[preset].config.dataset)) {
    throw new Error(
      `--preset: ${preset} trains on points drawn in the app, which the CLI cannot give; add --data (${cliData}) or pick one of ${CLI_PRESETS.join(', ')}`,
    );
  }
  // Later layers win: the dataset's recipe (--data mnist: MLP sizes for the conditioning), the
  // preset, then the chosen objective's recipe, then each explicit flag.
  const objective = settings.objective as RunConfig['objective'] | undefined;
  const axes = { ...defaultConfig(), ...(preset ? PRESETS[preset].config : {}), ...settings };
  const data = settings.dataset ? dataRecipe(undefined, axes) : {};
  const layered = {
    ...data,
    ...(preset ? PRESETS[preset].config : {}),
    ...(objective ? recipeFor(objective) : {}),
    ...settings,
  };
  const result = validateConfig(layered);
  if (!result.ok) throw new Error(describeRefusals(result.refusals, en));
  return {
    config: result.config,
    steps: steps ?? (preset ? PRESETS[preset].iterations : 2000),
    reportEvery,
    backend,
    exportSamples,
  };
}
