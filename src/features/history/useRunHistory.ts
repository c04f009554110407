import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { type HistoryState, RunHistory } from './runHistory.ts';

/** One RunHistory per client, made in an effect so StrictMode's double mount leaves one listener. */
export function useRunHistoryStore(client: TrainingClient): RunHistory | undefined {
  const [history, setHistory] = useState<RunHistory>();
  useEffect(() => {
    const created = new RunHistory(client);
    setHistory(created);
    return () => created.dispose();
  }, [client]);
  return history;
}

const noop = () => () => undefined;
const EMPTY: HistoryState = { run: 0, evaluations: [], classifier: [], diversity: [], snapshots: [] };

/** The history's state; re-renders at most once a frame (FrameListeners). */
export function useRunHistory(history: RunHistory | undefined): HistoryState {
  return useSyncExternalStore(history?.subscribe ?? noop, history?.getSnapshot ?? (() => EMPTY));
}
