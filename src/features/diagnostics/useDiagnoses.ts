import { useEffect, useRef, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { RunConfig } from '../../gan/config.ts';
import { type Diagnosis, DiagnosisLog, diagnose } from '../../gan/diagnosis/diagnose.ts';
import type { RunHistory } from '../history/runHistory.ts';

/** The detectors run twice a second: a failure shows within half a second of its evidence. */
const DIAGNOSE_MS = 500;

const key = (list: readonly Diagnosis[]) =>
  list.map((d) => `${d.finding.detector}:${d.finding.from}:${d.finding.to}:${d.active}`).join('|');

/**
 * Runs the failure-mode detectors over the run's streamed signals on a timer and keeps the cards
 * that have fired (DiagnosisLog). Cards belong to one run: they clear the moment a reset starts
 * (the client goes back to `starting`), not at the next tick, and nothing is judged until the new
 * run's history has begun, so a preset never opens with its predecessor's card.
 */
export function useDiagnoses(
  client: TrainingClient,
  history: RunHistory | undefined,
  config: Pick<RunConfig, 'objective' | 'lsganA' | 'lsganB'>,
): Diagnosis[] {
  const [diagnoses, setDiagnoses] = useState<Diagnosis[]>([]);
  const log = useRef(new DiagnosisLog());
  const run = useRef(-1);
  const { objective, lsganA, lsganB } = config;
  useEffect(() => {
    if (!history) return;
    const publish = (next: Diagnosis[]) => setDiagnoses((before) => (key(before) === key(next) ? before : next));
    const tick = () => {
      const h = history.getSnapshot();
      const snapshot = client.getSnapshot();
      if (snapshot.phase === 'starting' || h.run !== run.current) {
        log.current.reset();
        publish([]);
        // The old run's history stays until the new run's `ready`: judge nothing until then.
        if (snapshot.phase === 'starting') return;
        run.current = h.run;
      }
      const findings = diagnose({
        config: { objective, lsganA, lsganB },
        stats: snapshot.stats,
        evaluations: h.evaluations,
        diversity: h.diversity,
        digits: h.classifier,
        changes: snapshot.markers.map((marker) => marker.iteration),
      });
      publish(log.current.update(findings));
    };
    tick();
    const timer = setInterval(tick, DIAGNOSE_MS);
    // A reset or a new run clears the cards at once rather than at the next tick.
    const onClient = () => client.getSnapshot().phase === 'starting' && log.current.list().length > 0 && tick();
    const onHistory = () => history.getSnapshot().run !== run.current && tick();
    const unsubscribeClient = client.subscribe(onClient);
    const unsubscribeHistory = history.subscribe(onHistory);
    return () => {
      clearInterval(timer);
      unsubscribeClient();
      unsubscribeHistory();
    };
  }, [client, history, objective, lsganA, lsganB]);
  return diagnoses;
}
