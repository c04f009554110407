import type { ConditioningId, ObjectiveId, RunConfig } from './config.ts';

/**
 * Settings each objective trains well with on the 2D sets, applied when a student picks the
 * objective (the variant menu, the CLI's --objective). Anything set explicitly wins.
 * Sources: RESEARCH.md §2 ("measured here" rows) and the papers' reference code.
 */
export const OBJECTIVE_RECIPES: Record<ObjectiveId, Partial<RunConfig>> = {
  // Adam 1e-3, β1 0.5, 1:1 steps: 8/8 ring modes in ~2k steps (RESEARCH.md §2).
  minimax: {},
  nonSaturating: {},
  // LSGAN's a=0, b=c=1 labels (Mao et al. 2017 §3.2) with the same optimiser.
  lsgan: { lsganA: 0, lsganB: 1, lsganC: 1 },
  // The paper's RMSprop 5e-5 and c=0.01 learned nothing in 3k steps here; 1e-3 with c=0.05 does.
  wgan: {
    generatorOptimizer: 'rmsprop',
    discriminatorOptimizer: 'rmsprop',
    discriminatorSteps: 5,
    clipValue: 0.05,
  },
  // Gulrajani et al.: Adam β=(0.5, 0.9), n_critic 5; λ 0.1 as igul222's gan_toy.py uses for 2D data.
  wganGp: { discriminatorSteps: 5, beta1: 0.5, beta2: 0.9, gradientPenalty: 0.1 },
};

export function recipeFor(objective: ObjectiveId): Partial<RunConfig> {
  return { objective, ...OBJECTIVE_RECIPES[objective] };
}

/**
 * The sizes and rates an MLP trains with on the 2D sets: the schema's defaults (RESEARCH.md §2's
 * ring recipe). Restored when a run leaves MNIST, whose recipes below change them.
 */
export const TWO_D_MLP: Partial<RunConfig> = {
  latentSize: 2,
  generatorLayers: 2,
  generatorWidth: 64,
  discriminatorLayers: 2,
  discriminatorWidth: 64,
  discriminatorActivation: 'relu',
  batchSize: 128,
  generatorLearningRate: 1e-3,
  discriminatorLearningRate: 1e-3,
};

/** MLPs on flattened MNIST: a 32-d latent, LeakyReLU in D, batch 64 (the 2D sizes learn no digits). */
const mnistMlp: Partial<RunConfig> = { latentSize: 32, discriminatorActivation: 'leakyRelu', batchSize: 64 };

/**
 * What an MLP on flattened MNIST trains with, for each conditioning; measured with `npm run train`
 * on wasm at seed 1 (label accuracy and code purity by the project's digit classifier).
 */
export const MNIST_MLP_RECIPES: Record<ConditioningId, Partial<RunConfig>> = {
  // Adam 2e-4, β1 0.5 (Radford et al.), one wide layer each: the mnistDefault preset.
  none: { ...mnistMlp, generatorLayers: 1, generatorWidth: 256, discriminatorLayers: 1, discriminatorWidth: 256, generatorLearningRate: 2e-4, discriminatorLearningRate: 2e-4 },
  label: { ...mnistMlp, generatorLayers: 2, generatorWidth: 256, discriminatorLayers: 1, discriminatorWidth: 256, generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3 },
  infoCodes: { ...mnistMlp, generatorLayers: 2, generatorWidth: 256, discriminatorLayers: 1, discriminatorWidth: 256, generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3 },
};

type Axes = Pick<RunConfig, 'dataset' | 'architecture' | 'conditioning'>;

/**
 * The settings that come with a change of dataset or conditioning, for an MLP: MNIST's recipe for
 * the new conditioning when the run is (now) on MNIST, the 2D sizes when it leaves MNIST, nothing
 * otherwise (a width chosen on the ring survives a switch to the grid). DCGAN's variant carries its
 * own settings. `before` is undefined where there is no earlier run (the CLI).
 */
export function dataRecipe(before: Axes | undefined, after: Axes): Partial<RunConfig> {
  if (after.architecture !== 'mlp') return {};
  const wasMnistMlp = before?.dataset === 'mnist' && before.architecture === 'mlp';
  if (after.dataset === 'mnist') return wasMnistMlp && before.conditioning === after.conditioning ? {} : MNIST_MLP_RECIPES[after.conditioning];
  return before?.dataset === 'mnist' ? TWO_D_MLP : {};
}
