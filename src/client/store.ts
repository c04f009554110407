/**
 * A value outside React that changes, and says so: what every store the page renders from offers
 * (the training client, the run history, the view's toggles), and what the one bridge into React,
 * useStore (useStore.ts), reads through useSyncExternalStore. Each store decides when its listeners
 * hear: the client and the history at most once a frame (frameListeners.ts), the toggles at once.
 */
export interface Store<T> {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: () => void): () => void;
  /** The current value: the same object until it changes (React compares with Object.is). */
  getSnapshot(): T;
}

/** A store that holds one value and tells its listeners at once when `set` changes it. */
export class ValueStore<T> implements Store<T> {
  private value?: { current: T };
  private readonly listeners = new Set<() => void>();

  /** `initial` is read on first use; `same` says when a new value is no change. */
  constructor(
    private readonly initial: () => T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => {
    this.value ??= { current: this.initial() };
    return this.value.current;
  };

  readonly set = (next: T): void => {
    if (this.same(next, this.getSnapshot())) return;
    this.value = { current: next };
    for (const listener of [...this.listeners]) listener();
  };
}
