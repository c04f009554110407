/**
 * The session's read-backs besides stats: the fixed-noise samples, the 2D plane and the metrics,
 * each on its own period while playing (`startDue`) and all brought up to date after a pause
 * (`settle`). Each view takes a bounded share of the loop (see `due`), so a slow backend keeps its
 * training pace.
 */
import { DATASET_MODULES } from '../gan/data/modules.ts';
import type { Dataset } from '../gan/data/dataset.ts';
import type { DigitClassifier } from '../gan/metrics/classifier.ts';
import { OBJECTIVE_MODULES } from '../gan/objectives/modules.ts';
import { objectiveFor } from '../gan/objectives/registry.ts';
import { computePlane, gridPoints, type Lattice, type PlaneModel } from '../gan/plane.ts';
import { createRng, type Rng } from '../gan/rng.ts';
import { lipschitzProbes, type Probes } from '../gan/theory/lipschitz.ts';
import { computeTheory, theoryBandwidth } from '../gan/theory/theory.ts';
import type { Trainer } from '../gan/trainer.ts';
import { classify } from './digit-metrics.ts';
import type { Schedule, SamplesEvent, TrainerEvent } from './protocol.ts';

/** The most of the loop's time each view may take (see `due`). */
const VIEW_SHARE = 0.05;

