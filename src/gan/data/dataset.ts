import type { Rng } from '../rng.ts';

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
