/** Backend selection for Node (CLI, benchmarks, tests): the pure-JS cpu backend, WebAssembly, or WebGPU through Dawn. */
import '@tensorflow/tfjs-backend-cpu';
import { registerWasmTrainingKernels } from '../../src/gan/backends/wasm.ts';
import * as tf from '../../src/gan/tf.ts';
import { provideWebgpu } from './webgpu.ts';

export const NODE_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

export async function useBackend(name: NodeBackend): Promise<void> {
  if (name === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmTrainingKernels(); // conv gradients wasm lacks, so DCGAN trains there too
  }
  if (name === 'webgpu') await provideWebgpu();
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} could not be initialised`);
  await tf.ready();
}
