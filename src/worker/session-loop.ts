/**
 * The training loop of a Session (session.ts), with no worker globals so that it runs in Node tests:
 * building a run, stepping it in chunks (~25 ms of steps, then a yield, so a command waits at most
 * one chunk), reading back stats, views and metrics on their own schedules, and keeping a copy of
 * the weights off the device (failover.ts). Session adds the command queue and recovery from faults.
 */
import * as tf from '../gan/tf.ts';
import { type RunConfig, validateConfig } from '../gan/config.ts';
import type { MnistFile } from '../gan/data/mnist.ts';
import type { StepTarget } from '../gan/trainer.ts';
import type { BackendChoice, Calibrate } from './backend.ts';
import {
  type BackendName, type BackendPreference, epochNow, type LiveMarker, PROTOCOL_VERSION, type RunState, type Schedule, type Sources, type TrainerCommand, type TrainerEvent,
  DEFAULT_SCHEDULE,
} from './protocol.ts';
import type { RunSnapshot } from './snapshot.ts';
import { type DivergenceReport, DivergenceGuard } from './divergence.ts';
import { realSamples } from './real-samples.ts';
import type { RunAccess } from './run-io.ts';
import { type Run, Views } from './views.ts';
import { calibrate, createRun, runDataset } from './run.ts';
import { Checkpoints, STUCK_MS, withTimeout } from './failover.ts';
import { watchDevice } from './faults.ts';
import type { BackendFailure } from './payloads.ts';
import { ProblemError } from './problem.ts';

export interface SessionHost {
  post(event: TrainerEvent): void;
  /** Resolves after pending messages have had a chance to run (a macrotask, not a microtask). */
  yieldToEvents(): Promise<void>;
  /** `failed`: backends that broke earlier in this worker, not to be tried again. */
  chooseBackend(preference: BackendPreference, config: RunConfig, calibrate: Calibrate, failed: ReadonlySet<BackendName>): Promise<BackendChoice>;
  /** The MNIST binary (the worker fetches it; Node tests may read it from disk). Without it MNIST is refused. */
  loadMnist?(): Promise<MnistFile>;
  /** The digit classifier's manifest and weights, for MNIST metrics; without them those are left out. */
  loadClassifier?(): Promise<{ manifest: unknown; weights: ArrayBuffer }>;
}

export abstract class SessionLoop {
  protected run?: Run;
  protected sources: Sources = {};
  protected preference: BackendPreference = 'auto';
  protected schedule: Schedule = DEFAULT_SCHEDULE;
  protected state: RunState = 'paused';
  protected which: StepTarget = 'both';
  protected until = Infinity;
  protected queue: Promise<void> = Promise.resolve();
  /** The last rebuild queued (REBUILDS): questions wait for it. */
  protected rebuilt: Promise<void> = Promise.resolve();
  /** Questions being answered: a rebuild waits for them (quiet) before freeing the trainer. */
  protected questions = new Set<Promise<void>>();
  protected chunkScheduled = false;
  /** Live changes applied but not yet used by an iteration, and those used but not yet posted. */
  protected upcoming: Omit<LiveMarker, 'time'>[] = [];
  protected used: LiveMarker[] = [];
  protected statsFlush?: Promise<void>;
  protected readonly views: Views;
  protected last = { stats: 0, rateIteration: 0, rateTime: 0 };
  protected iterationsPerSecond = 0;
  /** Iterations per second at most while playing (slow motion); Infinity = as fast as it goes. */
  protected speed = Infinity;
  protected readonly guard = new DivergenceGuard();
  /** The active backend, those that failed in this worker, and a copy of the run's weights off the device. */
  protected backend?: BackendName;
  protected readonly failed = new Set<BackendName>();
  protected readonly checkpoints = new Checkpoints();
  protected failingOver = false;
  /** The settings being built, for an out-of-memory message during a build. */
  protected building?: RunConfig;
  /** A fault injected for the next step (faults.ts). */
  protected injected?: Error;

  /** The run-wide commands' view of this session (run-io.ts). */
  protected readonly access: RunAccess;

  constructor(protected readonly host: SessionHost) {
    this.views = new Views(host.post, (error, run) => this.loopFailed(error, run));
    this.access = { post: host.post, current: () => this.run, rebuild: (snapshot) => this.rebuild(snapshot) };
  }

