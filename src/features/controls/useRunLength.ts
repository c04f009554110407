import { useCallback, useEffect, useRef } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';

/**
 * A run is long once it has trained this long or this many iterations: then R asks before
 * discarding it (a stray key press should not throw away minutes of a lesson).
 */
export const LONG_RUN_SECONDS = 30;
export const LONG_RUN_ITERATIONS = 1000;

export interface RunLength {
  iterations: number;
  /** Seconds spent training (playing or stepping), not paused. */
  seconds: number;
  long: boolean;
}

/** How long the client's current run has trained; read on demand (a key press), not rendered. */
export function useRunLength(client: TrainingClient): () => RunLength {
  const tracked = useRef({ run: -1, seconds: 0, since: undefined as number | undefined });
  useEffect(() => {
    const update = () => {
      const { run, state } = client.getSnapshot();
      const now = performance.now();
      const t = tracked.current;
      if (run !== t.run) Object.assign(t, { run, seconds: 0, since: undefined });
      if (t.since !== undefined) t.seconds += (now - t.since) / 1000;
      t.since = state === 'paused' ? undefined : now;
    };
    update();
    return client.subscribe(update);
  }, [client]);
  return useCallback(() => {
    const { iteration, state } = client.getSnapshot();
    const t = tracked.current;
    const running = state !== 'paused' && t.since !== undefined ? (performance.now() - t.since) / 1000 : 0;
    const seconds = t.seconds + running;
    return {
      iterations: iteration,
      seconds,
      long: seconds > LONG_RUN_SECONDS || iteration > LONG_RUN_ITERATIONS,
    };
  }, [client]);
}
