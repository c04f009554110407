/**
 * TensorFlow.js core with every op's gradient registered. `@tensorflow/tfjs-core` alone registers
 * no gradients (the `@tensorflow/tfjs` bundle does, along with layers and converters we do not use),
 * so the core imports tf from here, in the worker, in Node tests and in the CLI alike.
 *
 * Order matters in Node, where the package's CommonJS build and the gradients' ES modules are two
 * copies of tfjs-core sharing one global engine: the package must load first so that the engine,
 * and every tensor it makes, belongs to the complete copy (the gradients' copy never installs its
 * op handler, and its tensors fail on `clone()`). In the browser Vite loads a single copy.
 */
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

import { registerGradient, zerosLike } from '@tensorflow/tfjs-core';

/**
 * Comparisons are piecewise constant, so their gradient is zero, but tfjs registers none. WGAN-GP
 * needs it: differentiating a LeakyReLU critic's input gradient again goes through the
 * `greater(x, 0)` inside LeakyReLU's gradient.
 */
for (const kernelName of ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual']) {
  registerGradient({
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (_dy, [a, b]) => ({ a: () => zerosLike(a), b: () => zerosLike(b) }),
  });
}
