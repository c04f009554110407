import { startTransition, useEffect, useState } from 'react';

/**
 * Charts redraw at most this often (about 1.7 times a second): on a 2-core laptop that also trains,
 * every SVG redraw competes with the worker and with clicks (measured: 4 charts at 2.5 Hz kept the
 * main thread ~70% busy under load).
 */
export const REDRAW_MS = 600;

/**
 * A store's value, read at most once per `intervalMs`: streaming charts and the detectors need a
 * few updates a second, not one per stats event (~7 Hz) or per animation frame.
 */
export function useThrottled<T>(subscribe: (listener: () => void) => () => void, read: () => T, intervalMs: number): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const update = () => {
      timer = undefined;
      last = performance.now();
      const next = read();
      startTransition(() => setValue(next));
    };
    // The store may have changed between the first render and this subscription.
    update();
    const unsubscribe = subscribe(() => {
      if (timer !== undefined) return;
      timer = setTimeout(update, Math.max(0, intervalMs - (performance.now() - last)));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [subscribe, read, intervalMs]);
  return value;
}
