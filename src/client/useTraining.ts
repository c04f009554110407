import type { TrainingClient } from './TrainingClient.ts';
import type { TrainingState } from './trainingState.ts';
import { useStore } from './useStore.ts';

/** The training client's state in a component, through the one bridge (useStore); with a selector, only the selected part re-renders. */
export function useTraining(client: TrainingClient): TrainingState;
export function useTraining<T>(client: TrainingClient, select: (snapshot: TrainingState) => T): T;
export function useTraining<T>(client: TrainingClient, select?: (snapshot: TrainingState) => T): T | TrainingState {
  return useStore<TrainingState, T | TrainingState>(client, select ?? whole);
}

const whole = (snapshot: TrainingState) => snapshot;
