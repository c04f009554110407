import * as tf from '../tf.ts';
import type { ActivationId } from '../config.ts';
import type { Rng } from '../rng.ts';

/** A network's parameters: `trainable` are what its optimiser moves; `state` are batch-norm running statistics. */
export interface Network {
  readonly trainable: tf.Variable[];
  readonly state: tf.Variable[];
  dispose(): void;
}

export interface Generator extends Network {
  /** latent (noise ⊕ label/codes) [batch, inputSize] → sample [batch, outputSize]. */
  apply(latent: tf.Tensor2D, training: boolean): tf.Tensor2D;
}

export interface Discriminator extends Network {
  /** The trunk's last hidden features [batch, featureSize], shared with InfoGAN's Q head. */
  features(x: tf.Tensor2D, training: boolean): tf.Tensor2D;
  /** The output layer: features → raw score (logit or critic value) [batch, 1]. */
  score(features: tf.Tensor2D): tf.Tensor2D;
  readonly featureSize: number;
}

/** The whole discriminator: sample [batch, inputSize] → raw score [batch, 1]. */
export function discriminate(discriminator: Discriminator, x: tf.Tensor2D, training: boolean): tf.Tensor2D {
  return tf.tidy(() => discriminator.score(discriminator.features(x, training)));
}

/**
 * tanh with its derivative written out, dy·(1 − tanh²x), in ops the tape records from x, so that
 * it can be differentiated again. tfjs's own tanh gradient reads a saved copy of tanh's output,
 * which its tape records before the tanh that made it, so a second backward pass never reaches
 * through it (tfjs #3252): WGAN-GP's penalty, which differentiates the critic's input gradient,
 * got wrong kernel gradients and none at all for the hidden biases.
 */
const tanh = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x]);
  return {
    value: tf.tanh(x),
    gradFunc: (dy: tf.Tensor, [input]: tf.Tensor[]) => tf.mul(dy, tf.sub(1, tf.square(tf.tanh(input)))),
  };
}) as Parameters<typeof tf.customGrad>[0]); // tfjs types each argument as `Tensor | GradSaveFunc`; they come as (x, save)

export function activate(x: tf.Tensor, activation: ActivationId): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.relu(x);
    case 'leakyRelu':
      return tf.leakyRelu(x, LEAKY_SLOPE);
    case 'tanh':
      return tanh(x);
  }
}

/** LeakyReLU's negative slope, 0.2 as in DCGAN (Radford et al. 2015 §3). */
export const LEAKY_SLOPE = 0.2;

/** A variable filled from the seeded generator; built outside any tidy, so nothing leaks. */
export function seededVariable(
  shape: number[],
  fill: (out: Float32Array) => Float32Array,
  name: string,
  trainable = true,
): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const init = tf.tensor(fill(new Float32Array(size)), shape);
  const variable = tf.variable(init, trainable, `${name}_${variableCounter++}`);
  init.dispose();
  return variable;
}

let variableCounter = 0;

/** Glorot (Xavier) uniform: U(±√(6 / (fanIn + fanOut))), Keras's default for dense layers. */
export function glorotUniform(rng: Rng, fanIn: number, fanOut: number) {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return (out: Float32Array) => rng.fillUniform(out, -limit, limit);
}

export function zeros(out: Float32Array): Float32Array {
  return out.fill(0);
}

/** Global L2 norm of a list of gradients, √Σ‖g‖². */
export function globalNorm(grads: readonly tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
}
