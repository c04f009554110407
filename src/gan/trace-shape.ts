/**
 * What a traced iteration carries from the worker to the page (issue 19; src/gan/trace.ts records
 * it): the sub-steps of one D update and one G update, each with its tensors' shapes, first rows and
 * means, and for 2D data the batch's points. No TensorFlow.js here: the page reads these types and
 * the protocol transfers the buffers.
 */
export type Floats = Float32Array<ArrayBuffer>;
export type Network = 'discriminator' | 'generator';

/** The sub-steps of one D update and one G update, in the order they happen. */
export const SUB_STEPS = ['noise', 'generate', 'score', 'loss', 'gradients', 'update'] as const;
export type SubStepId = (typeof SUB_STEPS)[number];

/**
 * What a sub-step shows: z, the conditioning's part of G's input (CGAN's one-hot y, InfoGAN's codes
 * c), G(z), x, D(x), D(G(z)), the loss, ‖∇θ‖, ‖Δθ‖, and after the update D's outputs on the same
 * batch (D's phase) or G's samples for the same z (G's phase).
 */
export type TracedId =
  | 'z'
  | 'condition'
  | 'fake'
  | 'real'
  | 'dReal'
  | 'dFake'
  | 'loss'
  | 'gradientNorm'
  | 'updateNorm'
  | 'dRealAfter'
  | 'dFakeAfter'
  | 'fakeAfter';

/** A tensor as a sub-step shows it: its full shape, its first rows, and its mean where that is the number to read. */
export interface Traced {
  id: TracedId;
  /** [] for a scalar. */
  shape: number[];
  /** At most EXCERPT_ROWS rows of at most EXCERPT_COLUMNS values; a scalar is [[value]]. */
  rows: number[][];
  mean?: number;
}

export interface SubStep {
  id: SubStepId;
  tensors: Traced[];
}

/** The batch in the plane (2D data): its first MAX_POINTS points, [count × 2] row-major, and D's outputs [count]. */
export interface TracePoints {
  count: number;
  /** D's phase only. */
  real?: Floats;
  realScores?: Floats;
  fake: Floats;
  fakeScores: Floats;
  /** D's phase: D's outputs after its update, on the same points. */
  realScoresAfter?: Floats;
  fakeScoresAfter?: Floats;
  /** G's phase: G's samples after its update, for the same z. */
  fakeAfter?: Floats;
}

export interface PhaseTrace {
  network: Network;
  /** This network's steps in the iteration (k_D or k_G); the trace shows the last one. */
  steps: number;
  /** The parameters the step moved (D's update includes CGAN's projection and InfoGAN's Q head). */
  parameters: number;
  subSteps: SubStep[];
  points?: TracePoints;
}

export interface IterationTrace {
  /** The run's iteration once the traced one is done. */
  iteration: number;
  /** How D's outputs read: σ of a logit, or a raw score (objectiveFor().output). */
  output: 'probability' | 'score';
  discriminator: PhaseTrace;
  generator: PhaseTrace;
}

export const EXCERPT_ROWS = 3;
export const EXCERPT_COLUMNS = 4;
/** The batch points the 2D view highlights at most: the default batch (128) whole. */
export const MAX_POINTS = 256;

/** The buffers a trace carries, to transfer rather than copy. */
export function traceBuffers(trace: IterationTrace): ArrayBuffer[] {
  return [trace.discriminator, trace.generator].flatMap(({ points }) =>
    points
      ? [
          points.real,
          points.realScores,
          points.fake,
          points.fakeScores,
          points.realScoresAfter,
          points.fakeScoresAfter,
          points.fakeAfter,
        ]
          .filter((a): a is Floats => a !== undefined)
          .map((a) => a.buffer)
      : [],
  );
}
