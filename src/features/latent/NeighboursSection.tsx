import type { TrainingClient } from '../../client/TrainingClient.ts';
import { describeLatentProblem } from '../../i18n/latent.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import { fill } from '../../i18n/fill.ts';
import { formatOf, sampleAt, SampleCanvas } from './SampleCanvas.tsx';
import { useLatentAnswer } from './useLatentAnswer.ts';

/** Neighbours shown: a row of them is enough to see whether G copies one digit or blends many. */
const NEIGHBOURS = 6;

/** The training digits nearest the selected sample (MNIST): the classic check for memorisation. */
export function NeighboursSection({
  client,
  image,
  sampleKey,
}: {
  client: TrainingClient;
  image: Float32Array;
  sampleKey: string;
}) {
  const t = useWords(latentWords);
  const { answer, error } = useLatentAnswer(client, `neighbours:${sampleKey}`, () => ({
    kind: 'neighbours',
    image: image.slice(),
    count: NEIGHBOURS,
  }));
  const format = answer ? formatOf(answer, 1) : undefined;
  return (
    <section className="latent-section" aria-labelledby="latent-neighbours">
      <h3 id="latent-neighbours">{t.neighbours}</h3>
      <p className="latent-why">{t.neighboursHint}</p>
      {error ? <p role="alert">{describeLatentProblem(error, t)}</p> : null}
      {answer && format && answer.kind === 'neighbours' ? (
        <div className="latent-code-row" role="group" aria-label={t.neighbours}>
          {Array.from({ length: answer.count }, (_, i) => {
            const label = answer.labels?.[i] ?? '?';
            const distance = (answer.distances?.[i] ?? 0).toFixed(1);
            return (
              <figure key={i}>
                <SampleCanvas
                  values={sampleAt(answer, i)}
                  format={format}
                  label={fill(t.neighbour, { n: i + 1, label, distance })}
                  size={48}
                />
                <figcaption>{fill(t.neighbourCaption, { label, distance })}</figcaption>
              </figure>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}
