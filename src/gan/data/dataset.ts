import type { Rng } from '../rng.ts';

/**
 * A 2D dataset's exact density p(x, y), seen through a Gaussian kernel of width `smoothing` (the
 * density of x + N(0, smoothing²·I), x ~ p; 0 or absent: p itself). src/gan/theory compares it with a
 * kernel density estimate of G's samples made with the same kernel.
 */
export type Density = (x: number, y: number, smoothing?: number) => number;

/** Known modes of a dataset: centres and the σ of each Gaussian around them. */
export interface ModeSpec {
  /** [K][dimension] */
  centres: number[][];
  sigma: number;
}

export interface Batch {
  /** [n × dimension], row-major. */
  x: Float32Array;
  /** [n] class or mode index, where the dataset has labels. */
  labels?: Int32Array;
}

export interface Dataset {
  readonly id: string;
  readonly dimension: number;
  /** Number of labels (modes, moons, digits) for conditioning; 0 where there are none. */
  readonly classes: number;
  readonly modes?: ModeSpec;
  /** Half-width of the square that frames the data in the 2D view. */
  readonly viewRadius?: number;
  /** Image shape [height, width, channels] for image datasets. */
  readonly imageShape?: [number, number, number];
  /** Generator output: unbounded points, or images in [−1, 1]. */
  readonly outputActivation: 'linear' | 'tanh';
  sample(n: number, rng: Rng): Batch;
  /** n samples of one class (conditional generation's reference). */
  sampleClass?(n: number, label: number, rng: Rng): Batch;
}

/** What a dataset is built from where it is not sampled from a formula: the points drawn on the page, the digits loaded. */
export interface DataSources {
  /** Points drawn by the user, for the `custom` dataset. */
  points?: readonly (readonly [number, number])[];
  /** A loaded image dataset, for `mnist` (loading is asynchronous and platform-specific). */
  mnist?: Dataset;
}

/**
 * Everything about one dataset, in its own file (src/gan/data/sets/<id>.ts): how to build it (the
 * sampler, for the 2D sets), its known modes, whether its samples carry labels, and its PyTorch twin.
 * No TensorFlow.js, so the page reads the same module the worker trains on; its name in the menu is
 * in src/i18n/datasets.ts under its id. Nothing here imports config.ts, which reads the ids from
 * modules.ts.
 */
export interface DatasetModule {
  /** Its key in modules.ts, the value of the `dataset` setting. */
  readonly id: string;
  /**
   * Points in the plane from a formula; points the student draws (the CLI and the Python export
   * cannot carry them); or images (the only data DCGAN's convolutions take).
   */
  readonly kind: 'points' | 'drawn' | 'images';
  /** Whether its samples carry a label (a mode, a moon, a digit): what a conditional GAN needs. */
  readonly labelled: boolean;
  /**
   * The size of one sample (2 for points, 784 for a flattened digit) and its number of labels (0
   * where there are none), known without building the set: the page reads them to draw the model
   * before any point is drawn or digit loaded. The Dataset that `create` returns has the same.
   */
  readonly dimension: number;
  readonly classes: number;
  /** Its modes, where they are known: the mode metrics and their chart count them. */
  readonly modes?: ModeSpec;
  /** Its exact density, where it has a closed form: the 2D view's theory layers (D*, JS) read it. */
  readonly density?: Density;
  create(sources: DataSources): Dataset;
  /**
   * Python defining MODES (None where unknown) and `sample_real(n)`, with `CLASSES` and
   * `sample_real_labelled(n)` where samples carry a label (src/features/share/pytorch.ts); absent for
   * drawn data, whose points are not in the configuration.
   */
  readonly pytorch?: string;
}
