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
