import type * as tf from '../tf.ts';
import type { ConditioningId, RunConfig } from '../config.ts';
import type { Discriminator } from '../architectures/network.ts';
import type { Batch } from '../data/dataset.ts';
import type { Rng } from '../rng.ts';

/**
 * What a batch is conditioned on, drawn on the host from the trainer's seeded streams (rng.ts) and
 * uploaded inside each step, like the noise.
 */
export interface Condition {
  /** [n] the label (CGAN) or the value of the categorical code (InfoGAN), in 0..K−1. */
  labels?: Int32Array;
  /** [n × continuousCodes] InfoGAN's continuous codes in U(−1, 1), row-major. */
  continuous?: Float32Array;
}

/** The discriminator on one batch: its trunk's features and its raw score. */
export interface Judged {
  /** [n, featureSize] D's last hidden features (InfoGAN's Q head reads these). */
  features: tf.Tensor2D;
  /** [n, 1] a logit or a critic value, as the objective reads it. */
  scores: tf.Tensor2D;
}

/** InfoGAN's information term for one batch of fakes. */
export interface Information {
  /** λ·L_I, the term added to both the D/Q loss and the G loss. */
  loss: tf.Scalar;
  /** H(c) − CE(c, Q(c|G(z, c))): the categorical code's mutual-information lower bound, ≤ ln K. */
  mutualInformation: tf.Scalar;
}

/** The sizes the networks are built with, known before they exist. */
export interface ConditionedSizes {
  /** G's input: noise ⊕ the encoded condition. */
  generatorInput: number;
  /** D's input: the sample, plus the one-hot label where it is concatenated there (MLP CGAN). */
  discriminatorInput: number;
}

/**
 * One conditioning mode (DESIGN.md's third axis). The trainer asks it what to feed G and how to
 * score a batch with D; the objective's losses are unchanged, and InfoGAN's information term is
 * added around them.
 */
export interface Conditioning {
  readonly id: ConditioningId;
  /** K: label values (CGAN) or categorical code values (InfoGAN); 0 without conditioning. */
  readonly values: number;
  /** Variables of D's score beyond its own (CGAN's projection): trained with D and clipped with WGAN's critic. */
  readonly criticVariables: tf.Variable[];
  /** Variables trained in D's step that are not part of its score (InfoGAN's Q head): never clipped. */
  readonly headVariables: tf.Variable[];
  /** The condition of a D step on n real samples: the batch's own labels (CGAN), fresh codes (InfoGAN). */
  forDiscriminatorStep(real: Batch, n: number, rng: Rng): Condition;
  /** Fresh conditions for n fakes (a G step): uniform labels, or codes from their prior. */
  sample(n: number, rng: Rng): Condition;
  /** The fixed condition of sample grids and metrics: value i mod K for sample i, continuous codes 0. */
  grid(n: number): Condition;
  /** noise [n, latentSize] → G's input [n, latentSize + extra]. */
  generatorInput(noise: tf.Tensor2D, condition: Condition): tf.Tensor2D;
  /** D on samples x [n, dimension] that carry `condition`. */
  judge(discriminator: Discriminator, x: tf.Tensor2D, condition: Condition, training: boolean): Judged;
  /** InfoGAN's λ·L_I and mutual-information estimate from D's features of the fakes; absent otherwise. */
  information?(features: tf.Tensor2D, condition: Condition, config: Pick<RunConfig, 'infoLambda'>): Information;
  /**
   * CGAN's auxiliary classifier (AC-GAN): λ·CE(y, class head(features)), added to D's loss on the
   * real batch and to G's on the fakes, with the λ of the loss it joins; absent otherwise.
   */
  classification?(features: tf.Tensor2D, condition: Condition, loss: 'discriminator' | 'generator'): tf.Scalar;
  dispose(): void;
}

/** n conditions' labels as one-hot rows, [n × K] row-major (built on the host: no int32 kernels needed). */
export function oneHotRows(labels: Int32Array, values: number): Float32Array {
  const out = new Float32Array(labels.length * values);
  labels.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= values)
      throw new Error(`condition: label ${label} is outside 0..${values - 1}`);
    out[i * values + label] = 1;
  });
  return out;
}

/** Labels i mod K for i in 0..n−1: every value equally often, in a fixed order. */
export function cyclingLabels(n: number, values: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i % values);
}

/** n labels drawn uniformly from 0..K−1. */
export function uniformLabels(n: number, values: number, rng: Rng): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(values));
}
