/**
 * Listeners that hear of a change once per animation frame at most: a store may change several times
 * in one frame (a stats read brings a stats and a status event in two tasks), and the page should
 * render once, keeping the main thread's tasks few and short. A hidden page has no frames, so it
 * hears on the next task instead. Shared by the training client and the run history.
 */
export class FrameListeners {
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every listener hears once, at the next frame, however many changes come before it. */
  notifySoon() {
    if (this.scheduled) return;
    this.scheduled = true;
    const notify = () => {
      this.scheduled = false;
      for (const listener of this.listeners) listener();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(notify);
    else setTimeout(notify, 0);
  }

  clear() {
    this.listeners.clear();
  }
}
