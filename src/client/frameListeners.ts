/**
 * The least time between two notifications: twenty a second. Each notification is a React commit,
 * and at 16 ms apart the page committed ~24 times a second while training, most of it for one number
 * (scripts/bench/lib/profile.ts); at 100 ms (14.5–19 commits a second) the frame rate gained nothing
 * measurable on a loaded 2-core machine, while what the page shows lagged a click by up to a tenth of
 * a second (seven browser tests that read the page right after a change failed in one CI run). The
 * shared clock's point is below: runs A and B and their histories render in one commit.
 */
export const NOTIFY_SPACING_MS = 50;

/**
 * When listeners hear: every FrameListeners with a change waiting hears in the same timer task, at
 * most once per NOTIFY_SPACING_MS. Run A's and run B's clients and their run histories change
 * within milliseconds of each other; on one clock the page renders them in one commit, not four.
 */
export class NotifyClock {
  private readonly due = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(private readonly spacingMs = NOTIFY_SPACING_MS) {}

  /** `notify` runs once in the next tick of the clock, however often it is asked for before. */
  schedule(notify: () => void) {
    this.due.add(notify);
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.last + this.spacingMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      const batch = [...this.due];
      this.due.clear();
      for (const run of batch) run();
    }, wait);
  }

  cancel(notify: () => void) {
    this.due.delete(notify);
  }
}

/** The page's clock, shared by every training client and run history. */
const PAGE_CLOCK = new NotifyClock();

/**
 * Listeners that hear of a change once a clock tick at most: a store may change several times in a
 * few milliseconds (a stats read brings a stats and a status event in two tasks), and the page should
 * render once, keeping the main thread's tasks few and short.
 *
 * They hear in a timer task of their own, not in an animation frame callback: everything queued for
 * a frame runs in one task with the frame's style, layout and paint (recharts queues its own store
 * notifications there too), and the page's render on top of that made tasks over 50 ms. Shared by
 * the training client and the run history, whose notifications therefore run in the same task.
 */
export class FrameListeners {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: NotifyClock = PAGE_CLOCK) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every listener hears once, at the clock's next tick, however many changes come before. */
  notifySoon() {
    this.clock.schedule(this.notify);
  }

  clear() {
    this.clock.cancel(this.notify);
    this.listeners.clear();
  }

  private readonly notify = () => {
    for (const listener of this.listeners) listener();
  };
}
