/**
 * Command-line options of `npm run train`. Short flags name the settings a student reaches for;
 * every other config field is also accepted as its kebab-case name (`--gradient-penalty 1`).
 * Values are checked by the config schema itself, so the CLI refuses exactly what the UI refuses.
 */
import { CONFIG_SCHEMA, defaultConfig, type FieldName, FIELD_NAMES, parseField, type RunConfig, validateConfig } from '../../src/gan/config.ts';
import { PRESETS, type PresetId } from '../../src/gan/presets.ts';
import { dataRecipe, recipeFor } from '../../src/gan/recipes.ts';
import { NODE_BACKENDS, type NodeBackend } from '../node/backend.ts';

/** Flags that map onto one config field. */
const FIELD_FLAGS: Record<string, FieldName> = {
  objective: 'objective',
  data: 'dataset',
  seed: 'seed',
  batch: 'batchSize',
  'lr-g': 'generatorLearningRate',
  'lr-d': 'discriminatorLearningRate',
  'k-d': 'discriminatorSteps',
  'n-critic': 'discriminatorSteps',
  'k-g': 'generatorSteps',
  architecture: 'architecture',
  'latent-size': 'latentSize',
};

/** Shorter spellings of some values: the issue's `--conditioning info` for InfoGAN's codes. */
const VALUE_ALIASES: Partial<Record<FieldName, Record<string, string>>> = {
  conditioning: { info: 'infoCodes' },
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
for (const name of FIELD_NAMES) FIELD_FLAGS[kebab(name)] ??= name;

export interface CliOptions {
  config: RunConfig;
  steps: number;
  reportEvery: number;
  backend: NodeBackend;
  exportSamples?: string;
}

export const USAGE = `Usage: npm run train -- [options]
  --objective minimax|nonSaturating|lsgan|wgan|wganGp   --data ring|grid|spiral|moons|line|gaussian|mnist
  --architecture mlp|dcgan  --channels C (DCGAN width)  --export-samples FILE (100 samples as JSON)
  --steps N  --report-every N  --seed N  --batch N  --lr-g X  --lr-d X  --k-d N  --k-g N
  --optimizer sgd|adam|rmsprop (both networks)  --backend cpu|wasm
  --conditioning none|label|infoCodes (or info)  --categories K  --continuous-codes 0-3  --info-lambda X
  --preset ${Object.keys(PRESETS).join('|')}
  Any other setting by its name in kebab case, e.g. --gradient-penalty 1 --clip-value 0.01 --lsgan-a -1`;

function positiveInteger(flag: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) throw new Error(`--${flag}: ${JSON.stringify(raw)} is not an integer from 1 to ${max}`);
  return value;
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
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const raw = inline ?? argv[++i];
    if (raw === undefined) throw new Error(`--${flag}: missing value`);
    switch (flag) {
      case 'steps':
        steps = positiveInteger(flag, raw, 10_000_000);
        break;
      case 'report-every':
        reportEvery = positiveInteger(flag, raw, 10_000_000);
        break;
      case 'backend':
        if (!(NODE_BACKENDS as readonly string[]).includes(raw)) throw new Error(`--backend: ${JSON.stringify(raw)} is not one of ${NODE_BACKENDS.join(', ')}`);
        backend = raw as NodeBackend;
        break;
      case 'optimizer': {
        const check = parseField('generatorOptimizer', raw);
        if (!check.ok) throw new Error(`--optimizer: ${check.error}`);
        settings.generatorOptimizer = raw;
        settings.discriminatorOptimizer = raw;
        break;
      }
      case 'preset':
        if (!(raw in PRESETS)) throw new Error(`--preset: ${JSON.stringify(raw)} is not one of ${Object.keys(PRESETS).join(', ')}`);
        preset = raw as PresetId;
        break;
      case 'export-samples':
        exportSamples = raw;
        break;
      default: {
        const field = FIELD_FLAGS[flag];
        if (!field) throw new Error(`unknown option --${flag}`);
        const check = parseField(field, VALUE_ALIASES[field]?.[raw] ?? raw);
        if (!check.ok) throw new Error(`--${flag}: ${check.error}`);
        settings[field] = check.value;
      }
    }
  }
  if (settings.dataset === 'custom') throw new Error('--data: custom point sets are drawn in the app, not given to the CLI');
  // Later layers win: the dataset's recipe (--data mnist: MLP sizes for the conditioning), the
  // preset, then the chosen objective's recipe, then each explicit flag.
  const objective = settings.objective as RunConfig['objective'] | undefined;
  const axes = { ...defaultConfig(), ...(preset ? PRESETS[preset].config : {}), ...settings };
  const data = settings.dataset ? dataRecipe(undefined, axes) : {};
  const layered = { ...data, ...(preset ? PRESETS[preset].config : {}), ...(objective ? recipeFor(objective) : {}), ...settings };
  const result = validateConfig(layered);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return { config: result.config, steps: steps ?? (preset ? PRESETS[preset].iterations : 2000), reportEvery, backend, exportSamples };
}

export const isField = (name: string): name is FieldName => name in CONFIG_SCHEMA;
