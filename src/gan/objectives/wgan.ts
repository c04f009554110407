import type { ObjectiveModule, ObjectiveParams, Tf } from './types.ts';
import type * as TF from '../tf.ts';

/**
 * Wasserstein GAN with weight clipping (Arjovsky et al. 2017). The critic D_w is linear and kept
 * (roughly) 1-Lipschitz by clipping every weight to [−c, c] after each critic step; it takes
 * n_critic steps per generator step. −L_D estimates the Wasserstein distance W(p_r, p_g).
 *
 *   L_D = −E_x[D_w(x)] + E_z[D_w(G(z))]
 *   L_G = −E_z[D_w(G(z))]
 */
export function discriminatorLoss(tf: Tf, real: TF.Tensor, fake: TF.Tensor): TF.Scalar {
  return tf.add(tf.neg(tf.mean(real)), tf.mean(fake));
}

export function generatorLoss(tf: Tf, fake: TF.Tensor): TF.Scalar {
  return tf.neg(tf.mean(fake));
}

/** w ← clip(w, −c, c) for every critic weight (tfjs weight constraints are unreliable: tfjs #3345). */
export function clipWeights(tf: Tf, criticVariables: readonly TF.Variable[], { clipValue: c }: ObjectiveParams): void {
  for (const variable of criticVariables) {
    tf.tidy(() => variable.assign(tf.clipByValue(variable, -c, c)));
  }
}

/** The critic's losses in TeX, shared with WGAN-GP: the critic is written D_w, as in the course notes. */
export const criticTex = ({ y, Gz, Ex, Ez }: { y: string; Gz: string; Ex: string; Ez: string }) => ({
  discriminator: `L^{(D)} = -${Ex}[D_w(x${y})] + ${Ez}[D_w(${Gz}${y})]`,
  generator: `L^{(G)} = -${Ez}[D_w(${Gz}${y})]`,
});

/** The critic's losses in Python, shared with WGAN-GP. */
export const criticPython = `def discriminator_loss(real, fake):
    return -real.mean() + fake.mean()


def generator_loss(fake):
    return -fake.mean()
`;

export const wgan: ObjectiveModule = {
  id: 'wgan',
  output: 'score',
  distance: 'wasserstein',
  settings: ['clipValue'],
  // The paper's RMSprop 5e-5 and c=0.01 learned nothing in 3k steps here; 1e-3 with c=0.05 does.
  recipe: { generatorOptimizer: 'rmsprop', discriminatorOptimizer: 'rmsprop', discriminatorSteps: 5, clipValue: 0.05 },
  criticBatchNorm: true,
  losses: { discriminatorLoss, generatorLoss, afterCriticStep: clipWeights },
  tex: (n, { clipValue }) => ({
    ...criticTex(n),
    extra: `w \\leftarrow \\operatorname{clip}(w,\\ -${n.valued('c', clipValue)},\\ ${n.valued('c', clipValue)})`,
  }),
  pytorch: `# src/gan/objectives/wgan.ts (Arjovsky et al. 2017): a linear critic kept roughly 1-Lipschitz by
# clipping every critic weight to [-c, c] after each critic step; n_critic critic steps per iteration.
#   L_D = -E_x[D(x)] + E_z[D(G(z))]
#   L_G = -E_z[D(G(z))]
CLIP = CONFIG['clipValue']


${criticPython}

def after_critic_step():
    with torch.no_grad():
        for p in discriminator.parameters():
            p.clamp_(-CLIP, CLIP)
`,
};
