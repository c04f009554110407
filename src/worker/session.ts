/**
 * One training run as the worker drives it: commands in, events out, with no worker globals, so the
 * same loop (session-loop.ts) runs in Node tests. Commands run one at a time in arrival order on a
 * promise chain. Questions (`sample`, `latent`) skip that chain: they are answered as soon as they
 * arrive, between two chunks, waiting only for a command that rebuilds the run (issue 6: answers
 * within 100 ms while training). Faults (issue 9): a backend that fails mid-run hands the run to the
 * next one that works; memory that runs out is reported with the settings to lower.
 */
import * as tf from '../gan/tf.ts';
import type { BenchmarkCommand, TrainerCommand } from './protocol.ts';
import { PROTOCOL_VERSION, DEFAULT_SCHEDULE, unreachable } from './protocol.ts';
import { benchmark } from './benchmark.ts';
import { restoreRun, type RunSnapshot, snapshotConfig } from './snapshot.ts';
import { answerLatentCommand, answerSample, exportRun, importRun } from './run-io.ts';
import type { Run } from './views.ts';
import { STUCK_MS, withTimeout } from './failover.ts';
import { destroyDevice, deviceLostWithin, type Fault, injectedError, isOutOfMemory, memoryAdvice } from './faults.ts';
import { errorText, ProblemError, problemOf } from './problem.ts';
import type { BackendFailure } from './payloads.ts';
import { SessionLoop } from './session-loop.ts';

export type { SessionHost } from './session-loop.ts';

/** Commands answered ahead of the queue: they read G and change nothing. */
const QUESTIONS: ReadonlySet<TrainerCommand['type']> = new Set(['sample', 'latent']);
/** Commands that replace or free the trainer: questions asked after them wait for them. */
const REBUILDS: ReadonlySet<TrainerCommand['type']> = new Set(['init', 'reset', 'importRun', 'dispose']);

export class Session extends SessionLoop {
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

  protected fail(error: unknown, during: TrainerCommand['type'] | 'loop') {
    if (isOutOfMemory(error)) return this.outOfMemory(error, during);
    this.state = 'paused';
    this.host.post({ type: 'error', problem: problemOf(error), during });
  }

  /** An error from the training loop of `run`: the backend failed, unless memory ran out; one from a replaced run is old news. */
  protected loopFailed(error: unknown, run: Run | undefined) {
    if (run !== this.run || this.failingOver) return;
    if (isOutOfMemory(error) || !this.failover({ code: 'error', detail: errorText(error) }, false)) this.fail(error, 'loop');
  }

  /**
   * Memory ran out (issue 9): an error that names the settings to lower, and the page stays usable:
   * a run that was training is paused where it was; a build that ran out goes back to the run before.
   */
  private outOfMemory(error: unknown, during: TrainerCommand['type'] | 'loop') {
    const config = this.building ?? this.run?.trainer.config;
    this.state = 'paused';
    if (!config) return this.host.post({ type: 'error', problem: problemOf(error), during });
    const memory = memoryAdvice(config, this.backend ?? tf.getBackend(), error);
    this.host.post({ type: 'error', problem: { code: 'outOfMemory', memory }, during });
    const previous = this.checkpoints.latest;
    const recover = this.building ? previous && (() => this.rebuild(previous)) : this.run && (() => this.settle());
    this.building = undefined;
    if (recover) this.queue = this.queue.then(recover).catch((later: unknown) => this.fail(later, 'loop'));
  }

  /** Test hook (faults.ts): injects a fault into the running session. Returns false where it does not apply. */
  injectFault(fault: Extract<Fault, 'device-lost' | 'step-error' | 'out-of-memory'>): boolean {
    if (fault === 'device-lost') return destroyDevice();
    if (!this.backend) return false;
    this.injected = injectedError(fault, this.backend);
    return true;
  }

  /**
   * The backend failed mid-run (a lost device, an error inside a step): the run moves to the next
   * backend that works, from its last good weights, and goes on in the play state it was in. Returns
   * false where there is nothing to move.
   */
  protected failover(failure: BackendFailure, deviceLost: boolean): boolean {
    const from = this.backend;
    const run = this.run;
    if (this.failingOver || !run || !from) return false;
    this.failingOver = true;
    this.failed.add(from);
    const resume = { state: this.state, which: this.which, until: this.until, speed: this.speed };
    this.state = 'paused';
    // A chunk waiting on a read from a lost device may never finish: wait for it a while only.
    const moved = withTimeout(this.queue, STUCK_MS)
      .then(async () => {
        // A failed read on WebGPU is often the first sign of a lost device: its own reason says more.
        const lost = deviceLost ? failure : await deviceLostWithin(500);
        const cause = lost ?? failure;
        const snapshot = await this.checkpoints.bestAfterFailure(run.trainer, lost !== undefined);
        if (!snapshot) throw new ProblemError({ code: 'failedBeforeSave', backend: from, cause });
        await this.rebuild(snapshot, true);
        this.host.post({ type: 'failover', report: { from, to: this.backend ?? from, cause, iteration: snapshot.iteration } });
        this.speed = resume.speed;
        if (resume.state !== 'paused') await this.start(resume.which, resume.until);
      })
      .catch((error: unknown) => this.fail(error, 'loop'))
      .finally(() => {
        this.failingOver = false;
      });
    this.queue = moved;
    this.rebuilt = moved;
    return true;
  }

  private async execute(command: TrainerCommand): Promise<void> {
    switch (command.type) {
      case 'init':
        if (command.version !== PROTOCOL_VERSION) throw new ProblemError({ code: 'protocol', page: command.version, worker: PROTOCOL_VERSION });
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
  protected async rebuild(snapshot: RunSnapshot, afterFailure = false) {
    await this.build(snapshotConfig(snapshot), this.sources, this.preference, false, afterFailure);
    restoreRun(this.requireRun().trainer, snapshot);
    this.guard.reset(this.requireRun().trainer);
    await this.settle();
  }

  private async benchmark(command: BenchmarkCommand) {
    const { trainer, dataset } = this.requireRun();
    const result = await benchmark(command.mode, trainer.config, dataset, command.seconds * 1000);
    this.host.post({ type: 'benchmark', mode: command.mode, ...result });
  }
}
