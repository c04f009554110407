import * as tf from '../tf.ts';
import type { Rng } from '../rng.ts';
import {
  BATCH_NORM_EPSILON,
  BATCH_NORM_MOMENTUM,
  INIT_STD,
  KERNEL_SIZE,
  SMALL_KERNEL_SIZE,
  STRIDE,
} from './constants.ts';
import { type Discriminator, type Generator, LEAKY_SLOPE, seededVariable, zeros } from './network.ts';

/**
 * DCGAN for 28×28×1 images (Radford et al. 2015 §3; layer sizes of pytorch/examples dcgan and
 * tfjs-examples mnist-acgan, scaled to 28×28):
 *
 *   G: latent → dense → 7×7×2C → BN → ReLU → conv 3×3 → 7×7×2C → BN → ReLU
 *      → convT 4×4 /2 → 14×14×C → BN → ReLU → convT 4×4 /2 → 28×28×1 → tanh
 *   D: 28×28×1 → conv 4×4 /2 → 14×14×C → LeakyReLU → conv 4×4 /2 → 7×7×2C → BN → LeakyReLU
 *      → conv 3×3 /2 → 4×4×4C → BN → LeakyReLU → flatten → linear score
 *
 * Strided convolutions instead of pooling, transposed ("fractionally strided") convolutions in G,
 * batch norm everywhere except G's output and D's input layer, no fully connected hidden layers,
 * weights N(0, 0.02). Layers followed by batch norm have no bias (BN's β takes its place).
 *
 * The two 3×3 layers are for 28×28 digits: D's two 4×4 /2 layers alone see 10×10 pixels per feature,
 * and only the linear score joined them, so D judged strokes, not digits. With D's third layer each
 * feature sees the whole digit, and G's 3×3 layer lets the 7×7 grid arrange strokes before they are
 * drawn. A trained model's classifier score (scripts/research/dcgan-diagnosis.py, PyTorch, C = 16,
 * seeds 1–2): 6.2 without them, 7.4–7.6 at 9,000 iterations with them. They add ~25% to a step's
 * arithmetic but 1.3× to its time in Node and 1.7× in the browser on wasm, whose convolution
 * gradients (backends/wasm-conv-gradients.ts) cost 5–7× their forward pass.
 */

/** The 7×7 grid that two stride-2 layers double to 28×28. */
const BASE = 7;
const IMAGE = 28;
/** D's last grid: its third, strided layer takes 7×7 to 4×4 ('same' padding rounds up). */
const TOP = 4;

export interface DcganShape {
  /** G's input size: noise ⊕ label / codes. */
  latentSize: number;
  /** C, the width of the 14×14 layer; the 7×7 layer has 2C. */
  channels: number;
}

export interface DcganCriticOptions {
  /**
   * Batch norm in D's hidden layer. WGAN-GP's per-sample gradient penalty is not valid when batch
   * norm couples the samples of a batch (Gulrajani et al. 2017 §4), so its critic is built without.
   */
  batchNorm: boolean;
}

/** Batch norm over every axis but the last: trainable γ, β; running mean and variance as state. */
export interface BatchNorm {
  gamma: tf.Variable; // [channels]
  beta: tf.Variable; // [channels]
  runningMean: tf.Variable; // [channels]
  runningVariance: tf.Variable; // [channels]
}

function normal(rng: Rng, mean: number, std: number) {
  return (out: Float32Array) => rng.fillNormal(out, mean, std);
}

/** A convolution kernel ~ N(0, 0.02), [height, width, in, out] (or [height, width, out, in] for convT); 4×4 unless `size`. */
function convKernel(rng: Rng, a: number, b: number, name: string, size = KERNEL_SIZE): tf.Variable<tf.Rank.R4> {
  return seededVariable([size, size, a, b], normal(rng, 0, INIT_STD), name) as tf.Variable<tf.Rank.R4>;
}

export function batchNorm(rng: Rng, channels: number, name: string): BatchNorm {
  return {
    // γ ~ N(1, 0.02), β = 0: pytorch/examples dcgan's weights_init.
    gamma: seededVariable([channels], normal(rng, 1, INIT_STD), `${name}_gamma`),
    beta: seededVariable([channels], zeros, `${name}_beta`),
    runningMean: seededVariable([channels], zeros, `${name}_running_mean`, false),
    runningVariance: seededVariable([channels], (out) => out.fill(1), `${name}_running_variance`, false),
  };
}

/**
 * Training mode normalises with the batch's own statistics (biased variance, as Keras) and moves the
 * running averages towards them; inference mode uses the running averages and changes nothing.
 */
