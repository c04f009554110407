/**
 * One training iteration in slow motion (issue 19): the trainer runs exactly the iteration it would
 * run on Step (Trainer.step, the same losses, optimiser steps and random streams) while a probe
 * records what its last D step and last G step computed: the noise, G's samples, the real batch, D's
 * outputs, the loss, the gradient's norm and how far the update moved the network. The page walks
 * through these sub-steps one by one (src/features/overview); nothing here is recomputed by a
 * second copy of the losses.
 */
import * as tf from './tf.ts';
import { globalNorm } from './architectures/network.ts';
import type { Condition } from './conditioning/types.ts';
import { objectiveFor } from './objectives/registry.ts';
import type { StepParts, StepProbe, Trainer } from './trainer.ts';
import {
  EXCERPT_COLUMNS,
  EXCERPT_ROWS,
  type Floats,
  type IterationTrace,
  MAX_POINTS,
  type Network,
  type PhaseTrace,
  type Traced,
  type TracedId,
} from './trace-shape.ts';

/** One step's tensors kept past the trainer's tidy: the first rows of each, and the scalars. */
interface Held {
  rows: number;
  batch: number;
  latentSize: number;
  latent: tf.Tensor2D;
  fake: tf.Tensor2D;
  real?: tf.Tensor2D;
  realOutputs?: tf.Tensor2D;
  fakeOutputs: tf.Tensor2D;
  realMean?: tf.Scalar;
  fakeMean: tf.Scalar;
  loss: tf.Scalar;
  gradientNorm: tf.Scalar;
  /** The variables' values before the update, to measure ‖Δθ‖ once it is done. */
  before: tf.Tensor[];
  variables: readonly tf.Variable[];
  condition: Condition;
}

const heldTensors = (held: Held): tf.Tensor[] =>
  [
    held.latent,
    held.fake,
    held.real,
    held.realOutputs,
    held.fakeOutputs,
    held.realMean,
    held.fakeMean,
    held.loss,
    held.gradientNorm,
    ...held.before,
  ].filter((t): t is tf.Tensor => t !== undefined);

/**
 * Runs one iteration of `trainer` (as Trainer.step('both') does: its stats are queued like any
 * iteration's) and returns what its last D step and last G step computed.
 */
export async function traceIteration(trainer: Trainer): Promise<IterationTrace> {
  const { config, dataset } = trainer;
  const logit = objectiveFor(config.objective).output === 'logit';
  // D as the trainer's stats read it: a probability σ(logit), or the raw score.
  const output = (scores: tf.Tensor2D) => (logit ? tf.sigmoid(scores) : scores);
  const held: Partial<Record<Network, Held>> = {};
  const counts: Record<Network, number> = { discriminator: 0, generator: 0 };
  const probe: StepProbe = (network, parts) => {
    counts[network] += 1;
    const previous = held[network];
    if (previous) tf.dispose(heldTensors(previous));
    held[network] = keep(parts, output, config.latentSize);
  };
  let after: tf.Tensor[] = [];
  try {
    trainer.step('both', probe);
    const d = held.discriminator;
    const g = held.generator;
    if (!d || !g) throw new Error('trace: the iteration made no D or no G step');
    const planar = dataset.dimension === 2;
    // After the updates: ‖Δθ‖ of each network, and for the plane D's outputs on the same batch and
    // G's samples for the same z, in inference mode (the 2D models have no batch norm to move).
    after = tf.tidy(() => {
      const judge = (x: tf.Tensor2D) =>
        output(trainer.conditioning.judge(trainer.discriminator, x, rowsOf(d.condition, d.rows, config), false).scores);
      const moved = [updateNorm(d), updateNorm(g)];
      if (!planar || !d.real) return moved;
      return [...moved, judge(d.real), judge(d.fake), trainer.generator.apply(g.latent, false)];
    });
    const values = await Promise.all([...heldTensors(d), ...heldTensors(g), ...after].map(readFloats));
    const read = new Map<tf.Tensor, Floats>();
    [...heldTensors(d), ...heldTensors(g), ...after].forEach((t, i) => read.set(t, values[i]));
    const value = (t: tf.Tensor) => read.get(t) ?? new Float32Array();
    const [dMoved, gMoved, realAfter, fakeScoresAfter, fakeAfter] = after.map(value);
    return {
      iteration: trainer.iteration,
      output: logit ? 'probability' : 'score',
      discriminator: phase(
        'discriminator',
        d,
        counts.discriminator,
        value,
        dMoved[0],
        planar && {
          realScoresAfter: realAfter,
          fakeScoresAfter,
        },
      ),
      generator: phase('generator', g, counts.generator, value, gMoved[0], planar && { fakeAfter }),
    };
  } finally {
    for (const h of Object.values(held)) tf.dispose(heldTensors(h));
    tf.dispose(after);
  }
}

