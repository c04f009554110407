import type { ObjectiveId } from '../config.ts';
import { lsgan } from './lsgan.ts';
import { minimax } from './minimax.ts';
import { nonSaturating } from './nonSaturating.ts';
import type { Objective } from './types.ts';
import { wgan } from './wgan.ts';
import { wganGp } from './wganGp.ts';

export const OBJECTIVE_REGISTRY: Record<ObjectiveId, Objective> = { minimax, nonSaturating, lsgan, wgan, wganGp };

export function objectiveFor(id: ObjectiveId): Objective {
  return OBJECTIVE_REGISTRY[id];
}
