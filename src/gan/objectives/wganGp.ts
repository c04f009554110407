import * as tf from '../tf.ts';
import type { CriticFn, Objective, ObjectiveParams } from './types.ts';
import { discriminatorLoss, generatorLoss } from './wgan.ts';

/**
 * WGAN with gradient penalty (Gulrajani et al. 2017), beyond the course notes: instead of clipping,
 * penalise the critic's gradient norm away from 1 on points between real and fake samples.
 *
 *   L_D = −E_x[D(x)] + E_z[D(G(z))] + λ·E_x̂[(‖∇_x̂ D(x̂)‖₂ − 1)²],   x̂ = εx + (1 − ε)G(z), ε ~ U(0, 1)
 *   L_G = −E_z[D(G(z))]
 *
 * Batch norm would couple the samples of a batch and break the per-sample penalty: the critic must
 * not use it.
 */
export function gradientPenalty(
  critic: CriticFn,
  real: tf.Tensor2D,
  fake: tf.Tensor2D,
  epsilon: tf.Tensor2D,
  { gradientPenalty: lambda }: ObjectiveParams,
): tf.Scalar {
  return tf.tidy(() => {
    const between = tf.add(tf.mul(epsilon, real), tf.mul(tf.sub(1, epsilon), fake)) as tf.Tensor2D; // [batch, dim]
    // Summing the critic over the batch gives each sample's own input gradient (samples are independent).
    const inputGradient = tf.grad((x: tf.Tensor) => tf.sum(critic(x as tf.Tensor2D)))(between); // [batch, dim]
    const norms = tf.sqrt(tf.add(tf.sum(tf.square(inputGradient), 1), 1e-12)); // [batch]
    return tf.mul(lambda, tf.mean(tf.square(tf.sub(norms, 1))));
  });
}

export const wganGp: Objective = {
  id: 'wganGp',
  output: 'score',
  discriminatorLoss,
  generatorLoss,
  criticPenalty: gradientPenalty,
};
