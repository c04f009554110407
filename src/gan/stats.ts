import type { RunConfig } from './config.ts';
import { OBJECTIVE_MODULES } from './objectives/modules.ts';
/**
 * The per-iteration signals the trainer records on the device and reads back in batches.
 * Order matters: it is the layout of the stacked stats tensor.
 */
export const STAT_FIELDS = [
  /** Discriminator (critic) loss of the iteration's last D step, penalty and InfoGAN's λ·L_I included. */
  'dLoss',
  /** Generator loss of the iteration's last G step, InfoGAN's λ·L_I included. */
  'gLoss',
  /** Mean D(x): σ(logit) for the log-loss objectives, the raw score for LSGAN and WGAN. */
  'dReal',
  /** Mean D(G(z)), read the same way. */
  'dFake',
  /** Global L2 norm of the discriminator's parameter gradient. */
  'gradNormD',
  /** Global L2 norm of the generator's parameter gradient. */
  'gradNormG',
  /**
   * Mean |∂L_G/∂ℓ| per fake sample, ℓ being D's output before any sigmoid (its logit; a critic's or
   * LSGAN's output itself): ∂L_G/∂ℓ = −D(G(z)) for the saturating loss, −(1 − D(G(z))) for the
   * non-saturating one. Not ∂L_G/∂D, which is −1/(1 − D(G(z))) → −1 for the saturating loss. Shows
   * vanishing gradients even where Adam rescales the parameter step.
   */
  'outputGrad',
  /** E[D(x)] − E[D(G(z))]: the Wasserstein estimate for WGAN objectives (−critic loss without penalty). */
  'wasserstein',
  /**
   * InfoGAN: H(c) − CE(c, Q(c|G(z, c))) for the categorical code, from the iteration's last step;
   * a lower bound on the mutual information I(c; G(z, c)) that approaches ln K. NaN without codes.
   */
  'mutualInformation',
] as const;

export type StatField = (typeof STAT_FIELDS)[number];

/** One iteration's signals; a field is NaN where that network did not step in the iteration. */
export type StatPoint = { iteration: number } & Record<StatField, number>;

/**
 * The signals a run records, as its charts draw them: the trainer computes E[D(x)] − E[D(G(z))] for
 * every objective, but it estimates a distance only for an objective that says so (its module's
 * `distance`: WGAN, WGAN-GP); the mutual information exists only with InfoGAN's codes.
 */
export function recordedSignals(config: Pick<RunConfig, 'objective' | 'conditioning'>): StatField[] {
  return STAT_FIELDS.filter(
    (field) =>
      (field !== 'wasserstein' || OBJECTIVE_MODULES[config.objective].distance === 'wasserstein') &&
      (field !== 'mutualInformation' || config.conditioning === 'infoCodes'),
  );
}
