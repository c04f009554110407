/**
 * The samples on the fixed noise as a PNG, drawn from the floats the page already holds: the 2D
 * view's real and generated points, or the image samples as a grid of digits. Colours are the
 * playground's (--real, --fake).
 */
import type { PlaneEvent, SamplesEvent } from '../../worker/protocol.ts';

const SIZE = 720;
/** Pixels per image pixel in the digit grid, so 28×28 digits stay legible on a slide. */
const ZOOM = 3;

function points(plane: PlaneEvent): OffscreenCanvas {
  const canvas = new OffscreenCanvas(SIZE, SIZE);
  const context = canvas.getContext('2d')!;
  context.fillStyle = 'white';
  context.fillRect(0, 0, SIZE, SIZE);
  const { radius } = plane;
  const dots = (values: Float32Array, colour: string) => {
    context.fillStyle = colour;
    for (let i = 0; i < values.length; i += 2) {
      context.fillRect(
        ((values[i] + radius) / (2 * radius)) * SIZE - 2,
        ((radius - values[i + 1]) / (2 * radius)) * SIZE - 2,
        4,
        4,
      );
    }
  };
  dots(plane.real, '#2b8a3e');
  dots(plane.fake, '#c2255c');
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
