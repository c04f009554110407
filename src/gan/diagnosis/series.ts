import type { StatField, StatPoint } from '../stats.ts';

/** The points of the last `iterations` iterations (by iteration number, not by count). */
export function lastIterations<T extends { iteration: number }>(
  points: readonly T[],
  iterations: number,
): readonly T[] {
  const last = points.at(-1);
  if (!last) return [];
  const from = last.iteration - iterations + 1;
  let start = points.length;
  while (start > 0 && points[start - 1].iteration >= from) start -= 1;
  return points.slice(start);
}

/** Finite values of one field; NaN marks an iteration where that network did not step. */
export function values(points: readonly StatPoint[], field: StatField): number[] {
  const out: number[] = [];
  for (const point of points) if (Number.isFinite(point[field])) out.push(point[field]);
  return out;
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

/** The middle value (the mean of the two middle ones for an even count): one wild batch does not move it. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function standardDeviation(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Least-squares slope of ys against their index. */
export function slope(ys: readonly number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = mean(ys);
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** Means of consecutive blocks of `size` values; a trailing partial block is dropped. */
export function blockMeans(xs: readonly number[], size: number): number[] {
  const out: number[] = [];
  for (let start = 0; start + size <= xs.length; start += size) out.push(mean(xs.slice(start, start + size)));
  return out;
}

/**
 * Whether the run has enough history for a window: its points span at least `fraction` of it.
 * Detectors stay silent on the first few iterations, where every GAN looks odd.
 */
export function covers(points: readonly { iteration: number }[], iterations: number, fraction = 0.9): boolean {
  if (points.length < 2) return false;
  return points[points.length - 1].iteration - points[0].iteration + 1 >= fraction * iterations;
}