  protected abstract fail(error: unknown, during: TrainerCommand['type'] | 'loop'): void;
  /** An error from the training loop of `run` (a step, a read-back). */
  protected abstract loopFailed(error: unknown, run: Run | undefined): void;
  /** The backend failed mid-run; false where there is nothing to move. */
  protected abstract failover(failure: BackendFailure, deviceLost: boolean): boolean;
  protected abstract rebuild(snapshot: RunSnapshot, afterFailure?: boolean): Promise<void>;

  protected requireRun(): Run {
    if (!this.run) throw new ProblemError({ code: 'noRun' });
    return this.run;
  }

  /** Waits for every read-back in flight, so no tensor is in use. */
  protected async quiet() {
    await Promise.all([this.statsFlush, this.views.quiet(), this.checkpoints.quiet(), ...this.questions]);
  }

  /**
   * A new run from `input`, on the preferred backend; `settle` posts its first views (false: the
   * caller settles later). After a backend failure the old run's reads may never settle, and
   * freeing its tensors may throw: neither stops the new run.
   */
  protected async build(input: RunConfig, sources: Sources, preference: BackendPreference, settle = true, afterFailure = false) {
    const checked = validateConfig(input);
    if (!checked.ok) throw new ProblemError({ code: 'invalidSettings', refusals: checked.refusals });
    const { config } = checked;
    this.state = 'paused';
    if (afterFailure) {
      await withTimeout(this.quiet(), STUCK_MS);
      this.statsFlush = undefined;
      this.views.forget();
      this.checkpoints.forget();
      this.questions.clear();
    } else {
      await this.quiet();
    }
    // The run before, to go back to if this one does not fit in memory.
    if (this.run && !afterFailure) await this.checkpoints.keep(this.run.trainer).catch(() => this.checkpoints.clear());
    this.building = config;
    try {
      this.run?.trainer.dispose();
      this.run?.classifier?.dispose();
    } catch (error) {
      if (!afterFailure) throw error;
    }
    this.run = undefined;
    this.upcoming = [];
    this.used = [];
    this.sources = sources;
    this.preference = preference;
    const dataset = await runDataset(config, sources, this.host.loadMnist);
    const choice = await this.host.chooseBackend(preference, config, (budgetMs) => calibrate(config, dataset, budgetMs), this.failed);
    this.backend = choice.backend;
    watchDevice((cause) => {
      if (this.backend === 'webgpu') this.failover(cause, true);
    });
    this.run = await createRun(config, dataset, this.host.loadClassifier, (warning) => this.host.post({ type: 'warning', warning }));
    const { trainer } = this.run;
    const planar = dataset.dimension === 2;
    this.building = undefined;
    this.guard.reset(trainer);
    this.last = { stats: 0, rateIteration: 0, rateTime: 0 };
    this.views.reset();
    this.iterationsPerSecond = 0;
    const { backend, reason, adapter, candidates, warnings } = choice;
    const real = planar ? undefined : realSamples(dataset, config.seed);
    this.host.post({ type: 'ready', version: PROTOCOL_VERSION, backend, reason, adapter, candidates, config: trainer.config, planar, real });
    // After a failure the failover event says why the failed backend is not used; the choice need not repeat it.
    for (const warning of warnings) {
      if (!afterFailure || !this.failed.has(warning.backend)) this.host.post({ type: 'warning', warning: { code: 'backend', backend: warning } });
    }
    if (settle) await this.settle();
  }

  protected async start(which: StepTarget, until: number) {
    const { trainer } = this.requireRun();
    this.which = which;
    this.until = until;
    if (trainer.iteration >= until) return;
    this.state = until === Infinity ? 'playing' : 'stepping';
    this.last.rateIteration = trainer.iteration;
    this.last.rateTime = performance.now();
    this.postStatus();
    this.scheduleChunk();
  }

