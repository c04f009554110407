import type { ObjectiveId } from '../config.ts';
import { isCritic, OBJECTIVE_MODULES } from '../objectives/modules.ts';

/**
 * How to read D's output in the streamed signals, from the objective's module: a probability
 * σ(logit) for the log-loss GANs, a score aimed at its labels (LSGAN's a and b), or an unbounded
 * critic value (a score without labels: the WGANs). The detectors that apply follow from it: "D overpowers" and
 * "vanishing" read a probability or labels, "weak D" a probability, "exploding" a critic.
 */
export function objectiveOutput(objective: ObjectiveId): 'probability' | 'score' | 'critic' {
  const module = OBJECTIVE_MODULES[objective];
  if (module.output === 'logit') return 'probability';
  return isCritic(module) ? 'critic' : 'score';
}
