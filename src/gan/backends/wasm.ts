import { registerWasmConvGradients } from './wasm-conv-gradients.ts';
import { registerWasmMatMul } from './wasm-matmul.ts';

/**
 * Everything the wasm backend needs to train conv nets fast: the missing conv filter gradient, a
 * faster conv input gradient and a faster transposed matMul. Call once after importing
 * '@tensorflow/tfjs-backend-wasm' (before or after `setBackend('wasm')`); idempotent.
 */
export function registerWasmTrainingKernels(): void {
  registerWasmConvGradients();
  registerWasmMatMul();
}
