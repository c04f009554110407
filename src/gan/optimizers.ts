import * as tf from './tf.ts';
import type { OptimizerId } from './config.ts';

/** The live hyperparameters an optimiser reads on every step. */
export interface OptimizerSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  momentum: number;
  rmspropDecay: number;
}

/**
 * An optimiser bound to one network's variable list. Its slots (moments, velocities) are created
 * with it, so a step allocates nothing that outlives it, and its hyperparameters can change between
 * steps without losing state (tfjs's own optimisers keep them in protected fields).
 */
export interface Optimizer {
  readonly kind: OptimizerId;
  readonly variables: readonly tf.Variable[];
  /** Applies one update: every variable in `variables` moves by its gradient, in the same order. */
  apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[], settings: OptimizerSettings): void;
  /** Slot variables, for saving and restoring a run. */
  readonly slots: tf.Variable[];
  /** Steps taken (Adam's bias correction). */
  steps: number;
  dispose(): void;
}

/** Adam's and RMSprop's ε, 1e-7 as in Keras and tfjs (WebGL uses 1e-4 internally: BROWSER.md). */
const EPSILON = 1e-7;

function slotsFor(variables: readonly tf.Variable[], name: string): tf.Variable[] {
  return variables.map((v) => {
    const zeros = tf.zerosLike(v);
    const slot = tf.variable(zeros, false, `${v.name}_${name}`);
    zeros.dispose(); // tf.variable copies its initial value (tfjs #4647)
    return slot;
  });
}

function checkList(own: readonly tf.Variable[], given: readonly tf.Variable[], grads: readonly tf.Tensor[]) {
  if (given.length !== own.length || grads.length !== own.length || given.some((v, i) => v !== own[i])) {
    throw new Error('optimiser applied to a variable list it was not built for');
  }
}

export function createOptimizer(kind: OptimizerId, variables: readonly tf.Variable[]): Optimizer {
  const first = kind === 'sgd' ? slotsFor(variables, 'velocity') : slotsFor(variables, 'm');
  const second = kind === 'adam' ? slotsFor(variables, 'v') : [];
  const slots = [...first, ...second];
  const optimizer: Optimizer = {
    kind,
    variables,
    slots,
    steps: 0,
    apply(list, grads, s) {
      checkList(variables, list, grads);
      optimizer.steps += 1;
      tf.tidy(() => {
        switch (kind) {
          case 'sgd':
            // v ← μv + g;  θ ← θ − η·v   (μ = 0 is plain gradient descent)
            list.forEach((variable, i) => {
              const velocity = tf.add(tf.mul(s.momentum, first[i]), grads[i]);
              first[i].assign(velocity);
              variable.assign(tf.sub(variable, tf.mul(s.learningRate, velocity)));
            });
            break;
          case 'rmsprop':
            // r ← ρr + (1 − ρ)g²;  θ ← θ − η·g / (√r + ε)
            list.forEach((variable, i) => {
              const r = tf.add(tf.mul(s.rmspropDecay, first[i]), tf.mul(1 - s.rmspropDecay, tf.square(grads[i])));
              first[i].assign(r);
              variable.assign(tf.sub(variable, tf.div(tf.mul(s.learningRate, grads[i]), tf.add(tf.sqrt(r), EPSILON))));
            });
            break;
          case 'adam': {
            // m ← β1·m + (1 − β1)g;  v ← β2·v + (1 − β2)g²;  θ ← θ − η·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + ε)
            const t = optimizer.steps;
            const stepSize = (s.learningRate * Math.sqrt(1 - s.beta2 ** t)) / (1 - s.beta1 ** t);
            list.forEach((variable, i) => {
              const m = tf.add(tf.mul(s.beta1, first[i]), tf.mul(1 - s.beta1, grads[i]));
              const v = tf.add(tf.mul(s.beta2, second[i]), tf.mul(1 - s.beta2, tf.square(grads[i])));
              first[i].assign(m);
              second[i].assign(v);
              variable.assign(tf.sub(variable, tf.mul(stepSize, tf.div(m, tf.add(tf.sqrt(v), EPSILON)))));
            });
            break;
          }
        }
      });
    },
    dispose: () => slots.forEach((slot) => slot.dispose()),
  };
  return optimizer;
}
