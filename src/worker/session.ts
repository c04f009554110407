/**
 * One training run as the worker drives it: commands in, events out, with no worker globals, so it
 * runs in Node tests. Made of three parts: the work queue (queue.ts: commands in arrival order,
 * questions ahead of them), the training loop (loop.ts: chunks, read-backs, status), and what this
 * file keeps itself: building a run on a backend, and what a failure means. Faults (issue 9): a
 * backend that fails mid-run hands the run to the next one that works; memory that runs out is
 * reported with the settings to lower.
 */
import * as tf from '../gan/tf.ts';
import { type RunConfig, validateConfig } from '../gan/config.ts';
import type { MnistFile } from '../gan/data/mnist.ts';
import type { BackendChoice, Calibrate } from './backend.ts';
import { benchmark } from './benchmark.ts';
import { Checkpoints, STUCK_MS, withTimeout } from './failover.ts';
import {
  destroyDevice,
  deviceLostWithin,
  type Fault,
  injectedError,
  isOutOfMemory,
  memoryAdvice,
  watchDevice,
} from './faults.ts';
import { TrainingLoop } from './loop.ts';
import type { BackendFailure } from './payloads.ts';
import { errorText, ProblemError, problemOf } from './problem.ts';
import {
  type BackendName,
  type BackendPreference,
  type BenchmarkCommand,
  DEFAULT_SCHEDULE,
  PROTOCOL_VERSION,
  type Sources,
  type TrainerCommand,
  type TrainerEvent,
  unreachable,
} from './protocol.ts';
import { WorkQueue } from './queue.ts';
import { realSamples } from './real-samples.ts';
import { calibrate, createRun, runDataset } from './run.ts';
import { answerLatentCommand, answerSample, exportRun, importRun, type RunAccess } from './run-io.ts';
import { restoreRun, type SerializedRun, serializedConfig } from './serialize.ts';
import type { Run } from './views.ts';

export interface SessionHost {
  post(event: TrainerEvent): void;
  /** Resolves after pending messages have had a chance to run (a macrotask, not a microtask). */
  yieldToEvents(): Promise<void>;
  /** `failed`: backends that broke earlier in this worker, not to be tried again. */
  chooseBackend(
    preference: BackendPreference,
    config: RunConfig,
    calibrate: Calibrate,
    failed: ReadonlySet<BackendName>,
  ): Promise<BackendChoice>;
  /** The MNIST binary (the worker fetches it; Node tests may read it from disk). Without it MNIST is refused. */
  loadMnist?(): Promise<MnistFile>;
  /** The digit classifier's manifest and weights, for MNIST metrics; without them those are left out. */
  loadClassifier?(): Promise<{ manifest: unknown; weights: ArrayBuffer }>;
}

/** Commands answered ahead of the queue: they read G and change nothing. */
const QUESTIONS: ReadonlySet<TrainerCommand['type']> = new Set(['sample', 'latent']);
/** Commands that replace or free the trainer: questions asked after them wait for them. */
const REBUILDS: ReadonlySet<TrainerCommand['type']> = new Set(['init', 'reset', 'importRun', 'dispose']);

export class Session {
  private readonly queue = new WorkQueue();
  /** A copy of the run's weights off the device (failover.ts), and of the run before a build. */
  private readonly checkpoints = new Checkpoints();
  private readonly loop: TrainingLoop;
  /** The run-wide commands' view of this session (run-io.ts). */
  private readonly access: RunAccess;
  private sources: Sources = {};
  private preference: BackendPreference = 'auto';
  /** The active backend, and those that failed in this worker. */
  private backend?: BackendName;
  private readonly failed = new Set<BackendName>();
  private failingOver = false;
  /** The settings being built, for an out-of-memory message during a build. */
  private building?: RunConfig;

  constructor(private readonly host: SessionHost) {
    this.loop = new TrainingLoop(
      {
        post: host.post,
        yieldToEvents: host.yieldToEvents,
        loopFailed: (error, run) => this.loopFailed(error, run),
        failed: (error) => this.fail(error, 'loop'),
      },
      this.queue,
      this.checkpoints,
    );
    this.access = { post: host.post, current: () => this.loop.run, rebuild: (serialized) => this.rebuild(serialized) };
  }

