/**
 * Display downsampling for streaming charts: min/max buckets. Each bucket, an equal span of
 * iterations, keeps its first point and, per series, the points holding the minimum and the maximum,
 * so spikes (an exploding loss, one bad batch) survive however long the run; a chart never draws more
 * than about 3·buckets points with one series, whatever the history holds. Buckets by iteration, not
 * by index: the page's history keeps the recent past whole and the older past thinned
 * (src/client/statHistory.ts), and the line should look alike on both sides of that seam.
 */
/**
 * Buckets per chart: each keeps its first point and each series' extremes (up to 7 rows with three
 * series), so spikes survive while a chart's rows stay in the low hundreds; recharts' cost per redraw
 * grows with the rows.
 */
export const BUCKETS = 60;

export type Row = { iteration: number } & Record<string, number | null>;

export function minMaxBuckets<T extends Row>(rows: readonly T[], keys: readonly string[], buckets: number): T[] {
  if (rows.length <= buckets * 2 || buckets < 1) return rows.slice();
  const first = rows[0].iteration;
  const width = (rows[rows.length - 1].iteration - first) / buckets;
  if (!(width > 0)) return [rows[0], rows[rows.length - 1]];
  const out: T[] = [];
  let start = 0;
  for (let b = 0; b < buckets && start < rows.length; b++) {
    const limit = b === buckets - 1 ? Infinity : first + (b + 1) * width;
    let end = start;
    while (end < rows.length && rows[end].iteration < limit) end++;
    if (end === start) continue;
    const keep = new Set<number>([start]);
    for (const key of keys) {
      let low = -1;
      let high = -1;
      for (let i = start; i < end; i++) {
        const v = rows[i][key];
        if (v === null || !Number.isFinite(v)) continue;
        if (low < 0 || v < (rows[low][key] as number)) low = i;
        if (high < 0 || v > (rows[high][key] as number)) high = i;
      }
      if (low >= 0) keep.add(low);
      if (high >= 0) keep.add(high);
    }
    for (const i of [...keep].sort((a, b2) => a - b2)) out.push(rows[i]);
    start = end;
  }
  const last = rows[rows.length - 1];
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}
