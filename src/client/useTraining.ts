import { useCallback, useSyncExternalStore } from 'react';
import type { TrainingClient, TrainingSnapshot } from './TrainingClient.ts';

/**
 * The one bridge from the training client into React. With a selector, a component re-renders only
 * when the selected part changes: select a field or a sub-object of the snapshot, never build a new
 * object in the selector (useSyncExternalStore compares with Object.is).
 */
export function useTraining(client: TrainingClient): TrainingSnapshot;
export function useTraining<T>(client: TrainingClient, select: (snapshot: TrainingSnapshot) => T): T;
export function useTraining<T>(client: TrainingClient, select?: (snapshot: TrainingSnapshot) => T): T | TrainingSnapshot {
  const read = useCallback(() => (select ? select(client.getSnapshot()) : client.getSnapshot()), [client, select]);
  return useSyncExternalStore(client.subscribe, read);
}
