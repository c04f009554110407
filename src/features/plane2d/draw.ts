/**
 * Painting the 2D view: D's field as a diverging heatmap, the generator's manifold, real and fake
 * points, G's gradient arrows and the user's drawn points. Plain canvas calls on a PlaneEvent, so
 * the live view and a history snapshot draw the same way.
 */
import type { PlaneEvent } from '../../worker/protocol.ts';
import { type Palette, PALETTES } from '../theme/palette.ts';

export const SIZE = 360;
/**
 * A CPU-backed 2D canvas (Chrome keeps `willReadFrequently` canvases in software): a few thousand
 * small shapes a few times a second are cheap on the CPU, while through a software GPU (SwiftShader)
 * they cost the training worker half its speed (measured in the bare playground, commit 69c600a).
 */
export const SOFTWARE_CANVAS: CanvasRenderingContext2DSettings = { willReadFrequently: true };
/** The longest gradient arrow, as a fraction of the view: directions and relative sizes, not absolute ones. */
const ARROW_FRACTION = 0.08;
/** Arrows on every fourth fake point: 128 of 512, about GAN Lab's 150, so the field stays readable. */
const ARROW_EVERY = 4;

/** The heatmap's three colours as RGB: where D says generated, where it cannot tell, where it says real. */
export type Heat = readonly [readonly number[], readonly number[], readonly number[]];

/** A #rrggbb colour as RGB. */
const rgbOf = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
/** The palette's heatmap (src/features/theme/palette.ts): pale where the points are dark. */
export const heatOf = (palette: Pick<Palette, 'heatLow' | 'heatMid' | 'heatHigh'>): Heat => [
  rgbOf(palette.heatLow),
  rgbOf(palette.heatMid),
  rgbOf(palette.heatHigh),
];
const LIGHT_HEAT = heatOf(PALETTES.light);

/**
 * The theory layers (src/gan/theory), on where the plane carries theory: the heatmap shows the trained
 * D, the optimal D*, or their difference D − D*; the transport draws the optimal matching.
 */
export interface TheoryLayers {
  field: 'discriminator' | 'optimal' | 'difference';
  transport: boolean;
}

export const NO_THEORY: TheoryLayers = { field: 'discriminator', transport: false };

export interface Layers {
  heatmap: boolean;
  real: boolean;
  fake: boolean;
  arrows: boolean;
  manifold: boolean;
}

