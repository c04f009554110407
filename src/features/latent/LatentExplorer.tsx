import { useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import type { DatasetId } from '../../gan/config.ts';
import { type Latent, latentRow, seededLatents } from '../../gan/latent.ts';
import { describeLatentProblem } from '../../i18n/latent.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import type { LatentAnswer, LatentCondition, LatentProblem } from '../../worker/latent-answers.ts';
import { ArithmeticSection, type Slots } from './ArithmeticSection.tsx';
import { CodesSection } from './CodesSection.tsx';
import { fill } from '../../i18n/fill.ts';
import { InterpolationSection } from './InterpolationSection.tsx';
import { NeighboursSection } from './NeighboursSection.tsx';
import { formatOf, sampleAt, SampleCanvas } from './SampleCanvas.tsx';
import { useLatentAnswer } from './useLatentAnswer.ts';
import { attributeExample, EXAMPLE_POOL, type ExampleId, examplePool, YOUNG_SCORE, youngModel } from './rules.ts';
import './latent.css';

/** Latents in the explorer's grid: a 4×4 block of digits, small enough to decode in a few ms. */
export const GRID = 16;

const selectConfig = (s: TrainingState) => s.config;
const selectPhase = (s: TrainingState) => s.phase;
const selectRadius = (s: TrainingState) => s.plane?.radius;
const selectRun = (s: TrainingState) => s.run;
const selectIteration = (s: TrainingState) => s.iteration;

/** The digit classifier's latest score of this run's G (MNIST), from the worker's metrics events. */
function useClassifierScore(client: TrainingClient, run: number): number | undefined {
  const [latest, setLatest] = useState<{ run: number; score: number }>();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'metrics' && event.classifier)
          setLatest({ run: client.getSnapshot().run, score: event.classifier.classifierScore });
      }),
    [client],
  );
  return latest?.run === run ? latest.score : undefined;
}

/**
 * The note that the model is too young to trust (rules.ts youngModel), a component of its own: it
 * follows the iteration, which changes with every notification while training, and the explorer's
 * 16 tiles need not re-render with it.
 */
function YoungModelNote({ client, run, dataset }: { client: TrainingClient; run: number; dataset: DatasetId }) {
  const t = useWords(latentWords);
  const iteration = useTraining(client, selectIteration);
  const youth = youngModel(iteration, dataset, useClassifierScore(client, run));
  if (!youth) return null;
  return (
    <p className="latent-young" role="note">
      {youth.reason === 'iterations'
        ? fill(t.youngIterations, { n: youth.iteration })
        : fill(t.youngScore, { score: youth.score.toFixed(1), min: YOUNG_SCORE })}
    </p>
  );
}

/** What the user has picked from one draw of latents; a new draw starts it afresh. */
interface Picks {
  draw: number;
  selected: number;
  start?: Latent;
  end?: Latent;
  slots: Slots;
}
const freshPicks = (draw: number): Picks => ({ draw, selected: 0, slots: [[], [], []] });

/**
 * The latent-space explorer (issue 6): a grid of G's samples on seeded latents, and tools that reuse
 * them — interpolation, arithmetic, CGAN labels, InfoGAN codes and nearest training images. Every
 * image is computed by the worker on request (src/worker/latent-answers.ts). The latents are the page's, so
 * they survive pause and play and a restarted worker; each new run (Reset) draws new ones.
 */
