import type { DatasetId } from '../config.ts';
import type { Dataset, DataSources } from './dataset.ts';
import { DATASET_MODULES } from './modules.ts';

/** The dataset `id` names, built by its module (modules.ts) from the sources where it needs them (drawn points, loaded digits). */
export function createDataset(id: DatasetId, sources: DataSources = {}): Dataset {
  return DATASET_MODULES[id].create(sources);
}
