/**
 * What the session needs to survive its backend (issue 9): a recent copy of the run's weights kept
 * in the worker's memory, off the device, so that a lost GPU device does not take the run with it;
 * and the choice of which copy to continue from when the backend fails.
 */
import type { Trainer } from '../gan/trainer.ts';
import { captureRun, type SerializedRun } from './serialize.ts';

/** How often a playing run's weights are copied off the device. */
export const CHECKPOINT_MS = 2_000;
/** How long a read from a failed backend may take before it counts as never answering. */
export const STUCK_MS = 2_000;

/** Resolves as `promise` does, or to undefined after `ms` (a read from a lost device may never settle). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class Checkpoints {
  /** The last copy of the run's weights, optimiser state and iteration. */
  latest?: SerializedRun;
  private pending?: Promise<void>;
  private at = -Infinity;

  /** Forgets the copy: a new run that is not restored from it. */
  clear() {
    this.latest = undefined;
    this.at = -Infinity;
  }

  /** Copies the run now (after a pause, a step, a rebuild). */
  async keep(trainer: Trainer): Promise<void> {
    await this.pending;
    this.at = performance.now();
    this.latest = await captureRun(trainer);
  }

  /** While playing: starts a copy when the last one is CHECKPOINT_MS old and none is in flight. */
  keepIfDue(trainer: Trainer, now: number, failed: (error: unknown) => void) {
    if (this.pending || now - this.at < CHECKPOINT_MS) return;
    this.at = now;
    this.pending = captureRun(trainer)
      .then((serialized) => {
        this.latest = serialized;
      })
      .catch(failed)
      .finally(() => {
        this.pending = undefined;
      });
  }

  /** Stops waiting for the copy in flight: after a backend failure it may never finish. */
  forget() {
    this.pending = undefined;
  }

  /** The copy in flight, if any, so that no tensor is in use. */
  quiet(): Promise<void> | undefined {
    return this.pending;
  }

  /**
   * What to continue from after the backend failed: a fresh copy where the device still answers
   * (an error inside a step), else the last one kept (a lost device, whose memory is gone).
   */
  async bestAfterFailure(trainer: Trainer, deviceLost: boolean): Promise<SerializedRun | undefined> {
    if (!deviceLost) {
      const fresh = await withTimeout(captureRun(trainer), STUCK_MS).catch(() => undefined);
      if (fresh?.tensors.every((tensor) => tensor.values.every(Number.isFinite))) return fresh;
    }
    return this.latest;
  }
}
