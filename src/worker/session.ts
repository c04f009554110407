/**
 * One training run as the worker drives it: commands in, events out, with no worker globals, so the
 * same loop runs in Node tests. Commands run one at a time in arrival order on a promise chain; the
 * loop itself is a chain of chunks (~25 ms of steps, then a yield), so a command waits at most one
 * chunk. Stats, views and metrics are read back asynchronously on their own schedules.
 */
import * as tf from '../gan/tf.ts';
import { type RunConfig, validateConfig } from '../gan/config.ts';
import { createDataset } from '../gan/data/registry.ts';
import type { Dataset } from '../gan/data/dataset.ts';
import { type MnistFile, mnistDataset, mnistSplit } from '../gan/data/mnist.ts';
import type { DigitClassifier } from '../gan/metrics/classifier.ts';
import { sampleNoise } from '../gan/latent.ts';
import { objectiveFor } from '../gan/objectives/registry.ts';
import { computePlane, noiseLattice, type Lattice, PLANE_RESOLUTION, type PlaneModel, planeModel } from '../gan/plane.ts';
import { createRng } from '../gan/rng.ts';
import { type StepTarget, Trainer } from '../gan/trainer.ts';
import type { BackendChoice, Calibrate } from './backend.ts';
import {
  type BackendPreference, type BenchmarkCommand, DEFAULT_SCHEDULE, epochNow, type ImportRunCommand, type LiveMarker, PROTOCOL_VERSION,
  type RunState, type Schedule, type Sources, type TrainerCommand, type TrainerEvent, unreachable,
} from './protocol.ts';
import { benchmark } from './benchmark.ts';
import { classify, loadRunClassifier } from './digit-metrics.ts';
import { captureRun, restoreRun, snapshotConfig } from './snapshot.ts';
import { type DivergenceReport, DivergenceGuard } from './divergence.ts';
import { realSamples } from './real-samples.ts';
import { answerLatent } from './latent.ts';

/** Fixed-noise samples: enough points to show a 2D distribution, a readable grid of images. */
const PLANE_SAMPLES = 512;
const IMAGE_SAMPLES = 64;
/** The most of the loop's time each view may take (see `due`). */
const VIEW_SHARE = 0.05;

type View = 'samples' | 'plane' | 'metrics';
const freshViewTimes = (): Record<View, { at: number; cost: number }> => ({
  samples: { at: 0, cost: 0 },
  plane: { at: 0, cost: 0 },
  metrics: { at: 0, cost: 0 },
});

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

/** What stays fixed for one run: data, noise for the views, and the trainer. */
interface Run {
  trainer: Trainer;
  dataset: Dataset;
  viewNoise: Float32Array;
  realPoints: Float32Array;
  lattice: Lattice;
  planeModel: PlaneModel;
  /** The digit classifier and the fixed noise it reads G's samples from (MNIST). */
  classifier?: DigitClassifier;
  classifiedNoise?: Float32Array;
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
  private chunkScheduled = false;
  /** Live changes applied but not yet used by an iteration, and those used but not yet posted. */
  private upcoming: Omit<LiveMarker, 'time'>[] = [];
  private used: LiveMarker[] = [];
  private statsFlush?: Promise<void>;
  private views = new Map<View, Promise<void>>();
  /** When each view last started, and how long it took. */
  private viewTimes = freshViewTimes();
  private last = { stats: 0, metricsIteration: 0, rateIteration: 0, rateTime: 0 };
  private iterationsPerSecond = 0;
  /** Iterations per second at most while playing (slow motion); Infinity = as fast as it goes. */
  private speed = Infinity;
  private readonly guard = new DivergenceGuard();

  constructor(private readonly host: SessionHost) {}