/** Where D's output sits on the colour scale: a probability on 0..1, a score on its own range. */
export function fieldRange(plane: Pick<PlaneEvent, 'discriminator' | 'output'>): [number, number] {
  if (plane.output === 'probability') return [0, 1];
  let low = Infinity;
  let high = -Infinity;
  for (const v of plane.discriminator) {
    if (!Number.isFinite(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return low < high ? [low, high] : [low - 1, low + 1];
}

/**
 * The field the heatmap paints: D as the plane read it, D* (a probability), or D − D* mapped from
 * −1 … 1 onto the probability scale's 0 … 1, so white is still "no difference". D − D* needs a D
 * that is a probability; for a score it falls back to D*.
 */
export function heatField(
  plane: Pick<PlaneEvent, 'discriminator' | 'output' | 'theory'>,
  field: TheoryLayers['field'],
): Pick<PlaneEvent, 'discriminator' | 'output'> {
  const optimal = plane.theory?.optimal;
  if (!optimal || field === 'discriminator') return plane;
  if (field === 'optimal' || plane.output !== 'probability') return { discriminator: optimal, output: 'probability' };
  const difference = new Float32Array(optimal.length);
  for (let i = 0; i < optimal.length; i++) difference[i] = (plane.discriminator[i] - optimal[i] + 1) / 2;
  return { discriminator: difference, output: 'probability' };
}

/** RGB for u in 0..1 on the diverging scale (0.5 is white: D cannot tell). */
export function diverging(u: number, [low, mid, high]: Heat = LIGHT_HEAT): [number, number, number] {
  const clamped = Math.min(1, Math.max(0, u));
  const [from, to, f] = clamped < 0.5 ? [low, mid, clamped * 2] : [mid, high, (clamped - 0.5) * 2];
  return [0, 1, 2].map((c) => Math.round(from[c] + f * (to[c] - from[c]))) as [number, number, number];
}

/** The diverging scale in 256 steps, RGBA: painting a cell is a lookup, not a colour mix (4,096 cells a plane). */
const SCALE_STEPS = 256;
const SCALES = new WeakMap<Heat, Uint8ClampedArray>();
function scaleOf(heat: Heat): Uint8ClampedArray {
  let table = SCALES.get(heat);
  if (!table) {
    table = new Uint8ClampedArray(4 * SCALE_STEPS);
    for (let k = 0; k < SCALE_STEPS; k++) table.set([...diverging(k / (SCALE_STEPS - 1), heat), 255], 4 * k);
    SCALES.set(heat, table);
  }
  return table;
}

export function paintField(
  plane: Pick<PlaneEvent, 'discriminator' | 'output'>,
  image: Pick<ImageData, 'data'>,
  heat: Heat = LIGHT_HEAT,
) {
  const SCALE = scaleOf(heat);
  const [low, high] = fieldRange(plane);
  const scale = (SCALE_STEPS - 1) / (high - low);
  const { discriminator } = plane;
  const pixels = image.data;
  for (let i = 0; i < discriminator.length; i++) {
    const u = (discriminator[i] - low) * scale;
    // A NaN cell (the page drops diverged planes, so a guard) is drawn as the middle: white.
    const step = Number.isNaN(u) ? SCALE_STEPS >> 1 : Math.round(Math.min(SCALE_STEPS - 1, Math.max(0, u)));
    const k = 4 * step;
    pixels[4 * i] = SCALE[k];
    pixels[4 * i + 1] = SCALE[k + 1];
    pixels[4 * i + 2] = SCALE[k + 2];
    pixels[4 * i + 3] = 255;
  }
}

export interface FieldBuffer {
  canvas: OffscreenCanvas;
  context: OffscreenCanvasRenderingContext2D;
  image: ImageData;
}

export function fieldBuffer(resolution: number, previous: FieldBuffer | null): FieldBuffer | null {
  if (previous && previous.image.width === resolution) return previous;
  const canvas = new OffscreenCanvas(resolution, resolution);
  const context = canvas.getContext('2d', SOFTWARE_CANVAS);
  return context ? { canvas, context, image: context.createImageData(resolution, resolution) } : null;
}

/** A canvas's 2D context, on the page or off screen (the samples' PNG, share/samplePng.ts). */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export function drawPlane(
  context: Context2D,
  plane: PlaneEvent | undefined,
  radius: number,
  layers: Layers,
  field: FieldBuffer | null,
  drawn: readonly [number, number][],
  palette: Palette = PALETTES.light,
  heat: Heat = LIGHT_HEAT,
  theory: TheoryLayers = NO_THEORY,
) {
  const toX = (x: number) => ((x + radius) / (2 * radius)) * SIZE;
  const toY = (y: number) => ((radius - y) / (2 * radius)) * SIZE;
  context.clearRect(0, 0, SIZE, SIZE);
  context.fillStyle = palette.surface;
  context.fillRect(0, 0, SIZE, SIZE);
  if (plane && layers.heatmap && field) {
    paintField(heatField(plane, theory.field), field.image, heat);
    field.context.putImageData(field.image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(field.canvas, 0, 0, SIZE, SIZE);
  }
  if (plane && layers.manifold) {
    context.strokeStyle = palette.manifold;
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
  }
  // Real and generated differ by shape as well as colour (issue 18): real points are discs, generated ones crosses.
  const size = palette.pointSize;
  const discs = (points: ArrayLike<number>) => {
    context.fillStyle = palette.real;
    context.beginPath();
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = toX(points[i]);
      const y = toY(points[i + 1]);
      context.moveTo(x + size / 2, y);
      context.arc(x, y, size / 2, 0, 2 * Math.PI);
    }
    context.fill();
  };
  const crosses = (points: ArrayLike<number>) => {
    context.strokeStyle = palette.fake;
    context.lineWidth = Math.max(1.5, size / 3);
    context.beginPath();
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = toX(points[i]);
      const y = toY(points[i + 1]);
      context.moveTo(x - size / 2, y - size / 2);
      context.lineTo(x + size / 2, y + size / 2);
      context.moveTo(x - size / 2, y + size / 2);
      context.lineTo(x + size / 2, y - size / 2);
    }
    context.stroke();
  };
  const matching = plane?.theory?.transport;
  if (matching && theory.transport) {
    // Each real point joined to the fake it is moved onto, under the points so both ends stay visible.
    // Darker and wider than the manifold's lattice, which may be on too.
    context.strokeStyle = palette.text;
    context.globalAlpha = 0.8;
    context.lineWidth = palette.lineWidth;
    context.beginPath();
    matching.assignment.forEach((j, i) => {
      context.moveTo(toX(matching.real[2 * i]), toY(matching.real[2 * i + 1]));
      context.lineTo(toX(matching.fake[2 * j]), toY(matching.fake[2 * j + 1]));
    });
    context.stroke();
    context.globalAlpha = 1;
    discs(matching.real);
    crosses(matching.fake);
  }
  if (plane && layers.real) discs(plane.real);
  if (plane && layers.fake) crosses(plane.fake);
  if (plane && layers.arrows) {
    const { descent, fake } = plane;
    let longest = 0;
    for (let i = 0; i < descent.length; i += 2) longest = Math.max(longest, Math.hypot(descent[i], descent[i + 1]));
    if (longest > 0) {
      const scale = (ARROW_FRACTION * SIZE) / longest;
      context.strokeStyle = palette.arrow;
      context.lineWidth = 1;
      context.beginPath();
      for (let i = 0; i < fake.length; i += 2 * ARROW_EVERY) {
        const x = toX(fake[i]);
        const y = toY(fake[i + 1]);
        const dx = descent[i] * scale;
        const dy = -descent[i + 1] * scale;
        context.moveTo(x, y);
        context.lineTo(x + dx, y + dy);
        // A small head, so the direction reads at a glance.
        const angle = Math.atan2(dy, dx);
        const head = Math.min(4, Math.hypot(dx, dy) / 2);
        context.lineTo(x + dx - head * Math.cos(angle - 0.5), y + dy - head * Math.sin(angle - 0.5));
        context.moveTo(x + dx, y + dy);
        context.lineTo(x + dx - head * Math.cos(angle + 0.5), y + dy - head * Math.sin(angle + 0.5));
      }
      context.stroke();
    }
  }
  if (drawn.length) {
    context.fillStyle = palette.drawn;
    for (const [x, y] of drawn) {
      context.beginPath();
      context.arc(toX(x), toY(y), 2.5, 0, 2 * Math.PI);
      context.fill();
    }
  }
}
