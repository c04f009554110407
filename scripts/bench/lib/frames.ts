/**
 * The page's frame rate in the browser benchmarks (worker.ts, compare.ts): requestAnimationFrame's
 * timestamps, recorded in the page while it trains, counted per whole second here. Headless Chromium
 * draws at 60 frames a second when the main thread keeps up; the goal is ≥ 50 at full speed.
 */

export interface FrameRate {
  /** The median of the per-second frame counts. */
  median: number;
  /** The slowest second's count. */
  lowest: number;
  /** Whole seconds counted. */
  seconds: number;
}

/** Frames per second over [from, to) (page milliseconds), from the frames' timestamps. */
export function frameRate(stamps: readonly number[], from: number, to: number): FrameRate {
  const seconds = Math.floor((to - from) / 1000);
  const counts = new Array<number>(seconds).fill(0);
  for (const at of stamps) {
    const k = Math.floor((at - from) / 1000);
    if (k >= 0 && k < seconds) counts[k] += 1;
  }
  const sorted = [...counts].sort((a, b) => a - b);
  return { median: sorted[Math.floor(seconds / 2)] ?? Number.NaN, lowest: sorted[0] ?? Number.NaN, seconds };
}

/** "57 (low 49)" for a table cell. */
export const formatFrames = (rate: FrameRate) =>
  Number.isNaN(rate.median) ? '–' : `${rate.median} (low ${rate.lowest})`;
