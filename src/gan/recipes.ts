import type { ObjectiveId, RunConfig } from './config.ts';

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
