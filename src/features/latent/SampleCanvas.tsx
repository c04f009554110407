import { useEffect, useRef } from 'react';
import type { LatentAnswer } from '../../worker/latent-answers.ts';
import { usePalette } from '../theme/theme.ts';
import { drawSample, POINT_TILE, type SampleFormat } from './paint.ts';

export function formatOf(answer: Pick<LatentAnswer, 'dimension' | 'imageShape'>, radius: number): SampleFormat {
  return { dimension: answer.dimension, imageShape: answer.imageShape, radius };
}

/** Sample i of an answer's values. */
export function sampleAt(answer: LatentAnswer, i: number): Float32Array {
  return answer.values.subarray(i * answer.dimension, (i + 1) * answer.dimension);
}

/**
 * One generated sample as a canvas (drawSample): an image scaled up by CSS, pixelated, or a 2D point
 * in a small frame of the data's square, in the palette shown.
 */
export function SampleCanvas({
  values,
  format,
  label,
  size = 56,
}: {
  values: Float32Array;
  format: SampleFormat;
  label: string;
  size?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const palette = usePalette();
  const [height, width] = format.imageShape ?? [POINT_TILE, POINT_TILE];
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (context) drawSample(context, values, format, palette);
  }, [values, format, palette]);
  return (
    <canvas
      ref={ref}
      className="latent-sample"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      style={{ width: size, height: size }}
    />
  );
}
