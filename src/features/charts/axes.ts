/**
 * Axes that hold still while data streams in. A streaming chart whose domain follows the newest
 * point re-ticks, re-measures its labels and re-lays its grid on every redraw, and its labels jitter;
 * here a domain is widened in "nice" steps (1, 2, 5 × 10ᵏ) only when the data leaves it, and narrowed
 * only when the data fills less than a quarter of it, so most redraws only move the lines.
 */

export interface Axis {
  domain: [number, number];
  ticks: number[];
}

/** The nice step (1, 2 or 5 × 10ᵏ) that cuts `span` into at most `count` intervals. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9));
  return step ?? 10 * power;
}

/** `value` without the float drift of multiplying by `step` (3 × 0.2 = 0.6000000000000001 → 0.6). */
const onStep = (value: number, step: number) => Number(value.toFixed(Math.max(0, -Math.floor(Math.log10(step)) + 1)));

/** Ticks every `step` from `from` to `to` (both multiples of it), without float drift in the labels. */
function ticksBetween(from: number, to: number, step: number): number[] {
  const ticks: number[] = [];
  for (let i = 0, v = from; v <= to + step * 1e-9 && i < 50; i++, v = from + i * step) ticks.push(onStep(v, step));
  return ticks;
}

/** A nice linear axis around [min, max] with at most `count` intervals. */
export function niceAxis(min: number, max: number, count = 4): Axis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  if (min === max) {
    // A flat line: room around it, without crossing zero (a count of 0 modes draws on 0 … 1).
    if (min === 0) return niceAxis(0, 1, count);
    const pad = Math.abs(min) / 2;
    return niceAxis(min > 0 ? Math.max(0, min - pad) : min - pad, min < 0 ? Math.min(0, max + pad) : max + pad, count);
  }
  const step = niceStep(max - min, count);
  const from = onStep(Math.floor(min / step + 1e-9) * step, step);
  const to = onStep(Math.ceil(max / step - 1e-9) * step, step);
  return { domain: [from, to], ticks: ticksBetween(from, to, step) };
}

/** A log axis over whole decades around [min, max] (both > 0); a tick per decade, or per other decade beyond six. */
export function decadeAxis(min: number, max: number): Axis {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max))
    return { domain: [1e-3, 1], ticks: [1e-3, 1e-2, 1e-1, 1] };
  const low = Math.floor(Math.log10(min) + 1e-9);
  const high = Math.max(low + 1, Math.ceil(Math.log10(max) - 1e-9));
  const every = high - low > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let k = low; k <= high; k += every) ticks.push(Number(`1e${k}`));
  return { domain: [Number(`1e${low}`), Number(`1e${high}`)], ticks };
}

/**
 * The axis to draw next, given the one drawn before: kept while the data stays inside it and fills at
 * least a quarter of it (a log axis: spans at least a third of its decades); otherwise made anew.
 */
export function stableAxis(previous: Axis | undefined, min: number, max: number, log = false, count = 4): Axis {
  if (previous && Number.isFinite(min) && Number.isFinite(max)) {
    const [from, to] = previous.domain;
    const inside = min >= from && max <= to;
    const filled = log
      ? (Math.log10(max) - Math.log10(min) + 1) / (Math.log10(to) - Math.log10(from))
      : (max - min) / (to - from);
    if (inside && filled >= (log ? 1 / 3 : 1 / 4)) return previous;
  }
  const next = log ? decadeAxis(min, max) : niceAxis(min, max, count);
  // The same axis made anew (a flat line fills none of its axis) is the one drawn: the frame keeps it.
  return previous && sameAxis(previous, next) ? previous : next;
}

/**
 * A nice axis over a fixed `domain` (a scale known in advance), kept from the redraw before: the
 * nice axis may be wider than the domain asked for (1 … 10 is drawn on 0 … 10), so compare axes,
 * not domains.
 */
export function fixedAxis(previous: Axis | undefined, [from, to]: [number, number]): Axis {
  const next = niceAxis(from, to);
  return previous && sameAxis(previous, next) ? previous : next;
}

const sameAxis = (a: Axis, b: Axis) =>
  a.domain[0] === b.domain[0] &&
  a.domain[1] === b.domain[1] &&
  a.ticks.length === b.ticks.length &&
  a.ticks.every((t, i) => t === b.ticks[i]);

/**
 * The iteration axis: starts at the first point, ends at the next nice step after the newest one,
 * so the lines grow into a still frame and the axis moves only when they reach its end.
 */
export function iterationAxis(previous: Axis | undefined, first: number, last: number, count = 5): Axis {
  if (previous && previous.domain[0] === first && last <= previous.domain[1] && last > previous.domain[0])
    return previous;
  const step = niceStep(Math.max(1, last - first) * 1.25, count);
  const to = Math.max(first + step, Math.ceil((last + 1e-9) / step) * step);
  return {
    domain: [first, to],
    ticks: ticksBetween(Math.ceil(first / step) * step, to, step).filter((t) => t >= first),
  };
}

/** The least and greatest finite values of `keys` over `rows` (for a log axis, of the positive ones). */
export function extent(
  rows: readonly Record<string, number | null>[],
  keys: readonly string[],
  positiveOnly = false,
): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    for (const key of keys) {
      const v = row[key];
      if (v === null || v === undefined || !Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}
