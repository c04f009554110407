import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { Latent } from '../../gan/latent.ts';
import { describeLatentProblem } from '../../i18n/latent.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import type { LatentCondition } from '../../worker/latent-answers.ts';
import { fill } from '../../i18n/fill.ts';
import { formatOf, sampleAt, SampleCanvas } from './SampleCanvas.tsx';
import { useLatentAnswer } from './useLatentAnswer.ts';

/** Values each continuous code's row walks through: the prior U(−1, 1) and beyond, as Chen et al. (2016) Fig. 2 varies −2..2. */
const CODE_VALUES = [-2, -1, 0, 1, 2];

interface Props {
  client: TrainingClient;
  selected: Latent;
  conditioning: 'label' | 'infoCodes';
  /** K: labels or categorical code values. */
  values: number;
  condition: LatentCondition;
  radius: number;
  draw: number;
  selectedIndex: number;
}

interface Row {
  title: string;
  conditions: LatentCondition[];
  names: string[];
}

/**
 * The selected noise vector under every label (CGAN's "sweep labels"), or for InfoGAN a row per code:
 * every categorical value, then each continuous code across CODE_VALUES with the others held.
 */
export function CodesSection({
  client,
  selected,
  conditioning,
  values,
  condition,
  radius,
  draw,
  selectedIndex,
}: Props) {
  const t = useWords(latentWords);
  const codes = condition.continuous ?? [];
  const rows: Row[] = [
    {
      title: conditioning === 'label' ? t.sweepLabels : t.categorical,
      conditions: Array.from({ length: values }, (_, k) => ({ ...condition, label: k })),
      names: Array.from({ length: values }, (_, k) =>
        fill(conditioning === 'label' ? t.sweepSample : t.categoricalSample, { n: k }),
      ),
    },
    ...codes.map((_, j) => ({
      title: fill(t.code, { n: j + 1 }),
      conditions: CODE_VALUES.map((v) => ({ ...condition, continuous: codes.map((c, k) => (k === j ? v : c)) })),
      names: CODE_VALUES.map((v) => fill(t.codeSample, { code: j + 1, value: v })),
    })),
  ];
  const conditions = rows.flatMap((row) => row.conditions);
  const key = values > 0 ? `codes:${draw}:${selectedIndex}:${JSON.stringify(conditions)}` : undefined;
  const { answer, error } = useLatentAnswer(client, key, () => {
    const latent = new Float32Array(conditions.length * selected.length);
    conditions.forEach((_, i) => latent.set(selected, i * selected.length));
    return { kind: 'decode', latent, conditions };
  });
  const format = answer ? formatOf(answer, radius) : undefined;
  const usable = answer && format && answer.count === conditions.length;
  let offset = 0;

  return (
    <section className="latent-section" aria-labelledby="latent-codes">
      <h3 id="latent-codes">{conditioning === 'label' ? t.sweepLabels : t.codeRows}</h3>
      <p className="latent-why">{conditioning === 'label' ? t.sweepLabelsHint : t.codeRowsHint}</p>
      {error ? <p role="alert">{describeLatentProblem(error, t)}</p> : null}
      {usable
        ? rows.map((row) => {
            const first = offset;
            offset += row.conditions.length;
            return (
              <div key={row.title} className="latent-code-row" role="group" aria-label={row.title}>
                <span className="latent-row-title">{row.title}</span>
                {row.names.map((name, i) => (
                  <figure key={name}>
                    <SampleCanvas values={sampleAt(answer, first + i)} format={format} label={name} size={48} />
                    <figcaption>{row === rows[0] ? i : CODE_VALUES[i]}</figcaption>
                  </figure>
                ))}
              </div>
            );
          })
        : null}
    </section>
  );
}
