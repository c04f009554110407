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

/** A strong discriminator: five D steps per G step, each at ten times G's learning rate. */
const strongDiscriminator: Partial<RunConfig> = {
  discriminatorSteps: 5,
  discriminatorLearningRate: 1e-3,
  generatorLearningRate: 1e-4,
};

export const PRESETS = {
  ringDefault: { id: 'ringDefault', kind: 'default', iterations: 3000, config: { dataset: 'ring', ...recipeFor('nonSaturating') } },
  /**
   * Mode collapse: the non-saturating loss against a strong D. G finds a few modes D has not yet
   * learned to reject and hops among them; RESEARCH.md §4 measured 3 of 8.
   */
  modeCollapse: { id: 'modeCollapse', kind: 'failure', iterations: 2000, config: { dataset: 'ring', ...recipeFor('nonSaturating'), ...strongDiscriminator } },
  /** Its fix: the same loss with balanced 1:1 steps and equal learning rates. */
  modeCollapseFix: { id: 'modeCollapseFix', kind: 'fix', iterations: 3000, config: { dataset: 'ring', ...recipeFor('nonSaturating') } },
  /**
   * Vanishing gradients: the course's saturating generator loss E[log(1 − D(G(z)))] against a
   * strong D. D rejects the fakes, D(G(z)) → 0, and the loss's gradient −D(G(z)) goes with it.
   */
  vanishingGradients: { id: 'vanishingGradients', kind: 'failure', iterations: 2000, config: { dataset: 'ring', ...recipeFor('minimax'), ...strongDiscriminator } },
  /** Its fix: the same strong D with the non-saturating loss, whose gradient −(1 − D(G(z))) stays large. */
  vanishingGradientsFix: { id: 'vanishingGradientsFix', kind: 'fix', iterations: 2000, config: { dataset: 'ring', ...recipeFor('nonSaturating'), ...strongDiscriminator } },
  wganGpRing: { id: 'wganGpRing', kind: 'default', iterations: 2000, config: { dataset: 'ring', ...recipeFor('wganGp') } },
} as const satisfies Record<string, Preset>;

export type PresetId = keyof typeof PRESETS;
