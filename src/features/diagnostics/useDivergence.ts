import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import type { DivergenceReport } from '../../worker/divergence.ts';

/** The run's latest divergence; `active` while the run rests where it was rolled back to. */
export interface Divergence {
  report: DivergenceReport;
  active: boolean;
}

const runOf = (s: TrainingState) => s.run;

/**
 * The divergence the worker's guard reported in this run, for the Diagnostics region. It belongs to
 * the run like a detector's card: a reset clears it, a worker restart (same run) keeps it, and
 * dismissing the message does not touch it.
 */
export function useDivergence(client: TrainingClient): Divergence | undefined {
  const [seen, setSeen] = useState<{ run: number; report: DivergenceReport }>();
  useEffect(
    () =>
      client.onEvent((event) => {
        // Listeners hear an event before the client folds it in: the run is still the one that diverged.
        if (event.type === 'diverged') setSeen({ run: client.getSnapshot().run, report: event.report });
      }),
    [client],
  );
  const run = useTraining(client, runOf);
  const restored = seen?.report.restoredIteration;
  const resting = useTraining(
    client,
    useCallback((s: TrainingState) => s.state === 'paused' && s.iteration === restored, [restored]),
  );
  return useMemo(
    () => (seen && seen.run === run ? { report: seen.report, active: resting } : undefined),
    [seen, run, resting],
  );
}
