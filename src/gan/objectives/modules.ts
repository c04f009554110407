/**
 * The objectives, one module each (types.ts ObjectiveModule), in the order the menus list them.
 * Adding an objective is its file, a line here and its words in src/i18n/objectives.ts: the id list
 * (config.ts OBJECTIVES), the trainer, the controls, the formula card, the CLI, the Python export,
 * the recipes and the detectors all read it from here. No TensorFlow.js at run time: the page reads
 * this table too.
 */
import { hinge } from './hinge.ts';
import { lsgan } from './lsgan.ts';
import { minimax } from './minimax.ts';
import { nonSaturating } from './nonSaturating.ts';
import type { ObjectiveModule } from './types.ts';
import { wgan } from './wgan.ts';
import { wganGp } from './wganGp.ts';

export const OBJECTIVE_MODULES = {
  minimax,
  nonSaturating,
  lsgan,
  wgan,
  wganGp,
  hinge,
} satisfies Record<string, ObjectiveModule>;

/** A score without target values is a critic's (WGAN's D_w): it is charted as one, and it estimates a distance, not a probability. */
export function isCritic(module: Pick<ObjectiveModule, 'output' | 'labels'>): boolean {
  return module.output === 'score' && !module.labels;
}
