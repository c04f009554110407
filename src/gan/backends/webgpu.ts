import * as tf from '../tf.ts';

/**
 * AddN on tfjs-backend-webgpu within the device's storage-buffer limit. Its AddN binds every input
 * and the output as storage buffers of one compute shader, but the device it requests keeps the
 * default maxStorageBuffersPerShaderStage of 8: the sum of more than 7 tensors is an invalid
 * pipeline, a validation error on the console and no result (tfjs 4.22; Concat already splits its
 * inputs this way). globalNorm sums one square per variable, 10 in DCGAN's generator. Here the inputs
 * are summed 7 at a time, then the partial sums likewise.
 */

const BACKEND = 'webgpu';

interface LimitedBackend {
  device: { limits: { maxStorageBuffersPerShaderStage: number } };
  disposeData(dataId: object): void;
}

function chunkedAddN(native: tf.KernelFunc): tf.KernelFunc {
  const addN: tf.KernelFunc = (params) => {
    const inputs = params.inputs as unknown as tf.TensorInfo[];
    const backend = params.backend as unknown as LimitedBackend;
    const most = backend.device.limits.maxStorageBuffersPerShaderStage - 1; // one buffer is the output
    if (inputs.length <= most) return native(params);
    const partials: tf.TensorInfo[] = [];
    for (let i = 0; i < inputs.length; i += most) {
      const chunk = inputs.slice(i, i + most);
      partials.push(native({ ...params, inputs: chunk as unknown as tf.NamedTensorInfoMap }) as tf.TensorInfo);
    }
    const sum = addN({ ...params, inputs: partials as unknown as tf.NamedTensorInfoMap }) as tf.TensorInfo;
    for (const partial of partials) backend.disposeData(partial.dataId);
    return sum;
  };
  return addN;
}

let registered: tf.KernelFunc | undefined;

/** Replaces webgpu's AddN with the chunked one (idempotent); import '@tensorflow/tfjs-backend-webgpu' first. */
export function registerWebgpuKernels(): void {
  const current = tf.getKernel('AddN', BACKEND);
  if (!current) throw new Error('webgpu kernels: import @tensorflow/tfjs-backend-webgpu first');
  if (current.kernelFunc === registered) return;
  registered = chunkedAddN(current.kernelFunc);
  tf.unregisterKernel('AddN', BACKEND);
  tf.registerKernel({ ...current, kernelFunc: registered });
}
