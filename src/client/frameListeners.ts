/** The least time between two notifications: a frame at 60 Hz. */
export const NOTIFY_SPACING_MS = 16;

/**
 * Listeners that hear of a change once a frame at most: a store may change several times in a few
 * milliseconds (a stats read brings a stats and a status event in two tasks), and the page should
 * render once, keeping the main thread's tasks few and short.
 *
 * They hear in a timer task of their own, not in an animation frame callback: everything queued for
 * a frame runs in one task with the frame's style, layout and paint (recharts queues its own store
 * notifications there too), and the page's render on top of that made tasks over 50 ms. Shared by
 * the training client and the run history, whose notifications therefore run as separate tasks too.
 */
export class FrameListeners {
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private last = -Infinity;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every listener hears once, NOTIFY_SPACING_MS after the last time at most, however many changes come before. */
  notifySoon() {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = Math.max(0, this.last + NOTIFY_SPACING_MS - performance.now());
    setTimeout(() => {
      this.scheduled = false;
      this.last = performance.now();
      for (const listener of this.listeners) listener();
    }, wait);
  }

  clear() {
    this.listeners.clear();
  }
}
