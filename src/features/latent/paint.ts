/**
 * The latent explorer's canvases in the page's palette (src/features/theme/palette.ts): a generated
 * sample's tile (SampleCanvas.tsx) and latent arithmetic in the data plane (ArrowsCanvas.tsx).
 */
import type { LatentAnswer } from '../../worker/latent-answers.ts';
import type { Palette } from '../theme/palette.ts';

/** How a sample is drawn: the shape of the answer it came from, and the 2D view's half-width for points. */
export interface SampleFormat {
  dimension: number;
  imageShape?: [number, number, number];
  /** Half-width of the square a 2D point is drawn in. */
  radius: number;
}

/** Canvas side for a 2D point's tile, in pixels. */
export const POINT_TILE = 28;
/** Canvas side of the arithmetic's picture, in pixels. */
export const ARROWS_SIZE = 320;

/** A 2D point's dot in its tile, in pixels. */
const POINT_RADIUS = 3;

/**
 * One generated sample on `context`: an image's pixels from [−1, 1] to grey levels, or, for 2D data,
 * the point as a dot in the generated points' colour on a tile of the data's square.
 */
export function drawSample(
  context: CanvasRenderingContext2D,
  values: Float32Array,
  format: SampleFormat,
  palette: Palette,
): void {
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
  context.fillStyle = palette.subtle;
  context.fillRect(0, 0, POINT_TILE, POINT_TILE);
  const toPixel = (v: number, flip: boolean) => ((flip ? -v : v) / format.radius + 1) * (POINT_TILE / 2);
  context.fillStyle = palette.fake;
  context.beginPath();
  context.arc(toPixel(values[0], false), toPixel(values[1], true), POINT_RADIUS, 0, 2 * Math.PI);
  context.fill();
}

/** G's samples behind the arrows: a faint cloud. */
const CLOUD_ALPHA = 0.15;

/**
 * The arithmetic's picture on `context`, ARROWS_SIZE pixels square: G's fixed-noise samples (`fake`) as a
 * faint cloud in the generated points' colour, the arrows G(A) → G(wA·A + wB·B) → G(result) in the
 * muted text colour, and the slots' images as labelled dots: A, B and C in the palette's accent,
 * alert and live colours (the labels tell them apart without colour), the result in the text's.
 */
export function drawArrows(
  context: CanvasRenderingContext2D,
  answer: LatentAnswer,
  fake: ArrayLike<number>,
  radius: number,
  palette: Palette,
): void {
  const x = (v: number) => (v / radius + 1) * (ARROWS_SIZE / 2);
  const y = (v: number) => (-v / radius + 1) * (ARROWS_SIZE / 2);
  const point = (i: number): [number, number] => [x(answer.values[2 * i]), y(answer.values[2 * i + 1])];
  context.fillStyle = palette.surface;
  context.fillRect(0, 0, ARROWS_SIZE, ARROWS_SIZE);
  context.fillStyle = palette.fake;
  context.globalAlpha = CLOUD_ALPHA;
  for (let i = 0; i + 1 < fake.length; i += 2) context.fillRect(x(fake[i]) - 1, y(fake[i + 1]) - 1, 2, 2);
  context.globalAlpha = 1;
  const arrow = (from: [number, number], to: [number, number]) => {
    const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
    context.strokeStyle = palette.muted;
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
  dot(0, palette.accent, 'G(A)');
  dot(1, palette.alert, 'G(B)');
  dot(2, palette.live, 'G(C)');
  dot(4, palette.text, 'G(result)');
}
