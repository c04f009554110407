import { useEffect, useRef, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { RunConfig } from '../../gan/config.ts';
import { type Diagnosis, DiagnosisLog, diagnose } from '../../gan/diagnosis/diagnose.ts';
import type { RunHistory } from '../history/runHistory.ts';

/** The detectors run twice a second: a failure shows within half a second of its evidence. */
const DIAGNOSE_MS = 500;

const key = (list: readonly Diagnosis[]) => list.map((d) => `${d.finding.detector}:${d.finding.from}:${d.finding.to}:${d.active}`).join('|');

/**
 * Runs the failure-mode detectors over the run's streamed signals on a timer and keeps the cards
 * that have fired (DiagnosisLog). A new run (the history's run number changes) starts a new log.
 */
export function useDiagnoses(client: TrainingClient, history: RunHistory | undefined, config: Pick<RunConfig, 'objective' | 'lsganA' | 'lsganB'>): Diagnosis[] {
  const [diagnoses, setDiagnoses] = useState<Diagnosis[]>([]);
  const log = useRef(new DiagnosisLog());
  const run = useRef(-1);
  const { objective, lsganA, lsganB } = config;
  useEffect(() => {
    if (!history) return;
    const tick = () => {
      const h = history.getSnapshot();
      if (h.run !== run.current) {
        run.current = h.run;
        log.current.reset();
      }
      const findings = diagnose({
        config: { objective, lsganA, lsganB },
        stats: client.getSnapshot().stats,
        evaluations: h.evaluations,
        diversity: h.diversity,
        digits: h.classifier,
      });
      const next = log.current.update(findings);
      setDiagnoses((before) => (key(before) === key(next) ? before : next));
    };
    tick();
    const timer = setInterval(tick, DIAGNOSE_MS);
    return () => clearInterval(timer);
  }, [client, history, objective, lsganA, lsganB]);
  return diagnoses;
}
