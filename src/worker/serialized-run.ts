/**
 * A run's saved form and its version, with no TensorFlow.js: serialize.ts captures and restores it
 * in the training worker, and the page's run-file reader (src/features/share/runFile.worker.ts)
 * checks a file against it without loading tfjs.
 */
import type { RunConfig } from '../gan/config.ts';

/** The saved form's version: bumped when the list of groups or their order changes. */
export const SERIALIZED_RUN_VERSION = 1;

export interface SavedTensor {
  /** The variable's group and place in it, e.g. `generator.3`: tfjs's own names carry a global counter. */
  name: string;
  shape: number[];
  values: Float32Array<ArrayBuffer>;
}

export interface SerializedRun {
  version: number;
  config: RunConfig;
  iteration: number;
  optimizerSteps: { generator: number; discriminator: number };
  tensors: SavedTensor[];
}
