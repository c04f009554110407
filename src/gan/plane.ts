/**
 * What the 2D view shows, computed from a trainer's public networks and conditioning: D on a grid over the visible
 * square, the direction the generator's loss pushes each fake point, and the image of a noise
 * lattice through G (the manifold). GAN Lab shows the same three layers (Kahng et al. 2018, §4).
 *
 * Everything is computed in one tidy and read back in one transfer, so a GPU backend syncs once.
 */
import * as tf from './tf.ts';
import type { Discriminator, Generator } from './architectures/network.ts';
import type { Condition, Conditioning } from './conditioning/types.ts';
import type { NoiseId } from './config.ts';
import type { Objective, ObjectiveParams } from './objectives/types.ts';

/** Cells per side of the D grid: 64 × 64 = 4,096 evaluations, a fraction of one training step. */
export const PLANE_RESOLUTION = 64;
/** Noise lattice points per side, GAN Lab's 21 × 21. */
export const LATTICE_SIZE = 21;
/**
 * The lattice spans ±2 for Gaussian noise (about 95% of the mass per axis) and the whole of
 * U(−1, 1) for uniform noise, so the manifold shows where G sends the noise it is trained on.
 */
const LATTICE_SPAN: Record<NoiseId, number> = { gaussian: 2, uniform: 1 };

/**
 * Centres of a resolution × resolution grid over [−radius, radius]², row-major with row 0 at the top
 * (y = +radius), so cell (row, col) maps straight onto canvas pixels. Returns [resolution² × 2].
 */
export function gridPoints(radius: number, resolution: number): Float32Array {
  const out = new Float32Array(resolution * resolution * 2);
  const cell = (2 * radius) / resolution;
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const i = row * resolution + col;
      out[2 * i] = -radius + (col + 0.5) * cell;
      out[2 * i + 1] = radius - (row + 0.5) * cell;
    }
  }
  return out;
}

export interface Lattice {
  /** [rows × cols × latentSize], row-major; latent dimensions past the second are zero. */
  latent: Float32Array;
  rows: number;
  cols: number;
}

/**
 * A regular lattice in the first two latent dimensions (the others held at 0, the noise's mean).
 * A one-dimensional latent gets a single row, so the manifold is a curve.
 */
export function noiseLattice(latentSize: number, noise: NoiseId, size = LATTICE_SIZE): Lattice {
  const span = LATTICE_SPAN[noise];
  const rows = latentSize >= 2 ? size : 1;
  const cols = size;
  const latent = new Float32Array(rows * cols * latentSize);
  const at = (k: number) => (size === 1 ? 0 : -span + (2 * span * k) / (size - 1));
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const base = (row * cols + col) * latentSize;
      latent[base] = at(col);
      if (latentSize >= 2) latent[base + 1] = at(rows - 1 - row);
    }
  }
  return { latent, rows, cols };
}

/**
 * The networks as the plane uses them, with any conditioning already applied (`planeModel` builds
 * this from a trainer). All outputs are in inference mode; D's outputs are raw (logit or score).
 */
