/**
 * What the page keeps of a run beyond the client's state: the evaluations (the client keeps only
 * the latest), the digit classifier's readings, sample diversity, and frames of the views for the
 * history scrubber. Framework-free like the client, a store (src/client/store.ts) that React reads through `useRunHistory`.
 * A `ready` event starts a new run and clears everything. Like the chart history, each series is
 * bounded (the recent past whole, the rest thinned evenly), so an hour's run costs the page what a
 * few minutes' does.
 */
import { FrameListeners } from '../../client/frameListeners.ts';
import type { Store } from '../../client/store.ts';
import { appendThinned } from '../../client/statHistory.ts';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { diversityRatio } from '../../gan/diagnosis/diversity.ts';
import type { DiversityPoint } from '../../gan/diagnosis/types.ts';
import type { ClassifierMetrics } from '../../gan/metrics/classifier.ts';
import type { Evaluation } from '../../gan/trainer.ts';
import type { PlaneEvent, RealSamples, SamplesEvent, TrainerEvent } from '../../worker/protocol.ts';

/** View frames kept for the scrubber; past this, every other one is dropped, so they thin out evenly. */
export const MAX_FRAMES = 64;
/**
 * Evaluations, classifier readings and diversity points kept at most, and how many of the newest are
 * never thinned: the detectors read the last few (COLLAPSE_EVALUATIONS), the quality chart ~60 buckets.
 * An evaluation comes every 100 iterations, a diversity point with each view (~2.5 a second).
 */
export const SERIES_LIMIT = 1_200;
export const SERIES_RECENT = 400;
const append = <T extends { iteration: number }>(series: readonly T[], point: T) =>
  appendThinned(series, [point], SERIES_LIMIT, SERIES_RECENT);

export interface ClassifierPoint extends ClassifierMetrics {
  iteration: number;
}

/** One moment of the run as the views showed it. */
export type ViewFrame = { iteration: number } & (
  | { kind: 'plane'; plane: PlaneEvent }
  | { kind: 'samples'; samples: SamplesEvent }
);

export interface HistoryState {
  /** Increases with every new run (reset, preset, backend change). */
  run: number;
  evaluations: readonly Evaluation[];
  classifier: readonly ClassifierPoint[];
  diversity: readonly DiversityPoint[];
  frames: readonly ViewFrame[];
  real?: RealSamples;
}

/** A run's history before anything has happened in it. */
export const emptyHistory = (run: number): HistoryState => ({
  run,
  evaluations: [],
  classifier: [],
  diversity: [],
  frames: [],
});

/** Keeps the first and the newest, halving the rest when there are too many. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  return items.filter((_, i) => i % 2 === 0 || i === items.length - 1);
}

export class RunHistory implements Store<HistoryState> {
  private state: HistoryState = emptyHistory(0);
  private readonly listeners = new FrameListeners();
  private readonly unsubscribe: () => void;

  constructor(client: TrainingClient) {
    this.unsubscribe = client.onEvent((event) => this.receive(event));
  }

  readonly subscribe = this.listeners.subscribe;

  readonly getSnapshot = (): HistoryState => this.state;

  dispose() {
    this.unsubscribe();
    this.listeners.clear();
  }

  receive(event: TrainerEvent) {
    const s = this.state;
    switch (event.type) {
      case 'ready':
        return this.set({ ...emptyHistory(s.run + 1), real: event.real });
      case 'metrics': {
        const classifier = event.classifier
          ? append(s.classifier, { iteration: event.evaluation.iteration, ...event.classifier })
          : s.classifier;
        return this.set({ evaluations: append(s.evaluations, event.evaluation), classifier });
      }
      case 'plane':
        return this.set({
          diversity: append(s.diversity, {
            iteration: event.iteration,
            ratio: diversityRatio(event.fake, event.real, 2),
          }),
          frames: this.keep({ iteration: event.iteration, kind: 'plane', plane: event }),
        });
      case 'samples': {
        if (event.requestId !== undefined) return;
        const real = s.real;
        const diversity =
          real && real.values.length / real.count === event.dimension
            ? append(s.diversity, {
                iteration: event.iteration,
                ratio: diversityRatio(event.values, real.values, event.dimension),
              })
            : s.diversity;
        return this.set({
          diversity,
          frames: this.keep({ iteration: event.iteration, kind: 'samples', samples: event }),
        });
      }
      default:
        return;
    }
  }

  /** The frame list with `frame` added, replacing one at the same iteration (a pause re-sends the view). */
  private keep(frame: ViewFrame): ViewFrame[] {
    const list = this.state.frames.filter((s) => s.iteration !== frame.iteration);
    return thin([...list, frame], MAX_FRAMES);
  }

  /** Listeners hear once a frame at most, in a task of their own, like the client's. */
  private set(patch: Partial<HistoryState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.notifySoon();
  }
}
