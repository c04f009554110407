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

/**
 * "k / K" with what it counts: modes covered by the mode metrics on 2D data with modes, digits seen
 * (classes with ≥ 1% of the samples) by the digit classifier on MNIST.
 */
export function modesText(history: HistoryState): { counts: 'modes' | 'digits'; text: string } {
  const modes = history.evaluations.at(-1)?.modes;
  if (modes) return { counts: 'modes', text: `${modes.modesCovered} / ${modes.modesTotal}` };
  const digits = history.classifier.at(-1);
  if (digits) return { counts: 'digits', text: `${digits.modes} / ${digits.histogram.length}` };
  return { counts: 'modes', text: '–' };
}

/** One run the transport drives: its client and its controller. */
export interface TransportRun {
  client: TrainingClient;
  playground: Playground;
}

/**
 * Train/Pause, Step, Step D, Step G, Reset, speed, and the counters. Space, S and R do the same from
 * the keyboard. In compare mode (`other`: run B) every button acts on both runs, and the counters
 * move into each run's region (Counters).
 */
export function Transport({
  client,
  playground,
  store,
  other,
}: {
  client: TrainingClient;
  playground: Playground;
  store?: RunHistory;
  other?: TransportRun;
}) {
  const t = useStrings().playground;
  const v = useStrings().views;
  const runs: TransportRun[] = other ? [{ client, playground }, other] : [{ client, playground }];
  const state = useTraining(client, stateOf);
  const stateB = useTraining(other?.client ?? client, stateOf);
  const ready = useTraining(client, phaseOf) === 'ready';
  const readyB = useTraining(other?.client ?? client, phaseOf) === 'ready';
  const running = state !== 'paused' || stateB !== 'paused';
  const allReady = ready && readyB;
  const attention = runs.some((r) => Object.keys(r.playground.pending).length > 0 || r.playground.pointsChanged);
  const conflicts = runs.some((r) => r.playground.conflicts.length > 0);
  const step = (which: 'both' | 'discriminator' | 'generator') => {
    for (const r of runs) r.client.step(1, which);
  };
  return (
    <div className="transport" role="group" aria-label={t.transport}>
      <button
        type="button"
        className="primary"
        disabled={!allReady}
        onClick={other ? () => togglePlayAll(runs) : playground.togglePlay}
        aria-keyshortcuts="Space"
      >
        {running ? t.pause : t.train}
      </button>
      <button type="button" disabled={!allReady || running} onClick={() => step('both')} aria-keyshortcuts="S">
        {t.step}
      </button>
      <button type="button" disabled={!allReady || running} onClick={() => step('discriminator')}>
        {t.stepDiscriminator}
      </button>
      <button type="button" disabled={!allReady || running} onClick={() => step('generator')}>
        {t.stepGenerator}
      </button>
      <button
        type="button"
        className={attention ? 'attention' : undefined}
        disabled={!allReady || conflicts}
        onClick={() => {
          for (const r of runs) r.playground.reset();
        }}
        aria-keyshortcuts="R"
      >
        {t.reset}
      </button>
      <label className="speed">
        {v.speed}
        <select
          aria-label={v.speed}
          value={SPEEDS.find((s) => s.value === playground.speed)?.key ?? 'full'}
          onChange={(event) => {
            const speed = SPEEDS.find((s) => s.key === event.target.value)?.value;
            for (const r of runs) r.playground.setSpeed(speed);
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s.key} value={s.key}>
              {v.speeds[s.key]}
            </option>
          ))}
        </select>
      </label>
      {other ? null : <Counters client={client} store={store} />}
    </div>
  );
}

/** Both runs train or both pause: if either is training, both pause; else both train, each at its speed. */
export function togglePlayAll(runs: readonly TransportRun[]) {
  const anyRunning = runs.some((r) => r.client.getSnapshot().state !== 'paused');
  for (const r of runs) {
    if (anyRunning) r.client.pause();
    else r.client.play(r.playground.speed);
  }
}

/** A run's counters: its iteration, speed and modes covered or digits seen ("Iteration" is the name tests read). */
export function Counters({ client, store }: { client: TrainingClient; store?: RunHistory }) {
  const history = useRunHistory(store);
  const t = useStrings().playground;
  const v = useStrings().views;
  const iteration = useTraining(client, iterationOf);
  const rate = useTraining(client, rateOf);
  const modes = modesText(history);
  const coverage = modes.counts === 'digits' ? v.digitsSeen : v.modesCovered;
  return (
    <dl className="counters">
      <dt>{t.iteration}</dt>
      <dd>
        <output aria-label={t.iteration}>{iteration}</output>
      </dd>
      <dt>{t.perSecond}</dt>
      <dd>
        <output aria-label={t.iterationsPerSecond}>{rate.toFixed(1)}</output>
      </dd>
      <dt>{coverage}</dt>
      <dd>
        <output aria-label={coverage}>{modes.text}</output>
      </dd>
    </dl>
  );
}
