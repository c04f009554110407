/**
 * The page's side of the training worker, framework-free: it owns the Worker (and replaces it when it
 * dies, recovery.ts), sends commands, matches answers to requests (requests.ts), and folds events
 * into one immutable state (trainingState.ts) that React reads through the one bridge (useStore.ts,
 * useTraining). The main thread holds no tensors: only the floats the worker sends.
 */
import { FrameListeners } from './frameListeners.ts';
import { defaultConfig, type RunConfig } from '../gan/config.ts';
import type { StatPoint } from '../gan/stats.ts';
import type { StepTarget } from '../gan/trainer.ts';
import {
  type BackendPreference,
  type BenchmarkEvent,
  type Floats,
  PROTOCOL_VERSION,
  type SamplesEvent,
  type Schedule,
  type Sources,
  type LatentAnswerEvent,
  type TraceEvent,
  type TrainerCommand,
  type TrainerEvent,
  transferables,
  type UpdatedEvent,
  type WorkerProblem,
} from '../worker/protocol.ts';
import type { SerializedRun } from '../worker/serialize.ts';
import type { LatentQuery } from '../worker/latent-answers.ts';
import type { RestartCause } from './notices.ts';
import { copyRun, DEFAULT_RECOVERY, Recovery, type RecoveryOptions } from './recovery.ts';
import { Requests } from './requests.ts';
import type { Store } from './store.ts';
import {
  gaveUpTraining,
  initialTraining,
  reduceTraining,
  resetTraining,
  restartTraining,
  type TrainingState,
  withNotice,
} from './trainingState.ts';

export type { TrainingState } from './trainingState.ts';

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

function trainingWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
}

/** Requests in flight, one kind each, answered by the event that carries their id back. */
interface Pending {
  updates: Requests<UpdatedEvent>;
  samples: Requests<SamplesEvent>;
  benchmarks: Requests<BenchmarkEvent>;
  exports: Requests<SerializedRun>;
  imports: Requests<WorkerProblem | undefined>;
  latent: Requests<LatentAnswerEvent>;
  traces: Requests<TraceEvent>;
}

const pending = (): Pending => ({
  updates: new Requests(),
  samples: new Requests(),
  benchmarks: new Requests(),
  exports: new Requests(),
  imports: new Requests(),
  latent: new Requests(),
  traces: new Requests(),
});

export class TrainingClient implements Store<TrainingState> {
  private worker: Worker;
  private readonly createWorker: () => Worker;
  private readonly recovery: Recovery;
  private state: TrainingState;
  private readonly listeners = new FrameListeners();
  private readonly eventListeners = new Set<(event: TrainerEvent) => void>();
  private readonly pending = pending();

  constructor(options: ClientOptions = {}) {
    const config = options.config ?? defaultConfig();
    const preference = options.backend ?? 'auto';
    this.state = initialTraining(config, preference);
    this.createWorker = options.createWorker ?? trainingWorker;
    this.recovery = new Recovery({ ...DEFAULT_RECOVERY, ...options.recovery });
    this.worker = this.attach();
    this.send({
      type: 'init',
      version: PROTOCOL_VERSION,
      config,
      sources: options.sources,
      backend: preference,
      schedule: options.schedule,
    });
  }

  /** The Store interface (store.ts) that useStore reads: arrow properties, so they can be passed unbound. */
  readonly subscribe = this.listeners.subscribe;

  readonly getSnapshot = (): TrainingState => this.state;

  /** Every raw event, for tools that need more than the state (the run history, benchmarks, tests). */
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

  /** Changes how often the worker does each kind of work, e.g. its share of the wall time (compare mode). */
  setSchedule(schedule: Partial<Schedule>) {
    this.send({ type: 'schedule', schedule });
  }

  /** Runs `count` iterations of `which` (both networks, or D or G alone), then pauses. */
  step(count = 1, which: StepTarget = 'both') {
    this.send({ type: 'step', count, which });
  }

  /** New weights from `config` (default: the current one), on `backend` if given. */
  reset(
    config: RunConfig = this.state.config,
    options: { backend?: BackendPreference; sources?: Sources; schedule?: Partial<Schedule> } = {},
  ) {
    this.set(resetTraining(this.state, config, options.backend ?? this.state.preference));
    this.send({
      type: 'reset',
      config,
      backend: options.backend,
      sources: options.sources,
      schedule: options.schedule,
    });
  }

  /** Forces a backend (or `auto`): the run restarts there, since weights live on their backend. */
  setBackend(preference: BackendPreference) {
    this.reset(this.state.config, { backend: preference });
  }

  /** Live settings; resolves with what was applied, refused and noted. */
  update(patch: Partial<Record<keyof RunConfig, unknown>>): Promise<UpdatedEvent> {
    return this.pending.updates.ask((requestId) => this.send({ type: 'update', requestId, patch }));
  }

