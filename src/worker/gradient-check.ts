/**
 * Tiny gradient cases whose right answers are computed here in plain JavaScript, so a backend that
 * returns NaN, zeros or wrong gradients (tfjs #7162, #8590: RESEARCH.md §5) is caught before it
 * trains anything. Each case also takes one descent step through `assign`, as an optimiser does.
 */
import * as tf from '../gan/tf.ts';
import type { GradientCheckName } from './payloads.ts';

export interface GradientCase {
  /** Which case, for a failure's note (the page words it). */
  name: GradientCheckName;
  /** The right values: the gradient, then the weights after one step of size STEP. */
  expected: number[];
  /** The same values from the active backend. */
  run(): Promise<number[]>;
}

const STEP = 0.1;

/** A variable from an initial tensor, without leaking the initialiser (tfjs #4647). */
function variableOf<R extends tf.Rank>(init: tf.Tensor<R>, name: string): tf.Variable<R> {
  const variable = tf.variable(init, true, name);
  init.dispose();
  return variable;
}

// x [4, 3], W [3, 2], v [2]: the pre-activations XW stay ≥ 0.1 away from ReLU's kink.
const X = [
  [1, 2, -1],
  [0.5, -1, 2],
  [-2, 1, 0.5],
  [1, 1, 1],
];
const W = [
  [0.3, -0.2],
  [0.1, 0.4],
  [-0.5, 0.3],
];
const V = [1, -1];

const softplus = (s: number) => Math.log1p(Math.exp(s));
const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));

/** ∂/∂W of L(W) = mean_i softplus(relu(x_i W) · v): the dense–ReLU–log-loss chain of a GAN step. */
function denseReference(): { loss: number; gradient: number[][] } {
  const rows = X.length;
  const gradient = W.map((row) => row.map(() => 0));
  let loss = 0;
  for (const x of X) {
    const h = V.map((_, j) => x.reduce((sum, xk, k) => sum + xk * W[k][j], 0));
    const s = h.reduce((sum, hj, j) => sum + Math.max(0, hj) * V[j], 0);
    loss += softplus(s) / rows;
    const dS = sigmoid(s) / rows;
    h.forEach((hj, j) => {
      if (hj <= 0) return;
      x.forEach((xk, k) => {
        gradient[k][j] += dS * V[j] * xk;
      });
    });
  }
  return { loss, gradient };
}

function denseCase(): GradientCase {
  const { loss, gradient } = denseReference();
  const flatGradient = gradient.flat();
  const stepped = W.flat().map((w, i) => w - STEP * flatGradient[i]);
  return {
    name: 'dense',
    expected: [loss, ...flatGradient, ...stepped],
    async run() {
      const w = variableOf(tf.tensor2d(W), 'gradient_check_dense');
      try {
        const values = tf.tidy(() => {
          const x = tf.tensor2d(X);
          const v = tf.tensor2d(V, [2, 1]);
          const { value, grads } = tf.variableGrads(
            () => tf.mean(tf.softplus(tf.matMul(tf.relu(tf.matMul(x, w)), v))),
            [w],
          );
          const g = grads[w.name];
          w.assign(tf.sub(w, tf.mul(STEP, g)));
          return tf.concat([value, g, w].map((t) => tf.reshape(t, [-1])));
        });
        const out = Array.from(await values.data());
        values.dispose();
        return out;
      } finally {
        w.dispose();
      }
    },
  };
}

// A 4×4 single-channel image and a 2×2 filter; L = Σ conv2d(x, f) with 'valid' padding, stride 1.
const IMAGE = Array.from({ length: 16 }, (_, i) => (i + 1) / 10);
const FILTER = [0.5, -0.25, 0.75, 0.1];

/** ∂L/∂f[i][j] = Σ over the 3×3 output positions (p, q) of x[p + i][q + j]. */
function convCase(): GradientCase {
  const gradient: number[] = [];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      for (let p = 0; p < 3; p++) for (let q = 0; q < 3; q++) sum += IMAGE[(p + i) * 4 + q + j];
      gradient.push(sum);
    }
  }
  return {
    name: 'conv',
    expected: [...gradient, ...FILTER.map((f, k) => f - STEP * gradient[k])],
    async run() {
      const f = variableOf(tf.tensor4d(FILTER, [2, 2, 1, 1]), 'gradient_check_conv');
      try {
        const values = tf.tidy(() => {
          const x = tf.tensor4d(IMAGE, [1, 4, 4, 1]);
          const { grads } = tf.variableGrads(() => tf.sum(tf.conv2d(x, f, 1, 'valid')), [f]);
          const g = grads[f.name];
          f.assign(tf.sub(f, tf.mul(STEP, g)));
          return tf.concat([g, f].map((t) => tf.reshape(t, [-1])));
        });
        const out = Array.from(await values.data());
        values.dispose();
        return out;
      } finally {
        f.dispose();
      }
    },
  };
}

/** The cases a model needs: every model has dense layers; DCGANs also need convolution gradients. */
export function gradientCases(convolutional: boolean): GradientCase[] {
  return convolutional ? [denseCase(), convCase()] : [denseCase()];
}
