/**
 * One training run as the worker drives it: commands in, events out, with no worker globals, so the
 * same loop runs in Node tests. Commands run one at a time in arrival order on a promise chain; the
 * loop itself is a chain of chunks (~25 ms of steps, then a yield), so a command waits at most one
 * chunk. Questions (`sample`, `latent`) skip that chain: they are answered as soon as they arrive,
 * between two chunks, waiting only for a command that rebuilds the run (issue 6: answers within
 * 100 ms while training). Stats, views and metrics are read back asynchronously on their own schedules.
 */
import * as tf from '../gan/tf.ts';
import { type RunConfig, validateConfig } from '../gan/config.ts';
import { createDataset } from '../gan/data/registry.ts';
import type { Dataset } from '../gan/data/dataset.ts';
import { type MnistFile, mnistDataset } from '../gan/data/mnist.ts';
import { sampleNoise } from '../gan/latent.ts';
import { noiseLattice, PLANE_RESOLUTION, planeModel } from '../gan/plane.ts';
import { createRng } from '../gan/rng.ts';
import { type StepTarget, Trainer } from '../gan/trainer.ts';
import type { BackendChoice, Calibrate } from './backend.ts';
import {
  type BackendPreference, type BenchmarkCommand, DEFAULT_SCHEDULE, epochNow, type LiveMarker, PROTOCOL_VERSION,
  type RunState, type Schedule, type Sources, type TrainerCommand, type TrainerEvent, unreachable,
} from './protocol.ts';
import { benchmark } from './benchmark.ts';
import { loadRunClassifier } from './digit-metrics.ts';
import { restoreRun, type RunSnapshot, snapshotConfig } from './snapshot.ts';
import { type DivergenceReport, DivergenceGuard } from './divergence.ts';
import { realSamples } from './real-samples.ts';
import { answerLatentCommand, answerSample, exportRun, importRun, type RunAccess } from './run-io.ts';
import { type Run, Views } from './views.ts';

/** Fixed-noise samples: enough points to show a 2D distribution, a readable grid of images. */
const PLANE_SAMPLES = 512;
const IMAGE_SAMPLES = 64;

/** Commands answered ahead of the queue: they read G and change nothing. */
const QUESTIONS: ReadonlySet<TrainerCommand['type']> = new Set(['sample', 'latent']);
/** Commands that replace or free the trainer: questions asked after them wait for them. */
const REBUILDS: ReadonlySet<TrainerCommand['type']> = new Set(['init', 'reset', 'importRun', 'dispose']);

export interface SessionHost {
  post(event: TrainerEvent): void;
  /** Resolves after pending messages have had a chance to run (a macrotask, not a microtask). */
  yieldToEvents(): Promise<void>;
  chooseBackend(preference: BackendPreference, config: RunConfig, calibrate: Calibrate): Promise<BackendChoice>;
  /** The MNIST binary (the worker fetches it; Node tests may read it from disk). Without it MNIST is refused. */
  loadMnist?(): Promise<MnistFile>;
  /** The digit classifier's manifest and weights, for MNIST metrics; without them those are left out. */
  loadClassifier?(): Promise<{ manifest: unknown; weights: ArrayBuffer }>;
}

export class Session {
  private run?: Run;
  private sources: Sources = {};
  private preference: BackendPreference = 'auto';
  private schedule: Schedule = DEFAULT_SCHEDULE;
  private state: RunState = 'paused';
  private which: StepTarget = 'both';
  private until = Infinity;
  private queue: Promise<void> = Promise.resolve();
  /** The last rebuild queued (REBUILDS): questions wait for it. */
  private rebuilt: Promise<void> = Promise.resolve();
  /** Questions being answered: a rebuild waits for them (quiet) before freeing the trainer. */
  private questions = new Set<Promise<void>>();
  private chunkScheduled = false;
  /** Live changes applied but not yet used by an iteration, and those used but not yet posted. */
  private upcoming: Omit<LiveMarker, 'time'>[] = [];
  private used: LiveMarker[] = [];
  private statsFlush?: Promise<void>;
  private readonly views: Views;
  private last = { stats: 0, rateIteration: 0, rateTime: 0 };
  private iterationsPerSecond = 0;
  /** Iterations per second at most while playing (slow motion); Infinity = as fast as it goes. */
  private speed = Infinity;
  private readonly guard = new DivergenceGuard();

