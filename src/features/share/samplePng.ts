/**
 * The samples on the fixed noise as a PNG, drawn from the floats the page already holds: the 2D
 * view's real and generated points, or the image samples as a grid of digits. The points are drawn
 * as the 2D view draws them (plane2d/draw.ts: discs and crosses), in the light palette whatever the
 * page shows: a file is not in dark mode, and slides and documents are mostly white.
 */
import type { PlaneEvent, SamplesEvent } from '../../worker/protocol.ts';
import { type Context2D, drawPlane, SIZE as VIEW_SIZE } from '../plane2d/draw.ts';
import { PALETTES } from '../theme/palette.ts';

const SIZE = 720;
/** Only the points: the heatmap, arrows and manifold are the live view's. */
const POINTS_ONLY = { heatmap: false, real: true, fake: true, arrows: false, manifold: false };
/** Pixels per image pixel in the digit grid, so 28×28 digits stay legible on a slide. */
const ZOOM = 3;

/** The real and generated points of `plane` on `context`, SIZE pixels square, in the light palette. */
export function drawPoints(context: Context2D, plane: PlaneEvent): void {
  context.setTransform(SIZE / VIEW_SIZE, 0, 0, SIZE / VIEW_SIZE, 0, 0);
  drawPlane(context, plane, plane.radius, POINTS_ONLY, null, [], PALETTES.light);
}

function points(plane: PlaneEvent): OffscreenCanvas {
  const canvas = new OffscreenCanvas(SIZE, SIZE);
  drawPoints(canvas.getContext('2d')!, plane);
  return canvas;
}

function digits(samples: SamplesEvent & { imageShape: [number, number, number] }): OffscreenCanvas {
  const [height, width] = samples.imageShape;
  const columns = Math.ceil(Math.sqrt(samples.count));
  const rows = Math.ceil(samples.count / columns);
  const image = new ImageData(columns * width, rows * height);
  for (let n = 0; n < samples.count; n++) {
    const top = Math.floor(n / columns) * height;
    const left = (n % columns) * width;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // Pixels in [−1, 1] (tanh) → 0..255.
        const value = Math.round(((samples.values[n * height * width + y * width + x] + 1) / 2) * 255);
        const at = 4 * ((top + y) * columns * width + left + x);
        image.data.fill(value, at, at + 3);
        image.data[at + 3] = 255;
      }
    }
  }
  const small = new OffscreenCanvas(image.width, image.height);
  small.getContext('2d')!.putImageData(image, 0, 0);
  const canvas = new OffscreenCanvas(image.width * ZOOM, image.height * ZOOM);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.drawImage(small, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The PNG of whichever view the run has, or undefined before the first view has arrived. */
export async function samplesPng(
  plane: PlaneEvent | undefined,
  samples: SamplesEvent | undefined,
): Promise<Blob | undefined> {
  if (plane) return points(plane).convertToBlob({ type: 'image/png' });
  if (samples?.imageShape)
    return digits({ ...samples, imageShape: samples.imageShape }).convertToBlob({ type: 'image/png' });
  return undefined;
}
