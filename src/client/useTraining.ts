import type { TrainingClient } from './TrainingClient.ts';
import type { TrainingSnapshot } from './trainingState.ts';
import { useStore } from './useStore.ts';

/** The training client's state in a component, through the one bridge (useStore); with a selector, only the selected part re-renders. */
export function useTraining(client: TrainingClient): TrainingSnapshot;
export function useTraining<T>(client: TrainingClient, select: (snapshot: TrainingSnapshot) => T): T;
export function useTraining<T>(client: TrainingClient, select?: (snapshot: TrainingSnapshot) => T): T | TrainingSnapshot {
  return useStore<TrainingSnapshot, T | TrainingSnapshot>(client, select ?? whole);
}

const whole = (snapshot: TrainingSnapshot) => snapshot;
