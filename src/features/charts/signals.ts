import type { Signal } from '../../gan/diagnosis/types.ts';

export const CHART_IDS = ['losses', 'outputs', 'gradients', 'quality', 'information'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** Which chart draws each signal a detector may cite, so its evidence is shaded there. */
export const CHART_OF: Record<Signal, ChartId> = {
  dLoss: 'losses',
  gLoss: 'losses',
  dReal: 'outputs',
  dFake: 'outputs',
  wasserstein: 'outputs',
  gradNormD: 'gradients',
  gradNormG: 'gradients',
  outputGrad: 'gradients',
  modesCovered: 'quality',
  highQuality: 'quality',
  digitModes: 'quality',
  diversity: 'quality',
  mutualInformation: 'information',
};

/** Short names of live settings for the chart markers ("lr_D 1e-3 → 1e-4"), in the course's symbols. */
export const MARKER_NAMES: Record<string, string> = {
  generatorLearningRate: 'lr_G',
  discriminatorLearningRate: 'lr_D',
  discriminatorSteps: 'k_D',
  generatorSteps: 'k_G',
  batchSize: 'batch',
  lsganA: 'a',
  lsganB: 'b',
  lsganC: 'c',
  clipValue: 'clip c',
  gradientPenalty: 'λ',
  infoLambda: 'λ_I',
  objective: 'loss',
  beta1: 'β1',
  beta2: 'β2',
  momentum: 'momentum',
  rmspropDecay: 'ρ',
  generatorOptimizer: 'opt_G',
  discriminatorOptimizer: 'opt_D',
};
