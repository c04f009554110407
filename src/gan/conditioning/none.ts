import * as tf from '../tf.ts';
import type { Conditioning } from './types.ts';

/** No conditioning: G(z) and D(x), exactly the objective's textbook form. */
export function unconditioned(): Conditioning {
  return {
    id: 'none',
    values: 0,
    criticVariables: [],
    headVariables: [],
    forDiscriminatorStep: () => ({}),
    sample: () => ({}),
    grid: () => ({}),
    generatorInput: (noise) => noise, // [n, latentSize]
    judge: (discriminator, x, _condition, training) =>
      tf.tidy(() => {
        const features = discriminator.features(x, training); // [n, featureSize]
        return { features, scores: discriminator.score(features) }; // scores [n, 1]
      }),
    dispose: () => {},
  };
}
