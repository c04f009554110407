import { registerWasmConvGradients } from './wasm-conv-gradients.ts';
import { registerWasmReductions } from './wasm-reductions.ts';
import { registerWasmIdentity } from './wasm-identity.ts';
import { registerWasmMatMul } from './wasm-matmul.ts';

/**
 * Everything the wasm backend needs to train conv nets fast: the missing conv filter gradient, a
 * faster conv input gradient, a faster transposed matMul, an Identity that shares data instead of
 * copying it, and per-channel sums and means through average pooling. Call once after importing '@tensorflow/tfjs-backend-wasm' (before or after
 * `setBackend('wasm')`); idempotent.
 */
export function registerWasmTrainingKernels(): void {
  registerWasmConvGradients();
  registerWasmMatMul();
  registerWasmIdentity();
  registerWasmReductions();
}
