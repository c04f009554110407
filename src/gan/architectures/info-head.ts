import * as tf from '../tf.ts';
import type { Rng } from '../rng.ts';
import { Q_HIDDEN } from './constants.ts';
import { glorotUniform, LEAKY_SLOPE, seededVariable, zeros } from './network.ts';

/**
 * InfoGAN's Q head (Chen et al. 2016, appendix C): Q shares every layer of D's trunk and adds one
 * hidden layer and an output layer of its own, so recognising the codes costs little beyond D.
 *
 *   D's features [n, featureSize] → dense → [n, Q_HIDDEN] → LeakyReLU 0.2 → dense → [n, K + C]
 *
 * The first K outputs are the logits of the categorical code's K values; the last C are the means
 * of the continuous codes' factored Gaussians (σ fixed at 1, so their log-likelihood is −½(c − μ)²
 * up to a constant). The paper's head has batch norm after its hidden layer; this one has none, so
 * Q's prediction for a sample never depends on the rest of its batch.
 */

export interface InfoHeadShape {
  featureSize: number;
  /** K, values of the categorical code. */
  categories: number;
  /** C, continuous codes (0–3). */
  continuousCodes: number;
}

export interface InfoPrediction {
  /** [n, K] logits of Q(c_cat | x). */
  logits: tf.Tensor2D;
  /** [n, C] means of Q(c_cont | x); [n, 0] without continuous codes. */
  means: tf.Tensor2D;
}

export interface InfoHead {
  /** Trained in D's step, alongside D's own variables. */
  readonly trainable: tf.Variable[];
  predict(features: tf.Tensor2D): InfoPrediction;
  dispose(): void;
}

export function infoHead(rng: Rng, { featureSize, categories, continuousCodes }: InfoHeadShape): InfoHead {
  const outputs = categories + continuousCodes;
  const hiddenKernel = seededVariable(
    [featureSize, Q_HIDDEN],
    glorotUniform(rng, featureSize, Q_HIDDEN),
    'q_hidden_kernel',
  );
  const hiddenBias = seededVariable([Q_HIDDEN], zeros, 'q_hidden_bias');
  const outKernel = seededVariable([Q_HIDDEN, outputs], glorotUniform(rng, Q_HIDDEN, outputs), 'q_out_kernel');
  const outBias = seededVariable([outputs], zeros, 'q_out_bias');
  const trainable = [hiddenKernel, hiddenBias, outKernel, outBias];
  return {
    trainable,
    predict: (features) =>
      tf.tidy(() => {
        const hidden = tf.leakyRelu(tf.add(tf.matMul(features, hiddenKernel), hiddenBias), LEAKY_SLOPE); // [n, Q_HIDDEN]
        const out = tf.add(tf.matMul(hidden, outKernel), outBias) as tf.Tensor2D; // [n, K + C]
        const n = out.shape[0];
        return {
          logits: tf.slice(out, [0, 0], [n, categories]), // [n, K]
          means: tf.slice(out, [0, categories], [n, continuousCodes]), // [n, C]
        };
      }),
    dispose: () => trainable.forEach((v) => v.dispose()),
  };
}
