import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import type { Floats } from '../../gan/trace-shape.ts';
import { diverging, SIZE } from '../plane2d/draw.ts';
import { useWalkPosition, type WalkPosition } from './slowMotion.ts';
import * as overview from '../../i18n/overview.ts';
import { useWords } from '../../i18n/useStrings.ts';

const runOf = (s: TrainingState) => s.run;

/** A point's radius and an arrow's width, as fractions of the plane's half-width. */
const DOT = 0.024;
const STROKE = 0.007;

interface Dot {
  x: number;
  y: number;
  /** D's output, placed on the heatmap's 0..1 scale. */
  u?: number;
  kind: 'real' | 'fake';
}

/**
 * The slow-motion step's batch on the 2D view (issue 19), drawn over the plane's canvas: the real and
 * generated points of the sub-step, filled with D's output on the heatmap's scale once D has scored
 * them (after D's update, the updated D's), and after G's update an arrow from each fake to where the
 * same z now lands. Nothing is drawn outside a walk or for sub-steps that do not touch the plane.
 * TraceOverlay.tsx loads it lazily, with the overview's chunk.
 */
export function TraceBatch({ client, radius }: { client: TrainingClient; radius: number }) {
  const run = useTraining(client, runOf);
  const walk = useWalkPosition(client, run);
  const t = useWords(overview);
  const drawn = walk && overlayOf(walk);
  if (!drawn) return null;
  const dot = DOT * radius;
  const stroke = STROKE * radius;
  return (
    <svg
      className="trace-overlay"
      viewBox={`${-radius} ${-radius} ${2 * radius} ${2 * radius}`}
      style={{ width: SIZE, height: SIZE }}
      role="img"
      aria-label={t.planeOverlay}
    >
      {/* The plane fades behind the traced batch, so the batch stands out. */}
      <rect x={-radius} y={-radius} width={2 * radius} height={2 * radius} className="trace-veil" />
      <g transform="scale(1 -1)">
        {drawn.arrows.map(([x0, y0, x1, y1], i) => (
          <line key={i} x1={x0} y1={y0} x2={x1} y2={y1} className="trace-arrow" strokeWidth={stroke} />
        ))}
        {drawn.dots.map((d, i) => (
          <circle
            key={i}
            cx={d.x}
            cy={d.y}
            r={dot}
            className={`trace-dot ${d.kind}`}
            strokeWidth={stroke}
            fill={d.u === undefined ? 'none' : `rgb(${diverging(d.u).join(',')})`}
          />
        ))}
      </g>
    </svg>
  );
}

function dots(points: Floats | undefined, scores: Floats | undefined, kind: Dot['kind'], scale: (v: number) => number) {
  if (!points) return [];
  return Array.from({ length: points.length / 2 }, (_, i) => ({
    x: points[2 * i],
    y: points[2 * i + 1],
    u: scores ? scale(scores[i]) : undefined,
    kind,
  }));
}

/** What the sub-step shows on the plane, or undefined where it shows nothing there. */
export function overlayOf(walk: WalkPosition): { dots: Dot[]; arrows: [number, number, number, number][] } | undefined {
  const points = walk.phase.points;
  const step = walk.step.id;
  if (!points || step === 'noise') return undefined;
  // Probabilities are already on 0..1; raw scores are placed between the lowest and highest shown.
  const all = [points.realScores, points.fakeScores, points.realScoresAfter, points.fakeScoresAfter].flatMap((a) =>
    a ? Array.from(a) : [],
  );
  const low = Math.min(...all);
  const high = Math.max(...all);
  const scale =
    walk.trace.output === 'probability'
      ? (v: number) => v
      : (v: number) => (high > low ? (v - low) / (high - low) : 0.5);
  const scored = step !== 'generate';
  const after = step === 'update';
  if (walk.network === 'discriminator') {
    const realScores = after ? points.realScoresAfter : points.realScores;
    const fakeScores = after ? points.fakeScoresAfter : points.fakeScores;
    return {
      dots: [
        ...dots(points.real, scored ? realScores : undefined, 'real', scale),
        ...dots(points.fake, scored ? fakeScores : undefined, 'fake', scale),
      ],
      arrows: [],
    };
  }
  if (after && points.fakeAfter) {
    const moved = points.fakeAfter;
    return {
      dots: dots(moved, undefined, 'fake', scale),
      arrows: Array.from({ length: points.count }, (_, i) => [
        points.fake[2 * i],
        points.fake[2 * i + 1],
        moved[2 * i],
        moved[2 * i + 1],
      ]),
    };
  }
  return { dots: dots(points.fake, scored ? points.fakeScores : undefined, 'fake', scale), arrows: [] };
}