/** The first rows of a step's tensors and its scalars, kept past the trainer's tidy (the probe runs inside it). */
function keep(parts: StepParts, output: (scores: tf.Tensor2D) => tf.Tensor2D, latentSize: number): Held {
  const batch = parts.fake.shape[0];
  const rows = Math.min(batch, MAX_POINTS);
  const top = <T extends tf.Tensor2D>(t: T) => tf.keep(tf.slice(t, [0, 0], [rows, -1]));
  const realOutputs = parts.realScores && output(parts.realScores);
  const fakeOutputs = output(parts.fakeScores);
  return {
    rows,
    batch,
    latentSize,
    latent: top(parts.latent),
    fake: top(parts.fake),
    real: parts.real && top(parts.real),
    realOutputs: realOutputs && top(realOutputs),
    fakeOutputs: top(fakeOutputs),
    realMean: realOutputs && tf.keep(tf.mean(realOutputs)),
    fakeMean: tf.keep(tf.mean(fakeOutputs)),
    // A copy: the trainer keeps and frees its own handle to the loss.
    loss: tf.keep(tf.clone(parts.loss)),
    gradientNorm: tf.keep(globalNorm(parts.grads)),
    // Copies share the values; the update gives the variables new ones and leaves these.
    before: parts.variables.map((v) => tf.keep(tf.clone(v))),
    variables: parts.variables,
    condition: parts.condition,
  };
}

/** ‖θ_after − θ_before‖ over the network's variables. */
function updateNorm(held: Held): tf.Scalar {
  return globalNorm(held.variables.map((v, i) => tf.sub(v, held.before[i])));
}

/** The first `rows` samples' condition (the 2D batch's labels or codes). */
function rowsOf(condition: Condition, rows: number, config: Trainer['config']): Condition {
  return {
    labels: condition.labels?.slice(0, rows),
    continuous: condition.continuous?.slice(0, rows * config.continuousCodes),
  };
}

async function readFloats(t: tf.Tensor): Promise<Floats> {
  return Float32Array.from(await t.data());
}

function excerpt(id: TracedId, values: Floats, shape: number[], mean?: number): Traced {
  if (shape.length === 0) return { id, shape, rows: [[values[0]]] };
  const columns = shape[1] ?? 1;
  const rows = Array.from({ length: Math.min(EXCERPT_ROWS, values.length / columns) }, (_, r) =>
    Array.from(values.subarray(r * columns, r * columns + Math.min(columns, EXCERPT_COLUMNS))),
  );
  return { id, shape, rows, ...(mean === undefined ? {} : { mean }) };
}

/** Columns `from`..`to` of a [rows × width] row-major matrix. */
function columns(values: Floats, width: number, from: number, to: number): Floats {
  const rows = values.length / width;
  const out = new Float32Array(rows * (to - from));
  for (let r = 0; r < rows; r++) out.set(values.subarray(r * width + from, r * width + to), r * (to - from));
  return out;
}

const meanOf = (values: Floats) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

function phase(
  network: Network,
  held: Held,
  steps: number,
  value: (t: tf.Tensor) => Floats,
  moved: number,
  planar: false | { realScoresAfter?: Floats; fakeScoresAfter?: Floats; fakeAfter?: Floats },
): PhaseTrace {
  const { batch, latentSize } = held;
  const latentWidth = held.latent.shape[1];
  const dimension = held.fake.shape[1];
  const latent = value(held.latent);
  const extra = latentWidth - latentSize;
  const noise = [excerpt('z', columns(latent, latentWidth, 0, latentSize), [batch, latentSize])];
  if (extra > 0)
    noise.push(excerpt('condition', columns(latent, latentWidth, latentSize, latentWidth), [batch, extra]));
  const fake = value(held.fake);
  const real = held.real && value(held.real);
  const realOutputs = held.realOutputs && value(held.realOutputs);
  const fakeOutputs = value(held.fakeOutputs);
  const generate = [excerpt('fake', fake, [batch, dimension])];
  if (real) generate.push(excerpt('real', real, [batch, dimension]));
  const score: Traced[] = [];
  if (realOutputs && held.realMean) score.push(excerpt('dReal', realOutputs, [batch, 1], value(held.realMean)[0]));
  score.push(excerpt('dFake', fakeOutputs, [batch, 1], value(held.fakeMean)[0]));
  const update = [excerpt('updateNorm', Float32Array.of(moved), [])];
  if (planar && planar.realScoresAfter)
    update.push(excerpt('dRealAfter', planar.realScoresAfter, [held.rows, 1], meanOf(planar.realScoresAfter)));
  if (planar && planar.fakeScoresAfter)
    update.push(excerpt('dFakeAfter', planar.fakeScoresAfter, [held.rows, 1], meanOf(planar.fakeScoresAfter)));
  if (planar && planar.fakeAfter) update.push(excerpt('fakeAfter', planar.fakeAfter, [held.rows, dimension]));
  return {
    network,
    steps,
    parameters: held.variables.reduce((sum, v) => sum + v.size, 0),
    subSteps: [
      { id: 'noise', tensors: noise },
      { id: 'generate', tensors: generate },
      { id: 'score', tensors: score },
      { id: 'loss', tensors: [excerpt('loss', value(held.loss), [])] },
      { id: 'gradients', tensors: [excerpt('gradientNorm', value(held.gradientNorm), [])] },
      { id: 'update', tensors: update },
    ],
    points: planar
      ? {
          count: held.rows,
          real,
          realScores: realOutputs,
          fake,
          fakeScores: fakeOutputs,
          realScoresAfter: planar.realScoresAfter,
          fakeScoresAfter: planar.fakeScoresAfter,
          fakeAfter: planar.fakeAfter,
        }
      : undefined,
  };
}