export interface PlaneModel {
  /** The fixed fakes: noise [n, latentSize] → points [n, 2]. */
  generateFakes(noise: tf.Tensor2D): tf.Tensor2D;
  /** The manifold: lattice noise [m, latentSize] → points [m, 2]. */
  generateLattice(noise: tf.Tensor2D): tf.Tensor2D;
  /** D at the fakes, each under its own condition: [n, 2] → [n, 1]. */
  scoreFakes(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * D on grid points, once per condition the view averages over (one without conditioning, one per
   * label for a CGAN, whose D judges a point only together with a label): [g, 2] → [g, 1] each.
   */
  scoreGrid(x: tf.Tensor2D): tf.Tensor2D[];
  /**
   * D on points that carry no condition, [m, 2] → [m, 1]: real points, the theory layers' probes.
   * Absent where D judges a point only with a label (CGAN).
   */
  scorePoints?(x: tf.Tensor2D): tf.Tensor2D;
}

export interface PlaneInput {
  model: PlaneModel;
  objective: Objective;
  params: ObjectiveParams;
  latentSize: number;
  /** Half-width of the visible square. */
  radius: number;
  /** Fixed noise for the fake points, [n × latentSize]. */
  noise: Float32Array;
  lattice: Lattice;
  resolution?: number;
  /** Points [m × 2] where D's raw output is wanted as well (the theory layers'), read back in the same transfer. */
  probes?: Float32Array;
}

/** D's raw outputs (logits or scores) read back with the plane, where it was given probes and judges a point alone. */
export interface PlaneScores {
  /** At the fakes, [n]. */
  fake: Float32Array<ArrayBuffer>;
  /** At the probes, [m]. */
  probes: Float32Array<ArrayBuffer>;
}

export interface Plane {
  radius: number;
  resolution: number;
  /**
   * D on the grid of `gridPoints(radius, resolution)`, [resolution²]: σ(logit) for the log-loss
   * objectives (a probability of "real"), the raw score for LSGAN and the WGAN critic; averaged over
   * the model's grid conditions (a CGAN's labels).
   */
  discriminator: Float32Array<ArrayBuffer>;
  /** G(noise) in inference mode, [n × 2]. */
  fake: Float32Array<ArrayBuffer>;
  /**
   * −∂ℓ_G/∂x at each fake point, [n × 2], where ℓ_G is the per-sample generator loss (the batch
   * mean's 1/n undone): the direction the generator's loss pulls that sample, as arrows.
   */
  descent: Float32Array<ArrayBuffer>;
  /** G on the noise lattice, [rows × cols × 2]. */
  manifold: Float32Array<ArrayBuffer>;
  latticeRows: number;
  latticeCols: number;
  /** Where `probes` were given and the model has `scorePoints`. */
  scores?: PlaneScores;
}

/** D's value as the view reads it: a probability where D outputs a logit, else the raw score. */
function readScores(objective: Objective, scores: tf.Tensor2D): tf.Tensor2D {
  return objective.output === 'logit' ? tf.sigmoid(scores) : scores;
}

/** Computes the plane's layers for a 2D model; throws if G's samples are not points in the plane. */
export async function computePlane(input: PlaneInput): Promise<Plane> {
  const { model, objective, params, latentSize, radius, noise, lattice, probes } = input;
  const resolution = input.resolution ?? PLANE_RESOLUTION;
  const n = noise.length / latentSize;
  const latticeCount = lattice.rows * lattice.cols;
  const scorePoints = probes && model.scorePoints;
  const m = scorePoints ? probes.length / 2 : 0;
  const flat = tf.tidy(() => {
    const grid = tf.tensor2d(gridPoints(radius, resolution), [resolution * resolution, 2]);
    const readings = model.scoreGrid(grid).map((scores) => readScores(objective, scores)); // each [res², 1]
    const field = tf.div(tf.addN(readings), readings.length); // [res², 1]
    const fake = model.generateFakes(tf.tensor2d(noise, [n, latentSize])); // [n, 2]
    if (fake.shape[1] !== 2)
      throw new Error(`The plane needs 2D samples; the generator makes ${fake.shape[1]} values per sample`);
    const lossAt = (x: tf.Tensor) =>
      objective.generatorLoss(model.scoreFakes(tf.reshape<tf.Rank.R2>(x, [n, 2])), params);
    const gradient = tf.grad(lossAt)(fake); // [n, 2], of the batch mean
    const descent = tf.mul(gradient, -n); // [n, 2], per sample
    const manifold = model.generateLattice(tf.tensor2d(lattice.latent, [latticeCount, latentSize])); // [rows·cols, 2]
    const parts = [field, fake, descent, manifold];
    if (scorePoints) parts.push(model.scoreFakes(fake), scorePoints(tf.tensor2d(probes, [m, 2]))); // [n, 1], [m, 1]
    return tf.concat(parts.map((t) => tf.reshape(t, [-1])));
  });
  const values = (await flat.data()) as Float32Array<ArrayBuffer>;
  flat.dispose();
  const sizes = [resolution * resolution, 2 * n, 2 * n, 2 * latticeCount, ...(scorePoints ? [n, m] : [])];
  const [fieldValues, fake, descent, manifold, fakeScores, probeScores] = split(values, sizes);
  return {
    ...(scorePoints ? { scores: { fake: fakeScores, probes: probeScores } } : {}),
    radius,
    resolution,
    discriminator: fieldValues,
    fake,
    descent,
    manifold,
    latticeRows: lattice.rows,
    latticeCols: lattice.cols,
  };
}

/** What planeModel needs of a trainer: its networks and conditioning (all public on Trainer). */
export interface PlaneSource {
  generator: Generator;
  discriminator: Discriminator;
  conditioning: Conditioning;
}

/**
 * The plane's view of a trainer. The fakes carry the sample grid's condition (label i mod K, as
 * `Trainer.generate` draws them); the manifold is drawn for the first label or code value, so its
 * lines do not jump between classes; a CGAN's D is averaged over its labels on the grid.
 */
export function planeModel(
  { generator, discriminator, conditioning }: PlaneSource,
  fakes: number,
  latticePoints: number,
  gridPoints: number,
): PlaneModel {
  const fakeCondition = conditioning.grid(fakes);
  const latticeBase = conditioning.grid(latticePoints);
  const latticeCondition: Condition =
    conditioning.values > 0 ? { ...latticeBase, labels: new Int32Array(latticePoints) } : latticeBase;
  const gridConditions: Condition[] =
    conditioning.id === 'label'
      ? Array.from({ length: conditioning.values }, (_, k) => ({ labels: new Int32Array(gridPoints).fill(k) }))
      : [conditioning.grid(gridPoints)];
  return {
    generateFakes: (noise) => generator.apply(conditioning.generatorInput(noise, fakeCondition), false),
    generateLattice: (noise) => generator.apply(conditioning.generatorInput(noise, latticeCondition), false),
    scoreFakes: (x) => conditioning.judge(discriminator, x, fakeCondition, false).scores,
    scoreGrid: (x) => gridConditions.map((condition) => conditioning.judge(discriminator, x, condition, false).scores),
    // InfoGAN's D ignores the codes (its Q head reads them): only a CGAN's D needs a label to judge.
    scorePoints:
      conditioning.id === 'label'
        ? undefined
        : (x) => conditioning.judge(discriminator, x, conditioning.grid(x.shape[0]), false).scores,
  };
}

/** Copies consecutive slices (copies, so each can be transferred on its own). */
function split(values: Float32Array, sizes: number[]): Float32Array<ArrayBuffer>[] {
  let offset = 0;
  return sizes.map((size) => {
    const part = values.slice(offset, offset + size);
    offset += size;
    return part;
  });
}
