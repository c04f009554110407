import type { ObjectiveModule, Tf } from './types.ts';
import type * as TF from '../tf.ts';

/**
 * The original GAN (Goodfellow et al. 2014), in the course notes' form.
 *
 *   L_D = E_x[−log D(x)] + E_z[−log(1 − D(G(z)))]
 *   L_G = E_z[log(1 − D(G(z)))]            ← "saturating": its gradient vanishes as D(G(z)) → 0
 *
 * With D = σ(l): −log σ(l) = softplus(−l) and −log(1 − σ(l)) = softplus(l), so
 * log(1 − D(G(z))) = −softplus(l_fake). Never log(sigmoid): it underflows to −∞.
 */
export function discriminatorLoss(tf: Tf, real: TF.Tensor, fake: TF.Tensor): TF.Scalar {
  return tf.add(tf.mean(tf.softplus(tf.neg(real))), tf.mean(tf.softplus(fake)));
}

export function generatorLoss(tf: Tf, fake: TF.Tensor): TF.Scalar {
  return tf.mean(tf.neg(tf.softplus(fake)));
}

/** The log-loss discriminator in TeX, shared with the non-saturating GAN. */
export const discriminatorTex = ({ Dx, DGz, Ex, Ez }: { Dx: string; DGz: string; Ex: string; Ez: string }) =>
  `L_D = ${Ex}[-\\log ${Dx}] + ${Ez}[-\\log(1-${DGz})]`;

/** The log-loss discriminator in Python, shared with the non-saturating GAN. */
export const discriminatorPython = `def discriminator_loss(real, fake):
    return F.softplus(-real).mean() + F.softplus(fake).mean()
`;

export const minimax: ObjectiveModule = {
  id: 'minimax',
  output: 'logit',
  saturates: true,
  settings: [],
  // Adam 1e-3, β1 0.5, 1:1 steps: 8/8 ring modes in ~2k steps (RESEARCH.md §2).
  recipe: {},
  criticBatchNorm: true,
  losses: { discriminatorLoss, generatorLoss },
  tex: (n) => ({ discriminator: discriminatorTex(n), generator: `L_G = ${n.Ez}[\\log(1-${n.DGz})]` }),
  pytorch: `# src/gan/objectives/minimax.ts (Goodfellow et al. 2014), with D = sigmoid(logit):
#   L_D = E_x[-log D(x)] + E_z[-log(1 - D(G(z)))]
#   L_G = E_z[log(1 - D(G(z)))]   <- the saturating loss: its gradient vanishes as D(G(z)) -> 0
# -log sigmoid(l) = softplus(-l) and log(1 - sigmoid(l)) = -softplus(l): never log(sigmoid), it underflows.
${discriminatorPython}

def generator_loss(fake):
    return -F.softplus(fake).mean()
`,
};