  /** Queues a command behind the ones before it; a question goes ahead, behind the last rebuild only. */
  handle(command: TrainerCommand): Promise<void> {
    const failed = (error: unknown) => this.fail(error, command.type);
    if (QUESTIONS.has(command.type)) return this.queue.ask(() => this.execute(command), failed);
    return this.queue.push(() => this.execute(command), failed, REBUILDS.has(command.type));
  }

  /** Test hook (faults.ts): injects a fault into the running session. Returns false where it does not apply. */
  injectFault(fault: Extract<Fault, 'device-lost' | 'step-error' | 'out-of-memory'>): boolean {
    if (fault === 'device-lost') return destroyDevice();
    if (!this.backend) return false;
    this.loop.inject(injectedError(fault, this.backend));
    return true;
  }

  private async execute(command: TrainerCommand): Promise<void> {
    switch (command.type) {
      case 'init':
        if (command.version !== PROTOCOL_VERSION)
          throw new ProblemError({ code: 'protocol', page: command.version, worker: PROTOCOL_VERSION });
        this.loop.schedule = { ...DEFAULT_SCHEDULE, ...command.schedule };
        return this.build(command.config, command.sources ?? {}, command.backend);
      case 'reset':
        this.loop.schedule = { ...this.loop.schedule, ...command.schedule };
        return this.build(command.config, command.sources ?? this.sources, command.backend ?? this.preference);
      case 'schedule':
        this.loop.schedule = { ...this.loop.schedule, ...command.schedule };
        return;
      case 'play':
        return this.loop.play(command.speed);
      case 'pause':
        return this.loop.pause();
      case 'step':
        return this.loop.step(command.count, command.which);
      case 'update':
        return this.loop.update(command.requestId, command.patch);
      case 'sample':
        return answerSample(this.access, this.loop.requireRun(), command);
      case 'benchmark':
        return this.benchmark(command);
      case 'exportRun':
        return exportRun(this.access, this.loop.requireRun(), command.requestId);
      case 'importRun':
        return importRun(this.access, command);
      case 'latent':
        return answerLatentCommand(this.access, this.loop.requireRun(), command, this.host.loadMnist);
      case 'trace':
        return this.loop.trace(command.requestId);
      case 'dispose':
        this.loop.stop();
        await this.loop.quiet();
        this.loop.dispose();
        return;
      default:
        unreachable(command);
    }
  }

  /**
   * A new run from `input`, on the preferred backend; `settle` posts its first views (false: the
   * caller settles later). After a backend failure the old run's reads may never settle, and
   * freeing its tensors may throw: neither stops the new run.
   */
  private async build(
    input: RunConfig,
    sources: Sources,
    preference: BackendPreference,
    settle = true,
    afterFailure = false,
  ) {
    const checked = validateConfig(input);
    if (!checked.ok) throw new ProblemError({ code: 'invalidSettings', refusals: checked.refusals });
    const { config } = checked;
    const loop = this.loop;
    loop.stop();
    if (afterFailure) {
      await withTimeout(loop.quiet(), STUCK_MS);
      loop.forget();
    } else {
      await loop.quiet();
    }
    const before = loop.run;
    // The run before, to go back to if this one does not fit in memory.
    if (before && !afterFailure) await this.checkpoints.keep(before.trainer).catch(() => this.checkpoints.clear());
    this.building = config;
    try {
      before?.trainer.dispose();
      before?.classifier?.dispose();
    } catch (error) {
      if (!afterFailure) throw error;
    }
    loop.detach();
    this.sources = sources;
    this.preference = preference;
    const dataset = await runDataset(config, sources, this.host.loadMnist);
    const choice = await this.host.chooseBackend(
      preference,
      config,
      (budgetMs) => calibrate(config, dataset, budgetMs),
      this.failed,
    );
    this.backend = choice.backend;
    watchDevice((cause) => {
      if (this.backend === 'webgpu') this.failover(cause, true);
    });
    const run = await createRun(config, dataset, this.host.loadClassifier, (warning) =>
      this.host.post({ type: 'warning', warning }),
    );
    this.building = undefined;
    loop.attach(run);
    const { backend, reason, adapter, candidates, warnings } = choice;
    const planar = dataset.dimension === 2;
    const real = planar ? undefined : realSamples(dataset, config.seed);
    this.host.post({
      type: 'ready',
      version: PROTOCOL_VERSION,
      backend,
      reason,
      adapter,
      candidates,
      config: run.trainer.config,
      planar,
      real,
    });
    // After a failure the failover event says why the failed backend is not used; the choice need not repeat it.
    for (const warning of warnings) {
      if (!afterFailure || !this.failed.has(warning.backend))
        this.host.post({ type: 'warning', warning: { code: 'backend', backend: warning } });
    }
    if (settle) await loop.settle();
  }

