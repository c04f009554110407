/**
 * The datasets, one module each (dataset.ts DatasetModule; the 2D sets in sets/), in the order the
 * dataset menu lists them. Adding a dataset is its file, a line here and its name in
 * src/i18n/datasets.ts: the id list (config.ts DATASETS, LABELLED_DATASETS), the worker, the CLI,
 * the Python export and the mode charts read it from here. No TensorFlow.js: the page reads it too.
 */
import type { DatasetModule } from './dataset.ts';
import { checkerboardData } from './sets/checkerboard.ts';
import { customData } from './sets/custom.ts';
import { gaussianData } from './sets/gaussian.ts';
import { gridData } from './sets/grid.ts';
import { lineData } from './sets/line.ts';
import { mnistData } from './sets/mnist.ts';
import { moonsData } from './sets/moons.ts';
import { ringData } from './sets/ring.ts';
import { spiralData } from './sets/spiral.ts';

export const DATASET_MODULES = {
  ring: ringData,
  grid: gridData,
  spiral: spiralData,
  moons: moonsData,
  line: lineData,
  gaussian: gaussianData,
  checkerboard: checkerboardData,
  custom: customData,
  mnist: mnistData,
} satisfies Record<string, DatasetModule>;
