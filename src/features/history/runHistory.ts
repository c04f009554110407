/**
 * What the page keeps of a run beyond the client's snapshot: every evaluation (the client keeps only
 * the latest), the digit classifier's readings, sample diversity, and snapshots of the views for the
 * history scrubber. Framework-free like the client; React reads it through `useRunHistory`.
 * A `ready` event starts a new run and clears everything.
 */
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { diversityRatio } from '../../gan/diagnosis/diversity.ts';
import type { DiversityPoint } from '../../gan/diagnosis/types.ts';
import type { ClassifierMetrics } from '../../gan/metrics/classifier.ts';
import type { Evaluation } from '../../gan/trainer.ts';
import type { PlaneEvent, RealSamples, SamplesEvent, TrainerEvent } from '../../worker/protocol.ts';

/** Snapshots kept for the scrubber; past this, every other one is dropped, so they thin out evenly. */
export const MAX_SNAPSHOTS = 64;

export interface ClassifierPoint extends ClassifierMetrics {
  iteration: number;
}

/** One moment of the run as the views showed it. */
export type Snapshot = { iteration: number } & ({ kind: 'plane'; plane: PlaneEvent } | { kind: 'samples'; samples: SamplesEvent });

export interface HistoryState {
  /** Increases with every new run (reset, preset, backend change). */
  run: number;
  evaluations: readonly Evaluation[];
  classifier: readonly ClassifierPoint[];
  diversity: readonly DiversityPoint[];
  snapshots: readonly Snapshot[];
  real?: RealSamples;
}

const empty = (run: number): HistoryState => ({ run, evaluations: [], classifier: [], diversity: [], snapshots: [] });

/** Keeps the first and the newest, halving the rest when there are too many. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  return items.filter((_, i) => i % 2 === 0 || i === items.length - 1);
}

export class RunHistory {
  private state: HistoryState = empty(0);
  private readonly listeners = new Set<() => void>();
  private notifyScheduled = false;
  private readonly unsubscribe: () => void;

  constructor(client: TrainingClient) {
    this.unsubscribe = client.onEvent((event) => this.receive(event));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): HistoryState => this.state;

  dispose() {
    this.unsubscribe();
    this.listeners.clear();
  }

  receive(event: TrainerEvent) {
    const s = this.state;
    switch (event.type) {
      case 'ready':
        return this.set({ ...empty(s.run + 1), real: event.real });
      case 'metrics': {
        const classifier = event.classifier ? [...s.classifier, { iteration: event.evaluation.iteration, ...event.classifier }] : s.classifier;
        return this.set({ evaluations: [...s.evaluations, event.evaluation], classifier });
      }
      case 'plane':
        return this.set({
          diversity: [...s.diversity, { iteration: event.iteration, ratio: diversityRatio(event.fake, event.real, 2) }],
          snapshots: this.keep({ iteration: event.iteration, kind: 'plane', plane: event }),
        });
      case 'samples': {
        if (event.requestId !== undefined) return;
        const real = s.real;
        const diversity = real && real.values.length / real.count === event.dimension
          ? [...s.diversity, { iteration: event.iteration, ratio: diversityRatio(event.values, real.values, event.dimension) }]
          : s.diversity;
        return this.set({ diversity, snapshots: this.keep({ iteration: event.iteration, kind: 'samples', samples: event }) });
      }
      default:
        return;
    }
  }

  /** The snapshot list with `snapshot` added, replacing one at the same iteration (a pause re-sends the view). */
  private keep(snapshot: Snapshot): Snapshot[] {
    const list = this.state.snapshots.filter((s) => s.iteration !== snapshot.iteration);
    return thin([...list, snapshot], MAX_SNAPSHOTS);
  }

  /** Listeners hear once per animation frame at most, like the client's. */
  private set(patch: Partial<HistoryState>) {
    this.state = { ...this.state, ...patch };
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    const notify = () => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(notify);
    else setTimeout(notify, 0);
  }
}
