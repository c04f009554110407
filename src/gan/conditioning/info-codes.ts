import * as tf from '../tf.ts';
import type { RunConfig } from '../config.ts';
import type { Discriminator } from '../architectures/network.ts';
import { CONTINUOUS_CODE_WEIGHT } from '../architectures/constants.ts';
import { infoHead } from '../architectures/info-head.ts';
import type { Rng } from '../rng.ts';
import { unconditioned } from './none.ts';
import {
  type Condition,
  type Conditioning,
  cyclingLabels,
  type Information,
  oneHotRows,
  uniformLabels,
} from './types.ts';

/**
 * InfoGAN (Chen et al. 2016): G's latent is noise z ⊕ codes c, and a head Q on D's trunk (Q_HIDDEN
 * in architectures/info-head.ts) learns to recover c from G(z, c). Maximising the mutual information
 * I(c; G(z, c)) through its variational lower bound makes each code control something visible
 * without any label (on MNIST the categorical code tends to pick the digit).
 *
 *   G's input σ·z ⊕ c_cat ⊕ c_cont,  c_cat ~ Cat(K) (one-hot),  c_cont ~ U(−1, 1)^C,  C ∈ 0..3
 *   L_I = CE(c_cat, Q_cat(x)) + w·½‖c_cont − Q_mean(x)‖²,   x = G(z, c)   (σ fixed at 1, w = 0.1)
 *   D/Q step: minimise L_D + λ·L_I over D's and Q's variables
 *   G step:   minimise L_G + λ·L_I over G's variables
 *
 * w is CONTINUOUS_CODE_WEIGHT (architectures/constants.ts), PyTorch-GAN infogan.py's lambda_con: at
 * w = 1 a continuous code took the digit's identity on MNIST and the categorical code only styles.
 *
 * σ is infoNoiseScale (1: the paper's G). A smaller σ leaves less of the digit to the noise, so the
 * categorical code must carry it (ClusterGAN, Mukherjee et al. 2019, draws z with σ = 0.1 for this
 * reason). On MNIST with DCGAN's networks (PyTorch, the project's classifier, 4,000 iterations) the
 * code values' purity read 0.59–0.62 at σ = 1 (seeds 1–2) and 0.82–0.93 at σ = 0.2 (seeds 1–4); at
 * 0.1 G dropped digits (seed 1: 7–9 present). The latent explorer's z stays N(0, 1): G scales it.
 *
 * The objective's L_D and L_G are unchanged; the information term is added around them (openai/InfoGAN
 * infogan_trainer.py adds −λ·MI to both; −MI and L_I differ by the constant H(c)). D's score and
 * features ignore the codes: D judges realism only, Q alone reads the codes.
 *
 * The reported estimate is the categorical code's bound H(c_cat) − CE = ln K − CE, at most ln K
 * (ln 10 ≈ 2.30 for MNIST's Cat(10)); the continuous codes enter the loss but not this number.
 */
export function infoCodes(
  config: Pick<RunConfig, 'categories' | 'continuousCodes' | 'infoNoiseScale'>,
  discriminator: Discriminator,
  rng: Rng,
): Conditioning {
  const { categories: values, continuousCodes, infoNoiseScale } = config;
  const head = infoHead(rng, { featureSize: discriminator.featureSize, categories: values, continuousCodes });
  const entropy = Math.log(values); // H(c_cat) of the uniform prior, in nats

  const sample = (n: number, codeRng: Rng): Condition => ({
    labels: uniformLabels(n, values, codeRng),
    continuous: codeRng.fillUniform(new Float32Array(n * continuousCodes), -1, 1),
  });
  const tensors = (condition: Condition) => {
    const { labels, continuous } = condition;
    if (!labels || !continuous) throw new Error('Conditioning (infoCodes): the batch carries no codes');
    const n = labels.length;
    return {
      categorical: tf.tensor2d(oneHotRows(labels, values), [n, values]), // [n, K]
      continuous: tf.tensor2d(continuous, [n, continuousCodes]), // [n, C]
    };
  };

  return {
    id: 'infoCodes',
    values,
    criticVariables: [],
    headVariables: head.trainable,
    forDiscriminatorStep: (_real, n, codeRng) => sample(n, codeRng),
    sample,
    grid: (n) => ({ labels: cyclingLabels(n, values), continuous: new Float32Array(n * continuousCodes) }),
    generatorInput: (noise, condition) =>
      tf.tidy(() => {
        const codes = tensors(condition);
        const scaled = infoNoiseScale === 1 ? noise : tf.mul<tf.Tensor2D>(noise, infoNoiseScale); // σ·z, [n, latentSize]
        return tf.concat([scaled, codes.categorical, codes.continuous], 1); // [n, latentSize + K + C]
      }),
    judge: unconditioned().judge,
    information: (features, condition, { infoLambda }): Information =>
      tf.tidy(() => {
        const codes = tensors(condition);
        const { logits, means } = head.predict(features); // [n, K], [n, C]
        const crossEntropy = tf.neg(tf.mean(tf.sum(tf.mul(codes.categorical, tf.logSoftmax(logits)), 1))); // []
        const squaredError = continuousCodes
          ? tf.mul(0.5 * CONTINUOUS_CODE_WEIGHT, tf.mean(tf.sum(tf.square(tf.sub(codes.continuous, means)), 1)))
          : tf.scalar(0); // []
        return {
          loss: tf.mul(infoLambda, tf.add(crossEntropy, squaredError)) as tf.Scalar,
          mutualInformation: tf.sub(entropy, crossEntropy) as tf.Scalar,
        };
      }),
    dispose: () => head.dispose(),
  };
}
