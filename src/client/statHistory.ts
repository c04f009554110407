/**
 * The chart history the page keeps: every point of the recent past, and a thinned record of the
 * rest, so a run of any length costs the page a bounded amount of memory (the soak benchmark's heap
 * criterion) and appending stays cheap. The detectors read windows of at most a few hundred recent
 * iterations, which stay whole; the charts downsample to ~60 buckets, which the thinned past still fills.
 */

/** Points kept at most before the past is thinned again. */
export const HISTORY_LIMIT = 6_000;
/** The newest points, never thinned: well above the detectors' longest window (300 iterations). */
export const RECENT_WHOLE = 2_000;

/**
 * `history` followed by `points`; when that exceeds `limit`, the past (all but the newest `recent`)
 * keeps only iterations on a grid of stride 2, 4, 8, … — the smallest that leaves it at most half of
 * the room — plus the run's first point. Each thinning keeps a subset of the grid before, so the
 * past stays evenly spaced whatever the run's length.
 */
export function appendThinned<T extends { iteration: number }>(
  history: readonly T[],
  points: readonly T[],
  limit = HISTORY_LIMIT,
  recent = RECENT_WHOLE,
): T[] {
  const all = history.concat(points);
  if (all.length <= limit) return all;
  const cut = Math.max(0, all.length - recent);
  const room = Math.max(1, Math.floor((limit - recent) / 2));
  const onGrid = (stride: number) => all.slice(1, cut).filter((p) => p.iteration % stride === 0);
  let stride = 2;
  let past = onGrid(stride);
  while (past.length + 1 > room) {
    stride *= 2;
    past = past.filter((p) => p.iteration % stride === 0);
  }
  return [all[0], ...past, ...all.slice(cut)];
}