  /** The run-wide commands' view of this session (run-io.ts). */
  private readonly access: RunAccess;

  constructor(private readonly host: SessionHost) {
    this.views = new Views(host.post, (error) => this.fail(error, 'loop'));
    this.access = { post: host.post, current: () => this.run, rebuild: (snapshot) => this.rebuild(snapshot) };
  }

  /** Queues a command behind the ones before it; a question goes ahead, behind the last rebuild only. */
  handle(command: TrainerCommand): Promise<void> {
    const run = () => this.execute(command);
    const failed = (error: unknown) => this.fail(error, command.type);
    if (QUESTIONS.has(command.type)) {
      // Counted once started: a rebuild that this question waits for must not wait for it in turn.
      return this.rebuilt
        .then(() => {
          const answer = run();
          this.questions.add(answer);
          return answer.finally(() => this.questions.delete(answer));
        })
        .catch(failed);
    }
    this.queue = this.queue.then(run).catch(failed);
    if (REBUILDS.has(command.type)) this.rebuilt = this.queue;
    return this.queue;
  }

  private fail(error: unknown, during: TrainerCommand['type'] | 'loop') {
    this.state = 'paused';
    this.host.post({ type: 'error', message: error instanceof Error ? error.message : String(error), during });
  }

  private async execute(command: TrainerCommand): Promise<void> {
    switch (command.type) {
      case 'init':
        if (command.version !== PROTOCOL_VERSION) throw new Error(`Protocol ${command.version} from the page, ${PROTOCOL_VERSION} in the worker: reload the page`);
        this.schedule = { ...DEFAULT_SCHEDULE, ...command.schedule };
        return this.build(command.config, command.sources ?? {}, command.backend);
      case 'reset':
        this.schedule = { ...this.schedule, ...command.schedule };
        return this.build(command.config, command.sources ?? this.sources, command.backend ?? this.preference);
      case 'play':
        this.speed = command.speed !== undefined && command.speed > 0 ? command.speed : Infinity;
        return this.start('both', Infinity);
      case 'pause':
        if (this.state === 'paused') return;
        this.state = 'paused';
        return this.settle();
      case 'step':
        return this.start(command.which, this.requireRun().trainer.iteration + Math.max(0, Math.floor(command.count)));
      case 'update':
        return this.update(command.requestId, command.patch);
      case 'sample':
        return answerSample(this.access, this.requireRun(), command);
      case 'benchmark':
        return this.benchmark(command);
      case 'exportRun':
        return exportRun(this.access, this.requireRun(), command.requestId);
      case 'importRun':
        return importRun(this.access, command);
      case 'latent':
        return answerLatentCommand(this.access, this.requireRun(), command, this.host.loadMnist);
      case 'dispose':
        this.state = 'paused';
        await this.quiet();
        this.run?.trainer.dispose();
        this.run?.classifier?.dispose();
        this.run = undefined;
        this.guard.dispose();
        return;
      default:
        unreachable(command);
    }
  }

  /** Rebuilds the run from a snapshot: its configuration on the current preference, its weights and optimiser state. */
  private async rebuild(snapshot: RunSnapshot) {
    await this.build(snapshotConfig(snapshot), this.sources, this.preference, false);
    restoreRun(this.requireRun().trainer, snapshot);
    this.guard.reset(this.requireRun().trainer);
    await this.settle();
  }

  private requireRun(): Run {
    if (!this.run) throw new Error('No run yet: the worker has not been initialised');
    return this.run;
  }

