import { beforeAll, describe, expect, test } from 'vitest';
import { ACTIVATIONS, type ActivationId, defaultConfig } from '../../src/gan/config.ts';
import { dcganDiscriminator } from '../../src/gan/architectures/dcgan.ts';
import { mlpDiscriminator } from '../../src/gan/architectures/mlp.ts';
import { type Discriminator, discriminate } from '../../src/gan/architectures/network.ts';
import { objectiveFor } from '../../src/gan/objectives/registry.ts';
import { createRng } from '../../src/gan/rng.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/**
 * WGAN-GP differentiates the critic twice: the penalty λ·E[(‖∇D(x̂)‖₂ − 1)²] holds D's input
 * gradient, and the critic step takes the penalty's gradient w.r.t. D's weights. tfjs's own tanh
 * gradient is lost on the second pass (tfjs #3252): the hidden biases got no penalty gradient at
 * all. Every critic the playground can build is checked here against central finite differences.
 */
const LAMBDA = 1;
/** WGAN-GP's penalty as the trainer calls it (tf bound, inside tf.tidy). */
const gradientPenalty = objectiveFor('wganGp').criticPenalty!;
/** Central-difference step: small enough to stay off ReLU's kinks, large enough for float32. */
const STEP = 1e-3;

interface Case {
  critic: Discriminator;
  dimension: number;
  /** Whether ∇ₓD depends on this variable, so that its penalty gradient cannot be zero. */
  dependsOn(variable: tf.Variable): boolean;
  /** How many elements of each variable to check (finite differences cost two penalties each). */
  elements: number;
  /** The variables to check; all of them unless said. */
  checked?(variable: tf.Variable): boolean;
}

function check({ critic, dimension, dependsOn, elements, checked = () => true }: Case, batch: number) {
  const rng = createRng(7, 'points');
  const real = tf.tensor2d(rng.fillNormal(new Float32Array(batch * dimension)), [batch, dimension]);
  const fake = tf.tensor2d(rng.fillNormal(new Float32Array(batch * dimension), 0.5, 1.5), [batch, dimension]);
  const epsilon = tf.tensor2d(rng.fillUniform(new Float32Array(batch)), [batch, 1]);
  const params = { ...defaultConfig(), gradientPenalty: LAMBDA };
  const penalty = () => gradientPenalty((x) => discriminate(critic, x, true), real, fake, epsilon, params);

  const tensorsBefore = tf.memory().numTensors;
  const { value, grads } = tf.variableGrads(penalty, critic.trainable);
  const analytic = new Map(critic.trainable.map((v) => [v, grads[v.name]?.dataSync() ?? new Float32Array(v.size)])); // none: not reached
  value.dispose();
  tf.dispose(Object.values(grads));
  expect(tf.memory().numTensors, 'the double gradient leaks tensors').toBe(tensorsBefore);

  for (const variable of critic.trainable.filter(checked)) {
    const numeric = finiteDifference(penalty, variable, Math.min(elements, variable.size));
    const scale = Math.max(...numeric.map(Math.abs));
    if (dependsOn(variable)) expect(scale, `${variable.name} has no gradient to compare`).toBeGreaterThan(1e-3);
    numeric.forEach((expected, i) => {
      const actual = (analytic.get(variable) as Float32Array)[i];
      expect(Math.abs(actual - expected), `${variable.name}[${i}]: ${actual} vs ${expected}`).toBeLessThan(
        2e-3 + 2e-2 * scale,
      );
    });
  }
  critic.dispose();
  tf.dispose([real, fake, epsilon]);
}

/** ∂penalty/∂v by central differences, for v's first `count` elements. */
function finiteDifference(penalty: () => tf.Scalar, variable: tf.Variable, count: number): number[] {
  const base = variable.dataSync().slice();
  const valueAt = (i: number, delta: number) => {
    const values = base.slice();
    values[i] += delta;
    variable.assign(tf.tensor(values, variable.shape));
    const p = penalty();
    const v = p.dataSync()[0];
    p.dispose();
    return v;
  };
  const out = Array.from({ length: count }, (_, i) => (valueAt(i, STEP) - valueAt(i, -STEP)) / (2 * STEP));
  variable.assign(tf.tensor(base, variable.shape));
  return out;
}

/**
 * ∇ₓD never depends on the output bias, nor, where the activation is piecewise linear, on any bias
 * (biases only choose the linear piece); it does on every kernel, and on tanh's biases.
 */
const dependsOn = (activation: ActivationId) => (variable: tf.Variable) =>
  !variable.name.startsWith('discriminator_out_bias') && (variable.name.includes('kernel') || activation === 'tanh');

describe('the gradient penalty’s gradient w.r.t. the critic’s weights matches finite differences', () => {
  test.each(ACTIVATIONS)('MLP critic with %s: every element of every kernel and bias', (activation) => {
    const critic = mlpDiscriminator(createRng(7, 'critic'), { inputSize: 2, hiddenLayers: 2, width: 5, activation });
    check({ critic, dimension: 2, dependsOn: dependsOn(activation), elements: Infinity }, 6);
  });

  test('DCGAN critic (LeakyReLU, no batch norm, as WGAN-GP builds it): the first elements of each kernel', () => {
    const critic = dcganDiscriminator(createRng(7, 'critic'), { channels: 4 }, { batchNorm: false });
    const kernels = (v: tf.Variable) => v.name.includes('kernel');
    // N(0, 0.02) weights leave most pre-activations within a step of LeakyReLU's kink, where a
    // finite difference measures the kink; N(0, 0.5) keeps them away from it. A bias moves all
    // 2·14·14 pre-activations of its channel, so some always cross the kink: the biases, whose true
    // penalty gradient is zero here, are left to the MLP cases.
    for (const kernel of critic.trainable.filter(kernels)) kernel.assign(tf.mul(kernel, 25));
    check({ critic, dimension: 784, dependsOn: dependsOn('leakyRelu'), elements: 4, checked: kernels }, 2);
  });
});