/** What stays fixed for one run: data, noise for the views, and the trainer. */
export interface Run {
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

type View = 'samples' | 'plane' | 'metrics';
const freshViewTimes = (): Record<View, { at: number; cost: number }> => ({
  samples: { at: 0, cost: 0 },
  plane: { at: 0, cost: 0 },
  metrics: { at: 0, cost: 0 },
});

function concat(a: Float32Array, b?: Float32Array): Float32Array {
  if (!b) return a;
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** G's samples as an event: the fixed-noise grid, or the answer to a `sample` command. */
export function samplesEvent(run: Run, values: Float32Array, count: number, requestId?: number): SamplesEvent {
  const { trainer, dataset } = run;
  return {
    type: 'samples',
    iteration: trainer.iteration,
    requestId,
    count,
    dimension: dataset.dimension,
    imageShape: dataset.imageShape,
    values: values.slice(),
  };
}

/**
 * What the theory layers keep between planes of one run: their random stream (the JS estimate's
 * jitter, the Lipschitz pairs) and the last plane's fakes, where the Lipschitz probes' real–fake lines
 * end (the probes go into the plane's one read-back, before this plane's fakes exist).
 */
interface TheoryState {
  rng: Rng;
  fakes?: Float32Array;
  /** The kernel's width, chosen from the real points at the run's first plane (theoryBandwidth). */
  bandwidth?: number;
}
const theoryStates = new WeakMap<Run, TheoryState>();
function theoryState(run: Run): TheoryState {
  let state = theoryStates.get(run);
  if (!state) {
    state = { rng: createRng(run.trainer.config.seed, 'theory') };
    theoryStates.set(run, state);
  }
  return state;
}

export class Views {
  private inFlight = new Map<View, Promise<void>>();
  /** When each view last started, and how long it took. */
  private times = freshViewTimes();
  private metricsIteration = 0;

  constructor(
    private readonly post: (event: TrainerEvent) => void,
    private readonly fail: (error: unknown, run: Run) => void,
  ) {}

  /** A new run: every view is due again. */
  reset() {
    this.times = freshViewTimes();
    this.metricsIteration = 0;
  }

  /** Stops waiting for the views in flight: after a backend failure they may never finish. */
  forget() {
    this.inFlight.clear();
  }

  /** Waits for every view in flight, so no tensor is in use. */
  quiet(): Promise<unknown> {
    return Promise.all(this.inFlight.values());
  }

  /** Starts the views that are due, next to a stats read (so the page renders both in one frame). */
  startDue(run: Run, schedule: Schedule, now: number) {
    const { samplesMs, planeMs, metricsEvery } = schedule;
    const planar = run.dataset.dimension === 2;
    if (planar && planeMs > 0 && this.due('plane', now, planeMs)) this.track('plane', now, run, this.postPlane(run));
    if (!planar && samplesMs > 0 && this.due('samples', now, samplesMs))
      this.track('samples', now, run, this.postViewSamples(run));
    if (
      metricsEvery > 0 &&
      run.trainer.iteration - this.metricsIteration >= metricsEvery &&
      this.due('metrics', now, 0)
    ) {
      this.metricsIteration = run.trainer.iteration;
      this.track('metrics', now, run, this.postMetrics(run));
    }
  }

  /** After a pause or a finished step: every view brought up to date (call once quiet). */
  async settle(run: Run, schedule: Schedule) {
    const planar = run.dataset.dimension === 2;
    const { planeMs, samplesMs, metricsEvery } = schedule;
    if (planar && planeMs > 0) await this.postPlane(run);
    if (!planar && samplesMs > 0) await this.postViewSamples(run);
    if (metricsEvery > 0 && (run.trainer.iteration !== this.metricsIteration || run.trainer.iteration === 0)) {
      this.metricsIteration = run.trainer.iteration;
      await this.postMetrics(run);
    }
  }

  /**
   * Whether a view is due: its period has passed, none is in flight, and the time since the last one
   * is at least 1/VIEW_SHARE times what that one cost, so that on a slow backend (cpu: a plane costs
   * about a training step) the views take a bounded share of the loop and training keeps its pace.
   */
  private due(view: View, now: number, periodMs: number): boolean {
    if (this.inFlight.has(view)) return false;
    const { at, cost } = this.times[view];
    return now - at >= Math.max(periodMs, cost / VIEW_SHARE);
  }

  private track(view: View, start: number, run: Run, work: Promise<void>) {
    this.times[view].at = start;
    const done = work
      .then(() => {
        this.times[view].cost = performance.now() - start;
      })
      .catch((error: unknown) => this.fail(error, run))
      .finally(() => this.inFlight.delete(view));
    this.inFlight.set(view, done);
  }

  /**
   * The plane, and its theory layers where the data's density is known (the dataset module's
   * `density`): D is evaluated at the real points and the Lipschitz probes in the plane's own
   * read-back, and the rest is plain arithmetic on what came back (src/gan/theory/theory.ts).
   */
  private async postPlane(run: Run) {
    const { trainer, realPoints } = run;
    const objective = objectiveFor(trainer.config.objective);
    const { distance } = OBJECTIVE_MODULES[trainer.config.objective];
    const { density } = DATASET_MODULES[trainer.config.dataset];
    const iteration = trainer.iteration;
    const radius = run.dataset.viewRadius ?? 3;
    const state = theoryState(run);
    const { rng } = state;
    // Probes: the real points (V, the critic's gap), then for a Wasserstein critic the Lipschitz pairs' points.
    const lipschitz: Probes | undefined =
      density && distance === 'wasserstein' ? lipschitzProbes(realPoints, state.fakes ?? realPoints, rng) : undefined;
    const probes = density ? concat(realPoints, lipschitz?.points) : undefined;
    const { scores, ...plane } = await computePlane({
      model: run.planeModel,
      objective,
      params: trainer.config,
      latentSize: trainer.config.latentSize,
      radius,
      noise: run.viewNoise,
      lattice: run.lattice,
      probes,
    });
    const nReal = realPoints.length / 2;
    const theory = density
      ? computeTheory({
          density,
          bandwidth: (state.bandwidth ??= theoryBandwidth(realPoints, radius, plane.resolution)),
          radius,
          resolution: plane.resolution,
          grid: gridPoints(radius, plane.resolution),
          real: realPoints,
          fake: plane.fake,
          rng,
          scores: scores && { real: scores.probes.subarray(0, nReal), fake: scores.fake },
          output: objective.output,
          wasserstein: distance === 'wasserstein',
          lipschitz: lipschitz && scores ? { probes: lipschitz, values: scores.probes.subarray(nReal) } : undefined,
        })
      : undefined;
    state.fakes = plane.fake.slice();
    const output = objective.output === 'logit' ? 'probability' : 'score';
    this.post({ type: 'plane', iteration, output, real: realPoints.slice(), ...plane, theory });
  }

  private async postViewSamples(run: Run) {
    const values = await run.trainer.generate(run.viewNoise);
    this.post(samplesEvent(run, values, run.viewNoise.length / run.trainer.config.latentSize));
  }

  private async postMetrics(run: Run) {
    const evaluation = await run.trainer.evaluate();
    this.post({ type: 'metrics', evaluation, classifier: await classify(run.trainer, run) });
  }
}