  /** Waits for every read-back in flight, so no tensor is in use. */
  private async quiet() {
    await Promise.all([this.statsFlush, this.views.quiet(), ...this.questions]);
  }

  /** A new run from `input`, on the preferred backend; `settle` posts its first views (false: the caller settles later). */
  private async build(input: RunConfig, sources: Sources, preference: BackendPreference, settle = true) {
    const checked = validateConfig(input);
    if (!checked.ok) throw new Error(`Invalid settings: ${checked.errors.join('; ')}`);
    const { config } = checked;
    this.state = 'paused';
    await this.quiet();
    this.run?.trainer.dispose();
    this.run?.classifier?.dispose();
    this.run = undefined;
    this.upcoming = [];
    this.used = [];
    this.sources = sources;
    this.preference = preference;
    const dataset = await this.createDataset(config, sources);
    const choice = await this.host.chooseBackend(preference, config, (budgetMs) => calibrate(config, dataset, budgetMs));
    const trainer = new Trainer(config, dataset);
    const planar = dataset.dimension === 2;
    const viewCount = planar ? PLANE_SAMPLES : IMAGE_SAMPLES;
    const lattice = noiseLattice(config.latentSize, config.noise);
    this.run = {
      trainer,
      dataset,
      viewNoise: sampleNoise(createRng(config.seed, 'view-noise'), viewCount, config.latentSize, config.noise),
      realPoints: planar ? dataset.sample(PLANE_SAMPLES, createRng(config.seed, 'view-real')).x : new Float32Array(0),
      lattice,
      planeModel: planeModel(trainer, viewCount, lattice.rows * lattice.cols, PLANE_RESOLUTION ** 2),
      ...(config.dataset === 'mnist' ? await loadRunClassifier(this.host.loadClassifier, config, (message) => this.host.post({ type: 'warning', message })) : {}),
    };
    this.guard.reset(trainer);
    this.last = { stats: 0, rateIteration: 0, rateTime: 0 };
    this.views.reset();
    this.iterationsPerSecond = 0;
    const { backend, reason, adapter, candidates, warnings } = choice;
    const real = planar ? undefined : realSamples(dataset, config.seed);
    this.host.post({ type: 'ready', version: PROTOCOL_VERSION, backend, reason, adapter, candidates, config: trainer.config, planar, real });
    for (const message of warnings) this.host.post({ type: 'warning', message });
    if (settle) await this.settle();
  }

  private async createDataset(config: RunConfig, sources: Sources): Promise<Dataset> {
    if (config.dataset !== 'mnist') return createDataset(config.dataset, { points: sources.points });
    if (!this.host.loadMnist) throw new Error('MNIST is not available here');
    return createDataset('mnist', { mnist: mnistDataset(await this.host.loadMnist()) });
  }

