import * as tf from '../tf.ts';
import { discriminatorLoss } from './minimax.ts';
import type { Objective } from './types.ts';

/**
 * The non-saturating GAN (Goodfellow et al. 2014, §3): the same discriminator, but the generator
 * maximises log D(G(z)) instead of minimising log(1 − D(G(z))), which keeps its gradient strong
 * while D still rejects the fakes.
 *
 *   L_D = E_x[−log D(x)] + E_z[−log(1 − D(G(z)))]
 *   L_G = E_z[−log D(G(z))]  = E_z[softplus(−l_fake)]
 */
export function generatorLoss(fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.softplus(tf.neg(fake))));
}

export const nonSaturating: Objective = {
  id: 'nonSaturating',
  output: 'logit',
  discriminatorLoss,
  generatorLoss,
};
