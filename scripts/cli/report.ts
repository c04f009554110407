import type { Evaluation } from '../../src/gan/trainer.ts';
import type { StatPoint } from '../../src/gan/stats.ts';
import type { RunConfig } from '../../src/gan/config.ts';
import { isCritic, OBJECTIVE_MODULES } from '../../src/gan/objectives/modules.ts';

/** One report line: the latest iteration's signals plus the evaluation's metrics. */
export function reportLine(
  config: RunConfig,
  point: StatPoint,
  evaluation: Evaluation,
  seconds: number,
): Record<string, number> {
  const { iteration, dLoss, gLoss, dReal, dFake, gradNormG, gradNormD, outputGrad, wasserstein, mutualInformation } =
    point;
  const line: Record<string, number> = { iteration, dLoss, gLoss, dReal, dFake, gradNormG, gradNormD, outputGrad };
  // A critic's E[D(x)] − E[D(G(z))]: WGAN's estimate of W(p_r, p_g).
  if (isCritic(OBJECTIVE_MODULES[config.objective])) line.wasserstein = wasserstein;
  if (config.conditioning === 'infoCodes') line.mutualInformation = mutualInformation;
  if (evaluation.modes) {
    const { modesCovered, modesTotal, highQuality, klUniform } = evaluation.modes;
    Object.assign(line, { modesCovered, modesTotal, highQuality, klUniform });
  }
  // Label accuracy (CGAN) or code purity and distinct classes (InfoGAN), where they were measured.
  for (const [name, value] of Object.entries(evaluation.conditional ?? {})) if (value !== undefined) line[name] = value;
  line.seconds = seconds;
  return line;
}
