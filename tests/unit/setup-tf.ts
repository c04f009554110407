import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../src/gan/tf.ts';

/** Unit tests run on the cpu backend: exact, deterministic, and always available. */
export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export { tf };
