import { discriminatorLoss, discriminatorPython, discriminatorTex } from './minimax.ts';
import type { ObjectiveModule, Tf } from './types.ts';
import type * as TF from '../tf.ts';

/**
 * The non-saturating GAN (Goodfellow et al. 2014, §3): the same discriminator, but the generator
 * maximises log D(G(z)) instead of minimising log(1 − D(G(z))), which keeps its gradient strong
 * while D still rejects the fakes.
 *
 *   L_D = E_x[−log D(x)] + E_z[−log(1 − D(G(z)))]
 *   L_G = E_z[−log D(G(z))]  = E_z[softplus(−l_fake)]
 */
export function generatorLoss(tf: Tf, fake: TF.Tensor): TF.Scalar {
  return tf.mean(tf.softplus(tf.neg(fake)));
}

export const nonSaturating: ObjectiveModule = {
  id: 'nonSaturating',
  output: 'logit',
  settings: [],
  recipe: {},
  criticBatchNorm: true,
  losses: { discriminatorLoss, generatorLoss },
  tex: (n) => ({ discriminator: discriminatorTex(n), generator: `L_G = ${n.Ez}[-\\log ${n.DGz}]` }),
  pytorch: `# src/gan/objectives/nonSaturating.ts (Goodfellow et al. 2014, section 3), with D = sigmoid(logit):
#   L_D = E_x[-log D(x)] + E_z[-log(1 - D(G(z)))]
#   L_G = E_z[-log D(G(z))]
${discriminatorPython}

def generator_loss(fake):
    return F.softplus(-fake).mean()
`,
};
