import type { Evaluation } from '../../src/gan/trainer.ts';
import type { StatPoint } from '../../src/gan/stats.ts';
import type { RunConfig } from '../../src/gan/config.ts';

const isWasserstein = (config: RunConfig) => config.objective === 'wgan' || config.objective === 'wganGp';

/** One report line: the latest iteration's signals plus the evaluation's metrics. */
export function reportLine(config: RunConfig, point: StatPoint, evaluation: Evaluation, seconds: number): Record<string, number> {
  const { iteration, dLoss, gLoss, dReal, dFake, gradNormG, gradNormD, outputGrad, wasserstein } = point;
  const line: Record<string, number> = { iteration, dLoss, gLoss, dReal, dFake, gradNormG, gradNormD, outputGrad };
  if (isWasserstein(config)) line.wasserstein = wasserstein;
  if (evaluation.modes) {
    const { modesCovered, modesTotal, highQuality, klUniform } = evaluation.modes;
    Object.assign(line, { modesCovered, modesTotal, highQuality, klUniform });
  }
  line.seconds = seconds;
  return line;
}
