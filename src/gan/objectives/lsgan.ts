import * as tf from '../tf.ts';
import type { Objective, ObjectiveParams } from './types.ts';

/**
 * Least-squares GAN (Mao et al. 2017). D's output is linear; a is the label for fakes, b for real
 * data, c the value G wants D to believe for its fakes. Common label sets: a=0, b=c=1, or
 * a=−1, b=1, c=0 (§3.2). We use the course notes' form without the papers' ½ on each term.
 *
 *   L_D = E_x[(D(x) − b)²] + E_z[(D(G(z)) − a)²]
 *   L_G = E_z[(D(G(z)) − c)²]
 */
export function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor, { lsganA: a, lsganB: b }: ObjectiveParams): tf.Scalar {
  return tf.tidy(() => tf.add(tf.mean(tf.square(tf.sub(real, b))), tf.mean(tf.square(tf.sub(fake, a)))));
}

export function generatorLoss(fake: tf.Tensor, { lsganC: c }: ObjectiveParams): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(fake, c))));
}

export const lsgan: Objective = {
  id: 'lsgan',
  output: 'score',
  discriminatorLoss,
  generatorLoss,
};
