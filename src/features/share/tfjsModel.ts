/**
 * The trained generator as a tf.js LayersModel in the tf.io file format (model.json + weights.bin),
 * built as text and bytes from a run snapshot: the page holds no tensors, and the file needs none.
 * MLP generators only: Nash's DCGAN runs its own batch-norm and transposed-convolution code, whose
 * Keras twin would need its own layer-by-layer check.
 */
import type { RunSnapshot } from '../../worker/snapshot.ts';

export type TfjsExport =
  | { ok: true; modelJson: string; weights: Uint8Array<ArrayBuffer>; weightsName: string }
  | { ok: false; refusal: 'architecture' };

/** What a reader of model.json needs to know to use it (tf.io keeps it as userDefinedMetadata). */
function loaderNote(snapshot: RunSnapshot, inputSize: number, modelName: string): string {
  const { config } = snapshot;
  const extra = inputSize - config.latentSize;
  return [
    `Nash generator, ${config.dataset}, ${config.objective}, iteration ${snapshot.iteration}.`,
    `Load: const g = await tf.loadLayersModel('${modelName}'); (keep ${modelName} and its .bin side by side).`,
    `Input: [n, ${inputSize}] = ${config.noise === 'gaussian' ? 'N(0, 1)' : 'U(-1, 1)'} noise of size ${config.latentSize}${extra ? ` followed by the ${extra} conditioning inputs (${config.conditioning})` : ''}.`,
    `Output: [n, ${config.dataset === 'mnist' ? '784] pixels in [-1, 1] (28x28, row-major)' : '2] points'}.`,
  ].join(' ');
}

export function generatorModel(snapshot: RunSnapshot, baseName: string): TfjsExport {
  const { config } = snapshot;
  if (config.architecture !== 'mlp') return { ok: false, refusal: 'architecture' };
  const weights = snapshot.tensors.filter((t) => t.name.startsWith('generator.')).sort((a, b) => Number(a.name.split('.')[1]) - Number(b.name.split('.')[1]));
  // mlp.ts: kernel and bias for each hidden layer, then the output layer's.
  const layers: unknown[] = [];
  const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const dense = weights.length / 2;
  const inputSize = weights[0].shape[0];
  for (let i = 0; i < dense; i++) {
    const last = i === dense - 1;
    const name = last ? 'generator_out' : `generator_hidden${i}`;
    const [kernel, bias] = [weights[2 * i], weights[2 * i + 1]];
    const leaky = !last && config.generatorActivation === 'leakyRelu';
    const activation = last ? (config.dataset === 'mnist' ? 'tanh' : 'linear') : leaky ? 'linear' : config.generatorActivation;
    layers.push({
      class_name: 'Dense',
      config: { name, units: kernel.shape[1], activation, use_bias: true, ...(i === 0 ? { batch_input_shape: [null, inputSize] } : {}) },
    });
    // Keras has no "leakyRelu" activation string: a LeakyReLU layer follows (slope 0.2, network.ts).
    if (leaky) layers.push({ class_name: 'LeakyReLU', config: { name: `${name}_leaky`, alpha: 0.2 } });
    specs.push({ name: `${name}/kernel`, shape: kernel.shape, dtype: 'float32' }, { name: `${name}/bias`, shape: bias.shape, dtype: 'float32' });
  }
  const bytes = weights.reduce((sum, t) => sum + t.values.byteLength, 0);
  const data = new Uint8Array(bytes);
  let offset = 0;
  for (const tensor of weights) {
    data.set(new Uint8Array(tensor.values.buffer, tensor.values.byteOffset, tensor.values.byteLength), offset);
    offset += tensor.values.byteLength;
  }
  const weightsName = `${baseName}.weights.bin`;
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: 'Nash',
    convertedBy: null,
    modelTopology: { class_name: 'Sequential', config: { name: 'generator', layers }, keras_version: 'tfjs-layers', backend: 'tensor_flow.js' },
    weightsManifest: [{ paths: [weightsName], weights: specs }],
    userDefinedMetadata: { note: loaderNote(snapshot, inputSize, `${baseName}.json`) },
  });
  return { ok: true, modelJson, weights: data, weightsName };
}
