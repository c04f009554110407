/**
 * The page's side of the training worker, framework-free: it owns the Worker, sends commands, and
 * folds events into one immutable snapshot that React reads through `useTraining`
 * (useSyncExternalStore). The main thread holds no tensors: only the floats the worker sends.
 */
import { FrameListeners } from './frameListeners.ts';
import { defaultConfig, type Refusal, type RunConfig } from '../gan/config.ts';
import type { StatPoint } from '../gan/stats.ts';
import type { Evaluation, StepTarget, UpdateNote } from '../gan/trainer.ts';
import {
  type BackendPreference, type BenchmarkEvent, type CandidateReport, type AdapterInfo, type BackendName, type BackendReason, type Floats,
  type LiveMarker, type PlaneEvent, PROTOCOL_VERSION, type RunState, type SamplesEvent, type Schedule, type Sources,
  type LatentAnswerEvent, type TrainerCommand, type TrainerEvent, transferables, unreachable, type UpdatedEvent, type FailoverReport,
  type WorkerProblem, type WorkerWarning,
} from '../worker/protocol.ts';
import type { RunSnapshot } from '../worker/snapshot.ts';
import type { DivergenceReport } from '../worker/divergence.ts';
import { describeNotice, en as reliabilityEn, type PageProblem, type RestartNotice } from '../i18n/reliability.ts';
import { copyRun, DEFAULT_RECOVERY, Recovery, type RecoveryOptions } from './recovery.ts';
import { appendThinned } from './statHistory.ts';
import type { LatentQuery } from '../worker/latent.ts';

/** Notices shown at once; older ones scroll away. */
const MAX_NOTICES = 20;

/** What a notice is about, as the data the worker (or the page) reported: the page words it (src/i18n/reliability.ts describeNotice). */
export type NoticeSubject =
  | { about: 'divergence'; divergence: DivergenceReport }
  | { about: 'restart'; restart: RestartNotice }
  /** The backend failed and the run moved to another (issue 9). */
  | { about: 'failover'; failover: FailoverReport }
  /** An error; memory running out names the settings to lower. */
  | { about: 'problem'; problem: WorkerProblem | PageProblem }
  /** A note on the backend choice, or a missing digit classifier. */
  | { about: 'warning'; warning: WorkerWarning }
  /** A live setting the worker refused. */
  | { about: 'refusal'; refusal: Refusal }
  /** What a live change did besides applying (an optimiser whose state starts from zero). */
  | { about: 'update'; update: UpdateNote };

export interface Notice {
  id: number;
  kind: 'warning' | 'error' | 'note';
  subject: NoticeSubject;
  /** The subject in English, for logs and tests; the page words the subject in its own language. */
  text: string;
}

export interface BackendStatus {
  name: BackendName;
  reason: BackendReason;
  adapter?: AdapterInfo;
  candidates: CandidateReport[];
}

export interface TrainingSnapshot {
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
  plane?: PlaneEvent;
  samples?: SamplesEvent;
  metrics?: Evaluation;
  notices: readonly Notice[];
}

export interface ClientOptions {
  config?: RunConfig;
  backend?: BackendPreference;
  sources?: Sources;
  schedule?: Partial<Schedule>;
  /** Makes the worker; tests may pass their own. */
  createWorker?: () => Worker;
  /** Heartbeat and weight-copy periods for restarting a dead worker (src/client/recovery.ts). */
  recovery?: Partial<RecoveryOptions>;
}

type Pending<T> = Map<number, (value: T) => void>;

function trainingWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
}

export class TrainingClient {
  private worker: Worker;
  private readonly createWorker: () => Worker;
  private readonly recovery: Recovery;
  private snapshot: TrainingSnapshot;
  private readonly listeners = new FrameListeners();
  private readonly eventListeners = new Set<(event: TrainerEvent) => void>();
  private nextId = 1;
  private readonly updates: Pending<UpdatedEvent> = new Map();
  private readonly samples: Pending<SamplesEvent> = new Map();
  private readonly benchmarks: ((event: BenchmarkEvent) => void)[] = [];
  private readonly latentAnswers: Pending<LatentAnswerEvent> = new Map();
  private readonly exports: Pending<RunSnapshot> = new Map();
  private readonly imports: Pending<WorkerProblem | undefined> = new Map();

  constructor(options: ClientOptions = {}) {
    const config = options.config ?? defaultConfig();
    const preference = options.backend ?? 'auto';
    this.snapshot = {
      phase: 'starting', run: 0, preference, config, planar: true, state: 'paused', iteration: 0, iterationsPerSecond: 0, tensors: 0,
      stats: [], markers: [], notices: [],
    };
    this.createWorker = options.createWorker ?? trainingWorker;
    this.recovery = new Recovery({ ...DEFAULT_RECOVERY, ...options.recovery });
    this.worker = this.attach();
    this.send({ type: 'init', version: PROTOCOL_VERSION, config, sources: options.sources, backend: preference, schedule: options.schedule });
  }

  /** For useSyncExternalStore: arrow properties, so they can be passed unbound. */
  readonly subscribe = this.listeners.subscribe;

