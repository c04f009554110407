import * as tf from '../tf.ts';
import type { ActivationId } from '../config.ts';
import type { Rng } from '../rng.ts';
import { activate, type Discriminator, type Generator, glorotUniform, seededVariable, zeros } from './network.ts';

export interface MlpShape {
  inputSize: number;
  hiddenLayers: number;
  width: number;
  activation: ActivationId;
}

interface Dense {
  kernel: tf.Variable; // [in, out]
  bias: tf.Variable; // [out]
}

function dense(rng: Rng, inputs: number, outputs: number, name: string): Dense {
  return {
    kernel: seededVariable([inputs, outputs], glorotUniform(rng, inputs, outputs), `${name}_kernel`),
    bias: seededVariable([outputs], zeros, `${name}_bias`),
  };
}

function applyDense(layer: Dense, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(x, layer.kernel), layer.bias) as tf.Tensor2D;
}

function hiddenStack(rng: Rng, shape: MlpShape, name: string): Dense[] {
  const layers: Dense[] = [];
  let inputs = shape.inputSize;
  for (let i = 0; i < shape.hiddenLayers; i++) {
    layers.push(dense(rng, inputs, shape.width, `${name}_hidden${i}`));
    inputs = shape.width;
  }
  return layers;
}

function runHidden(layers: Dense[], x: tf.Tensor2D, activation: ActivationId): tf.Tensor2D {
  return layers.reduce((h, layer) => activate(applyDense(layer, h), activation) as tf.Tensor2D, x);
}

const parameters = (layers: Dense[]) => layers.flatMap((layer) => [layer.kernel, layer.bias]);

/**
 * MLP generator: latent [batch, inputSize] → hidden layers [batch, width] → sample [batch, outputSize].
 * `output` is 'linear' for 2D points (unbounded) and 'tanh' for images scaled to [−1, 1].
 */
export function mlpGenerator(rng: Rng, shape: MlpShape, outputSize: number, output: 'linear' | 'tanh'): Generator {
  const hidden = hiddenStack(rng, shape, 'generator');
  const last = dense(rng, shape.hiddenLayers ? shape.width : shape.inputSize, outputSize, 'generator_out');
  const trainable = parameters([...hidden, last]);
  return {
    trainable,
    state: [],
    apply: (latent) =>
      tf.tidy(() => {
        const raw = applyDense(last, runHidden(hidden, latent, shape.activation)); // [batch, outputSize]
        return output === 'tanh' ? tf.tanh(raw) : raw;
      }),
    dispose: () => trainable.forEach((v) => v.dispose()),
  };
}

/** MLP discriminator: sample [batch, inputSize] → hidden [batch, width] → raw score [batch, 1]. */
export function mlpDiscriminator(rng: Rng, shape: MlpShape): Discriminator {
  const hidden = hiddenStack(rng, shape, 'discriminator');
  const featureSize = shape.hiddenLayers ? shape.width : shape.inputSize;
  const last = dense(rng, featureSize, 1, 'discriminator_out');
  const trainable = parameters([...hidden, last]);
  return {
    trainable,
    state: [],
    featureSize,
    features: (x) => tf.tidy(() => runHidden(hidden, x, shape.activation)),
    score: (features) => tf.tidy(() => applyDense(last, features)),
    dispose: () => trainable.forEach((v) => v.dispose()),
  };
}
