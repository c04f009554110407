import type { TrainingClient, TrainingSnapshot } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { useStrings } from '../../i18n/useStrings.ts';

const lastPoint = (s: TrainingSnapshot) => s.stats.at(-1);
const runState = (s: TrainingSnapshot) => s.state;
const phase = (s: TrainingSnapshot) => s.phase;
const iteration = (s: TrainingSnapshot) => s.iteration;
const speed = (s: TrainingSnapshot) => s.iterationsPerSecond;

/** A loss as the chart will show it; NaN where that network did not step in the iteration. */
function formatLoss(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '–' : value.toFixed(3);
}

/** Train/Pause, Step, Step D, Step G, Reset, and the counters beside them. */
export function TransportBar({ client }: { client: TrainingClient }) {
  const t = useStrings().playground;
  const state = useTraining(client, runState);
  const ready = useTraining(client, phase) === 'ready';
  const running = state !== 'paused';
  return (
    <div className="transport" role="group" aria-label={t.transport}>
      <button type="button" className="primary" disabled={!ready} onClick={() => (running ? client.pause() : client.play())}>
        {running ? t.pause : t.train}
      </button>
      <button type="button" disabled={!ready || running} onClick={() => client.step(1, 'both')}>{t.step}</button>
      <button type="button" disabled={!ready || running} onClick={() => client.step(1, 'discriminator')}>{t.stepDiscriminator}</button>
      <button type="button" disabled={!ready || running} onClick={() => client.step(1, 'generator')}>{t.stepGenerator}</button>
      <button type="button" disabled={!ready} onClick={() => client.reset()}>{t.reset}</button>
      <Counters client={client} />
    </div>
  );
}

function Counters({ client }: { client: TrainingClient }) {
  const t = useStrings().playground;
  const point = useTraining(client, lastPoint);
  const perSecond = useTraining(client, speed);
  const count = useTraining(client, iteration);
  return (
    <dl className="counters">
      <dt>{t.iteration}</dt>
      <dd><output aria-label={t.iteration}>{count}</output></dd>
      <dt>{t.perSecond}</dt>
      <dd><output aria-label={t.iterationsPerSecond}>{perSecond.toFixed(1)}</output></dd>
      <dt>{t.discriminatorLoss}</dt>
      <dd><output aria-label={t.discriminatorLoss}>{formatLoss(point?.dLoss)}</output></dd>
      <dt>{t.generatorLoss}</dt>
      <dd><output aria-label={t.generatorLoss}>{formatLoss(point?.gLoss)}</output></dd>
    </dl>
  );
}
