import { useEffect, useState } from 'react';
import type { Store } from '../../client/store.ts';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { useStore } from '../../client/useStore.ts';
import { emptyHistory, type HistoryState, RunHistory } from './runHistory.ts';

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

/** What a component reads before its history exists (the first render, before the effect). */
const NO_HISTORY_YET: HistoryState = emptyHistory(0);
const NO_HISTORY: Store<HistoryState> = { subscribe: () => () => undefined, getSnapshot: () => NO_HISTORY_YET };

/** The history's state, through the one bridge (useStore); re-renders at most once a frame (FrameListeners). */
export function useRunHistory(history: RunHistory | undefined): HistoryState {
  return useStore(history ?? NO_HISTORY);
}