  private async start(which: StepTarget, until: number) {
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
  private scheduleChunk(delayMs = 0) {
    if (this.chunkScheduled) return;
    this.chunkScheduled = true;
    const wait = delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delayMs)) : this.host.yieldToEvents();
    void wait.then(() => {
      this.chunkScheduled = false;
      if (this.state === 'paused') return;
      this.queue = this.queue.then(() => this.chunk()).catch((error: unknown) => this.fail(error, 'loop'));
    });
  }

  /** Steps for about chunkMs (or to the step target), then schedules what is due and yields. */
  private async chunk() {
    if (this.state === 'paused' || !this.run) return;
    const { trainer } = this.run;
    const start = performance.now();
    const slow = this.state === 'playing' && this.speed < Infinity;
    do {
      if (trainer.iteration >= this.until) break;
      trainer.step(this.which);
      this.stampMarkers(trainer.iteration);
    } while (!slow && performance.now() - start < this.schedule.chunkMs);
    if (trainer.iteration >= this.until) {
      this.state = 'paused';
      await this.settle();
      return;
    }
    await this.periodic();
    // Slow motion: one iteration per chunk, spaced so that the rate stays at `speed`.
    this.scheduleChunk(slow ? Math.max(0, 1000 / this.speed - (performance.now() - start)) : 0);
  }

  private stampMarkers(iteration: number) {
    if (this.upcoming.length === 0) return;
    const time = epochNow();
    for (const marker of this.upcoming.filter((m) => m.iteration <= iteration)) this.used.push({ ...marker, time });
    this.upcoming = this.upcoming.filter((m) => m.iteration > iteration);
  }

  /** Starts whatever is due. A stats read still in flight when the next is due is awaited: back-pressure on GPU queues. */
  private async periodic() {
    const now = performance.now();
    if (now - this.last.stats < this.schedule.statsMs) return;
    await this.statsFlush;
    this.last.stats = now;
    this.flushStats();
    // Views start only next to a stats read, so their events reach the page together and it
    // renders one frame for both (the client coalesces per animation frame).
    this.views.startDue(this.requireRun(), this.schedule, now);
  }

  /** After a pause or a finished step: every view brought up to date, then a status with a quiet tensor count. */
  private async settle() {
    await this.quiet();
    const run = this.requireRun();
    this.flushStats();
    await this.statsFlush;
    await this.views.settle(run, this.schedule);
    this.iterationsPerSecond = 0;
    this.postStatus();
  }

  private flushStats() {
    const run = this.requireRun();
    const markers = this.used;
    this.used = [];
    const reading = this.guard.begin(run.trainer);
    const flush = run.trainer.flushStats().then(async (read) => {
      const diverged = await this.guard.judge(run.trainer, reading, read);
      // After a rollback the page drops what lies past the restored iteration (a finite read may).
      const points = diverged ? [] : read;
      if (points.length || markers.length) this.host.post({ type: 'stats', points, markers });
      if (diverged) return this.rolledBack(run, diverged);
      this.measureRate(run.trainer.iteration);
      if (this.state !== 'paused') this.postStatus();
    });
    this.statsFlush = flush.catch((error: unknown) => this.fail(error, 'loop'));
  }

  /** Paused on the restored state; the stats still queued for the iterations undone are read and thrown away. */
  private rolledBack(run: Run, report: DivergenceReport) {
    this.state = 'paused';
    void run.trainer.flushStats();
    this.host.post({ type: 'diverged', report });
    this.queue = this.queue.then(() => this.settle()).catch((error: unknown) => this.fail(error, 'loop'));
  }

  private measureRate(iteration: number) {
    const now = performance.now();
    const seconds = (now - this.last.rateTime) / 1000;
    if (seconds <= 0) return;
    this.iterationsPerSecond = (iteration - this.last.rateIteration) / seconds;
    this.last.rateIteration = iteration;
    this.last.rateTime = now;
  }

  private postStatus() {
    this.host.post({
      type: 'status',
      state: this.state,
      iteration: this.run?.trainer.iteration ?? 0,
      iterationsPerSecond: this.state === 'paused' ? 0 : this.iterationsPerSecond,
      tensors: tf.memory().numTensors,
    });
  }

  private update(requestId: number, patch: Record<string, unknown>) {
    const { trainer } = this.requireRun();
    const result = trainer.update(patch);
    const iteration = trainer.iteration + 1;
    for (const change of result.applied) this.upcoming.push({ iteration, ...change });
    this.host.post({ type: 'updated', requestId, iteration, ...result });
  }

  private async benchmark(command: BenchmarkCommand) {
    const { trainer, dataset } = this.requireRun();
    const result = await benchmark(command.mode, trainer.config, dataset, command.seconds * 1000);
    this.host.post({ type: 'benchmark', mode: command.mode, ...result });
  }
}

/** The model's iterations per second on the active backend: a warm-up step (shader compiles), then `budgetMs` of steps. */
async function calibrate(config: RunConfig, dataset: Dataset, budgetMs: number): Promise<number> {
  const { iterations, milliseconds } = await benchmark('trainer', config, dataset, budgetMs);
  return iterations / (milliseconds / 1000);
}
