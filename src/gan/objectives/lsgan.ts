import type { ObjectiveModule, ObjectiveParams, Tf } from './types.ts';
import type * as TF from '../tf.ts';

/**
 * Least-squares GAN (Mao et al. 2017). D's output is linear; a is the label for fakes, b for real
 * data, c the value G wants D to believe for its fakes. Common label sets: a=0, b=c=1, or
 * a=−1, b=1, c=0 (§3.2). We use the course notes' form without the papers' ½ on each term.
 *
 *   L_D = E_x[(D(x) − b)²] + E_z[(D(G(z)) − a)²]
 *   L_G = E_z[(D(G(z)) − c)²]
 */
export function discriminatorLoss(
  tf: Tf,
  real: TF.Tensor,
  fake: TF.Tensor,
  { lsganA: a, lsganB: b }: ObjectiveParams,
): TF.Scalar {
  return tf.add(tf.mean(tf.square(tf.sub(real, b))), tf.mean(tf.square(tf.sub(fake, a))));
}

export function generatorLoss(tf: Tf, fake: TF.Tensor, { lsganC: c }: ObjectiveParams): TF.Scalar {
  return tf.mean(tf.square(tf.sub(fake, c)));
}

export const lsgan: ObjectiveModule = {
  id: 'lsgan',
  output: 'score',
  labels: ['lsganA', 'lsganB'],
  settings: ['lsganA', 'lsganB', 'lsganC'],
  // LSGAN's a=0, b=c=1 labels (Mao et al. 2017 §3.2) with the log-loss GANs' optimiser.
  recipe: { lsganA: 0, lsganB: 1, lsganC: 1 },
  criticBatchNorm: true,
  losses: { discriminatorLoss, generatorLoss },
  tex: ({ Dx, DGz, Ex, Ez, valued }, { lsganA, lsganB, lsganC }) => ({
    discriminator: `L_D = ${Ex}[(${Dx}-${valued('b', lsganB)})^2] + ${Ez}[(${DGz}-${valued('a', lsganA)})^2]`,
    generator: `L_G = ${Ez}[(${DGz}-${valued('c', lsganC)})^2]`,
  }),
  pytorch: `# src/gan/objectives/lsgan.ts (Mao et al. 2017), the course notes' form without the 1/2 on each term:
#   L_D = E_x[(D(x) - b)^2] + E_z[(D(G(z)) - a)^2]
#   L_G = E_z[(D(G(z)) - c)^2]
A, B, C_LABEL = CONFIG['lsganA'], CONFIG['lsganB'], CONFIG['lsganC']


def discriminator_loss(real, fake):
    return ((real - B) ** 2).mean() + ((fake - A) ** 2).mean()


def generator_loss(fake):
    return ((fake - C_LABEL) ** 2).mean()
`,
};