  /** Rebuilds the run from a serialized run: its configuration on the current preference, its weights and optimiser state. */
  private async rebuild(serialized: SerializedRun, afterFailure = false) {
    await this.build(serializedConfig(serialized), this.sources, this.preference, false, afterFailure);
    restoreRun(this.loop.requireRun().trainer, serialized);
    this.loop.restored();
    await this.loop.settle();
  }

  private async benchmark(command: BenchmarkCommand) {
    const { trainer, dataset } = this.loop.requireRun();
    const result = await benchmark(command.mode, trainer.config, dataset, command.seconds * 1000);
    this.host.post({ type: 'benchmark', requestId: command.requestId, mode: command.mode, ...result });
  }

  private fail(error: unknown, during: TrainerCommand['type'] | 'loop') {
    if (isOutOfMemory(error)) return this.outOfMemory(error, during);
    this.loop.stop();
    this.host.post({ type: 'error', problem: problemOf(error), during });
  }

  /** An error from the training loop of `run`: the backend failed, unless memory ran out; one from a replaced run is old news. */
  private loopFailed(error: unknown, run: Run | undefined) {
    if (run !== this.loop.run || this.failingOver) return;
    if (isOutOfMemory(error) || !this.failover({ code: 'error', detail: errorText(error) }, false))
      this.fail(error, 'loop');
  }

  /**
   * Memory ran out (issue 9): an error that names the settings to lower, and the page stays usable:
   * a run that was training is paused where it was; a build that ran out goes back to the run before.
   */
  private outOfMemory(error: unknown, during: TrainerCommand['type'] | 'loop') {
    const config = this.building ?? this.loop.run?.trainer.config;
    this.loop.stop();
    if (!config) return this.host.post({ type: 'error', problem: problemOf(error), during });
    const memory = memoryAdvice(config, this.backend ?? tf.getBackend(), error);
    this.host.post({ type: 'error', problem: { code: 'outOfMemory', memory }, during });
    const previous = this.checkpoints.latest;
    const recover = this.building
      ? previous && (() => this.rebuild(previous))
      : this.loop.run && (() => this.loop.settle());
    this.building = undefined;
    if (recover) void this.queue.push(recover, (later) => this.fail(later, 'loop'));
  }

  /**
   * The backend failed mid-run (a lost device, an error inside a step): the run moves to the next
   * backend that works, from its last good weights, and goes on in the play state it was in. Returns
   * false where there is nothing to move.
   */
  private failover(failure: BackendFailure, deviceLost: boolean): boolean {
    const from = this.backend;
    const run = this.loop.run;
    if (this.failingOver || !run || !from) return false;
    this.failingOver = true;
    this.failed.add(from);
    const course = this.loop.interrupt();
    this.queue.takeOver((before) =>
      // A chunk waiting on a read from a lost device may never finish: wait for it a while only.
      withTimeout(before, STUCK_MS)
        .then(async () => {
          // A failed read on WebGPU is often the first sign of a lost device: its own reason says more.
          const lost = deviceLost ? failure : await deviceLostWithin(500);
          const cause = lost ?? failure;
          const serialized = await this.checkpoints.bestAfterFailure(run.trainer, lost !== undefined);
          if (!serialized) throw new ProblemError({ code: 'failedBeforeSave', backend: from, cause });
          await this.rebuild(serialized, true);
          this.host.post({
            type: 'failover',
            report: { from, to: this.backend ?? from, cause, iteration: serialized.iteration },
          });
          await this.loop.resume(course);
        })
        .catch((error: unknown) => this.fail(error, 'loop'))
        .finally(() => {
          this.failingOver = false;
        }),
    );
    return true;
  }
}
