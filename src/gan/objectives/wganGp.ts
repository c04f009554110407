import type { CriticFn, ObjectiveModule, ObjectiveParams, Tf } from './types.ts';
import { criticPython, criticTex, discriminatorLoss, generatorLoss } from './wgan.ts';
import type * as TF from '../tf.ts';

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
  tf: Tf,
  critic: CriticFn,
  real: TF.Tensor2D,
  fake: TF.Tensor2D,
  epsilon: TF.Tensor2D,
  { gradientPenalty: lambda }: ObjectiveParams,
): TF.Scalar {
  const between = tf.add(tf.mul(epsilon, real), tf.mul(tf.sub(1, epsilon), fake)) as TF.Tensor2D; // [batch, dim]
  // Summing the critic over the batch gives each sample's own input gradient (samples are independent).
  const inputGradient = tf.grad((x: TF.Tensor) => tf.sum(critic(x as TF.Tensor2D)))(between); // [batch, dim]
  const norms = tf.sqrt(tf.add(tf.sum(tf.square(inputGradient), 1), 1e-12)); // [batch]
  return tf.mul(lambda, tf.mean(tf.square(tf.sub(norms, 1))));
}

export const wganGp: ObjectiveModule = {
  id: 'wganGp',
  output: 'score',
  distance: 'wasserstein',
  settings: ['gradientPenalty'],
  // Gulrajani et al.: Adam β=(0.5, 0.9), n_critic 5; λ 0.1 as igul222's gan_toy.py uses for 2D data.
  recipe: { discriminatorSteps: 5, beta1: 0.5, beta2: 0.9, gradientPenalty: 0.1 },
  criticBatchNorm: false,
  losses: { discriminatorLoss, generatorLoss, criticPenalty: gradientPenalty },
  tex: (n, { gradientPenalty: lambda }) => {
    const { discriminator, generator } = criticTex(n);
    return {
      discriminator: `${discriminator} + ${n.valued('\\lambda', lambda)}\\,\\mathbb{E}_{\\hat x}[(\\lVert \\nabla_{\\hat x} D_w(\\hat x${n.y}) \\rVert_2 - 1)^2]`,
      generator,
      extra: `\\hat x = \\epsilon x + (1-\\epsilon)\\,${n.Gz},\\quad \\epsilon \\sim U(0, 1)`,
    };
  },
  pytorch: `# src/gan/objectives/wganGp.ts (Gulrajani et al. 2017):
#   L_D = -E_x[D(x)] + E_z[D(G(z))] + lambda * E[(||grad D(x_hat)||_2 - 1)^2],  x_hat = eps x + (1 - eps) G(z), eps ~ U(0, 1)
#   L_G = -E_z[D(G(z))]
LAMBDA = CONFIG['gradientPenalty']


${criticPython}

def critic_penalty(real_x, fake_x, critic=None):
    # critic: x -> D's score; a conditioned run passes D with the batch's condition (the same y for x and x_hat).
    critic = discriminator if critic is None else critic
    eps = torch.rand(real_x.shape[0], 1, device=real_x.device)                       # [n, 1]
    between = (eps * real_x + (1 - eps) * fake_x).requires_grad_(True)               # [n, dim]
    grad, = torch.autograd.grad(critic(between).sum(), between, create_graph=True)   # [n, dim]
    norms = torch.sqrt((grad ** 2).sum(1) + 1e-12)                                   # [n]
    return LAMBDA * ((norms - 1) ** 2).mean()
`,
};