  readonly getSnapshot = (): TrainingSnapshot => this.snapshot;

  /** Every raw event, for tools that need more than the snapshot (benchmarks, tests). */
  onEvent(listener: (event: TrainerEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Trains until paused; `speed` caps iterations per second (slow motion). Calling it again while playing changes the speed. */
  play(speed?: number) {
    this.send({ type: 'play', speed });
  }

  pause() {
    this.send({ type: 'pause' });
  }

  /** Runs `count` iterations of `which` (both networks, or D or G alone), then pauses. */
  step(count = 1, which: StepTarget = 'both') {
    this.send({ type: 'step', count, which });
  }

  /** New weights from `config` (default: the current one), on `backend` if given. */
  reset(config: RunConfig = this.snapshot.config, options: { backend?: BackendPreference; sources?: Sources; schedule?: Partial<Schedule> } = {}) {
    const preference = options.backend ?? this.snapshot.preference;
    this.set({ phase: 'starting', run: this.snapshot.run + 1, config, preference, stats: [], markers: [], plane: undefined, samples: undefined, metrics: undefined });
    this.send({ type: 'reset', config, backend: options.backend, sources: options.sources, schedule: options.schedule });
  }

  /** Forces a backend (or `auto`): the run restarts there, since weights live on their backend. */
  setBackend(preference: BackendPreference) {
    this.reset(this.snapshot.config, { backend: preference });
  }

  /** Live settings; resolves with what was applied, refused and noted. */
  update(patch: Partial<Record<keyof RunConfig, unknown>>): Promise<UpdatedEvent> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.updates.set(requestId, resolve);
      this.send({ type: 'update', requestId, patch });
    });
  }

  /** G(z, c) in inference mode for [n × latentSize] noise and, for conditioned models, n labels. */
  sample(latent: Floats, labels?: Int32Array<ArrayBuffer>): Promise<SamplesEvent> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.samples.set(requestId, resolve);
      this.send({ type: 'sample', requestId, latent, labels });
    });
  }

  /** The training speed without the worker's loop around it (scripts/bench/worker.ts). */
  benchmark(mode: 'bare' | 'trainer', seconds: number): Promise<BenchmarkEvent> {
    return new Promise((resolve) => {
      this.benchmarks.push(resolve);
      this.send({ type: 'benchmark', mode, seconds });
    });
  }

  /** The run's weights, optimiser state, configuration and iteration, to save or download. */
  exportRun(): Promise<RunSnapshot> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.exports.set(requestId, resolve);
      this.send({ type: 'exportRun', requestId });
    });
  }

  /**
   * Continues a saved run, with its chart history; resolves with why it was refused (the current run
   * is then unchanged), or undefined once it is the current run.
   */
  importRun(run: RunSnapshot, stats: readonly StatPoint[]): Promise<WorkerProblem | undefined> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.imports.set(requestId, (error) => {
        if (!error) this.set({ stats, markers: [] });
        resolve(error);
      });
      this.send({ type: 'importRun', requestId, run });
    });
  }

  /** Asks the latent-space explorer's question (src/worker/latent.ts); the event carries the answer or why there is none. */
  latent(query: LatentQuery): Promise<LatentAnswerEvent> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.latentAnswers.set(requestId, resolve);
      this.send({ type: 'latent', requestId, query });
    });
  }

  dismiss(noticeId: number) {
    this.set({ notices: this.snapshot.notices.filter((n) => n.id !== noticeId) });
  }

  dispose() {
    this.recovery.stop();
    this.send({ type: 'dispose' });
    // The worker closes itself after disposing its tensors; terminate is the backstop.
    setTimeout(() => this.worker.terminate(), 1000);
    this.listeners.clear();
    this.eventListeners.clear();
  }

  private send(command: TrainerCommand) {
    this.recovery.record(command);
    this.worker.postMessage(command, transferables(command));
  }

  /** The snapshot changes at once (getSnapshot is always current); listeners hear of it once a frame at most, in a task of their own (FrameListeners). */
  private set(patch: Partial<TrainingSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.notifySoon();
  }

  /**
   * A fresh worker with its listeners and heartbeat. An uncaught error in the worker reaches the page
   * as an `error` event (the session reports its own errors as events): before the first run is
   * ready the worker is broken or never started; after, it is restarted (src/client/recovery.ts).
   */
  private attach(): Worker {
    const worker = this.createWorker();
    worker.addEventListener('message', (event: MessageEvent<TrainerEvent>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      if (this.worker !== worker) return;
      const detail = event.message || undefined;
      if (this.snapshot.phase === 'ready') return this.restart({ code: 'crashed', detail });
      this.set({
        phase: this.snapshot.phase === 'starting' ? 'failed' : this.snapshot.phase,
        notices: this.withNotice('error', { about: 'problem', problem: { code: 'workerFailed', detail } }),
      });
    });
    this.recovery.start({
      ping: (message) => worker.postMessage(message),
      dead: () => this.restart({ code: 'unresponsive' }),
      moved: (saved) => this.snapshot.phase === 'ready' && this.snapshot.iteration !== (saved?.iteration ?? 0),
      exportRun: () => this.exportRun(),
    });
    return worker;
  }

  /** Replaces a dead worker: same settings, the last weights copied from it, the charts up to them. */
  private restart(cause: RestartNotice['cause']) {
    this.recovery.stop();
    this.worker.terminate();
    const saved = this.recovery.saved;
    const iteration = saved?.iteration ?? 0;
    if (!this.recovery.allowRestart()) {
      return this.set({ phase: 'failed', state: 'paused', notices: this.withNotice('error', { about: 'restart', restart: { cause, iteration, gaveUp: true } }) });
    }
    const stats = this.snapshot.stats.filter((point) => point.iteration <= iteration);
    const notices = this.withNotice('warning', { about: 'restart', restart: { cause, iteration } });
    this.set({ phase: 'starting', state: 'paused', iteration, stats, markers: [], notices });
    this.worker = this.attach();
    this.send(this.recovery.initFor({ type: 'init', version: PROTOCOL_VERSION, config: this.snapshot.config }));
    if (saved) {
      void this.importRun(copyRun(saved), stats).then((problem) => {
        if (problem) this.set({ notices: this.withNotice('error', { about: 'problem', problem: { code: 'restoreFailed', problem } }) });
      });
    }
  }

  /** The notices with one more (the oldest scroll away past MAX_NOTICES). */
  private withNotice(kind: Notice['kind'], subject: NoticeSubject, notices: readonly Notice[] = this.snapshot.notices): Notice[] {
    return [...notices, { id: this.nextId++, kind, subject, text: describeNotice({ subject }, reliabilityEn) }].slice(-MAX_NOTICES);
  }

  private receive(event: TrainerEvent) {
    this.recovery.heard();
    for (const listener of this.eventListeners) listener(event);
    const s = this.snapshot;
    switch (event.type) {
      case 'ready':
        return this.set({
          phase: 'ready',
          backend: { name: event.backend, reason: event.reason, adapter: event.adapter, candidates: event.candidates },
          config: event.config,
          planar: event.planar,
        });
      case 'stats': {
        return this.set({
          stats: appendThinned(s.stats, event.points),
          markers: event.markers.length ? s.markers.concat(event.markers) : s.markers,
        });
      }
      case 'samples': {
        const resolve = event.requestId === undefined ? undefined : this.samples.get(event.requestId);
        if (resolve && event.requestId !== undefined) {
          this.samples.delete(event.requestId);
          return resolve(event);
        }
        return this.set({ samples: event });
      }
      case 'plane':
        return this.set({ plane: event });
      case 'status':
        return this.set({ state: event.state, iteration: event.iteration, iterationsPerSecond: event.iterationsPerSecond, tensors: event.tensors });
      case 'metrics':
        return this.set({ metrics: event.evaluation });
      case 'updated': {
        const config = { ...s.config };
        for (const change of event.applied) Object.assign(config, { [change.field]: change.to });
        const subjects: NoticeSubject[] = [
          ...event.refused.map((refusal) => ({ about: 'refusal' as const, refusal })),
          ...event.notes.map((update) => ({ about: 'update' as const, update })),
        ];
        this.set({ config, notices: subjects.reduce<Notice[]>((list, subject) => this.withNotice('note', subject, list), [...s.notices]) });
        this.updates.get(event.requestId)?.(event);
        this.updates.delete(event.requestId);
        return;
      }
      case 'benchmark':
        return this.benchmarks.shift()?.(event);
      case 'runExported':
        this.exports.get(event.requestId)?.(event.run);
        this.exports.delete(event.requestId);
        return;
      case 'runImported':
        this.imports.get(event.requestId)?.(event.error);
        this.imports.delete(event.requestId);
        return;
      case 'latentAnswer':
        this.latentAnswers.get(event.requestId)?.(event);
        this.latentAnswers.delete(event.requestId);
        return;
      case 'warning': {
        const { warning } = event;
        // Each new model shape makes the worker choose again and repeat what it found: say it once.
        const same = JSON.stringify(warning);
        if (s.notices.some((n) => n.subject.about === 'warning' && JSON.stringify(n.subject.warning) === same)) return;
        return this.set({ notices: this.withNotice('warning', { about: 'warning', warning }) });
      }
      case 'diverged': {
        const { report } = event;
        return this.set({
          state: 'paused',
          iteration: report.restoredIteration,
          stats: s.stats.filter((point) => point.iteration <= report.restoredIteration),
          notices: this.withNotice('error', { about: 'divergence', divergence: report }),
        });
      }
      case 'failover': {
        const { report } = event;
        return this.set({
          iteration: report.iteration,
          stats: s.stats.filter((point) => point.iteration <= report.iteration),
          notices: this.withNotice('warning', { about: 'failover', failover: report }),
        });
      }
      case 'pong':
        return;
      case 'error':
        return this.set({ phase: s.phase === 'starting' ? 'failed' : s.phase, state: 'paused', notices: this.withNotice('error', { about: 'problem', problem: event.problem }) });
      default:
        unreachable(event);
    }
  }
}
