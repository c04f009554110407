/**
 * What the page knows of its training run, as one immutable value, and the pure function that folds
 * each event from the worker into it (the TrainingClient's reducer; tested alone in
 * tests/unit/training-state.test.ts). Answers to requests (a sample, an export) change nothing here:
 * the client hands them to whoever asked (requests.ts).
 */
import type { RunConfig } from '../gan/config.ts';
import type { StatPoint } from '../gan/stats.ts';
import { type TheoryPoint, theoryPoint } from '../gan/theory/theory.ts';
import type { Evaluation } from '../gan/trainer.ts';
import type {
  AdapterInfo,
  BackendName,
  BackendPreference,
  BackendReason,
  CandidateReport,
  LiveMarker,
  PlaneEvent,
  RunState,
  SamplesEvent,
  TrainerEvent,
} from '../worker/protocol.ts';
import { unreachable } from '../worker/protocol.ts';
import { MAX_NOTICES, type Notice, type NoticeSubject, type RestartCause } from './notices.ts';
import { appendThinned } from './statHistory.ts';

export interface BackendStatus {
  name: BackendName;
  reason: BackendReason;
  adapter?: AdapterInfo;
  candidates: CandidateReport[];
}

export interface TrainingState {
  /** `starting` until the worker has chosen a backend and built the run; `failed` if it could not. */
  phase: 'starting' | 'ready' | 'failed';
  /**
   * Counts the runs this page has started (0 = the first): Reset, a preset, a backend change. A worker
   * restarted after a crash continues the same run, so what belongs to a run (the latent explorer's
   * draw and picks) survives it.
   */
  run: number;
  backend?: BackendStatus;
  preference: BackendPreference;
  config: RunConfig;
  /** Whether the model has a 2D view (the plane). */
  planar: boolean;
  state: RunState;
  iteration: number;
  iterationsPerSecond: number;
  /** Tensors alive in the worker at the last status. */
  tensors: number;
  stats: readonly StatPoint[];
  markers: readonly LiveMarker[];
  /** The theory charts' history (JS, V(D, G), the critic's Lipschitz constant), one point per plane that carried theory. */
  theory: readonly TheoryPoint[];
  plane?: PlaneEvent;
  samples?: SamplesEvent;
  metrics?: Evaluation;
  notices: readonly Notice[];
  /** Notices posted so far, dismissed ones included: the next notice's id. */
  noticesPosted: number;
}

/** Before the worker has said anything. */
export function initialTraining(config: RunConfig, preference: BackendPreference): TrainingState {
  return {
    phase: 'starting',
    run: 0,
    preference,
    config,
    planar: true,
    state: 'paused',
    iteration: 0,
    iterationsPerSecond: 0,
    tensors: 0,
    stats: [],
    markers: [],
    theory: [],
    notices: [],
    noticesPosted: 0,
  };
}

/** The notices with one more (the oldest scroll away past MAX_NOTICES). */
export function withNotice(
  s: Pick<TrainingState, 'notices' | 'noticesPosted'>,
  kind: Notice['kind'],
  subject: NoticeSubject,
): Pick<TrainingState, 'notices' | 'noticesPosted'> {
  const id = s.noticesPosted + 1;
  return { notices: [...s.notices, { id, kind, subject }].slice(-MAX_NOTICES), noticesPosted: id };
}

/** The chart history up to `iteration`: what a rollback, a failover or a restart continues from. */
const upTo = <T extends { iteration: number }>(points: readonly T[], iteration: number) =>
  points.filter((point) => point.iteration <= iteration);

/** The theory history with a plane's numbers added; a pause re-sends the plane of the same iteration, which replaces it. */
function withTheory(history: readonly TheoryPoint[], plane: PlaneEvent): readonly TheoryPoint[] {
  if (!plane.theory) return history;
  const kept = history.at(-1)?.iteration === plane.iteration ? history.slice(0, -1) : history;
  return appendThinned(kept, [theoryPoint(plane.iteration, plane.theory)]);
}

