/**
 * Building one run's parts from its settings: the dataset, the trainer, and what stays fixed for
 * the views (their noise, the real points, the plane's lattice, MNIST's digit classifier).
 */
import { type RunConfig } from '../gan/config.ts';
import { createDataset } from '../gan/data/registry.ts';
import type { Dataset } from '../gan/data/dataset.ts';
import { type MnistFile, mnistDataset } from '../gan/data/mnist.ts';
import { sampleNoise } from '../gan/latent.ts';
import { noiseLattice, PLANE_RESOLUTION, planeModel } from '../gan/plane.ts';
import { createRng } from '../gan/rng.ts';
import { Trainer } from '../gan/trainer.ts';
import { benchmark } from './benchmark.ts';
import { loadRunClassifier } from './digit-metrics.ts';
import { ProblemError } from './problem.ts';
import type { Sources, WorkerWarning } from './protocol.ts';
import type { Run } from './views.ts';

/** Fixed-noise samples: enough points to show a 2D distribution, a readable grid of images. */
const PLANE_SAMPLES = 512;
const IMAGE_SAMPLES = 64;

export async function runDataset(
  config: RunConfig,
  sources: Sources,
  loadMnist?: () => Promise<MnistFile>,
): Promise<Dataset> {
  if (config.dataset !== 'mnist') return createDataset(config.dataset, { points: sources.points });
  if (!loadMnist) throw new ProblemError({ code: 'mnistUnavailable' });
  return createDataset('mnist', { mnist: mnistDataset(await loadMnist()) });
}

/** A new run on the active backend: fresh weights, the views' fixed noise, the classifier where there is one. */
export async function createRun(
  config: RunConfig,
  dataset: Dataset,
  loadClassifier: (() => Promise<{ manifest: unknown; weights: ArrayBuffer }>) | undefined,
  warn: (warning: WorkerWarning) => void,
): Promise<Run> {
  const trainer = new Trainer(config, dataset);
  const planar = dataset.dimension === 2;
  const viewCount = planar ? PLANE_SAMPLES : IMAGE_SAMPLES;
  const lattice = noiseLattice(config.latentSize, config.noise);
  return {
    trainer,
    dataset,
    viewNoise: sampleNoise(createRng(config.seed, 'view-noise'), viewCount, config.latentSize, config.noise),
    realPoints: planar ? dataset.sample(PLANE_SAMPLES, createRng(config.seed, 'view-real')).x : new Float32Array(0),
    lattice,
    planeModel: planeModel(trainer, viewCount, lattice.rows * lattice.cols, PLANE_RESOLUTION ** 2),
    ...(config.dataset === 'mnist' ? await loadRunClassifier(loadClassifier, config, warn) : {}),
  };
}

/** The model's iterations per second on the active backend: a warm-up step (shader compiles), then `budgetMs` of steps. */
export async function calibrate(config: RunConfig, dataset: Dataset, budgetMs: number): Promise<number> {
  const { iterations, milliseconds } = await benchmark('trainer', config, dataset, budgetMs);
  return iterations / (milliseconds / 1000);
}
