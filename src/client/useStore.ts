import { useCallback, useSyncExternalStore } from 'react';
import type { Store } from './store.ts';

/**
 * The one bridge from a store outside React (store.ts) into a component. With a selector, the
 * component re-renders only when the selected part changes: select a field or a sub-object, never
 * build a new object in the selector (useSyncExternalStore compares with Object.is).
 */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, U>(store: Store<T>, select: (value: T) => U): U;
export function useStore<T, U>(store: Store<T>, select?: (value: T) => U): T | U {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const read = useCallback(() => (select ? select(store.getSnapshot()) : store.getSnapshot()), [store, select]);
  return useSyncExternalStore(subscribe, read);
}