  /** G(z, c) in inference mode for [n × latentSize] noise and, for conditioned models, n labels. */
  sample(latent: Floats, labels?: Int32Array<ArrayBuffer>): Promise<SamplesEvent> {
    return this.pending.samples.ask((requestId) => this.send({ type: 'sample', requestId, latent, labels }));
  }

  /** The training speed without the worker's loop around it (scripts/bench/worker.ts). */
  benchmark(mode: 'bare' | 'trainer', seconds: number): Promise<BenchmarkEvent> {
    return this.pending.benchmarks.ask((requestId) => this.send({ type: 'benchmark', requestId, mode, seconds }));
  }

  /** The run's weights, optimiser state, configuration and iteration, to save or download. */
  exportRun(): Promise<SerializedRun> {
    return this.pending.exports.ask((requestId) => this.send({ type: 'exportRun', requestId }));
  }

  /**
   * Continues a saved run, with its chart history; resolves with why it was refused (the current run
   * is then unchanged), or undefined once it is the current run.
   */
  async importRun(run: SerializedRun, stats: readonly StatPoint[]): Promise<WorkerProblem | undefined> {
    const error = await this.pending.imports.ask((requestId) => this.send({ type: 'importRun', requestId, run }));
    if (!error) this.set({ ...this.state, stats, markers: [] });
    return error;
  }

  /** Asks the latent-space explorer's question (src/worker/latent-answers.ts); the event carries the answer or why there is none. */
  latent(query: LatentQuery): Promise<LatentAnswerEvent> {
    return this.pending.latent.ask((requestId) => this.send({ type: 'latent', requestId, query }));
  }

  /**
   * Trains one iteration in slow motion (src/gan/trace.ts): the run pauses, and the event carries the
   * iteration's sub-steps, or why there are none; the iteration then advances as with Step.
   */
  trace(): Promise<TraceEvent> {
    return this.pending.traces.ask((requestId) => this.send({ type: 'trace', requestId }));
  }

  dismiss(noticeId: number) {
    this.set({ ...this.state, notices: this.state.notices.filter((n) => n.id !== noticeId) });
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

  /** The state changes at once (getSnapshot is always current); listeners hear of it once a frame at most, in a task of their own (FrameListeners). */
  private set(next: TrainingState) {
    if (next === this.state) return;
    this.state = next;
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
      const s = this.state;
      if (s.phase === 'ready') return this.restart({ code: 'crashed', detail });
      this.set({
        ...s,
        phase: s.phase === 'starting' ? 'failed' : s.phase,
        ...withNotice(s, 'error', { about: 'problem', problem: { code: 'workerFailed', detail } }),
      });
    });
    this.recovery.start({
      ping: (message) => worker.postMessage(message),
      dead: () => this.restart({ code: 'unresponsive' }),
      moved: (saved) => this.state.phase === 'ready' && this.state.iteration !== (saved?.iteration ?? 0),
      exportRun: () => this.exportRun(),
    });
    return worker;
  }

  /** Replaces a dead worker: same settings, the last weights copied from it, the charts up to them. */
  private restart(cause: RestartCause) {
    this.recovery.stop();
    this.worker.terminate();
    const saved = this.recovery.saved;
    const iteration = saved?.iteration ?? 0;
    if (!this.recovery.allowRestart()) return this.set(gaveUpTraining(this.state, cause, iteration));
    this.set(restartTraining(this.state, cause, iteration));
    const { stats } = this.state;
    this.worker = this.attach();
    this.send(this.recovery.initFor({ type: 'init', version: PROTOCOL_VERSION, config: this.state.config }));
    if (saved) {
      void this.importRun(copyRun(saved), stats).then((problem) => {
        if (problem)
          this.set({
            ...this.state,
            ...withNotice(this.state, 'error', { about: 'problem', problem: { code: 'restoreFailed', problem } }),
          });
      });
    }
  }

  /** An event: answers go to their askers, everything else folds into the state. */
  private receive(event: TrainerEvent) {
    this.recovery.heard();
    for (const listener of this.eventListeners) listener(event);
    const p = this.pending;
    switch (event.type) {
      case 'samples':
        if (event.requestId !== undefined) p.samples.answer(event.requestId, event);
        break;
      case 'updated':
        // The state first: whoever asked reads the configuration with the change applied.
        this.set(reduceTraining(this.state, event));
        p.updates.answer(event.requestId, event);
        return;
      case 'benchmark':
        p.benchmarks.answer(event.requestId, event);
        break;
      case 'runExported':
        p.exports.answer(event.requestId, event.run);
        break;
      case 'runImported':
        p.imports.answer(event.requestId, event.error);
        break;
      case 'latentAnswer':
        p.latent.answer(event.requestId, event);
        break;
      case 'trace':
        p.traces.answer(event.requestId, event);
        break;
      default:
        break;
    }
    this.set(reduceTraining(this.state, event));
  }
}
