import { useEffect, useState } from 'react';
import { TrainingClient } from '../../client/TrainingClient.ts';
import type { RunConfig } from '../../gan/config.ts';
import { BACKEND_NAMES, type BackendPreference } from '../../worker/protocol.ts';
import { openingLink } from '../share/openingLink.ts';
import { cpuShare } from './cpuShare.ts';
import type { RunLength } from '../controls/useRunLength.ts';

declare global {
  interface Window {
    /** The page's training client, for tests and benchmarks: only in a test build (`vite build --mode test`). */
    nash?: { training: TrainingClient };
    /** Compare mode's run B, for tests and the compare benchmark: only in a test build. */
    nashCompare?: TrainingClient;
    /** How long run B has trained, as R's question reads it (useRunLength): only in a test build. */
    nashCompareLength?: () => RunLength;
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

/** How compare mode's run B starts: a copy of A's run (the Compare button), or from `config` (a link), else A's settings. */
export interface CompareStart {
  copy: boolean;
  config?: RunConfig;
}

/**
 * Compare mode's run B (issue 18): a second TrainingClient, its own worker, while `on`. It starts as
 * a copy of run A: A's settings, and with `copy`, once A has trained, A's weights, optimiser state and chart
 * history at its current iteration (A pauses first, so both start from the same point); a fresh A
 * and B start from the same seed, hence the same initial weights and noise. Leaving compare mode
 * disposes B; A goes on as the single run.
 */
export function useCompareClient(a: TrainingClient, on: CompareStart | undefined): TrainingClient | undefined {
  const [client, setClient] = useState<TrainingClient>();
  useEffect(() => {
    if (!on) return;
    const { copy } = on;
    const start = a.getSnapshot();
    // Two runs share the machine's cores with the page: each trains its share of the time.
    const share = cpuShare(2, navigator.hardwareConcurrency || 2);
    a.setSchedule({ share });
    const created = new TrainingClient({
      backend: start.preference,
      config: on.config ?? start.config,
      schedule: { ...PLAYGROUND_SCHEDULE, share },
    });
    // A comparison (copy false) loads both runs' presets at once: nothing to copy, and a copy
    // arriving after B's reset would replace the preset's run.
    if (copy && start.iteration > 0) {
      a.pause();
      void a.exportRun().then((run) => created.importRun(run, a.getSnapshot().stats));
    }
    setClient(created);
    if (import.meta.env.MODE === 'test') window.nashCompare = created;
    return () => {
      setClient(undefined);
      a.setSchedule({ share: 1 });
      created.dispose();
      if (import.meta.env.MODE === 'test' && window.nashCompare === created) window.nashCompare = undefined;
    };
  }, [a, on]);
  return on ? client : undefined;
}