export function applyBatchNorm<T extends tf.Tensor>(bn: BatchNorm, x: T, training: boolean): T {
  return tf.tidy(() => {
    if (training) return normaliseBatch(bn, x);
    const scale = tf.mul(bn.gamma, tf.rsqrt(tf.add(bn.runningVariance, BATCH_NORM_EPSILON))); // [channels]
    return tf.add(tf.mul(tf.sub(x, bn.runningMean), scale), bn.beta) as T;
  });
}

/**
 * y = γ·x̂ + β with x̂ = (x − μ)/σ, μ and σ² the batch's per-channel mean and biased variance
 * (σ² + ε under the root), over the M = batch·rows·cols values of each channel. Its gradient is
 * batch norm's own (Ioffe & Szegedy 2015 §3, summed into one line):
 *
 *   ∂β = Σ dy,   ∂γ = Σ dy·x̂,   ∂x = (γ/σ)·(dy − ∂β/M − x̂·∂γ/M)
 *
 * about 10 ops in place of the ~30 that differentiating the forward ops one by one records (two of
 * them broadcasts by a full-size tensor of ones). WGAN-GP, which differentiates D's gradient again,
 * builds its critic without batch norm (DcganCriticOptions), so a first-order gradient is enough.
 */
function normaliseBatch<T extends tf.Tensor>(bn: BatchNorm, input: T): T {
  const axes = input.shape.slice(0, -1).map((_, i) => i); // every axis but channels
  const count = input.size / input.shape[input.rank - 1]; // M
  const normalise = tf.customGrad(((x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, save: tf.GradSaveFunc) => {
    const mean = tf.mean(x, axes); // [channels]
    const centred = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centred), axes); // [channels]
    const keep = 1 - BATCH_NORM_MOMENTUM;
    bn.runningMean.assign(tf.add(tf.mul(keep, bn.runningMean), tf.mul(BATCH_NORM_MOMENTUM, mean)));
    bn.runningVariance.assign(tf.add(tf.mul(keep, bn.runningVariance), tf.mul(BATCH_NORM_MOMENTUM, variance)));
    const inverseStd = tf.rsqrt(tf.add(variance, BATCH_NORM_EPSILON)); // 1/σ, [channels]
    const normalised = tf.mul(centred, inverseStd); // x̂
    save([normalised, tf.mul(gamma, inverseStd)]);
    return {
      value: tf.add(tf.mul(normalised, gamma), beta),
      gradFunc: (dy: tf.Tensor, [xHat, gammaOverStd]: tf.Tensor[]) => {
        const dBeta = tf.sum(dy, axes);
        const dGamma = tf.sum(tf.mul(dy, xHat), axes);
        const dx = tf.mul(gammaOverStd, tf.sub(tf.sub(dy, tf.div(dBeta, count)), tf.mul(xHat, tf.div(dGamma, count))));
        return [dx, dGamma, dBeta];
      },
    };
  }) as Parameters<typeof tf.customGrad>[0]);
  return normalise(input, bn.gamma, bn.beta) as T;
}

/**
 * LeakyReLU(x) = max(x, αx) for α < 1, written as αx + (1 − α)·relu(x): the same function, from ops
 * every backend runs fast (wasm's LeakyRelu and the Greater/Select of its gradient are 10–25× slower
 * than Relu, Multiply and Add there).
 */
function leakyRelu<T extends tf.Tensor>(x: T): T {
  return tf.add(tf.mul(x, LEAKY_SLOPE), tf.mul(tf.relu(x), 1 - LEAKY_SLOPE));
}

const batchNormVariables = (bn: BatchNorm) => ({
  trainable: [bn.gamma, bn.beta],
  state: [bn.runningMean, bn.runningVariance],
});

/** G: latent [batch, latentSize] → images [batch, 784] in [−1, 1] (28×28×1, row-major). */
export function dcganGenerator(rng: Rng, { latentSize, channels }: DcganShape): Generator {
  const wide = 2 * channels;
  const projection = seededVariable(
    [latentSize, BASE * BASE * wide],
    normal(rng, 0, INIT_STD),
    'generator_project_kernel',
  );
  const bn0 = batchNorm(rng, wide, 'generator_bn0');
  const grid = convKernel(rng, wide, wide, 'generator_grid_kernel', SMALL_KERNEL_SIZE);
  const bnGrid = batchNorm(rng, wide, 'generator_bn_grid');
  // conv2dTranspose filters are [height, width, outChannels, inChannels].
  const up1 = convKernel(rng, channels, wide, 'generator_up1_kernel');
  const bn1 = batchNorm(rng, channels, 'generator_bn1');
  const up2 = convKernel(rng, 1, channels, 'generator_up2_kernel');
  const outBias = seededVariable([1], zeros, 'generator_out_bias');
  const trainable = [
    projection,
    ...batchNormVariables(bn0).trainable,
    grid,
    ...batchNormVariables(bnGrid).trainable,
    up1,
    ...batchNormVariables(bn1).trainable,
    up2,
    outBias,
  ];
  const state = [bn0, bnGrid, bn1].flatMap((bn) => batchNormVariables(bn).state);
  return {
    trainable,
    state,
    apply: (latent, training) =>
      tf.tidy(() => {
        const n = latent.shape[0];
        const projected = tf.reshape<tf.Rank.R4>(tf.matMul(latent, projection), [n, BASE, BASE, wide]); // [n, 7, 7, 2C]
        const h0 = tf.relu(applyBatchNorm(bn0, projected, training));
        const h0b = tf.relu(applyBatchNorm(bnGrid, tf.conv2d(h0, grid, 1, 'same'), training)); // [n, 7, 7, 2C]
        const h1 = tf.conv2dTranspose(h0b, up1, [n, 2 * BASE, 2 * BASE, channels], STRIDE, 'same'); // [n, 14, 14, C]
        const h1a = tf.relu(applyBatchNorm(bn1, h1, training));
        const h2 = tf.conv2dTranspose(h1a, up2, [n, IMAGE, IMAGE, 1], STRIDE, 'same'); // [n, 28, 28, 1]
        return tf.reshape(tf.tanh(tf.add(h2, outBias)), [n, IMAGE * IMAGE]); // [n, 784]
      }),
    dispose: () => [...trainable, ...state].forEach((v) => v.dispose()),
  };
}

