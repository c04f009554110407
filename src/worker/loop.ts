/**
 * The training loop of one run, with no worker globals so that it runs in Node tests: stepping in
 * chunks (~25 ms of steps, then a yield, so a command waits at most one chunk), reading back stats
 * on their schedule (with the divergence guard's judgement and the live changes each read covers),
 * starting the views and the weight copies next to them, and posting the play state. The session
 * (session.ts) builds the run it drives and decides what a failure means.
 */
import * as tf from '../gan/tf.ts';
import type { StepTarget } from '../gan/trainer.ts';
import { traceIteration } from '../gan/trace.ts';
import { type DivergenceReport, DivergenceGuard } from './divergence.ts';
import type { Checkpoints } from './failover.ts';
import {
  DEFAULT_SCHEDULE,
  epochNow,
  type LiveMarker,
  type RunState,
  type Schedule,
  type TrainerEvent,
} from './protocol.ts';
import type { WorkQueue } from './queue.ts';
import { type Run, Views } from './views.ts';
import { ProblemError, problemOf } from './problem.ts';

/** The lowest share of the wall time a run trains at (a schedule's `share` below it counts as this). */
export const MIN_SHARE = 0.25;

/**
 * The rest after a chunk of `took` ms that keeps training at `share` of the wall time: none at 1 (or
 * at anything that is not a number in (0, 1)), and never longer than at MIN_SHARE.
 */
export function restAfter(took: number, share: number): number {
  if (!(share > 0 && share < 1)) return 0;
  const kept = Math.max(MIN_SHARE, share);
  return (took * (1 - kept)) / kept;
}

/** What the loop needs of the session around it. */
export interface LoopHost {
  post(event: TrainerEvent): void;
  /** Resolves after pending messages have had a chance to run (a macrotask, not a microtask). */
  yieldToEvents(): Promise<void>;
  /** An error from the loop of `run` (a step, a read-back): the session decides whether the backend failed. */
  loopFailed(error: unknown, run: Run | undefined): void;
  /** An error that leaves the run paused where it is. */
  failed(error: unknown): void;
}

/** Where the loop was going, to go on there on another backend (a failover). */
export interface Course {
  state: RunState;
  which: StepTarget;
  until: number;
  speed: number;
}

export class TrainingLoop {
  /** The run being trained, undefined before the first build and while one is built. */
  run?: Run;
  schedule: Schedule = DEFAULT_SCHEDULE;
  private state: RunState = 'paused';
  private which: StepTarget = 'both';
  private until = Infinity;
  /** Iterations per second at most while playing (slow motion); Infinity = as fast as it goes. */
  private speed = Infinity;
  private chunkScheduled = false;
  /** A fault injected for the next step (faults.ts). */
  private injected?: Error;
  /** Live changes applied but not yet used by an iteration, and those used but not yet posted. */
  private upcoming: Omit<LiveMarker, 'time'>[] = [];
  private used: LiveMarker[] = [];
  private statsFlush?: Promise<void>;
  private last = { stats: 0, rateIteration: 0, rateTime: 0 };
  private iterationsPerSecond = 0;
  private readonly guard = new DivergenceGuard();
  private readonly views: Views;

  constructor(
    private readonly host: LoopHost,
    private readonly queue: WorkQueue,
    private readonly checkpoints: Checkpoints,
  ) {
    this.views = new Views(host.post, (error, run) => host.loopFailed(error, run));
  }

  requireRun(): Run {
    if (!this.run) throw new ProblemError({ code: 'noRun' });
    return this.run;
  }

  get paused(): boolean {
    return this.state === 'paused';
  }

  /** Stops after the chunk in flight; what was read so far is not brought up to date (`pause` does that). */
  stop(): void {
    this.state = 'paused';
  }

  /** Stops and brings every view up to date; nothing to do when already paused. */
  async pause(): Promise<void> {
    if (this.state === 'paused') return;
    this.state = 'paused';
    await this.settle();
  }

  /** The run is being replaced: no run, no live changes waiting to be charted. */
  detach(): void {
    this.run = undefined;
    this.upcoming = [];
    this.used = [];
  }

  /** A new run to train, from its first iteration's point of view: every view due, no rate yet. */
  attach(run: Run): void {
    this.run = run;
    this.guard.reset(run.trainer);
    this.last = { stats: 0, rateIteration: 0, rateTime: 0 };
    this.views.reset();
    this.iterationsPerSecond = 0;
  }

  /** The run's weights were replaced (restored from a serialized run): the guard's last finite state is the new one. */
  restored(): void {
    this.guard.reset(this.requireRun().trainer);
  }

  /** Frees the run's tensors and the guard's; the session is done. */
  dispose(): void {
    this.run?.trainer.dispose();
    this.run?.classifier?.dispose();
    this.detach();
    this.guard.dispose();
  }

  /** Waits for every read-back in flight and every question being answered, so no tensor is in use. */
  async quiet(): Promise<void> {
    await Promise.all([this.statsFlush, this.views.quiet(), this.checkpoints.quiet(), this.queue.quiet()]);
  }

  /** Stops waiting for what is in flight: after a backend failure it may never finish. */
  forget(): void {
    this.statsFlush = undefined;
    this.views.forget();
    this.checkpoints.forget();
    this.queue.forget();
  }

  /** Where the loop is going, and no longer goes: the run is about to move (a failover). */
  interrupt(): Course {
    const course = { state: this.state, which: this.which, until: this.until, speed: this.speed };
    this.state = 'paused';
    return course;
  }

