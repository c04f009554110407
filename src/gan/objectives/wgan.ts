import * as tf from '../tf.ts';
import type { Objective, ObjectiveParams } from './types.ts';

/**
 * Wasserstein GAN with weight clipping (Arjovsky et al. 2017). The critic D_w is linear and kept
 * (roughly) 1-Lipschitz by clipping every weight to [−c, c] after each critic step; it takes
 * n_critic steps per generator step. −L_D estimates the Wasserstein distance W(p_r, p_g).
 *
 *   L_D = −E_x[D_w(x)] + E_z[D_w(G(z))]
 *   L_G = −E_z[D_w(G(z))]
 */
export function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.add(tf.neg(tf.mean(real)), tf.mean(fake)));
}

export function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(fake)));
}

/** w ← clip(w, −c, c) for every critic weight (tfjs weight constraints are unreliable: tfjs #3345). */
export function clipWeights(criticVariables: readonly tf.Variable[], { clipValue: c }: ObjectiveParams): void {
  for (const variable of criticVariables) {
    tf.tidy(() => variable.assign(tf.clipByValue(variable, -c, c)));
  }
}

export const wgan: Objective = {
  id: 'wgan',
  output: 'score',
  discriminatorLoss,
  generatorLoss,
  afterCriticStep: clipWeights,
};
