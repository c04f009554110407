import { useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { NoiseId } from '../../gan/config.ts';
import { type InterpolationMethod, type Latent, latentRow, seededLatents } from '../../gan/latent.ts';
import { describeLatentProblem } from '../../i18n/latent.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import type { LatentCondition } from '../../worker/latent-answers.ts';
import { fill } from '../../i18n/fill.ts';
import { formatOf, sampleAt, SampleCanvas } from './SampleCanvas.tsx';
import { useLatentAnswer } from './useLatentAnswer.ts';

/** Random endpoints come from their own draws, numbered past the grid's, so they never repeat a grid latent. */
const RANDOM_DRAW_OFFSET = 1_000_000;

interface Props {
  client: TrainingClient;
  size: number;
  noise: NoiseId;
  seed: number;
  draw: number;
  selected: Latent;
  start?: Latent;
  end?: Latent;
  onEndpoints(start: Latent | undefined, end: Latent | undefined): void;
  condition: LatentCondition;
  radius: number;
}

/** Two endpoints, a slider "Interpolation" between them, and a strip of evenly spaced steps. */
export function InterpolationSection({
  client,
  size,
  noise,
  seed,
  draw,
  selected,
  start,
  end,
  onEndpoints,
  condition,
  radius,
}: Props) {
  const t = useWords(latentWords);
  const [at, setAt] = useState(0.5);
  const [method, setMethod] = useState<InterpolationMethod>('slerp');
  const [steps, setSteps] = useState(8);
  const [randomDraws, setRandomDraws] = useState(0);
  const key =
    start && end
      ? `interp:${draw}:${start.join()}:${end.join()}:${method}:${steps}:${at}:${JSON.stringify(condition)}`
      : undefined;
  const { answer, error } = useLatentAnswer(client, key, () => ({
    kind: 'interpolate',
    from: (start ?? selected).slice(),
    to: (end ?? selected).slice(),
    method,
    steps,
    at,
    condition,
  }));
  const format = answer ? formatOf(answer, radius) : undefined;
  const random = () => {
    const pair = seededLatents(seed, RANDOM_DRAW_OFFSET + draw * 1000 + randomDraws, 2, size, noise);
    setRandomDraws(randomDraws + 1);
    onEndpoints(latentRow(pair, 0, size), latentRow(pair, 1, size));
  };
  const usable = answer && format && answer.count === steps + 1;

  return (
    <section className="latent-section" aria-labelledby="latent-interpolation">
      <h3 id="latent-interpolation">{t.interpolationTitle}</h3>
      <div className="latent-toolbar">
        <button type="button" onClick={() => onEndpoints(selected.slice(), end)}>
          {t.setStart}
        </button>
        <button type="button" onClick={() => onEndpoints(start, selected.slice())}>
          {t.setEnd}
        </button>
        <button type="button" onClick={random}>
          {t.randomEndpoints}
        </button>
        <label>
          {t.method}
          <select value={method} onChange={(e) => setMethod(e.target.value === 'linear' ? 'linear' : 'slerp')}>
            <option value="linear">{t.linear}</option>
            <option value="slerp">{t.slerp}</option>
          </select>
        </label>
        <label className="latent-slider">
          {t.steps}
          <input
            type="range"
            min={3}
            max={12}
            step={1}
            value={steps}
            onChange={(e) => setSteps(Number(e.target.value))}
          />
          <output>{steps}</output>
        </label>
      </div>
      <p className="latent-why">{t.slerpWhy}</p>
      {!start || !end ? <p>{t.pickEndpoints}</p> : null}
      {error ? <p role="alert">{describeLatentProblem(error, t)}</p> : null}
      {start && end ? (
        <>
          <label className="latent-slider latent-wide">
            {t.interpolation}
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={at}
              onChange={(e) => setAt(Number(e.target.value))}
            />
            <output>{at.toFixed(2)}</output>
          </label>
          {usable ? (
            <div className="latent-row">
              <SampleCanvas values={sampleAt(answer, steps)} format={format} label={t.atT} size={112} />
              <div className="latent-strip" role="group" aria-label={t.interpolationTitle}>
                {Array.from({ length: steps }, (_, s) => (
                  <figure key={s}>
                    <SampleCanvas
                      values={sampleAt(answer, s)}
                      format={format}
                      label={
                        s === 0 ? t.start : s === steps - 1 ? t.end : fill(t.stripStep, { n: s + 1, total: steps })
                      }
                      size={52}
                    />
                    <figcaption>{(s / (steps - 1)).toFixed(2)}</figcaption>
                  </figure>
                ))}
              </div>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
