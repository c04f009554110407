/** Real samples for the views: a few images to show beside G's. */
import type { Dataset } from '../gan/data/dataset.ts';
import { createRng } from '../gan/rng.ts';
import type { RealSamples } from './protocol.ts';

/** Real images sent once per run to show beside G's: this many per label, or in all where there are none. */
const REAL_PER_LABEL = 4;
const REAL_UNLABELLED = 16;

/** A few real images to show beside G's: REAL_PER_LABEL of each label in order, else REAL_UNLABELLED. */
export function realSamples(dataset: Dataset, seed: number): RealSamples | undefined {
  if (!dataset.imageShape) return undefined;
  const rng = createRng(seed, 'view-real');
  const { sampleClass } = dataset;
  if (dataset.classes > 0 && sampleClass) {
    const batches = Array.from({ length: dataset.classes }, (_, label) => sampleClass(REAL_PER_LABEL, label, rng));
    const values = new Float32Array(batches.reduce((n, b) => n + b.x.length, 0));
    let offset = 0;
    for (const batch of batches) {
      values.set(batch.x, offset);
      offset += batch.x.length;
    }
    const labels = batches.flatMap((_, label) => new Array<number>(REAL_PER_LABEL).fill(label));
    return { count: labels.length, values, imageShape: dataset.imageShape, labels };
  }
  return {
    count: REAL_UNLABELLED,
    values: new Float32Array(dataset.sample(REAL_UNLABELLED, rng).x),
    imageShape: dataset.imageShape,
  };
}
