import type { RunConfig } from './config.ts';
import { recipeFor } from './recipes.ts';

/**
 * Classroom presets: a complete configuration for each failure the course names and for its fix.
 * Recipes from RESEARCH.md §4, tuned on the 2-core CPU machines the project is built on; the learning
 * tests (tests/unit/learning.test.ts) train each one and check its signature.
 */
export interface Preset {
  readonly id: string;
  /** A failure to show, the fix of one, or a good default for a dataset. */
  readonly kind: 'failure' | 'fix' | 'default';
  /** Iterations after which the preset's signature (or its absence) is judged. */
  readonly iterations: number;
  readonly config: Partial<RunConfig>;
}

/** A strong discriminator: five D steps per G step, each at ten times G's learning rate (RESEARCH.md §4). */
const strongDiscriminator: Partial<RunConfig> = {
  discriminatorSteps: 5,
  discriminatorLearningRate: 1e-3,
  generatorLearningRate: 1e-4,
};

/**
 * Stronger still, to saturate the minimax loss within 2,000 iterations: at lr_D 1e-3 D(G(z)) hovered
 * at 0.07; at 3e-3 it sits at 0.02 (seed 1, wasm). k_D = 10 overshoots: D(G(z)) = 0.000 and nothing moves.
 */
const saturatingDiscriminator: Partial<RunConfig> = { ...strongDiscriminator, discriminatorLearningRate: 3e-3 };

export const PRESETS = {
  /** Batch 256 steadies the ring's mode hopping: 8 of 8 from 1,500 iterations (seed 1, wasm). */
  ringDefault: { id: 'ringDefault', kind: 'default', iterations: 2000, config: { dataset: 'ring', ...recipeFor('nonSaturating'), batchSize: 256 } },
  /**
   * Mode collapse: the non-saturating loss against a strong D (5 steps at 10× G's rate). G settles
   * on the few modes D has not yet learned to reject: 3 of 8 at 64% HQ, KL(q‖U) 1.3 by 2,000
   * iterations (seed 1, wasm; RESEARCH.md §4 measured 3 of 8 at 70%). At lr_D 1e-3 G still spread
   * over 6 modes, unevenly.
   */
  modeCollapse: {
    id: 'modeCollapse',
    kind: 'failure',
    iterations: 2000,
    config: { dataset: 'ring', ...recipeFor('nonSaturating'), ...strongDiscriminator, discriminatorLearningRate: 2e-3, generatorLearningRate: 2e-4 },
  },
  /** Its fix: the same loss with balanced 1:1 steps and equal learning rates. */
  modeCollapseFix: { id: 'modeCollapseFix', kind: 'fix', iterations: 2000, config: { dataset: 'ring', ...recipeFor('nonSaturating'), batchSize: 256 } },
  /**
   * Vanishing gradients: the course's saturating generator loss E[log(1 − D(G(z)))] against a
   * strong D. D rejects the fakes, D(G(z)) → 0, and the loss's gradient −D(G(z)) goes with it.
   */
  vanishingGradients: { id: 'vanishingGradients', kind: 'failure', iterations: 1500, config: { dataset: 'ring', ...recipeFor('minimax'), ...saturatingDiscriminator } },
  /** Its fix: the same strong D with the non-saturating loss, whose gradient −(1 − D(G(z))) stays large. */
  vanishingGradientsFix: { id: 'vanishingGradientsFix', kind: 'fix', iterations: 1500, config: { dataset: 'ring', ...recipeFor('nonSaturating'), ...saturatingDiscriminator } },
  /** n_critic 5 with a penalty costs ~10 D-sized steps per iteration; 7 of 8 modes by 1,000 (seed 1, wasm). */
  wganGpRing: { id: 'wganGpRing', kind: 'default', iterations: 1500, config: { dataset: 'ring', ...recipeFor('wganGp') } },
} as const satisfies Record<string, Preset>;

export type PresetId = keyof typeof PRESETS;
