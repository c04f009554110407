import * as tf from '../tf.ts';

/**
 * Identity on tfjs-backend-wasm without a copy. Every op the gradient tape records keeps its inputs
 * and outputs through tf.clone, which is Identity: wasm copies the data each time (~400 copies of
 * activations per DCGAN iteration), where the cpu backend shares it. Tensors are immutable and wasm's
 * Reshape already shares data by reference count, so Identity can too.
 */

const BACKEND = 'wasm';

interface CountingBackend {
  incRef(dataId: object): void;
}

const sharedIdentity: tf.KernelFunc = ({ inputs, backend }) => {
  const { x } = inputs as unknown as { x: tf.TensorInfo };
  if (x.dtype === 'string') throw new Error('wasm identity: string tensors are not supported');
  (backend as unknown as CountingBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
};

/** Replaces wasm's Identity with the sharing one (idempotent); import '@tensorflow/tfjs-backend-wasm' first. */
export function registerWasmIdentity(): void {
  const current = tf.getKernel('Identity', BACKEND);
  if (!current) throw new Error('wasm identity: import @tensorflow/tfjs-backend-wasm first');
  if (current.kernelFunc === sharedIdentity) return;
  tf.unregisterKernel('Identity', BACKEND);
  tf.registerKernel({ ...current, kernelFunc: sharedIdentity });
}
