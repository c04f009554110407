import * as tf from '../tf.ts';

/**
 * tfjs-backend-wasm multiplies transposed operands (`matMul(a, b, transposeA, transposeB)`, which
 * every dense layer's gradient uses: dW = xᵀ·dy, dx = dy·Wᵀ) about 10× slower than plain ones
 * (measured here: [64, 100]ᵀ·[64, 1568] 11.8 ms vs 0.9 ms with the transpose done first). This
 * wraps wasm's BatchMatMul so that it transposes first with wasm's native Transpose and then
 * multiplies plain operands. Results are the same products, summed in the same order.
 */

const BACKEND = 'wasm';

let native: tf.KernelConfig | undefined;

/** Swaps the last two axes of a rank ≥ 2 tensor. */
function swapLastAxes(t: tf.Tensor): tf.Tensor {
  const perm = t.shape.map((_, i) => i);
  const rank = perm.length;
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return tf.transpose(t, perm);
}

const batchMatMulKernel: tf.KernelConfig = {
  kernelName: 'BatchMatMul',
  backendName: BACKEND,
  kernelFunc: (params) => {
    if (!native) throw new Error('wasm matMul: the native kernel was not found');
    const { a, b } = params.inputs as unknown as { a: tf.Tensor; b: tf.Tensor };
    const { transposeA, transposeB } = params.attrs as unknown as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return native.kernelFunc(params);
    const plainA = transposeA ? swapLastAxes(a) : a;
    const plainB = transposeB ? swapLastAxes(b) : b;
    const product = native.kernelFunc({
      ...params,
      inputs: { a: plainA, b: plainB },
      attrs: { ...params.attrs, transposeA: false, transposeB: false },
    });
    if (transposeA) plainA.dispose();
    if (transposeB) plainB.dispose();
    return product;
  },
};

/** Replaces wasm's BatchMatMul with the wrapper (idempotent); import '@tensorflow/tfjs-backend-wasm' first. */
export function registerWasmMatMul(): void {
  const current = tf.getKernel('BatchMatMul', BACKEND);
  if (!current) throw new Error('wasm matMul: import @tensorflow/tfjs-backend-wasm first');
  if (current.kernelFunc === batchMatMulKernel.kernelFunc) return;
  native = current;
  tf.unregisterKernel('BatchMatMul', BACKEND);
  tf.registerKernel({ ...batchMatMulKernel, setupFunc: current.setupFunc });
}
