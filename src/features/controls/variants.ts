/**
 * How the settings panel lays out the run configuration: the seed's variant names as presets of the
 * three axes (DESIGN.md), which fields sit in the main panel, and which fields the current settings
 * use (src/gan/usedSettings.ts). Pure data and functions, so they are unit-tested without a browser.
 */
import { type DatasetId, type FieldName, LABELLED_DATASETS, type RunConfig } from '../../gan/config.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { DCGAN_MNIST, dataRecipe, INFOGAN_2D, INFOGAN_MNIST, recipeFor } from '../../gan/recipes.ts';
import { isUsed } from '../../gan/usedSettings.ts';

export const VARIANT_IDS = ['gan', 'lsgan', 'dcgan', 'wgan', 'wganGp', 'cgan', 'infogan'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

/** Adam with β1 0.5 and one D step: what every variant but WGAN trains with (recipes.ts). */
const adam: Partial<RunConfig> = {
  generatorOptimizer: 'adam',
  discriminatorOptimizer: 'adam',
  discriminatorSteps: 1,
  beta1: 0.5,
  beta2: 0.999,
};
const mlp: Partial<RunConfig> = { architecture: 'mlp', conditioning: 'none' };

/**
 * Each variant as settings of the axes, with its objective's recipe. "GAN" trains with the
 * non-saturating loss, what the seed's GAN uses in practice; the course's saturating form is the
 * objective "minimax" under Advanced (and the vanishing-gradients preset).
 */
export const VARIANTS: Record<VariantId, Partial<RunConfig>> = {
  gan: { ...adam, ...mlp, ...recipeFor('nonSaturating') },
  lsgan: { ...adam, ...mlp, ...recipeFor('lsgan') },
  // Radford et al.'s Adam β1 0.5, and the sizes and rates that draw digits in class time on a CPU
  // (DCGAN_MNIST, src/gan/recipes.ts, says what was measured): the dcganMnist preset's settings.
  dcgan: {
    ...adam,
    ...recipeFor('nonSaturating'),
    architecture: 'dcgan',
    conditioning: 'none',
    dataset: 'mnist',
    ...DCGAN_MNIST,
  },
  wgan: { ...mlp, ...recipeFor('wgan') },
  wganGp: { ...adam, ...mlp, ...recipeFor('wganGp') },
  cgan: { ...adam, ...recipeFor('nonSaturating'), architecture: 'mlp', conditioning: 'label' },
  infogan: { ...adam, ...recipeFor('nonSaturating'), architecture: 'mlp', conditioning: 'infoCodes' },
};

const isVariant = (id: string): id is VariantId => VARIANT_IDS.some((variant) => variant === id);

/**
 * The variant a configuration is, read from its axes; undefined for combinations only Advanced makes.
 * CGAN and InfoGAN are themselves on either network (InfoGAN trains DCGAN's on MNIST, an MLP on the 2D sets).
 * An MLP without conditioning is the variant named after its objective (LSGAN, WGAN, WGAN-GP), or
 * "GAN" for either log-loss (a logit output: the saturating and the non-saturating form).
 */
export function variantOf(config: RunConfig): VariantId | undefined {
  const { architecture, conditioning, objective } = config;
  if (architecture === 'dcgan' && conditioning === 'none') return objective === 'nonSaturating' ? 'dcgan' : undefined;
  if (conditioning === 'label') return objective === 'nonSaturating' ? 'cgan' : undefined;
  if (conditioning === 'infoCodes') return objective === 'nonSaturating' ? 'infogan' : undefined;
  if (OBJECTIVE_MODULES[objective].output === 'logit') return 'gan';
  return isVariant(objective) ? objective : undefined;
}

/**
 * The settings that choosing `variant` changes, from `config`: the variant's own, plus a dataset the
 * variant can use (DCGAN needs images, CGAN labels; anything else leaves MNIST for the ring only when
 * coming from DCGAN's image-only architecture).
 */
export function variantPatch(variant: VariantId, config: RunConfig): Partial<RunConfig> {
  const patch: Partial<RunConfig> = { ...VARIANTS[variant] };
  if (variant === 'cgan' && !LABELLED_DATASETS.includes(config.dataset)) patch.dataset = 'ring';
  if (variant !== 'dcgan' && config.architecture === 'dcgan') {
    patch.latentSize = 2;
    patch.batchSize = 128;
  }
  // InfoGAN on MNIST trains DCGAN's networks; an MLP on MNIST takes the sizes and rates its
  // conditioning trains with there (recipes.ts).
  if (variant === 'infogan' && config.dataset === 'mnist') return { ...patch, ...INFOGAN_MNIST };
  return { ...patch, ...dataRecipe(config, { ...config, ...patch }) };
}

/**
 * The settings that choosing `dataset` changes, from `config`: InfoGAN moves to DCGAN's networks
 * when it comes to MNIST and back to an MLP at the 2D sizes when it leaves (recipes.ts INFOGAN_MNIST,
 * INFOGAN_2D); anything else takes the dataset's recipe for an MLP (recipes.ts dataRecipe).
 */
export function datasetPatch(dataset: DatasetId, config: RunConfig): Partial<RunConfig> {
  if (config.conditioning === 'infoCodes') {
    if (dataset === 'mnist' && config.dataset !== 'mnist') return { dataset, ...INFOGAN_MNIST };
    if (dataset !== 'mnist' && config.dataset === 'mnist' && config.architecture === 'dcgan')
      return { dataset, ...INFOGAN_2D };
  }
  return { dataset, ...dataRecipe(config, { ...config, dataset }) };
}

/** Fields shown in the main panel, in order; every other field is under Advanced. */
export const MAIN_FIELDS: readonly FieldName[] = [
  'generatorLearningRate',
  'discriminatorLearningRate',
  'batchSize',
  'discriminatorSteps',
  'generatorSteps',
  'lsganA',
  'lsganB',
  'lsganC',
  'clipValue',
  'gradientPenalty',
  'infoLambda',
  'seed',
];

/** Fields in the three menus above the panel (Dataset, Variant) or its advanced axes, not repeated as inputs. */
export const AXIS_FIELDS: readonly FieldName[] = ['dataset', 'objective', 'architecture', 'conditioning'];

/** Main fields the current settings use: an unused objective constant would only crowd the projector. */
export function mainFields(config: RunConfig): FieldName[] {
  return MAIN_FIELDS.filter((field) => isUsed(field, config));
}

/** Everything else, in schema order, for the Advanced section (unused ones greyed there). */
export function advancedFields(config: RunConfig, allFields: readonly FieldName[]): FieldName[] {
  const main = new Set(mainFields(config));
  return allFields.filter((field) => !main.has(field) && !AXIS_FIELDS.includes(field));
}
