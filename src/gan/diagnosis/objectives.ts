import type { ObjectiveId } from '../config.ts';

/**
 * How to read D's output in the streamed signals: a probability σ(logit) for the log-loss GANs, a
 * score aimed at the labels a and b for LSGAN, an unbounded critic value for the WGANs.
 */
export function objectiveOutput(objective: ObjectiveId): 'probability' | 'score' | 'critic' {
  switch (objective) {
    case 'minimax':
    case 'nonSaturating':
      return 'probability';
    case 'lsgan':
      return 'score';
    case 'wgan':
    case 'wganGp':
      return 'critic';
  }
}