  /** Queues a command behind the ones before it. */
  handle(command: TrainerCommand): Promise<void> {
    this.queue = this.queue.then(() => this.execute(command)).catch((error: unknown) => this.fail(error, command.type));
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
      case 'sample': {
        const { trainer } = this.requireRun();
        const values = await trainer.generate(command.latent, command.labels ? { labels: command.labels } : {});
        const count = command.latent.length / trainer.config.latentSize;
        this.postSamples(values, count, command.requestId);
        return;
      }
      case 'benchmark':
        return this.benchmark(command);
      case 'exportRun':
        return this.host.post({ type: 'runExported', requestId: command.requestId, run: await captureRun(this.requireRun().trainer) });
      case 'importRun':
        return this.importRun(command);
      case 'latent': {
        const { trainer } = this.requireRun();
        const load = trainer.config.dataset === 'mnist' ? this.host.loadMnist : undefined;
        return this.host.post(await answerLatent(command, trainer, async () => load && mnistSplit(await load(), 'train')));
      }
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

  /** A saved run becomes the current one; if it does not fit its model, the run before is rebuilt as it was. */
  private async importRun({ requestId, run }: ImportRunCommand) {
    const previous = this.run && (await captureRun(this.run.trainer));
    try {
      await this.build(snapshotConfig(run), this.sources, this.preference);
      restoreRun(this.requireRun().trainer, run);
      this.guard.reset(this.requireRun().trainer);
    } catch (error) {
      if (previous) {
        await this.build(previous.config, this.sources, this.preference);
        restoreRun(this.requireRun().trainer, previous);
        this.guard.reset(this.requireRun().trainer);
        await this.settle();
      }
      this.host.post({ type: 'runImported', requestId, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    await this.settle();
    this.host.post({ type: 'runImported', requestId });
  }

  private requireRun(): Run {
    if (!this.run) throw new Error('No run yet: the worker has not been initialised');
    return this.run;
  }

  /** Waits for every read-back in flight, so no tensor is in use. */
  private async quiet() {
    await Promise.all([this.statsFlush, ...this.views.values()]);
  }

  private async build(input: RunConfig, sources: Sources, preference: BackendPreference) {
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
    this.last = { stats: 0, metricsIteration: 0, rateIteration: 0, rateTime: 0 };
    this.viewTimes = freshViewTimes();
    this.iterationsPerSecond = 0;
    const { backend, reason, adapter, candidates, warnings } = choice;
    const real = planar ? undefined : realSamples(dataset, config.seed);
    this.host.post({ type: 'ready', version: PROTOCOL_VERSION, backend, reason, adapter, candidates, config: trainer.config, planar, real });
    for (const message of warnings) this.host.post({ type: 'warning', message });
    await this.settle();
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
    const { statsMs, samplesMs, planeMs, metricsEvery } = this.schedule;
    if (now - this.last.stats < statsMs) return;
    await this.statsFlush;
    this.last.stats = now;
    this.flushStats();
    // Views start only next to a stats read, so their events reach the page together and it
    // renders one frame for both (the client coalesces per animation frame).
    const run = this.requireRun();
    const planar = run.dataset.dimension === 2;
    if (planar && planeMs > 0 && this.due('plane', now, planeMs)) this.track('plane', now, this.postPlane(run));
    if (!planar && samplesMs > 0 && this.due('samples', now, samplesMs)) this.track('samples', now, this.postViewSamples(run));
    if (metricsEvery > 0 && run.trainer.iteration - this.last.metricsIteration >= metricsEvery && this.due('metrics', now, 0)) {
      this.last.metricsIteration = run.trainer.iteration;
      this.track('metrics', now, this.postMetrics(run));
    }
  }

  /**
   * Whether a view is due: its period has passed, none is in flight, and the time since the last one
   * is at least 1/VIEW_SHARE times what that one cost, so that on a slow backend (cpu: a plane costs
   * about a training step) the views take a bounded share of the loop and training keeps its pace.
   */
  private due(view: View, now: number, periodMs: number): boolean {
    if (this.views.has(view)) return false;
    const { at, cost } = this.viewTimes[view];
    return now - at >= Math.max(periodMs, cost / VIEW_SHARE);
  }

  private track(view: View, start: number, work: Promise<void>) {
    this.viewTimes[view].at = start;
    const done = work
      .then(() => {
        this.viewTimes[view].cost = performance.now() - start;
      })
      .catch((error: unknown) => this.fail(error, 'loop'))
      .finally(() => this.views.delete(view));
    this.views.set(view, done);
  }

  /** After a pause or a finished step: every view brought up to date, then a status with a quiet tensor count. */
  private async settle() {
    await this.quiet();
    const run = this.requireRun();
    this.flushStats();
    await this.statsFlush;
    const planar = run.dataset.dimension === 2;
    const { planeMs, samplesMs, metricsEvery } = this.schedule;
    if (planar && planeMs > 0) await this.postPlane(run);
    if (!planar && samplesMs > 0) await this.postViewSamples(run);
    if (metricsEvery > 0 && (run.trainer.iteration !== this.last.metricsIteration || run.trainer.iteration === 0)) {
      this.last.metricsIteration = run.trainer.iteration;
      await this.postMetrics(run);
    }
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

  private async postPlane(run: Run) {
    const { trainer } = run;
    const objective = objectiveFor(trainer.config.objective);
    const iteration = trainer.iteration;
    const plane = await computePlane({
      model: run.planeModel,
      objective,
      params: trainer.config,
      latentSize: trainer.config.latentSize,
      radius: run.dataset.viewRadius ?? 3,
      noise: run.viewNoise,
      lattice: run.lattice,
    });
    const output = objective.output === 'logit' ? 'probability' : 'score';
    this.host.post({ type: 'plane', iteration, output, real: run.realPoints.slice(), ...plane });
  }

  private async postViewSamples(run: Run) {
    const values = await run.trainer.generate(run.viewNoise);
    this.postSamples(values, run.viewNoise.length / run.trainer.config.latentSize);
  }

  private postSamples(values: Float32Array, count: number, requestId?: number) {
    const { trainer, dataset } = this.requireRun();
    this.host.post({
      type: 'samples',
      iteration: trainer.iteration,
      requestId,
      count,
      dimension: dataset.dimension,
      imageShape: dataset.imageShape,
      values: values.slice(),
    });
  }

  private async postMetrics(run: Run) {
    const evaluation = await run.trainer.evaluate();
    this.host.post({ type: 'metrics', evaluation, classifier: await classify(run.trainer, run) });
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
