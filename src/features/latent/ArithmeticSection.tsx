import { useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { Latent } from '../../gan/latent.ts';
import { describeLatentProblem } from '../../i18n/latent.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import type { LatentCondition, LatentProblem } from '../../worker/latent-answers.ts';
import { ArrowsCanvas } from './ArrowsCanvas.tsx';
import { fill } from '../../i18n/fill.ts';
import { formatOf, sampleAt, SampleCanvas } from './SampleCanvas.tsx';
import {
  EXAMPLE_NEIGHBOURS,
  EXAMPLE_POOL,
  EXAMPLE_SLOT_SIZE,
  EXAMPLE_WEIGHTS,
  EXAMPLES,
  type ExampleId,
} from './rules.ts';
import { useLatentAnswer } from './useLatentAnswer.ts';

/** The worked examples' sizes as their hints name them (rules.ts). */
const EXAMPLE_COUNTS = {
  pool: EXAMPLE_POOL.toLocaleString('en'),
  near: EXAMPLE_NEIGHBOURS,
  size: EXAMPLE_SLOT_SIZE,
};

export type Slots = [Latent[], Latent[], Latent[]];
const NAMES = ['A', 'B', 'C'] as const;
const EXAMPLE_IDS = Object.keys(EXAMPLES) as ExampleId[];
/** A − B + C: the DCGAN paper's "man with glasses − man + woman". */
const DEFAULT_WEIGHTS: [number, number, number] = [1, -1, 1];

interface Props {
  client: TrainingClient;
  selected: Latent;
  slots: Slots;
  onSlots(slots: Slots): void;
  condition: LatentCondition;
  radius: number;
  planar: boolean;
  draw: number;
  /**
   * Fills the slots with a worked example (rules.ts attributeExample), where the samples are images:
   * the explorer decodes the example's pool first, and says why not if the worker cannot.
   */
  example?: (id: ExampleId) => Promise<LatentProblem | undefined>;
}

/** Slots A, B, C filled from the selected sample (several average), a weight per term, and the live result. */
export function ArithmeticSection({
  client,
  selected,
  slots,
  onSlots,
  condition,
  radius,
  planar,
  draw,
  example,
}: Props) {
  const t = useWords(latentWords);
  const [weights, setWeights] = useState(DEFAULT_WEIGHTS);
  const [exampleError, setExampleError] = useState<LatentProblem>();
  const full = slots.every((slot) => slot.length > 0);
  const key = full
    ? `arith:${draw}:${slots.map((slot) => slot.map((z) => z.join()).join('|')).join('/')}:${weights.join()}:${JSON.stringify(condition)}`
    : undefined;
  const { answer, error } = useLatentAnswer(client, key, () => ({
    kind: 'arithmetic',
    slots: [slots[0].map((z) => z.slice()), slots[1].map((z) => z.slice()), slots[2].map((z) => z.slice())],
    weights,
    condition,
  }));
  const problem = error ?? exampleError;
  const format = answer ? formatOf(answer, radius) : undefined;
  const usable = full && answer && format && answer.count === 5;
  const put = (k: number) => onSlots(slots.map((slot, j) => (j === k ? [...slot, selected.slice()] : slot)) as Slots);
  const clear = (k: number) => onSlots(slots.map((slot, j) => (j === k ? [] : slot)) as Slots);
  const term = (k: number) =>
    `${weights[k] < 0 ? '−' : k > 0 ? '+' : ''} ${Math.abs(weights[k]).toFixed(1)}·${NAMES[k]}`;

  return (
    <section className="latent-section" aria-labelledby="latent-arithmetic">
      <h3 id="latent-arithmetic">{t.arithmetic}</h3>
      <p className="latent-why">{t.arithmeticHint}</p>
      {example ? (
        <div className="latent-examples">
          {EXAMPLE_IDS.map((id) => (
            <button
              key={id}
              type="button"
              title={fill(t.examples[id].hint, EXAMPLE_COUNTS)}
              onClick={() => {
                setWeights(EXAMPLE_WEIGHTS);
                void example(id).then(setExampleError);
              }}
            >
              {t.examples[id].name}
            </button>
          ))}
        </div>
      ) : null}
      {problem ? <p role="alert">{describeLatentProblem(problem, t)}</p> : null}
      <div className="latent-slots">
        {NAMES.map((name, k) => (
          <div key={name} className="latent-slot">
            <strong>{name}</strong>
            {usable ? (
              <SampleCanvas
                values={sampleAt(answer, k)}
                format={format}
                label={fill(t.slotImage, { slot: name })}
                size={72}
              />
            ) : (
              <div className="latent-empty" />
            )}
            <small>{slots[k].length ? fill(t.slotCount, { count: slots[k].length }) : t.slotEmpty}</small>
            <button type="button" onClick={() => put(k)}>
              {fill(t.setAs, { slot: name })}
            </button>
            <button type="button" onClick={() => clear(k)} disabled={slots[k].length === 0}>
              {fill(t.clearSlot, { slot: name })}
            </button>
            <label className="latent-slider">
              {fill(t.weight, { slot: name })}
              <input
                type="range"
                min={-2}
                max={2}
                step={0.1}
                value={weights[k]}
                onChange={(e) =>
                  setWeights(weights.map((w, j) => (j === k ? Number(e.target.value) : w)) as [number, number, number])
                }
              />
              <output>{weights[k].toFixed(1)}</output>
            </label>
          </div>
        ))}
        <div className="latent-slot latent-result">
          <strong>
            = {term(0)} {term(1)} {term(2)}
          </strong>
          {usable ? (
            <SampleCanvas values={sampleAt(answer, 4)} format={format} label={t.result} size={112} />
          ) : (
            <p>{t.fillSlots}</p>
          )}
        </div>
      </div>
      {usable && planar ? <ArrowsCanvas client={client} answer={answer} radius={radius} /> : null}
    </section>
  );
}
