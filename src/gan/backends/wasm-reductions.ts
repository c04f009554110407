import * as tf from '../tf.ts';

/**
 * Per-channel sums and means of images on tfjs-backend-wasm: x [batch, rows, cols, channels] reduced
 * over all but the channels, which batch norm's moments and the gradient of every per-channel
 * scale, shift and bias ask for. wasm's Sum and Mean reduce only trailing axes, so they first
 * transpose the whole tensor, element by element; here each image is averaged by XNNPACK's average
 * pooling over its whole grid, and only the small [batch, channels] result is reduced the slow way
 * (2–5× faster for DCGAN's 64×7×7×32, 64×14×14×16 and 64×4×4×64). Every other reduction goes to
 * wasm's own kernel.
 */

const BACKEND = 'wasm';

interface ReductionAttrs {
  axis: number | number[];
  keepDims: boolean;
}

/** Whether `axis` names exactly axes 0, 1 and 2 of a rank-4 tensor. */
function isPerChannel(x: tf.TensorInfo, axis: number | number[]): boolean {
  if (x.shape.length !== 4 || x.dtype !== 'float32') return false;
  const axes = [...new Set(tf.util.parseAxisParam(axis, x.shape))].sort((a, b) => a - b);
  return axes.join() === '0,1,2';
}

/** Wraps wasm's Sum or Mean: per-channel reductions of images through average pooling. */
function perChannel(native: tf.KernelConfig): tf.KernelConfig {
  const isMean = native.kernelName === 'Mean';
  return {
    ...native,
    kernelFunc: (params) => {
      const { x } = params.inputs as unknown as { x: tf.Tensor4D };
      const { axis, keepDims } = params.attrs as unknown as ReductionAttrs;
      if (!isPerChannel(x, axis)) return native.kernelFunc(params);
      const [batch, rows, cols, channels] = x.shape;
      return tf.tidy(() => {
        const imageMeans = tf.reshape(tf.avgPool(x, [rows, cols], 1, 'valid'), [batch, channels]);
        const reduced = isMean ? tf.mean(imageMeans, 0) : tf.mul(tf.sum(imageMeans, 0), rows * cols);
        return keepDims ? tf.reshape(reduced, [1, 1, 1, channels]) : reduced;
      });
    },
  };
}

const installed = new Set<tf.KernelFunc>();

/** Replaces wasm's Sum and Mean with the per-channel ones (idempotent); import '@tensorflow/tfjs-backend-wasm' first. */
export function registerWasmReductions(): void {
  for (const kernelName of ['Sum', 'Mean']) {
    const current = tf.getKernel(kernelName, BACKEND);
    if (!current) throw new Error(`wasm reductions: import @tensorflow/tfjs-backend-wasm first (no ${kernelName})`);
    if (installed.has(current.kernelFunc)) continue;
    const replacement = perChannel(current);
    installed.add(replacement.kernelFunc);
    tf.unregisterKernel(kernelName, BACKEND);
    tf.registerKernel(replacement);
  }
}
