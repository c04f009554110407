/**
 * Training speed without the worker's loop around it: the baseline of scripts/bench/worker.ts and
 * the measurement behind backend calibration.
 *
 * - `trainer`: Trainer.step back to back, reading stats back only to keep GPU queues bounded.
 * - `bare`: the same GAN (MLP or DCGAN) written as a plain tfjs loop (tf.train.adam with explicit
 *   variable lists, the objective's two losses, nothing else): what a minimal hand-written loop
 *   costs. Penalties, clipping, conditioning and stats are left out on purpose; the ring and DCGAN
 *   benchmarks use none of them.
 */
import * as tf from '../gan/tf.ts';
import type { RunConfig } from '../gan/config.ts';
import type { Dataset } from '../gan/data/dataset.ts';
import { sampleNoise } from '../gan/latent.ts';
import { objectiveFor } from '../gan/objectives/registry.ts';
import { createRng } from '../gan/rng.ts';
import { Trainer } from '../gan/trainer.ts';
import { TEST_HOOKS } from './test-hooks.ts';

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

export async function benchmark(
  mode: 'bare' | 'trainer',
  config: RunConfig,
  dataset: Dataset,
  budgetMs: number,
): Promise<BenchmarkResult> {
  if (mode === 'trainer') {
    const trainer = new Trainer(config, dataset);
    try {
      return await timeSteps(
        () => trainer.step(),
        async () => void (await trainer.flushStats()),
        budgetMs,
      );
    } finally {
      trainer.dispose();
    }
  }
  // The bare loop serves the benchmark command and scripts/bench only: not in a production build.
  if (!TEST_HOOKS) throw new Error('The bare benchmark loop is in test builds only');
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

/** A network of the bare loop: its weights and its forward pass in training mode. */
interface BareNet {
  variables: tf.Variable[];
  apply(x: tf.Tensor2D): tf.Tensor2D;
}

function bareMlps(c: RunConfig, dataset: Dataset): { generator: BareNet; discriminator: BareNet } {
  const generator = mlp([c.latentSize, ...Array<number>(c.generatorLayers).fill(c.generatorWidth), dataset.dimension]);
  const discriminator = mlp([dataset.dimension, ...Array<number>(c.discriminatorLayers).fill(c.discriminatorWidth), 1]);
  const variables = (net: { layers: Dense[] }) => net.layers.flatMap((l) => [l.kernel, l.bias]);
  return {
    generator: { variables: variables(generator), apply: generator.apply },
    discriminator: { variables: variables(discriminator), apply: discriminator.apply },
  };
}

const normalVariable = (shape: number[], mean = 0) => tf.tidy(() => tf.variable(tf.randomNormal(shape, mean, 0.02)));

/**
 * The DCGAN of src/gan/architectures/dcgan.ts as a tfjs user would write it from ops: dense →
 * 7×7×2C → BN → ReLU → conv 3×3 → BN → ReLU → convT 4×4 /2 → BN → ReLU → convT 4×4 /2 → tanh;
 * conv 4×4 /2 → LeakyReLU → conv 4×4 /2 → BN → LeakyReLU → conv 3×3 /2 → BN → LeakyReLU → dense. Batch norm by tf.moments and tf.batchNorm in training mode,
 * without running averages (the loop never samples in inference mode); tf.leakyRelu as it comes.
 */
function bareDcgan(c: RunConfig): { generator: BareNet; discriminator: BareNet } {
  const C = c.channels;
  const norm = (x: tf.Tensor4D, gamma: tf.Variable, beta: tf.Variable) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    return tf.batchNorm4d(
      x,
      mean as tf.Tensor1D,
      variance as tf.Tensor1D,
      beta as tf.Tensor1D,
      gamma as tf.Tensor1D,
      1e-5,
    );
  };
  const g = {
    dense: normalVariable([c.latentSize, 7 * 7 * 2 * C]),
    gamma0: normalVariable([2 * C], 1),
    beta0: tf.variable(tf.zeros([2 * C])),
    grid: normalVariable([3, 3, 2 * C, 2 * C]),
    gammaGrid: normalVariable([2 * C], 1),
    betaGrid: tf.variable(tf.zeros([2 * C])),
    up1: normalVariable([4, 4, C, 2 * C]),
    gamma1: normalVariable([C], 1),
    beta1: tf.variable(tf.zeros([C])),
    up2: normalVariable([4, 4, 1, C]),
    bias: tf.variable(tf.zeros([1])),
  };
  const d = {
    down1: normalVariable([4, 4, 1, C]),
    bias1: tf.variable(tf.zeros([C])),
    down2: normalVariable([4, 4, C, 2 * C]),
    gamma2: normalVariable([2 * C], 1),
    beta2: tf.variable(tf.zeros([2 * C])),
    down3: normalVariable([3, 3, 2 * C, 4 * C]),
    gamma3: normalVariable([4 * C], 1),
    beta3: tf.variable(tf.zeros([4 * C])),
    score: normalVariable([4 * 4 * 4 * C, 1]),
    scoreBias: tf.variable(tf.zeros([1])),
  };
  return {
    generator: {
      variables: Object.values(g),
      apply: (z) => {
        const n = z.shape[0];
        const h0 = tf.relu(norm(tf.reshape<tf.Rank.R4>(tf.matMul(z, g.dense), [n, 7, 7, 2 * C]), g.gamma0, g.beta0));
        const h0b = tf.relu(norm(tf.conv2d(h0, g.grid as tf.Tensor4D, 1, 'same'), g.gammaGrid, g.betaGrid));
        const h1 = tf.relu(
          norm(tf.conv2dTranspose(h0b, g.up1 as tf.Tensor4D, [n, 14, 14, C], 2, 'same'), g.gamma1, g.beta1),
        );
        const h2 = tf.conv2dTranspose(h1, g.up2 as tf.Tensor4D, [n, 28, 28, 1], 2, 'same');
        return tf.reshape<tf.Rank.R2>(tf.tanh(tf.add(h2, g.bias)), [n, 784]);
      },
    },
    discriminator: {
      variables: Object.values(d),
      apply: (x) => {
        const n = x.shape[0];
        const h1 = tf.leakyRelu(
          tf.add(tf.conv2d(tf.reshape<tf.Rank.R4>(x, [n, 28, 28, 1]), d.down1 as tf.Tensor4D, 2, 'same'), d.bias1),
          0.2,
        );
        const h2 = tf.leakyRelu(
          norm(tf.conv2d(h1 as tf.Tensor4D, d.down2 as tf.Tensor4D, 2, 'same'), d.gamma2, d.beta2),
          0.2,
        );
        const h3 = tf.leakyRelu(
          norm(tf.conv2d(h2 as tf.Tensor4D, d.down3 as tf.Tensor4D, 2, 'same'), d.gamma3, d.beta3),
          0.2,
        );
        return tf.add<tf.Tensor2D>(tf.matMul(tf.reshape(h3, [n, 4 * 4 * 4 * C]), d.score), d.scoreBias);
      },
    },
  };
}

function bareModel(config: RunConfig, dataset: Dataset) {
  if (config.conditioning !== 'none') throw new Error('The bare benchmark loop covers unconditioned models only');
  const c = config;
  const { generator, discriminator } = c.architecture === 'dcgan' ? bareDcgan(c) : bareMlps(c, dataset);
  const generatorVariables = generator.variables;
  const discriminatorVariables = discriminator.variables;
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
        discriminatorOptimizer.minimize(
          () => objective.discriminatorLoss(discriminator.apply(real), discriminator.apply(fake), c),
          false,
          discriminatorVariables,
        );
      });
    }
    for (let k = 0; k < c.generatorSteps; k++) {
      tf.tidy(() => {
        const latent = noise();
        generatorOptimizer.minimize(
          () => objective.generatorLoss(discriminator.apply(generator.apply(latent)), c),
          false,
          generatorVariables,
        );
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