  /** Goes on where `course` was going. */
  async resume(course: Course): Promise<void> {
    this.speed = course.speed;
    if (course.state !== 'paused') await this.start(course.which, course.until);
  }

  /** Trains until paused, at most `speed` iterations per second (undefined or ≤ 0: as fast as it goes). */
  play(speed: number | undefined): Promise<void> {
    this.speed = speed !== undefined && speed > 0 ? speed : Infinity;
    return this.start('both', Infinity);
  }

  /** Runs `count` iterations of `which`, then pauses. */
  step(count: number, which: StepTarget): Promise<void> {
    return this.start(which, this.requireRun().trainer.iteration + Math.max(0, Math.floor(count)));
  }

  /**
   * One iteration in slow motion (src/gan/trace.ts): pauses, trains one iteration recording its
   * sub-steps, answers with them, then settles as a finished Step does (stats, views, status). An
   * iteration that fails is answered with why, and the failure goes on to the session as the loop's.
   */
  async trace(requestId: number): Promise<void> {
    const run = this.requireRun();
    this.state = 'paused';
    try {
      const trace = await traceIteration(run.trainer);
      this.stampMarkers(run.trainer.iteration);
      this.host.post({ type: 'trace', requestId, trace });
    } catch (error) {
      this.host.post({ type: 'trace', requestId, error: problemOf(error) });
      this.host.loopFailed(error, run);
      return;
    }
    await this.settle();
  }

  /** The next step throws `error` (faults.ts). */
  inject(error: Error): void {
    this.injected = error;
  }

  /** Applies live settings; the applied ones are charted as markers at the first iteration that uses them. */
  update(requestId: number, patch: Record<string, unknown>): void {
    const { trainer } = this.requireRun();
    const result = trainer.update(patch);
    const iteration = trainer.iteration + 1;
    for (const change of result.applied) this.upcoming.push({ iteration, ...change });
    this.host.post({ type: 'updated', requestId, iteration, ...result });
  }

  /** After a pause or a finished step: every view brought up to date, then a status with a quiet tensor count. */
  async settle(): Promise<void> {
    await this.quiet();
    const run = this.requireRun();
    this.flushStats();
    await this.statsFlush;
    await this.views.settle(run, this.schedule);
    await this.checkpoints.keep(run.trainer);
    this.iterationsPerSecond = 0;
    this.postStatus();
  }

  private async start(which: StepTarget, until: number): Promise<void> {
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
  private scheduleChunk(delayMs = 0): void {
    if (this.chunkScheduled) return;
    this.chunkScheduled = true;
    const wait = delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delayMs)) : this.host.yieldToEvents();
    void wait.then(() => {
      this.chunkScheduled = false;
      if (this.state === 'paused') return;
      const run = this.run;
      void this.queue.push(
        () => this.chunk(),
        (error) => this.host.loopFailed(error, run),
      );
    });
  }

  /** Steps for about chunkMs (or to the step target), then schedules what is due and yields. */
  private async chunk(): Promise<void> {
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
    // Slow motion: one iteration per chunk, spaced so that the rate stays at `speed`; at full speed,
    // a rest that keeps the loop's share of the wall time at the schedule's `share`.
    const took = performance.now() - start;
    this.scheduleChunk(slow ? Math.max(0, 1000 / this.speed - took) : restAfter(took, this.schedule.share));
  }

  private stampMarkers(iteration: number): void {
    if (this.upcoming.length === 0) return;
    const time = epochNow();
    for (const marker of this.upcoming.filter((m) => m.iteration <= iteration)) this.used.push({ ...marker, time });
    this.upcoming = this.upcoming.filter((m) => m.iteration > iteration);
  }

  /** Starts whatever is due. A stats read still in flight when the next is due is awaited: back-pressure on GPU queues. */
  private async periodic(): Promise<void> {
    const now = performance.now();
    if (now - this.last.stats < this.schedule.statsMs) return;
    await this.statsFlush;
    this.last.stats = now;
    this.flushStats();
    // Views start only next to a stats read, so their events reach the page together and it
    // renders one frame for both (the client coalesces what comes within a frame).
    const run = this.requireRun();
    this.views.startDue(run, this.schedule, now);
    this.checkpoints.keepIfDue(run.trainer, now, (error) => this.host.loopFailed(error, run));
  }

  private flushStats(): void {
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
    this.statsFlush = flush.catch((error: unknown) => this.host.loopFailed(error, run));
  }

  /** Paused on the restored state; the stats still queued for the iterations undone are read and thrown away. */
  private rolledBack(run: Run, report: DivergenceReport): void {
    this.state = 'paused';
    void run.trainer.flushStats();
    this.host.post({ type: 'diverged', report });
    void this.queue.push(() => this.settle(), this.host.failed);
  }

  private measureRate(iteration: number): void {
    const now = performance.now();
    const seconds = (now - this.last.rateTime) / 1000;
    if (seconds <= 0) return;
    this.iterationsPerSecond = (iteration - this.last.rateIteration) / seconds;
    this.last.rateIteration = iteration;
    this.last.rateTime = now;
  }

  private postStatus(): void {
    this.host.post({
      type: 'status',
      state: this.state,
      iteration: this.run?.trainer.iteration ?? 0,
      iterationsPerSecond: this.state === 'paused' ? 0 : this.iterationsPerSecond,
      tensors: tf.memory().numTensors,
    });
  }
}