/** The state after `event`; the same object where the event changes nothing the page shows. */
export function reduceTraining(s: TrainingState, event: TrainerEvent): TrainingState {
  switch (event.type) {
    case 'ready':
      return {
        ...s,
        phase: 'ready',
        backend: { name: event.backend, reason: event.reason, adapter: event.adapter, candidates: event.candidates },
        config: event.config,
        planar: event.planar,
      };
    case 'stats':
      return {
        ...s,
        stats: appendThinned(s.stats, event.points),
        markers: event.markers.length ? s.markers.concat(event.markers) : s.markers,
      };
    case 'samples':
      // An answer to a `sample` request is its asker's; the fixed-noise samples are the run's.
      return event.requestId === undefined ? { ...s, samples: event } : s;
    case 'plane':
      return { ...s, plane: event, theory: withTheory(s.theory, event) };
    case 'status':
      return {
        ...s,
        state: event.state,
        iteration: event.iteration,
        iterationsPerSecond: event.iterationsPerSecond,
        tensors: event.tensors,
      };
    case 'metrics':
      return { ...s, metrics: event.evaluation };
    case 'updated': {
      const config = { ...s.config };
      for (const change of event.applied) Object.assign(config, { [change.field]: change.to });
      const subjects: NoticeSubject[] = [
        ...event.refused.map((refusal) => ({ about: 'refusal' as const, refusal })),
        ...event.notes.map((update) => ({ about: 'update' as const, update })),
      ];
      return subjects.reduce<TrainingState>((next, subject) => ({ ...next, ...withNotice(next, 'note', subject) }), {
        ...s,
        config,
      });
    }
    case 'warning': {
      const { warning } = event;
      // Each new model shape makes the worker choose again and repeat what it found: say it once.
      const same = JSON.stringify(warning);
      if (s.notices.some((n) => n.subject.about === 'warning' && JSON.stringify(n.subject.warning) === same)) return s;
      return { ...s, ...withNotice(s, 'warning', { about: 'warning', warning }) };
    }
    case 'diverged': {
      const { report } = event;
      return {
        ...s,
        state: 'paused',
        iteration: report.restoredIteration,
        stats: upTo(s.stats, report.restoredIteration),
        theory: upTo(s.theory, report.restoredIteration),
        ...withNotice(s, 'error', { about: 'divergence', divergence: report }),
      };
    }
    case 'failover': {
      const { report } = event;
      return {
        ...s,
        iteration: report.iteration,
        stats: upTo(s.stats, report.iteration),
        theory: upTo(s.theory, report.iteration),
        ...withNotice(s, 'warning', { about: 'failover', failover: report }),
      };
    }
    case 'error':
      return {
        ...s,
        phase: s.phase === 'starting' ? 'failed' : s.phase,
        state: 'paused',
        ...withNotice(s, 'error', { about: 'problem', problem: event.problem }),
      };
    case 'benchmark':
    case 'runExported':
    case 'runImported':
    case 'latentAnswer':
    case 'trace':
    case 'pong':
      return s;
    default:
      return unreachable(event);
  }
}

/** A new run asked for (Reset, a preset, a backend change): what belonged to the old one is cleared. */
export function resetTraining(s: TrainingState, config: RunConfig, preference: BackendPreference): TrainingState {
  return {
    ...s,
    phase: 'starting',
    run: s.run + 1,
    config,
    preference,
    stats: [],
    markers: [],
    theory: [],
    plane: undefined,
    samples: undefined,
    metrics: undefined,
  };
}

/** A dead worker replaced by a fresh one that continues from the weights of `iteration`. */
export function restartTraining(s: TrainingState, cause: RestartCause, iteration: number): TrainingState {
  return {
    ...s,
    phase: 'starting',
    state: 'paused',
    iteration,
    stats: upTo(s.stats, iteration),
    theory: upTo(s.theory, iteration),
    markers: [],
    ...withNotice(s, 'warning', { about: 'restart', restart: { cause, iteration } }),
  };
}

/** The worker died once too often: the page gives up on it. */
export function gaveUpTraining(s: TrainingState, cause: RestartCause, iteration: number): TrainingState {
  return {
    ...s,
    phase: 'failed',
    state: 'paused',
    ...withNotice(s, 'error', { about: 'restart', restart: { cause, iteration, gaveUp: true } }),
  };
}
