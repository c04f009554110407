import type { ObjectiveId } from '../config.ts';
import * as tf from '../tf.ts';
import { OBJECTIVE_MODULES } from './modules.ts';
import type { Objective, ObjectiveModule } from './types.ts';

/** A module's losses as the trainer calls them: tf bound, every loss inside its own tf.tidy. */
function bind({ id, output, losses }: ObjectiveModule): Objective {
  const { criticPenalty, afterCriticStep } = losses;
  return {
    id,
    output,
    discriminatorLoss: (real, fake, params) => tf.tidy(() => losses.discriminatorLoss(tf, real, fake, params)),
    generatorLoss: (fake, params) => tf.tidy(() => losses.generatorLoss(tf, fake, params)),
    criticPenalty:
      criticPenalty &&
      ((critic, real, fake, epsilon, params) => tf.tidy(() => criticPenalty(tf, critic, real, fake, epsilon, params))),
    afterCriticStep: afterCriticStep && ((variables, params) => afterCriticStep(tf, variables, params)),
  };
}

/** Every objective of modules.ts, ready to train. */
export const OBJECTIVE_REGISTRY = Object.fromEntries(
  Object.values(OBJECTIVE_MODULES).map((module) => [module.id, bind(module)]),
) as Record<ObjectiveId, Objective>;

export function objectiveFor(id: ObjectiveId): Objective {
  return OBJECTIVE_REGISTRY[id];
}
