import type { DatasetId } from '../config.ts';
import type { Dataset } from './dataset.ts';
import { customPoints, gaussian, grid, line, moons, ring, spiral } from './toy2d.ts';

export interface DataSources {
  /** Points drawn by the user, for the `custom` dataset. */
  points?: readonly (readonly [number, number])[];
  /** A loaded image dataset, for `mnist` (loading is asynchronous and platform-specific). */
  mnist?: Dataset;
}

export function createDataset(id: DatasetId, sources: DataSources = {}): Dataset {
  switch (id) {
    case 'ring':
      return ring();
    case 'grid':
      return grid();
    case 'spiral':
      return spiral();
    case 'moons':
      return moons();
    case 'line':
      return line();
    case 'gaussian':
      return gaussian();
    case 'custom':
      return customPoints(sources.points ?? []);
    case 'mnist':
      if (!sources.mnist) throw new Error('MNIST: the digits have not been loaded yet');
      return sources.mnist;
  }
}
