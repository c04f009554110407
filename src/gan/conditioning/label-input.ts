import type { ArchitectureId } from '../config.ts';
import type { Dataset } from '../data/dataset.ts';

/**
 * Where CGAN's D reads the label (label.ts explains the choice), in a module without TensorFlow.js
 * so the page's Python export shares the rule without loading tfjs (issue 16).
 */

/** Data this small takes the one-hot label at D's input too (the 2D sets); images take the projection only. */
const SMALL_INPUT = 16;

/** Whether D's input is x ⊕ onehot(y) (MLP on low-dimensional data) or x alone. */
export function labelAtInput(architecture: ArchitectureId, dataset: Pick<Dataset, 'dimension'>): boolean {
  return architecture === 'mlp' && dataset.dimension <= SMALL_INPUT;
}

/**
 * Whether CGAN's D has an auxiliary class head (AC-GAN, label.ts): on images (MNIST), not on the 2D
 * sets, where the label at D's input already holds and the head cost sample quality (the ring's
 * CGAN test: 48% of samples within 3σ of a mode after 600 iterations at λ = 3, 50% wanted).
 */
export function classifierHead(dataset: Pick<Dataset, 'dimension'>): boolean {
  return dataset.dimension > SMALL_INPUT;
}

/**
 * λ of CGAN's auxiliary classifier (label.ts), one per loss: the weight of CE(y, class head(φ(x))) in
 * D's loss on the real batch (λ_D: how hard D's trunk learns the digits) and in G's on the fakes (λ_G:
 * how hard G is pushed to draw digits the head reads as y). Odena et al. use one λ for both; G's pull
 * is what holds the label (label.ts has the measurements), and a larger λ_D makes the trunk a
 * classifier at the cost of D's judgement of realness.
 */
export const CLASSIFIER_WEIGHTS = { discriminator: 3, generator: 10 } as const;
