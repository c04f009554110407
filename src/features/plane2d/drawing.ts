/**
 * The drawing tool's rules (the draw-your-own dataset), pure so that the page and the tests share
 * them: how few points a drawing may train on, how many it holds, and where a point may lie.
 */
import { MAX_CUSTOM_POINTS } from '../../gan/data/toy2d.ts';

/**
 * Fewest drawn points a run trains on. One point is a single tiny Gaussian (toy2d.ts's jitter): D
 * separates it at once and there is no shape to learn; two already make a distribution with two modes.
 */
export const MIN_DRAWN_POINTS = 2;

/** A drawn point, [x, y] in the plane's coordinates. */
export type Point = [number, number];
export { MAX_CUSTOM_POINTS as MAX_DRAWN_POINTS };

/** Whether a drawing can be trained on. */
export const enoughPoints = (count: number) => count >= MIN_DRAWN_POINTS;

/** A point in the plane's coordinates, clamped to the square [−radius, radius]²; `clamped` says whether it moved. */
export function clampToPlane(x: number, y: number, radius: number): { point: [number, number]; clamped: boolean } {
  const fit = (v: number) => Number(Math.min(radius, Math.max(-radius, Number.isFinite(v) ? v : 0)).toFixed(3));
  const point: [number, number] = [fit(x), fit(y)];
  return { point, clamped: point[0] !== Number(x.toFixed(3)) || point[1] !== Number(y.toFixed(3)) };
}
