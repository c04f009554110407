/**
 * Display downsampling for streaming charts: min/max buckets. Each bucket of consecutive points keeps
 * its first point and, per series, the points holding the minimum and the maximum, so spikes (an
 * exploding loss, one bad batch) survive however long the run; a chart never draws more than about
 * 2·buckets·series + 1 points, whatever the history holds.
 */
export type Row = { iteration: number } & Record<string, number | null>;

export function minMaxBuckets<T extends Row>(rows: readonly T[], keys: readonly string[], buckets: number): T[] {
  if (rows.length <= buckets * 2 || buckets < 1) return rows.slice();
  const size = rows.length / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(rows.length, Math.floor((b + 1) * size));
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
  }
  const last = rows[rows.length - 1];
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}
