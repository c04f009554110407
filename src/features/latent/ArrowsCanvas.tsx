import { useEffect, useRef } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import type { LatentAnswer } from '../../worker/latent-answers.ts';
import { usePalette } from '../theme/theme.ts';
import { ARROWS_SIZE, drawArrows } from './paint.ts';

const selectPlane = (s: TrainingState) => s.plane;
/**
 * Latent arithmetic seen in the data plane (2D data): G's fixed-noise samples as a faint cloud, the
 * slots' images G(A), G(B), G(C) as points, and arrows G(A) → G(wA·A + wB·B) → G(result): whether
 * the image of the sum is the sum of the images is what the arrows let a student judge.
 */
export function ArrowsCanvas({
  client,
  answer,
  radius,
}: {
  client: TrainingClient;
  answer: LatentAnswer;
  radius: number;
}) {
  const t = useWords(latentWords);
  const plane = useTraining(client, selectPlane);
  const palette = usePalette();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (context) drawArrows(context, answer, plane?.fake ?? [], radius, palette);
  }, [answer, plane, radius, palette]);
  return (
    <figure className="latent-arrows">
      <canvas ref={ref} width={ARROWS_SIZE} height={ARROWS_SIZE} role="img" aria-label={t.arrows} />
      <figcaption>{t.arrowsTitle}</figcaption>
    </figure>
  );
}
