import { lazy, type ReactNode, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStrings } from '../../i18n/useStrings.ts';
import type { PlaneEvent } from '../../worker/protocol.ts';
import { formatSetting } from '../../i18n/format.ts';
import { useTheoryLayers, useView } from '../share/viewState.ts';
import { clampToPlane, enoughPoints, MAX_DRAWN_POINTS, MIN_DRAWN_POINTS, type Point } from './drawing.ts';
import {
  diverging,
  drawPlane,
  fieldBuffer,
  type FieldBuffer,
  fieldRange,
  heatOf,
  type Layers,
  SIZE,
  SOFTWARE_CANVAS,
} from './draw.ts';
import { usePalette } from '../theme/theme.ts';

/**
 * The theory layers' controls and caption (TheoryLayers.tsx) load after the page's first paint: they
 * show only once a plane carries theory, and their sentences stay off the first download.
 */
const TheoryToggles = lazy(() =>
  import('./TheoryLayers.tsx').then(({ TheoryToggles }) => ({ default: TheoryToggles })),
);
const TheoryCaption = lazy(() =>
  import('./TheoryLayers.tsx').then(({ TheoryCaption }) => ({ default: TheoryCaption })),
);

/** The drawing frame before any plane exists: the ring's view (radius 2 plus a margin). */
const DEFAULT_RADIUS = 3;
/** Points added per pointer move at most: a drag lays a trail, not a blot. */
const MIN_STEP_PX = 6;

export interface PlaneViewProps {
  plane?: PlaneEvent;
  /** Drawing mode (the draw-your-own dataset): pointer input adds points. */
  drawing: boolean;
  points: readonly Point[];
  onDraw(points: Point[]): void;
  onClear(): void;
  /** Drawn over the canvas, in a box of the plane's size (the slow-motion step's batch, src/features/overview). */
  overlay?: (radius: number) => ReactNode;
}

const LAYER_KEYS: (keyof Layers)[] = ['heatmap', 'real', 'fake', 'arrows', 'manifold'];

/**
 * The 2D view: D's belief as a diverging heatmap with its legend, real and generated points, the
 * direction G's loss pulls each fake, the manifold (G's image of a noise lattice), each a toggle;
 * in drawing mode, click, drag or touch to paint real points.
 */
