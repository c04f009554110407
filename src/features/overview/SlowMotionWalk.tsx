import { useEffect, useRef } from 'react';
import { SUB_STEPS } from '../../gan/trace-shape.ts';
import { fill } from '../../i18n/fill.ts';
import { describeProblem } from '../../i18n/reliability.ts';
import * as overview from '../../i18n/overview.ts';
import { useStrings, useWords } from '../../i18n/useStrings.ts';
import type { WorkerProblem } from '../../worker/protocol.ts';
import { formatValue, rowsText, shapeText, symbolOf } from './describe.ts';
import { WALK_LENGTH, type WalkPosition } from './slowMotion.ts';

/**
 * The slow-motion step's controls and the sub-step being shown: what happens in one sentence, the
 * tensors it made (shape, mean, first rows), and Previous / Next sub-step / Finish (also ← and →).
 */
export function SlowMotionWalk({
  walk,
  busy,
  error,
  disabled,
  lossExtras,
  batch,
  objective,
  onStart,
  onGo,
  onFinish,
}: {
  walk?: WalkPosition;
  busy: boolean;
  error?: WorkerProblem;
  disabled: boolean;
  /** What the loss's value holds besides the objective's L_D or L_G. */
  lossExtras: { information: boolean; penalty: boolean };
  batch: number;
  objective: string;
  onStart(): void;
  onGo(index: number): void;
  onFinish(): void;
}) {
  const strings = useStrings();
  const t = useWords(overview);
  const next = useRef<HTMLButtonElement>(null);
  const finish = useRef<HTMLButtonElement>(null);
  const trace = walk?.trace;
  const last = walk?.index === WALK_LENGTH - 1;
  // A new walk takes the keyboard to Next, so Enter walks on; at the end Next is disabled, and Finish takes it.
  useEffect(() => {
    if (trace) next.current?.focus();
  }, [trace]);
  useEffect(() => {
    if (last) finish.current?.focus();
  }, [last]);

  return (
    <div className="slow-motion">
      <div className="slow-motion-start">
        <button type="button" onClick={onStart} disabled={disabled || busy}>
          {t.slowMotion}
        </button>
        <span className="hint">{busy ? t.tracing : t.slowMotionHint}</span>
      </div>
      {error ? (
        <p className="slow-motion-error" role="alert">
          {fill(t.failed, { message: describeProblem(error, strings.reliability) })}
        </p>
      ) : null}
      {walk ? (
        <div
          className="walk"
          role="group"
          aria-label={t.walk}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') onGo(walk.index + 1);
            else if (event.key === 'ArrowLeft') onGo(walk.index - 1);
          }}
        >
          <h3 aria-live="polite">
            {fill(t.walkTitle, {
              phase: t.phases[walk.network],
              n: walk.within + 1,
              total: SUB_STEPS.length,
              name: t.subSteps[walk.step.id],
            })}
          </h3>
          <ol className="walk-progress" aria-hidden="true">
            {Array.from({ length: WALK_LENGTH }, (_, i) => (
              <li
                key={i}
                className={`${i < SUB_STEPS.length ? 'd-phase' : 'g-phase'}${i === walk.index ? ' current' : ''}${i < walk.index ? ' done' : ''}`}
              />
            ))}
          </ol>
          <p className="walk-explain">
            {fill(t.explain[walk.network][walk.step.id], { batch, objective, parameters: walk.phase.parameters })}
          </p>
          {walk.step.id === 'loss' && lossExtras.information ? (
            <p className="walk-note">{t.lossWithInformation}</p>
          ) : null}
          {walk.step.id === 'loss' && walk.network === 'discriminator' && lossExtras.penalty ? (
            <p className="walk-note">{t.lossWithPenalty}</p>
          ) : null}
          {walk.phase.steps > 1 ? (
            <p className="walk-note">
              {fill(t.stepsNote, { network: t.networks[walk.network], steps: walk.phase.steps })}
            </p>
          ) : null}
          <dl className="walk-values" aria-label={t.values}>
            {walk.step.tensors.map((traced) => (
              <div key={traced.id}>
                <dt>{symbolOf(traced, walk.network, t)}</dt>
                <dd>
                  {traced.shape.length === 0 ? (
                    formatValue(traced.rows[0][0])
                  ) : (
                    <>
                      <span>{shapeText(traced, t)}</span>
                      {traced.mean !== undefined ? (
                        <span>{fill(t.mean, { value: formatValue(traced.mean) })}</span>
                      ) : null}
                      <span>{fill(t.firstRows, { rows: rowsText(traced) })}</span>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p className="walk-note">
            {fill(t.iterationNote, { from: walk.trace.iteration - 1, to: walk.trace.iteration })}
          </p>
          <div className="walk-buttons">
            <button type="button" onClick={() => onGo(walk.index - 1)} disabled={walk.index === 0}>
              {t.previous}
            </button>
            <button
              ref={next}
              type="button"
              onClick={() => onGo(walk.index + 1)}
              disabled={walk.index === WALK_LENGTH - 1}
            >
              {t.next}
            </button>
            <button ref={finish} type="button" onClick={onFinish}>
              {t.finish}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
