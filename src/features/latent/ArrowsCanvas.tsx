import { useEffect, useRef } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import * as latentWords from '../../i18n/latent.ts';
import { useWords } from '../../i18n/useStrings.ts';
import type { LatentAnswer } from '../../worker/latent-answers.ts';

const SIZE = 320;
const selectPlane = (s: TrainingState) => s.plane;
const COLOURS = { A: '#1971c2', B: '#c92a2a', C: '#2f9e44', result: '#000' } as const;

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
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const x = (v: number) => (v / radius + 1) * (SIZE / 2);
    const y = (v: number) => (-v / radius + 1) * (SIZE / 2);
    const point = (i: number): [number, number] => [x(answer.values[2 * i]), y(answer.values[2 * i + 1])];
    context.fillStyle = 'white';
    context.fillRect(0, 0, SIZE, SIZE);
    context.fillStyle = 'rgba(232, 89, 12, 0.15)';
    const fake = plane?.fake ?? new Float32Array(0);
    for (let i = 0; i + 1 < fake.length; i += 2) context.fillRect(x(fake[i]) - 1, y(fake[i + 1]) - 1, 2, 2);
    const arrow = (from: [number, number], to: [number, number]) => {
      const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
      context.strokeStyle = '#495057';
      context.lineWidth = 1.5;
      context.beginPath();
      context.moveTo(...from);
      context.lineTo(...to);
      context.lineTo(to[0] - 9 * Math.cos(angle - 0.4), to[1] - 9 * Math.sin(angle - 0.4));
      context.moveTo(...to);
      context.lineTo(to[0] - 9 * Math.cos(angle + 0.4), to[1] - 9 * Math.sin(angle + 0.4));
      context.stroke();
    };
    // Rows of the answer: Ā, B̄, C̄, wA·Ā + wB·B̄, result.
    arrow(point(0), point(3));
    arrow(point(3), point(4));
    const dot = (i: number, colour: string, name: string) => {
      const [px, py] = point(i);
      context.fillStyle = colour;
      context.beginPath();
      context.arc(px, py, 5, 0, 2 * Math.PI);
      context.fill();
      context.font = '12px sans-serif';
      context.fillText(name, px + 7, py - 7);
    };
    dot(0, COLOURS.A, 'G(A)');
    dot(1, COLOURS.B, 'G(B)');
    dot(2, COLOURS.C, 'G(C)');
    dot(4, COLOURS.result, 'G(result)');
  }, [answer, plane, radius]);
  return (
    <figure className="latent-arrows">
      <canvas ref={ref} width={SIZE} height={SIZE} role="img" aria-label={t.arrows} />
      <figcaption>{t.arrowsTitle}</figcaption>
    </figure>
  );
}
