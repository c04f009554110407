/**
 * The trained generator as a tf.js LayersModel in the tf.io file format (model.json + weights.bin),
 * built as text and bytes from a run snapshot: the page holds no tensors, and the file needs none.
 * MLP generators become Dense layers; DCGAN's (src/gan/architectures/dcgan.ts) become Dense →
 * Reshape → BatchNormalization → ReLU → Conv2D 3×3 → BatchNormalization → ReLU → Conv2DTranspose →
 * BatchNormalization → ReLU → Conv2DTranspose (tanh) → Reshape, batch norm with the run's running statistics (inference mode).
 * tests/unit/tfjsModel.test.ts loads both with tf.loadLayersModel and compares them with Nash's G.
 */
import {
  BATCH_NORM_EPSILON,
  BATCH_NORM_MOMENTUM,
  KERNEL_SIZE,
  SMALL_KERNEL_SIZE,
  STRIDE,
} from '../../gan/architectures/constants.ts';
import type { SerializedRun, SavedTensor } from '../../worker/serialize.ts';

export type TfjsExport =
  | { ok: true; modelJson: string; weights: Uint8Array<ArrayBuffer>; weightsName: string }
  | { ok: false; refusal: 'architecture' };

interface Spec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** A group's tensors (`generator.3` …) in their index order. */
function group(snapshot: SerializedRun, name: string): SavedTensor[] {
  return snapshot.tensors
    .filter((t) => t.name.split('.')[0] === name)
    .sort((a, b) => Number(a.name.split('.')[1]) - Number(b.name.split('.')[1]));
}

/** The MLP: kernel and bias for each hidden layer, then the output layer's (mlp.ts). */
function mlpLayers(snapshot: SerializedRun): { layers: unknown[]; weights: [Spec, SavedTensor][]; inputSize: number } {
  const { config } = snapshot;
  const tensors = group(snapshot, 'generator');
  const layers: unknown[] = [];
  const weights: [Spec, SavedTensor][] = [];
  const dense = tensors.length / 2;
  const inputSize = tensors[0].shape[0];
  for (let i = 0; i < dense; i++) {
    const last = i === dense - 1;
    const name = last ? 'generator_out' : `generator_hidden${i}`;
    const [kernel, bias] = [tensors[2 * i], tensors[2 * i + 1]];
    const leaky = !last && config.generatorActivation === 'leakyRelu';
    const activation = last
      ? config.dataset === 'mnist'
        ? 'tanh'
        : 'linear'
      : leaky
        ? 'linear'
        : config.generatorActivation;
    layers.push({
      class_name: 'Dense',
      config: {
        name,
        units: kernel.shape[1],
        activation,
        use_bias: true,
        ...(i === 0 ? { batch_input_shape: [null, inputSize] } : {}),
      },
    });
    // Keras has no "leakyRelu" activation string: a LeakyReLU layer follows (slope 0.2, network.ts).
    if (leaky) layers.push({ class_name: 'LeakyReLU', config: { name: `${name}_leaky`, alpha: 0.2 } });
    weights.push(
      [{ name: `${name}/kernel`, shape: kernel.shape, dtype: 'float32' }, kernel],
      [{ name: `${name}/bias`, shape: bias.shape, dtype: 'float32' }, bias],
    );
  }
  return { layers, weights, inputSize };
}

/**
 * DCGAN's G (dcgan.ts dcganGenerator): its trainable tensors are the projection [in, 7·7·2C], bn0's
 * γ, β, the grid's 3×3 kernel [3, 3, 2C, 2C], its batch norm's γ, β, up1 [4, 4, C, 2C], bn1's γ, β,
 * up2 [4, 4, 1, C] and the output bias; its state is the three batch norms' running mean and
 * variance. Conv2D keeps tf.conv2d's [h, w, in, out] kernels and Conv2DTranspose keeps tf.conv2dTranspose's [h, w, out, in]
 * kernels, and Nash's tensors are channels-last like Keras's, so every tensor goes in as it is.
 */
