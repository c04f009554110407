import * as tf from '../tf.ts';
import type { Objective } from './types.ts';

/**
 * The original GAN (Goodfellow et al. 2014), in the course notes' form.
 *
 *   L_D = E_x[−log D(x)] + E_z[−log(1 − D(G(z)))]
 *   L_G = E_z[log(1 − D(G(z)))]            ← "saturating": its gradient vanishes as D(G(z)) → 0
 *
 * With D = σ(l): −log σ(l) = softplus(−l) and −log(1 − σ(l)) = softplus(l), so
 * log(1 − D(G(z))) = −softplus(l_fake). Never log(sigmoid): it underflows to −∞.
 */
export function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(real))), tf.mean(tf.softplus(fake))));
}

export function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.neg(tf.softplus(fake))));
}

export const minimax: Objective = {
  id: 'minimax',
  output: 'logit',
  discriminatorLoss,
  generatorLoss,
};
