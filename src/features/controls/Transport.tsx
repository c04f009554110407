import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { HistoryState, RunHistory } from '../history/runHistory.ts';
import { useRunHistory } from '../history/useRunHistory.ts';
import type { Playground, Speed } from './usePlayground.ts';

const stateOf = (s: TrainingState) => s.state;
const phaseOf = (s: TrainingState) => s.phase;
const iterationOf = (s: TrainingState) => s.iteration;
const rateOf = (s: TrainingState) => s.iterationsPerSecond;

/** Slow motion for explaining single steps, GAN Lab's idea; "full" runs as fast as the backend goes. */
const SPEEDS: { key: 'full' | 'ten' | 'two'; value: Speed }[] = [
  { key: 'full', value: undefined },
  { key: 'ten', value: 10 },
  { key: 'two', value: 2 },
];

/** "k / K" modes covered: the mode metrics on 2D data with modes, the digit classifier's classes on MNIST. */
export function modesText(history: HistoryState): string {
  const modes = history.evaluations.at(-1)?.modes;
  if (modes) return `${modes.modesCovered} / ${modes.modesTotal}`;
  const digits = history.classifier.at(-1);
  if (digits) return `${digits.modes} / ${digits.histogram.length}`;
  return '–';
}

/** Train/Pause, Step, Step D, Step G, Reset, speed, and the counters. Space, S and R do the same from the keyboard. */
export function Transport({
  client,
  playground,
  store,
}: {
  client: TrainingClient;
  playground: Playground;
  store?: RunHistory;
}) {
  const history = useRunHistory(store);
  const t = useStrings().playground;
  const v = useStrings().views;
  const state = useTraining(client, stateOf);
  const ready = useTraining(client, phaseOf) === 'ready';
  const iteration = useTraining(client, iterationOf);
  const rate = useTraining(client, rateOf);
  const running = state !== 'paused';
  const attention = Object.keys(playground.pending).length > 0 || playground.pointsChanged;
  return (
    <div className="transport" role="group" aria-label={t.transport}>
      <button
        type="button"
        className="primary"
        disabled={!ready}
        onClick={playground.togglePlay}
        aria-keyshortcuts="Space"
      >
        {running ? t.pause : t.train}
      </button>
      <button type="button" disabled={!ready || running} onClick={() => client.step(1, 'both')} aria-keyshortcuts="S">
        {t.step}
      </button>
      <button type="button" disabled={!ready || running} onClick={() => client.step(1, 'discriminator')}>
        {t.stepDiscriminator}
      </button>
      <button type="button" disabled={!ready || running} onClick={() => client.step(1, 'generator')}>
        {t.stepGenerator}
      </button>
      <button
        type="button"
        className={attention ? 'attention' : undefined}
        disabled={!ready || playground.conflicts.length > 0}
        onClick={playground.reset}
        aria-keyshortcuts="R"
      >
        {t.reset}
      </button>
      <label className="speed">
        {v.speed}
        <select
          aria-label={v.speed}
          value={SPEEDS.find((s) => s.value === playground.speed)?.key ?? 'full'}
          onChange={(event) => playground.setSpeed(SPEEDS.find((s) => s.key === event.target.value)?.value)}
        >
          {SPEEDS.map((s) => (
            <option key={s.key} value={s.key}>
              {v.speeds[s.key]}
            </option>
          ))}
        </select>
      </label>
      <dl className="counters">
        <dt>{t.iteration}</dt>
        <dd>
          <output aria-label={t.iteration}>{iteration}</output>
        </dd>
        <dt>{t.perSecond}</dt>
        <dd>
          <output aria-label={t.iterationsPerSecond}>{rate.toFixed(1)}</output>
        </dd>
        <dt>{v.modesCovered}</dt>
        <dd>
          <output aria-label={v.modesCovered}>{modesText(history)}</output>
        </dd>
      </dl>
    </div>
  );
}