function dcganLayers(snapshot: SerializedRun): {
  layers: unknown[];
  weights: [Spec, SavedTensor][];
  inputSize: number;
} {
  const [projection, gamma0, beta0, grid, gammaGrid, betaGrid, up1, gamma1, beta1, up2, outBias] = group(
    snapshot,
    'generator',
  );
  const [mean0, variance0, meanGrid, varianceGrid, mean1, variance1] = group(snapshot, 'generatorState');
  const inputSize = projection.shape[0];
  const wide = gamma0.shape[0];
  const channels = gamma1.shape[0];
  const base = Math.round(Math.sqrt(projection.shape[1] / wide));
  const spec = (name: string, tensor: SavedTensor): [Spec, SavedTensor] => [
    { name, shape: tensor.shape, dtype: 'float32' },
    tensor,
  ];
  const batchNorm = (name: string) => ({
    class_name: 'BatchNormalization',
    // Keras's momentum is the running average's keep factor (PyTorch's and Nash's 0.1 is its complement); unused in inference.
    config: {
      name,
      axis: -1,
      momentum: 1 - BATCH_NORM_MOMENTUM,
      epsilon: BATCH_NORM_EPSILON,
      center: true,
      scale: true,
    },
  });
  const upsample = (name: string, filters: number, last: boolean) => ({
    class_name: 'Conv2DTranspose',
    config: {
      name,
      filters,
      kernel_size: [KERNEL_SIZE, KERNEL_SIZE],
      strides: [STRIDE, STRIDE],
      padding: 'same',
      data_format: 'channels_last',
      activation: last ? 'tanh' : 'linear',
      use_bias: last,
    },
  });
  const layers = [
    {
      class_name: 'Dense',
      config: {
        name: 'generator_project',
        units: projection.shape[1],
        activation: 'linear',
        use_bias: false,
        batch_input_shape: [null, inputSize],
      },
    },
    { class_name: 'Reshape', config: { name: 'generator_reshape', target_shape: [base, base, wide] } },
    batchNorm('generator_bn0'),
    { class_name: 'Activation', config: { name: 'generator_relu0', activation: 'relu' } },
    {
      class_name: 'Conv2D',
      config: {
        name: 'generator_grid',
        filters: wide,
        kernel_size: [SMALL_KERNEL_SIZE, SMALL_KERNEL_SIZE],
        strides: [1, 1],
        padding: 'same',
        data_format: 'channels_last',
        activation: 'linear',
        use_bias: false,
      },
    },
    batchNorm('generator_bn_grid'),
    { class_name: 'Activation', config: { name: 'generator_relu_grid', activation: 'relu' } },
    upsample('generator_up1', channels, false),
    batchNorm('generator_bn1'),
    { class_name: 'Activation', config: { name: 'generator_relu1', activation: 'relu' } },
    upsample('generator_up2', up2.shape[2], true),
    { class_name: 'Reshape', config: { name: 'generator_pixels', target_shape: [(4 * base) ** 2 * up2.shape[2]] } },
  ];
  const weights = [
    spec('generator_project/kernel', projection),
    spec('generator_bn0/gamma', gamma0),
    spec('generator_bn0/beta', beta0),
    spec('generator_bn0/moving_mean', mean0),
    spec('generator_bn0/moving_variance', variance0),
    spec('generator_grid/kernel', grid),
    spec('generator_bn_grid/gamma', gammaGrid),
    spec('generator_bn_grid/beta', betaGrid),
    spec('generator_bn_grid/moving_mean', meanGrid),
    spec('generator_bn_grid/moving_variance', varianceGrid),
    spec('generator_up1/kernel', up1),
    spec('generator_bn1/gamma', gamma1),
    spec('generator_bn1/beta', beta1),
    spec('generator_bn1/moving_mean', mean1),
    spec('generator_bn1/moving_variance', variance1),
    spec('generator_up2/kernel', up2),
    spec('generator_up2/bias', outBias),
  ];
  return { layers, weights, inputSize };
}

/** What a reader of model.json needs to know to use it (tf.io keeps it as userDefinedMetadata). */
function loaderNote(snapshot: SerializedRun, inputSize: number, modelName: string): string {
  const { config } = snapshot;
  const extra = inputSize - config.latentSize;
  return [
    `Nash generator, ${config.dataset}, ${config.objective}, iteration ${snapshot.iteration}.`,
    `Load: const g = await tf.loadLayersModel('${modelName}'); (keep ${modelName} and its .bin side by side).`,
    `Input: [n, ${inputSize}] = ${config.noise === 'gaussian' ? 'N(0, 1)' : 'U(-1, 1)'} noise of size ${config.latentSize}${extra ? ` followed by the ${extra} conditioning inputs (${config.conditioning})` : ''}.`,
    `Output: [n, ${config.dataset === 'mnist' ? '784] pixels in [-1, 1] (28x28, row-major)' : '2] points'}.`,
  ].join(' ');
}

export function generatorModel(snapshot: SerializedRun, baseName: string): TfjsExport {
  const { architecture } = snapshot.config;
  if (architecture !== 'mlp' && architecture !== 'dcgan') return { ok: false, refusal: 'architecture' };
  const { layers, weights, inputSize } = architecture === 'mlp' ? mlpLayers(snapshot) : dcganLayers(snapshot);
  const bytes = weights.reduce((sum, [, t]) => sum + t.values.byteLength, 0);
  const data = new Uint8Array(bytes);
  let offset = 0;
  for (const [, tensor] of weights) {
    data.set(new Uint8Array(tensor.values.buffer, tensor.values.byteOffset, tensor.values.byteLength), offset);
    offset += tensor.values.byteLength;
  }
  const weightsName = `${baseName}.weights.bin`;
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: 'Nash',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'generator', layers },
      keras_version: 'tfjs-layers',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: [weightsName], weights: weights.map(([spec]) => spec) }],
    userDefinedMetadata: { note: loaderNote(snapshot, inputSize, `${baseName}.json`) },
  });
  return { ok: true, modelJson, weights: data, weightsName };
}