  /** Runs the next chunk after the page's messages, or after `delayMs` in slow motion. */
  protected scheduleChunk(delayMs = 0) {
    if (this.chunkScheduled) return;
    this.chunkScheduled = true;
    const wait = delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delayMs)) : this.host.yieldToEvents();
    void wait.then(() => {
      this.chunkScheduled = false;
      if (this.state === 'paused') return;
      const run = this.run;
      this.queue = this.queue.then(() => this.chunk()).catch((error: unknown) => this.loopFailed(error, run));
    });
  }

  /** Steps for about chunkMs (or to the step target), then schedules what is due and yields. */
  protected async chunk() {
    if (this.state === 'paused' || !this.run) return;
    const run = this.run;
    const { trainer } = run;
    const start = performance.now();
    const slow = this.state === 'playing' && this.speed < Infinity;
    do {
      if (trainer.iteration >= this.until) break;
      const injected = this.injected;
      this.injected = undefined;
      if (injected) throw injected;
      trainer.step(this.which);
      this.stampMarkers(trainer.iteration);
    } while (!slow && performance.now() - start < this.schedule.chunkMs);
    if (trainer.iteration >= this.until) {
      this.state = 'paused';
      await this.settle();
      return;
    }
    await this.periodic();
    if (this.run !== run) return;
    // Slow motion: one iteration per chunk, spaced so that the rate stays at `speed`.
    this.scheduleChunk(slow ? Math.max(0, 1000 / this.speed - (performance.now() - start)) : 0);
  }

  protected stampMarkers(iteration: number) {
    if (this.upcoming.length === 0) return;
    const time = epochNow();
    for (const marker of this.upcoming.filter((m) => m.iteration <= iteration)) this.used.push({ ...marker, time });
    this.upcoming = this.upcoming.filter((m) => m.iteration > iteration);
  }

  /** Starts whatever is due. A stats read still in flight when the next is due is awaited: back-pressure on GPU queues. */
  protected async periodic() {
    const now = performance.now();
    if (now - this.last.stats < this.schedule.statsMs) return;
    await this.statsFlush;
    this.last.stats = now;
    this.flushStats();
    // Views start only next to a stats read, so their events reach the page together and it
    // renders one frame for both (the client coalesces what comes within a frame).
    const run = this.requireRun();
    this.views.startDue(run, this.schedule, now);
    this.checkpoints.keepIfDue(run.trainer, now, (error) => this.loopFailed(error, run));
  }

  /** After a pause or a finished step: every view brought up to date, then a status with a quiet tensor count. */
  protected async settle() {
    await this.quiet();
    const run = this.requireRun();
    this.flushStats();
    await this.statsFlush;
    await this.views.settle(run, this.schedule);
    await this.checkpoints.keep(run.trainer);
    this.iterationsPerSecond = 0;
    this.postStatus();
  }

  protected flushStats() {
    const run = this.requireRun();
    const markers = this.used;
    this.used = [];
    const reading = this.guard.begin(run.trainer);
    const flush = run.trainer.flushStats().then(async (read) => {
      if (run !== this.run) return; // a read from a run replaced meanwhile (a failover) is old news
      const diverged = await this.guard.judge(run.trainer, reading, read);
      // After a rollback the page drops what lies past the restored iteration (a finite read may).
      const points = diverged ? [] : read;
      if (points.length || markers.length) this.host.post({ type: 'stats', points, markers });
      if (diverged) return this.rolledBack(run, diverged);
      this.measureRate(run.trainer.iteration);
      if (this.state !== 'paused') this.postStatus();
    });
    this.statsFlush = flush.catch((error: unknown) => this.loopFailed(error, run));
  }

  /** Paused on the restored state; the stats still queued for the iterations undone are read and thrown away. */
  protected rolledBack(run: Run, report: DivergenceReport) {
    this.state = 'paused';
    void run.trainer.flushStats();
    this.host.post({ type: 'diverged', report });
    this.queue = this.queue.then(() => this.settle()).catch((error: unknown) => this.fail(error, 'loop'));
  }

  protected measureRate(iteration: number) {
    const now = performance.now();
    const seconds = (now - this.last.rateTime) / 1000;
    if (seconds <= 0) return;
    this.iterationsPerSecond = (iteration - this.last.rateIteration) / seconds;
    this.last.rateIteration = iteration;
    this.last.rateTime = now;
  }

  protected postStatus() {
    this.host.post({
      type: 'status',
      state: this.state,
      iteration: this.run?.trainer.iteration ?? 0,
      iterationsPerSecond: this.state === 'paused' ? 0 : this.iterationsPerSecond,
      tensors: tf.memory().numTensors,
    });
  }

  protected update(requestId: number, patch: Record<string, unknown>) {
    const { trainer } = this.requireRun();
    const result = trainer.update(patch);
    const iteration = trainer.iteration + 1;
    for (const change of result.applied) this.upcoming.push({ iteration, ...change });
    this.host.post({ type: 'updated', requestId, iteration, ...result });
  }

}
