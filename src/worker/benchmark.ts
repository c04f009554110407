/**
 * Training speed without the worker's loop around it: the baseline of scripts/bench/worker.ts and
 * the measurement behind backend calibration.
 *
 * - `trainer`: Trainer.step back to back, reading stats back only to keep GPU queues bounded.
 * - `bare`: the same MLP GAN written as a plain tfjs loop (tf.train.adam with explicit variable
 *   lists, the objective's two losses, nothing else): what a minimal hand-written loop costs.
 *   Penalties, clipping and stats are left out on purpose; the ring benchmark uses none of them.
 */
import * as tf from '../gan/tf.ts';
import type { RunConfig } from '../gan/config.ts';
import type { Dataset } from '../gan/data/dataset.ts';
import { sampleNoise } from '../gan/latent.ts';
import { objectiveFor } from '../gan/objectives/registry.ts';
import { createRng } from '../gan/rng.ts';
import { Trainer } from '../gan/trainer.ts';

export interface BenchmarkResult {
  iterations: number;
  milliseconds: number;
}

/**
 * Wait for the device this often: GPU backends return from a step before the work is done, so
 * without a read-back the clock would time the queueing, not the training.
 */
const SYNC_MS = 50;

/** Runs `step` for about `budgetMs` after one untimed warm-up step (shader compiles, first uploads). */
async function timeSteps(step: () => void, sync: () => Promise<void>, budgetMs: number): Promise<BenchmarkResult> {
  step();
  await sync();
  const start = performance.now();
  let lastSync = start;
  let iterations = 0;
  for (;;) {
    step();
    iterations += 1;
    const now = performance.now();
    if (now - lastSync >= SYNC_MS) {
      await sync();
      lastSync = performance.now();
    }
    if (lastSync - start >= budgetMs && iterations >= 2) break;
  }
  await sync();
  return { iterations, milliseconds: performance.now() - start };
}

export async function benchmark(mode: 'bare' | 'trainer', config: RunConfig, dataset: Dataset, budgetMs: number): Promise<BenchmarkResult> {
  if (mode === 'trainer') {
    const trainer = new Trainer(config, dataset);
    try {
      return await timeSteps(() => trainer.step(), async () => void (await trainer.flushStats()), budgetMs);
    } finally {
      trainer.dispose();
    }
  }
  const model = bareModel(config, dataset);
  try {
    return await timeSteps(model.step, model.sync, budgetMs);
  } finally {
    model.dispose();
  }
}

interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/** Glorot-normal weights drawn by tfjs itself: the bare loop does not share the core's initialisers. */
function dense(inputs: number, outputs: number): Dense {
  return tf.tidy(() => ({
    kernel: tf.variable(tf.randomNormal([inputs, outputs], 0, Math.sqrt(2 / (inputs + outputs)))),
    bias: tf.variable(tf.zeros([outputs])),
  }));
}

function mlp(sizes: number[]): { layers: Dense[]; apply(x: tf.Tensor2D): tf.Tensor2D } {
  const layers = sizes.slice(1).map((size, i) => dense(sizes[i], size));
  return {
    layers,
    apply: (x) =>
      layers.reduce((h, layer, i) => {
        const z = tf.add(tf.matMul(h, layer.kernel), layer.bias) as tf.Tensor2D;
        return i < layers.length - 1 ? tf.relu(z) : z;
      }, x),
  };
}

function bareModel(config: RunConfig, dataset: Dataset) {
  if (config.architecture !== 'mlp') throw new Error('The bare benchmark loop covers MLP models only');
  const c = config;
  const generator = mlp([c.latentSize, ...Array<number>(c.generatorLayers).fill(c.generatorWidth), dataset.dimension]);
  const discriminator = mlp([dataset.dimension, ...Array<number>(c.discriminatorLayers).fill(c.discriminatorWidth), 1]);
  const variables = (net: { layers: Dense[] }) => net.layers.flatMap((l) => [l.kernel, l.bias]);
  const generatorVariables = variables(generator);
  const discriminatorVariables = variables(discriminator);
  const generatorOptimizer = tf.train.adam(c.generatorLearningRate, c.beta1, c.beta2);
  const discriminatorOptimizer = tf.train.adam(c.discriminatorLearningRate, c.beta1, c.beta2);
  const objective = objectiveFor(c.objective);
  const noiseRng = createRng(c.seed, 'bare-noise');
  const dataRng = createRng(c.seed, 'bare-data');
  const n = c.batchSize;
  const noise = () => tf.tensor2d(sampleNoise(noiseRng, n, c.latentSize, c.noise), [n, c.latentSize]);

  const step = () => {
    for (let k = 0; k < c.discriminatorSteps; k++) {
      tf.tidy(() => {
        const real = tf.tensor2d(dataset.sample(n, dataRng).x, [n, dataset.dimension]);
        const fake = generator.apply(noise());
        discriminatorOptimizer.minimize(() => objective.discriminatorLoss(discriminator.apply(real), discriminator.apply(fake), c), false, discriminatorVariables);
      });
    }
    for (let k = 0; k < c.generatorSteps; k++) {
      tf.tidy(() => {
        const latent = noise();
        generatorOptimizer.minimize(() => objective.generatorLoss(discriminator.apply(generator.apply(latent)), c), false, generatorVariables);
      });
    }
  };
  return {
    step,
    // Reading a weight waits for every queued update that writes it.
    sync: async () => void (await generatorVariables[0].data()),
    dispose: () => {
      generatorOptimizer.dispose();
      discriminatorOptimizer.dispose();
      tf.dispose([...generatorVariables, ...discriminatorVariables]);
    },
  };
}
