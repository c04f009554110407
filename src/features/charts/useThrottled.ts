import { startTransition, useEffect, useState } from 'react';
import { NotifyClock } from '../../client/frameListeners.ts';

/**
 * Charts redraw at most this often (about 1.7 times a second): on a 2-core laptop that also trains,
 * every SVG redraw competes with the worker and with clicks (measured: 4 charts at 2.5 Hz kept the
 * main thread ~70% busy under load).
 */
export const REDRAW_MS = 600;

/**
 * The charts' clock: every throttled read (run A's and B's statistics and histories, the theory
 * charts) adopts its new value in the same tick, so the panel renders once per REDRAW_MS, not once
 * per store (the staggered charts then redraw one by one, StreamChart.tsx).
 */
const CHART_CLOCK = new NotifyClock(REDRAW_MS);

/**
 * A store's value, read at most once per tick of `clock` (default: the charts', every REDRAW_MS):
 * streaming charts and the detectors need a few updates a second, not one per stats event (~7 Hz)
 * or per animation frame.
 */
export function useThrottled<T>(
  subscribe: (listener: () => void) => () => void,
  read: () => T,
  clock: NotifyClock = CHART_CLOCK,
): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => {
      const next = read();
      startTransition(() => setValue(next));
    };
    // The store may have changed between the first render and this subscription.
    update();
    const unsubscribe = subscribe(() => clock.schedule(update));
    return () => {
      unsubscribe();
      clock.cancel(update);
    };
  }, [subscribe, read, clock]);
  return value;
}
