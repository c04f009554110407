import { useEffect, useState } from 'react';
import { TrainingClient } from '../../client/TrainingClient.ts';
import { BACKEND_NAMES, type BackendPreference } from '../../worker/protocol.ts';
import { openingLink } from '../share/openingLink.ts';

declare global {
  interface Window {
    /** The page's training client, for tests and benchmarks: only in a test build (`vite build --mode test`). */
    nash?: { training: TrainingClient };
  }
}

const BACKEND_KEY = 'nash.backend';

/**
 * Mode metrics every 25 iterations rather than 100: the mode-collapse detector reads four of them,
 * so it can name a collapse ~100 iterations after it sets in (seconds on a CPU). The worker still
 * bounds their cost to a small share of the loop.
 */
const PLAYGROUND_SCHEDULE = { metricsEvery: 25 };

/** The backend setting is the machine's, not the run's: it is remembered here, not put in the URL. */
export function savedBackend(): BackendPreference {
  const saved = globalThis.localStorage?.getItem(BACKEND_KEY);
  return BACKEND_NAMES.find((name) => name === saved) ?? 'auto';
}

export function saveBackend(preference: BackendPreference): void {
  globalThis.localStorage?.setItem(BACKEND_KEY, preference);
}

/**
 * One TrainingClient (one worker) while the component is mounted, starting from the configuration
 * in the page's link (src/features/share). It is made in an effect, not
 * during render, so StrictMode's mount–unmount–mount leaves exactly one worker running.
 */
export function useTrainingClient(): TrainingClient | undefined {
  const [client, setClient] = useState<TrainingClient>();
  useEffect(() => {
    const created = new TrainingClient({
      backend: savedBackend(),
      config: openingLink().state.config,
      schedule: PLAYGROUND_SCHEDULE,
    });
    setClient(created);
    // A constant in each build: the production build drops the hook (issue 16).
    if (import.meta.env.MODE === 'test') window.nash = { training: created };
    return () => {
      created.dispose();
      if (import.meta.env.MODE === 'test' && window.nash?.training === created) window.nash = undefined;
    };
  }, []);
  return client;
}