export function PlaneView({ plane, drawing, points, onDraw, onClear, overlay }: PlaneViewProps) {
  const t = useStrings().views;
  const p = useStrings().playground;
  const th = useStrings().theory;
  const canvas = useRef<HTMLCanvasElement>(null);
  const buffer = useRef<FieldBuffer | null>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  // The layers travel in the link (share/urlState.ts): a link can open the view with some hidden.
  const [layers, setLayers] = useView();
  const radius = plane?.radius ?? DEFAULT_RADIUS;
  const palette = usePalette();
  const heat = useMemo(() => heatOf(palette), [palette]);
  // So do the theory layers (D*, D − D*, transport): a link can open the view with D* shown.
  const [theory, setTheory] = useTheoryLayers();
  const captionId = useId();

  // Painted in a task of its own, not in React's commit: the page's other updates render in the same
  // commit, and together with the heatmap, points, arrows and manifold they made one task longer
  // than 50 ms. A newer plane before the task runs replaces the one waiting.
  useEffect(() => {
    const paint = setTimeout(() => {
      const context = canvas.current?.getContext('2d', SOFTWARE_CANVAS);
      if (!context) return;
      if (plane) buffer.current = fieldBuffer(plane.resolution, buffer.current);
      const ratio = window.devicePixelRatio || 1;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawPlane(context, plane, radius, layers, buffer.current, drawing ? points : [], palette, heat, theory);
    });
    return () => clearTimeout(paint);
  }, [plane, layers, drawing, points, radius, palette, heat, theory]);

  // A drag that leaves the canvas keeps drawing (pointer capture): its points are put on the plane's edge, and the view says so.
  const [clamped, setClamped] = useState(false);
  const toData = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    const u = (event.clientX - box.left) / box.width;
    const v = (event.clientY - box.top) / box.height;
    const placed = clampToPlane(-radius + 2 * radius * u, radius - 2 * radius * v, radius);
    if (placed.clamped) setClamped(true);
    return placed.point;
  };
  const add = (event: React.PointerEvent<HTMLCanvasElement>, force: boolean) => {
    const here = { x: event.clientX, y: event.clientY };
    if (!force && last.current && Math.hypot(here.x - last.current.x, here.y - last.current.y) < MIN_STEP_PX) return;
    last.current = here;
    onDraw([toData(event)]);
  };

  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const shownTheory = plane?.theory && (theory.field !== 'discriminator' || theory.transport);
  // D*, D − D*: the probability scale (D − D* is mapped onto it, draw.ts heatField); D: its own range.
  const showsD = !plane?.theory || theory.field === 'discriminator';
  const [low, high] = plane && showsD ? fieldRange(plane) : [0, 1];
  const gradient = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((u) => `rgb(${diverging(u, heat).join(',')})`).join(', ')})`;
  return (
    <figure className="plane-view" style={{ position: 'relative' }}>
      <canvas
        ref={canvas}
        width={SIZE * ratio}
        height={SIZE * ratio}
        style={{
          width: SIZE,
          height: SIZE,
          touchAction: drawing ? 'none' : undefined,
          cursor: drawing ? 'crosshair' : undefined,
        }}
        role="img"
        aria-label={drawing ? t.drawingArea : p.plane}
        aria-describedby={shownTheory ? captionId : undefined}
        onPointerDown={(event) => {
          if (!drawing) return;
          try {
            event.currentTarget.setPointerCapture(event.pointerId);
          } catch {
            // A pointer the browser does not track (a synthetic event) cannot be captured; it still draws.
          }
          setClamped(false);
          add(event, true);
        }}
        onPointerMove={(event) => drawing && event.buttons > 0 && add(event, false)}
        onPointerUp={() => (last.current = null)}
      >
        {p.planeDescription}
      </canvas>
      {overlay?.(radius)}
      <figcaption>
        {layers.heatmap && plane ? (
          <div className="legend">
            <span>
              {plane.theory && theory.field === 'optimal'
                ? th.legendOptimal
                : plane.theory && theory.field === 'difference'
                  ? th.legendDifference
                  : plane.output === 'probability'
                    ? t.legendProbability
                    : t.legendScore(formatSetting(low), formatSetting(high))}
            </span>
            <span className="ramp" style={{ background: gradient }} aria-hidden="true" />
            <span className="ramp-ends" aria-hidden="true">
              {(plane.theory && theory.field === 'difference' ? [-1, 0, 1] : [low, (low + high) / 2, high]).map(
                (v, k) => (
                  <span key={k}>{formatSetting(v)}</span>
                ),
              )}
            </span>
          </div>
        ) : null}
        <fieldset className="layers">
          <legend>{t.layers}</legend>
          {LAYER_KEYS.map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={layers[key]}
                onChange={(event) => setLayers({ ...layers, [key]: event.target.checked })}
              />
              {key === 'real' || key === 'fake' ? <PointMark kind={key} /> : null}
              {
                { heatmap: t.heatmap, real: t.realPoints, fake: t.fakePoints, arrows: t.arrows, manifold: t.manifold }[
                  key
                ]
              }
            </label>
          ))}
          {plane?.theory ? (
            <Suspense fallback={null}>
              <TheoryToggles
                theory={theory}
                available={plane.theory}
                probability={plane.output === 'probability'}
                onChange={(next) => {
                  setTheory(next);
                  // D* is a heatmap: choosing it shows the heatmap.
                  if (next.field !== 'discriminator' && !layers.heatmap) setLayers({ ...layers, heatmap: true });
                }}
              />
            </Suspense>
          ) : null}
        </fieldset>
        {plane?.theory && shownTheory ? (
          <Suspense fallback={null}>
            <TheoryCaption id={captionId} theory={theory} view={plane.theory} />
          </Suspense>
        ) : null}
        {drawing ? (
          <div className="drawing">
            <strong>{t.drawTitle}</strong> {t.drawHint} <output>{t.drawCount(points.length)}</output>
            <button
              type="button"
              onClick={() => {
                setClamped(false);
                onClear();
              }}
            >
              {t.clearPoints}
            </button>
            {!enoughPoints(points.length) ? (
              <p className="draw-notice" role="alert">
                {t.drawTooFew(MIN_DRAWN_POINTS, points.length)}
              </p>
            ) : null}
            {points.length >= MAX_DRAWN_POINTS ? (
              <p className="draw-notice" role="status">
                {t.drawFull(MAX_DRAWN_POINTS)}
              </p>
            ) : null}
            {clamped ? (
              <p className="draw-notice" role="status">
                {t.drawClamped(formatSetting(radius))}
              </p>
            ) : null}
          </div>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** The legend's mark for real (a disc) or generated (a cross) points, as the canvas draws them. */
function PointMark({ kind }: { kind: 'real' | 'fake' }) {
  return (
    <svg className={`swatch ${kind}`} viewBox="0 0 10 10" aria-hidden="true">
      {kind === 'real' ? (
        <circle cx="5" cy="5" r="4" style={{ fill: 'var(--real)' }} />
      ) : (
        <path d="M1.5 1.5 8.5 8.5M1.5 8.5 8.5 1.5" style={{ stroke: 'var(--fake)', strokeWidth: 2.2 }} />
      )}
    </svg>
  );
}
