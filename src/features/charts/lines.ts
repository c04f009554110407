/** Geometry of the charts' own line layer (StreamLines.tsx): paths and the point under the pointer. */
import type { ScaleFunction } from 'recharts';
import type { Row } from './downsample.ts';

/** The layer's iteration scale: an iteration to a pixel. */
export type Scale = (iteration: number) => number;

/** An SVG path through the series' points; a missing value (null, or none on a log axis) breaks the line. */
export function linePath(rows: readonly Row[], key: string, x: Scale, y: ScaleFunction): string {
  let d = '';
  let pen = false;
  for (const row of rows) {
    const v = row[key];
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
