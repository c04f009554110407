import { memo, useId } from 'react';
import type { Diagnosis } from '../../gan/diagnosis/diagnose.ts';
import type { Measurement } from '../../gan/diagnosis/types.ts';
import { divergenceAdvice, divergenceEvidence } from '../../i18n/reliability.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { formatSetting } from '../../i18n/format.ts';
import type { Divergence } from './useDivergence.ts';

function formatValue(value: number): string {
  return Number.isFinite(value) ? formatSetting(Number(value.toPrecision(3))) : String(value);
}

/**
 * The region a teacher points at: one card per failure a detector has seen in this run, headed by
 * its name, with a sentence for students, the evidence (which curve, which iterations: shaded on
 * that chart, the numbers against their thresholds) and the usual fixes. A divergence the worker
 * rolled back comes first, in the same shape.
 */
export const DiagnosticsPanel = memo(function DiagnosticsPanel({
  diagnoses,
  divergence,
}: {
  diagnoses: readonly Diagnosis[];
  divergence?: Divergence;
}) {
  const t = useStrings().diagnostics;
  const curves = useStrings().charts.curves as Record<string, string>;
  // Unique per panel: compare mode shows two (one per run), each card named by its own heading.
  const ids = useId();
  const measurement = (m: Measurement) =>
    t.measurement(t.measurements[m.name] ?? m.name, formatValue(m.value), formatValue(m.threshold), m.fires);
  return (
    <section className="diagnostics" aria-label={t.region} aria-live="polite">
      <h2>{t.region}</h2>
      {diagnoses.length === 0 && !divergence ? <p className="quiet">{t.none}</p> : null}
      {divergence ? <DivergenceCard divergence={divergence} /> : null}
      {diagnoses.map(({ finding, active }) => {
        // A critic's failure has words of its own where they differ (a clipped critic is flat, it rejects nothing).
        const detector = { ...t.detectors[finding.detector], ...(finding.critic ? t.critic[finding.detector] : {}) };
        return (
          <article
            key={finding.detector}
            className={`diagnosis${active ? ' active' : ''}`}
            aria-labelledby={`${ids}-${finding.detector}`}
          >
            <h3 id={`${ids}-${finding.detector}`}>{detector.name}</h3>
            <p className="state">{active ? t.active : t.earlier(finding.to)}</p>
            <p>{detector.explanation}</p>
            <p className="evidence">
              <strong>{t.evidenceLabel}:</strong>{' '}
              {t.window(finding.signals.map((s) => curves[s] ?? s).join(', '), finding.from, finding.to)}
              {'. '}
              {finding.measurements
                .filter((m) => m.name !== 'modesTotal')
                .map(measurement)
                .join('; ')}
            </p>
            <p className="fixes-label">
              <strong>{t.fixesLabel}:</strong>
            </p>
            <ul>
              {detector.fixes.map((fix) => (
                <li key={fix}>{fix}</li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
});

function DivergenceCard({ divergence: { report, active } }: { divergence: Divergence }) {
  const strings = useStrings();
  const t = strings.diagnostics;
  const id = useId();
  return (
    <article className={`diagnosis${active ? ' active' : ''}`} aria-labelledby={id}>
      <h3 id={id}>{t.divergence.name}</h3>
      <p className="state">
        {active ? t.divergence.active(report.restoredIteration) : t.divergence.earlier(report.restoredIteration)}
      </p>
      <p>{t.divergence.explanation}</p>
      <p className="evidence">
        <strong>{t.evidenceLabel}:</strong>{' '}
        {[
          ...divergenceEvidence(report, strings.reliability),
          t.divergence.window(report.restoredIteration, report.noticedAt),
        ].join(' ')}
      </p>
      <p className="fixes-label">
        <strong>{t.fixesLabel}:</strong>
      </p>
      <ul>
        {divergenceAdvice(report, strings.reliability).map((advice) => (
          <li key={advice}>{advice}</li>
        ))}
      </ul>
    </article>
  );
}
