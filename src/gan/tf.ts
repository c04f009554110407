/**
 * TensorFlow.js core with every op's gradient registered. `@tensorflow/tfjs-core` alone registers
 * no gradients (the `@tensorflow/tfjs` bundle does, along with layers and converters we do not use),
 * so the core imports tf from here, in the worker, in Node tests and in the CLI alike.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
