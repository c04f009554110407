import { useEffect, useRef } from 'react';
import type { LatentAnswer } from '../../worker/latent-answers.ts';

/** How a sample is drawn: the shape of the answer it came from, and the 2D view's half-width for points. */
export interface SampleFormat {
  dimension: number;
  imageShape?: [number, number, number];
  /** Half-width of the square a 2D point is drawn in. */
  radius: number;
}

export function formatOf(answer: Pick<LatentAnswer, 'dimension' | 'imageShape'>, radius: number): SampleFormat {
  return { dimension: answer.dimension, imageShape: answer.imageShape, radius };
}

/** Sample i of an answer's values. */
export function sampleAt(answer: LatentAnswer, i: number): Float32Array {
  return answer.values.subarray(i * answer.dimension, (i + 1) * answer.dimension);
}

/** Canvas side for a 2D point's tile, in pixels. */
const POINT_TILE = 28;

/**
 * One generated sample as a canvas: an image's pixels from [−1, 1] to grey levels (scaled up by CSS,
 * pixelated), or, for 2D data, the point as a dot in a small frame of the data's square.
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
  const [height, width] = format.imageShape ?? [POINT_TILE, POINT_TILE];
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    if (format.imageShape) {
      const [h, w, channels] = format.imageShape;
      const image = context.createImageData(w, h);
      for (let p = 0; p < w * h; p++) {
        for (let c = 0; c < 3; c++) {
          const v = values[p * channels + (channels === 1 ? 0 : c)];
          image.data[p * 4 + c] = Math.round(((Math.max(-1, Math.min(1, v)) + 1) / 2) * 255);
        }
        image.data[p * 4 + 3] = 255;
      }
      context.putImageData(image, 0, 0);
      return;
    }
    context.fillStyle = '#f8f9fa';
    context.fillRect(0, 0, width, height);
    const toPixel = (v: number, flip: boolean) => ((flip ? -v : v) / format.radius + 1) * (width / 2);
    context.fillStyle = '#e8590c';
    context.beginPath();
    context.arc(toPixel(values[0], false), toPixel(values[1], true), 3, 0, 2 * Math.PI);
    context.fill();
  }, [values, format, width, height]);
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
