import type { ObjectiveModule, Tf } from './types.ts';
import type * as TF from '../tf.ts';

/**
 * The hinge loss (Lim & Ye 2017; Miyato et al. 2018's SNGAN, Brock et al. 2019's BigGAN), beyond the
 * course notes. D outputs an unbounded score, as WGAN's critic does, but each term is a hinge: D is
 * pushed to score real data at least +1 and fakes at most −1, and no further once it does. G raises
 * D's score on its fakes, WGAN's generator loss.
 *
 *   L_D = E_x[max(0, 1 − D(x))] + E_z[max(0, 1 + D(G(z)))]
 *   L_G = −E_z[D(G(z))]
 */
export function discriminatorLoss(tf: Tf, real: TF.Tensor, fake: TF.Tensor): TF.Scalar {
  return tf.add(tf.mean(tf.relu(tf.sub(1, real))), tf.mean(tf.relu(tf.add(1, fake))));
}

export function generatorLoss(tf: Tf, fake: TF.Tensor): TF.Scalar {
  return tf.neg(tf.mean(fake));
}

export const hinge: ObjectiveModule = {
  id: 'hinge',
  output: 'score',
  settings: [],
  // The log-loss GANs' Adam 1e-3, β1 0.5, one D step per G step: 7 of 8 ring modes by iteration 750–1,000 at seeds 1–3, wasm (learning-ring.test.ts).
  recipe: {},
  // Nothing per sample to break: batch norm stays in DCGAN's critic.
  criticBatchNorm: true,
  losses: { discriminatorLoss, generatorLoss },
  tex: ({ Dx, DGz, Ex, Ez }) => ({
    discriminator: `L_D = ${Ex}[\\max(0,\\ 1-${Dx})] + ${Ez}[\\max(0,\\ 1+${DGz})]`,
    generator: `L_G = -${Ez}[${DGz}]`,
  }),
  pytorch: `# src/gan/objectives/hinge.ts (Lim & Ye 2017; Miyato et al. 2018), D's output a score:
#   L_D = E_x[max(0, 1 - D(x))] + E_z[max(0, 1 + D(G(z)))]
#   L_G = -E_z[D(G(z))]
def discriminator_loss(real, fake):
    return F.relu(1 - real).mean() + F.relu(1 + fake).mean()


def generator_loss(fake):
    return -fake.mean()
`,
};
