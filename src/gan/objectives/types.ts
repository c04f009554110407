import type * as tf from '../tf.ts';
import type { ObjectiveId, RunConfig } from '../config.ts';

/** The live settings an objective reads: LSGAN's labels, WGAN's clip value, WGAN-GP's λ. */
export type ObjectiveParams = Pick<RunConfig, 'lsganA' | 'lsganB' | 'lsganC' | 'clipValue' | 'gradientPenalty'>;

/** The discriminator (or critic) as a function of its input, for penalties that differentiate it. */
export type CriticFn = (x: tf.Tensor2D) => tf.Tensor2D;

/**
 * One GAN objective. `real` and `fake` are the discriminator's raw outputs, shape [batch, 1]:
 * a logit for the log-loss objectives (D = σ(logit)), a score for LSGAN and the WGAN critic.
 */
export interface Objective {
  readonly id: ObjectiveId;
  /** How to read the raw output as "D": through a sigmoid, or as it is. */
  readonly output: 'logit' | 'score';
  discriminatorLoss(real: tf.Tensor, fake: tf.Tensor, params: ObjectiveParams): tf.Scalar;
  generatorLoss(fake: tf.Tensor, params: ObjectiveParams): tf.Scalar;
  /** An extra term of the critic's loss that needs the critic itself (WGAN-GP's penalty). */
  criticPenalty?(critic: CriticFn, real: tf.Tensor2D, fake: tf.Tensor2D, epsilon: tf.Tensor2D, params: ObjectiveParams): tf.Scalar;
  /** Runs after every critic update (WGAN's weight clipping). */
  afterCriticStep?(criticVariables: readonly tf.Variable[], params: ObjectiveParams): void;
}