export function LatentExplorer({ client }: { client: TrainingClient }) {
  const t = useWords(latentWords);
  const config = useTraining(client, selectConfig);
  const phase = useTraining(client, selectPhase);
  const radius = useTraining(client, selectRadius) ?? 3;
  // A new draw of latents with each new run and each "New latents"; a worker restarted after a crash
  // continues the same run (the client's run count stays), so it keeps its draw and the picks from it.
  const run = useTraining(client, selectRun);
  const [draws, setDraws] = useState({ run, draw: 0 });
  if (draws.run !== run) setDraws({ run, draw: draws.draw + 1 });
  const draw = draws.draw;

  const [labelChoice, setLabel] = useState(0);
  const [continuous, setContinuous] = useState<number[]>([]);
  const [picks, setPicks] = useState<Picks>(freshPicks(draw));
  if (picks.draw !== draw) setPicks(freshPicks(draw));

  const size = config.latentSize;
  const { conditioning } = config;
  const latents = useMemo(
    () => seededLatents(config.seed, draw, GRID, size, config.noise),
    [config.seed, config.noise, draw, size],
  );
  // G's digits for the pool, kept for the next example while the weights, the draw and the condition stay.
  const poolImages = useRef<{ key: string; answer: LatentAnswer }>(undefined);
  const pool = useMemo(
    () => examplePool(config.seed, draw, size, config.noise),
    [config.seed, config.noise, draw, size],
  );
  // The worker says how many labels the model takes; a choice from a run with more is clamped.
  const [values, setValues] = useState(0);
  const label = values > 0 ? Math.min(labelChoice, values - 1) : 0;
  const codes =
    conditioning === 'infoCodes' ? Array.from({ length: config.continuousCodes }, (_, j) => continuous[j] ?? 0) : [];
  const condition: LatentCondition =
    conditioning === 'none' ? {} : conditioning === 'label' ? { label } : { label, continuous: codes };
  const conditionKey = JSON.stringify(condition);

  const grid = useLatentAnswer(client, phase === 'ready' ? `grid:${draw}:${conditionKey}` : undefined, () => ({
    kind: 'decode',
    latent: latents.slice(),
    conditions: new Array<LatentCondition>(GRID).fill(condition),
  }));
  const answer = grid.answer;
  if (answer && answer.conditionValues !== values) setValues(answer.conditionValues);
  const format = answer ? formatOf(answer, radius) : undefined;
  const selectedLatent = latentRow(latents, picks.selected, size);
  const selectedSample = answer && answer.count === GRID ? sampleAt(answer, picks.selected) : undefined;
  const ready = phase === 'ready';

  // A worked example: G's digits for the whole pool, then A and B from them (rules.ts); the pool's
  // first rows are the grid's, so the selected tile is the pool's latent of that index. The slots
  // land only if the draw and the selected sample are still those of the click.
  const fillExample = async (id: ExampleId): Promise<LatentProblem | undefined> => {
    const { selected } = picks;
    const key = `${draw}:${conditionKey}`;
    const cached = poolImages.current;
    let decoded: LatentAnswer;
    if (cached?.key === key && cached.answer.iteration === client.getSnapshot().iteration) decoded = cached.answer;
    else {
      const reply = await client.latent({
        kind: 'decode',
        latent: pool.slice(),
        conditions: new Array<LatentCondition>(EXAMPLE_POOL).fill(condition),
      });
      if (!reply.answer) return reply.error;
      decoded = reply.answer;
      poolImages.current = { key, answer: decoded };
    }
    const slots = attributeExample(
      id,
      Array.from({ length: EXAMPLE_POOL }, (_, i) => latentRow(pool, i, size)),
      Array.from({ length: EXAMPLE_POOL }, (_, i) => sampleAt(decoded, i)),
      selected,
    );
    setPicks((now) => (now.draw === draw && now.selected === selected ? { ...now, slots } : now));
    return undefined;
  };

  return (
    <section className="latent" aria-label={t.region}>
      <h2>{t.region}</h2>
      <p className="latent-intro">{t.intro}</p>
      <YoungModelNote client={client} run={run} dataset={config.dataset} />
      <div className="latent-toolbar">
        <button type="button" onClick={() => setDraws((d) => ({ ...d, draw: d.draw + 1 }))} disabled={!ready}>
          {t.newLatents}
        </button>
        {conditioning !== 'none' ? (
          <label>
            {conditioning === 'label' ? t.label : t.categorical}
            <select value={label} onChange={(e) => setLabel(Number(e.target.value))}>
              {Array.from({ length: values }, (_, k) => (
                <option key={k} value={k}>
                  {fill(t.labelValue, { n: k })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {codes.map((value, j) => (
          <label key={j} className="latent-slider">
            {fill(t.code, { n: j + 1 })}
            <input
              type="range"
              min={-2}
              max={2}
              step={0.05}
              value={value}
              onChange={(e) => setContinuous(codes.map((c, k) => (k === j ? Number(e.target.value) : c)))}
            />
            <output>{value.toFixed(2)}</output>
          </label>
        ))}
        {answer ? <small className="latent-note">{fill(t.iterationNote, { n: answer.iteration })}</small> : null}
      </div>
      {grid.error ? <p role="alert">{describeLatentProblem(grid.error, t)}</p> : null}
      <div className="latent-main">
        <figure className="latent-grid-figure">
          <div className="latent-grid" role="group" aria-label={t.grid}>
            {answer && format && answer.count === GRID ? (
              Array.from({ length: GRID }, (_, i) => (
                <button
                  key={i}
                  type="button"
                  className="latent-tile"
                  aria-pressed={picks.selected === i}
                  aria-label={fill(t.sample, { n: i + 1 })}
                  onClick={() => setPicks({ ...picks, selected: i })}
                >
                  <SampleCanvas
                    values={sampleAt(answer, i)}
                    format={format}
                    label={fill(t.sample, { n: i + 1 })}
                    size={52}
                  />
                </button>
              ))
            ) : (
              <p>{t.waiting}</p>
            )}
          </div>
          <figcaption>{t.selectHint}</figcaption>
        </figure>
        {selectedSample && format ? (
          <figure className="latent-selected">
            <SampleCanvas values={selectedSample} format={format} label={t.selected} size={112} />
            <figcaption>
              {t.selected}: {fill(t.sample, { n: picks.selected + 1 })}
            </figcaption>
          </figure>
        ) : null}
      </div>
      {ready && selectedLatent ? (
        <>
          <InterpolationSection
            client={client}
            size={size}
            noise={config.noise}
            seed={config.seed}
            draw={draw}
            selected={selectedLatent}
            start={picks.start}
            end={picks.end}
            onEndpoints={(start, end) => setPicks({ ...picks, start, end })}
            condition={condition}
            radius={radius}
          />
          <ArithmeticSection
            client={client}
            selected={selectedLatent}
            slots={picks.slots}
            onSlots={(slots) => setPicks({ ...picks, slots })}
            condition={condition}
            radius={radius}
            planar={answer?.dimension === 2}
            draw={draw}
            example={answer?.imageShape ? fillExample : undefined}
          />
          {conditioning !== 'none' ? (
            <CodesSection
              client={client}
              selected={selectedLatent}
              conditioning={conditioning}
              values={values}
              condition={condition}
              radius={radius}
              draw={draw}
              selectedIndex={picks.selected}
            />
          ) : null}
          {config.dataset === 'mnist' && selectedSample ? (
            <NeighboursSection
              client={client}
              image={selectedSample}
              sampleKey={`${draw}:${picks.selected}:${conditionKey}:${answer?.iteration}`}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