/**
 * What follows each of D's strided convolutions after its first: batch norm, or (WGAN-GP's critic,
 * DcganCriticOptions) a bias.
 */
function criticNormalisation(rng: Rng, channels: number, name: string, useBatchNorm: boolean) {
  const bn = useBatchNorm ? batchNorm(rng, channels, `discriminator_bn${name}`) : undefined;
  const bias = bn ? undefined : seededVariable([channels], zeros, `discriminator_down${name}_bias`);
  return {
    trainable: bn ? batchNormVariables(bn).trainable : [bias as tf.Variable],
    state: bn ? batchNormVariables(bn).state : [],
    apply: (x: tf.Tensor4D, training: boolean) =>
      bn ? applyBatchNorm(bn, x, training) : tf.add<tf.Tensor4D>(x, bias as tf.Variable),
  };
}

/**
 * D: images [batch, 784] → features [batch, 4·4·4C] (the flattened trunk, shared with CGAN's
 * projection and InfoGAN's Q head) → raw score [batch, 1]: a logit or a critic value, as the objective reads it.
 */
export function dcganDiscriminator(
  rng: Rng,
  { channels }: Pick<DcganShape, 'channels'>,
  { batchNorm: useBatchNorm }: DcganCriticOptions,
): Discriminator {
  const wide = 2 * channels;
  const widest = 4 * channels;
  const featureSize = TOP * TOP * widest;
  const down1 = convKernel(rng, 1, channels, 'discriminator_down1_kernel');
  const bias1 = seededVariable([channels], zeros, 'discriminator_down1_bias');
  const down2 = convKernel(rng, channels, wide, 'discriminator_down2_kernel');
  const norm2 = criticNormalisation(rng, wide, '2', useBatchNorm);
  const down3 = convKernel(rng, wide, widest, 'discriminator_down3_kernel', SMALL_KERNEL_SIZE);
  const norm3 = criticNormalisation(rng, widest, '3', useBatchNorm);
  const scoreKernel = seededVariable([featureSize, 1], normal(rng, 0, INIT_STD), 'discriminator_score_kernel');
  const scoreBias = seededVariable([1], zeros, 'discriminator_score_bias');
  const trainable = [down1, bias1, down2, ...norm2.trainable, down3, ...norm3.trainable, scoreKernel, scoreBias];
  const state = [...norm2.state, ...norm3.state];
  return {
    trainable,
    state,
    featureSize,
    features: (x, training) =>
      tf.tidy(() => {
        const n = x.shape[0];
        const image = tf.reshape<tf.Rank.R4>(x, [n, IMAGE, IMAGE, 1]); // [n, 28, 28, 1]
        const h1 = leakyRelu(tf.add<tf.Tensor4D>(tf.conv2d(image, down1, STRIDE, 'same'), bias1)); // [n, 14, 14, C]
        const h2 = tf.conv2d(h1, down2, STRIDE, 'same'); // [n, 7, 7, 2C]
        const h2a = leakyRelu(norm2.apply(h2, training));
        const h3 = tf.conv2d(h2a, down3, STRIDE, 'same'); // [n, 4, 4, 4C]
        const h3a = leakyRelu(norm3.apply(h3, training));
        return tf.reshape(h3a, [n, featureSize]); // [n, 4·4·4C]
      }),
    score: (features) => tf.tidy(() => tf.add(tf.matMul(features, scoreKernel), scoreBias)), // [n, 1]
    dispose: () => [...trainable, ...state].forEach((v) => v.dispose()),
  };
}
