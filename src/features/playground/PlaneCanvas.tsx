import { useEffect, useRef } from 'react';
import type { TrainingClient, TrainingSnapshot } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { PlaneEvent } from '../../worker/protocol.ts';

const planeOf = (s: TrainingSnapshot) => s.plane;

/** Canvas size in CSS pixels; the backing store follows devicePixelRatio so dots stay crisp. */
const SIZE = 360;
/** The longest gradient arrow, as a fraction of the view: directions and relative sizes, not absolute ones. */
const ARROW_FRACTION = 0.08;
/** Arrows on every fourth fake point: 128 of 512, about GAN Lab's 150, so the field stays readable. */
const ARROW_EVERY = 4;

/**
 * A CPU-backed 2D canvas (Chrome keeps `willReadFrequently` canvases in software). A few thousand
 * small rects and lines a few times a second are cheap to draw on the CPU; drawn through a
 * GPU-accelerated canvas they become GPU work, which on a software GPU (SwiftShader, as in our
 * headless tests) ran to main-thread tasks over 50 ms while the worker trained.
 */
const SOFTWARE_CANVAS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/** Colours shared with app.css (--real, --fake) and a pale ramp for D. */
const REAL = '#2b8a3e';
const FAKE = '#c2255c';
const FIELD_LOW = [247, 247, 248];
const FIELD_HIGH = [160, 196, 170];

/** D on the grid as pixels, into a reused image: a probability maps 0..1 onto the ramp, a raw score its own min..max. */
function paintField(plane: PlaneEvent, image: ImageData) {
  const { discriminator, output } = plane;
  let low = 0;
  let high = 1;
  if (output === 'score') {
    low = Infinity;
    high = -Infinity;
    for (const value of discriminator) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  const span = high - low || 1;
  for (let i = 0; i < discriminator.length; i++) {
    const u = Math.min(1, Math.max(0, (discriminator[i] - low) / span));
    for (let c = 0; c < 3; c++) image.data[4 * i + c] = FIELD_LOW[c] + u * (FIELD_HIGH[c] - FIELD_LOW[c]);
    image.data[4 * i + 3] = 255;
  }
}

/** The small canvas D is painted into before it is scaled up; kept between draws. */
interface FieldBuffer {
  canvas: OffscreenCanvas;
  context: OffscreenCanvasRenderingContext2D;
  image: ImageData;
}

function fieldBuffer(resolution: number, previous: FieldBuffer | null): FieldBuffer | null {
  if (previous && previous.image.width === resolution) return previous;
  const canvas = new OffscreenCanvas(resolution, resolution);
  const context = canvas.getContext('2d', SOFTWARE_CANVAS);
  return context ? { canvas, context, image: context.createImageData(resolution, resolution) } : null;
}

function draw(context: CanvasRenderingContext2D, plane: PlaneEvent, field: FieldBuffer) {
  const { radius } = plane;
  const toX = (x: number) => ((x + radius) / (2 * radius)) * SIZE;
  const toY = (y: number) => ((radius - y) / (2 * radius)) * SIZE;
  paintField(plane, field.image);
  field.context.putImageData(field.image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(field.canvas, 0, 0, SIZE, SIZE);

  // The manifold: G's image of the noise lattice, drawn along its rows and columns.
  context.strokeStyle = 'rgba(120, 120, 140, 0.35)';
  context.lineWidth = 1;
  const { manifold, latticeRows: rows, latticeCols: cols } = plane;
  const visit = (r: number, c: number, first: boolean) => {
    const k = 2 * (r * cols + c);
    if (first) context.moveTo(toX(manifold[k]), toY(manifold[k + 1]));
    else context.lineTo(toX(manifold[k]), toY(manifold[k + 1]));
  };
  context.beginPath();
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) visit(r, c, c === 0);
  if (rows > 1) for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) visit(r, c, r === 0);
  context.stroke();

  const dots = (points: Float32Array, colour: string) => {
    context.fillStyle = colour;
    for (let i = 0; i < points.length; i += 2) context.fillRect(toX(points[i]) - 1.5, toY(points[i + 1]) - 1.5, 3, 3);
  };
  dots(plane.real, REAL);
  dots(plane.fake, FAKE);

  const { descent, fake } = plane;
  let longest = 0;
  for (let i = 0; i < descent.length; i += 2) longest = Math.max(longest, Math.hypot(descent[i], descent[i + 1]));
  if (longest > 0) {
    const scale = (ARROW_FRACTION * SIZE) / longest;
    context.strokeStyle = 'rgba(194, 37, 92, 0.45)';
    context.beginPath();
    for (let i = 0; i < fake.length; i += 2 * ARROW_EVERY) {
      const x = toX(fake[i]);
      const y = toY(fake[i + 1]);
      context.moveTo(x, y);
      context.lineTo(x + descent[i] * scale, y - descent[i + 1] * scale);
    }
    context.stroke();
  }
}

/** The 2D view: D's belief as shading, the manifold, real and generated points, and G's pull on each fake. */
export function PlaneCanvas({ client }: { client: TrainingClient }) {
  const t = useStrings().playground;
  const plane = useTraining(client, planeOf);
  const canvas = useRef<HTMLCanvasElement>(null);
  const buffer = useRef<FieldBuffer | null>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d', SOFTWARE_CANVAS);
    if (!context || !plane) return;
    buffer.current = fieldBuffer(plane.resolution, buffer.current);
    if (!buffer.current) return;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    draw(context, plane, buffer.current);
  }, [plane]);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <figure className="plane">
      <canvas ref={canvas} width={SIZE * ratio} height={SIZE * ratio} style={{ width: SIZE, height: SIZE }} role="img" aria-label={t.plane}>
        {t.planeDescription}
      </canvas>
      <figcaption>
        {plane ? (
          <>
            <span className="swatch real" /> {t.realData} <span className="swatch fake" /> {t.generated} <span className="swatch field" /> {t.discriminatorShade}
          </>
        ) : (
          t.waitingForPlane
        )}
      </figcaption>
    </figure>
  );
}
