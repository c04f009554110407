/** Geometry of the charts' own line layer (StreamLines.tsx): paths and the point under the pointer. */
import type { ScaleFunction } from 'recharts';
import type { Row } from './downsample.ts';

/** The layer's iteration scale: an iteration to a pixel. */
export type Scale = (iteration: number) => number;

/**
 * An SVG path through the series' points; a missing value (null, or none on a log axis) breaks the
 * line. A row without the key at all belongs to another series (two runs' rows merged by iteration,
 * mergeRuns) and is passed over without lifting the pen.
 */
export function linePath(rows: readonly Row[], key: string, x: Scale, y: ScaleFunction): string {
  let d = '';
  let pen = false;
  for (const row of rows) {
    const v = row[key];
    if (v === undefined) continue;
    const px = v === null || v === undefined || !Number.isFinite(v) ? undefined : x(row.iteration);
    const py = px === undefined ? undefined : y(v);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The row nearest to `iteration` in rows sorted by iteration. */
export function nearestRow(rows: readonly Row[], iteration: number): Row | undefined {
  if (rows.length === 0) return undefined;
  let low = 0;
  let high = rows.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (rows[mid].iteration <= iteration) low = mid;
    else high = mid;
  }
  return Math.abs(rows[low].iteration - iteration) <= Math.abs(rows[high].iteration - iteration)
    ? rows[low]
    : rows[high];
}

/** The row nearest to `iteration` among those that hold a value for `key` (merged runs' rows hold one run's keys each). */
export function nearestWith(rows: readonly Row[], key: string, iteration: number): Row | undefined {
  let best: Row | undefined;
  for (const row of rows) {
    if (row[key] === undefined) continue;
    if (!best || Math.abs(row.iteration - iteration) < Math.abs(best.iteration - iteration)) best = row;
  }
  return best;
}

/**
 * Two runs' rows on one iteration axis (compare mode): run B's keys are renamed `key + suffix`, and
 * the rows are merged in order of iteration, each keeping only its own run's keys.
 */
export function mergeRuns(a: readonly Row[], b: readonly Row[], keys: readonly string[], suffix: string): Row[] {
  const renamed = b.map((row) => {
    const out: Row = { iteration: row.iteration };
    for (const key of keys) if (row[key] !== undefined) out[key + suffix] = row[key];
    return out;
  });
  const merged: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < renamed.length) {
    if (j >= renamed.length || (i < a.length && a[i].iteration <= renamed[j].iteration)) merged.push(a[i++]);
    else merged.push(renamed[j++]);
  }
  return merged;
}
