import { criticBatchNorm, type RunConfig } from '../config.ts';
import { conditionedSizes } from '../conditioning/registry.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Rng } from '../rng.ts';
import { dcganDiscriminator, dcganGenerator } from './dcgan.ts';
import { mlpDiscriminator, mlpGenerator } from './mlp.ts';
import type { Discriminator, Generator } from './network.ts';

export interface Networks {
  generator: Generator;
  discriminator: Discriminator;
}

/** Each network's initialisation stream, so that changing one network never reseeds the other. */
export interface InitRngs {
  generator: Rng;
  discriminator: Rng;
}

/** The image shape DCGAN's layers are laid out for (two stride-2 layers from 7×7). */
const DCGAN_IMAGE: readonly number[] = [28, 28, 1];

/** Builds the configured architecture's G and D for a dataset, with the inputs its conditioning needs. */
export function buildNetworks(config: RunConfig, dataset: Dataset, rngs: InitRngs): Networks {
  const sizes = conditionedSizes(config, dataset);
  switch (config.architecture) {
    case 'mlp':
      return {
        generator: mlpGenerator(
          rngs.generator,
          {
            inputSize: sizes.generatorInput,
            hiddenLayers: config.generatorLayers,
            width: config.generatorWidth,
            activation: config.generatorActivation,
          },
          dataset.dimension,
          dataset.outputActivation,
        ),
        discriminator: mlpDiscriminator(rngs.discriminator, {
          inputSize: sizes.discriminatorInput,
          hiddenLayers: config.discriminatorLayers,
          width: config.discriminatorWidth,
          activation: config.discriminatorActivation,
        }),
      };
    case 'dcgan': {
      const shape = dataset.imageShape;
      if (!shape || shape.some((size, i) => size !== DCGAN_IMAGE[i])) {
        throw new Error(
          `DCGAN: needs 28×28×1 images; dataset ${dataset.id} has ${shape ? shape.join('×') : 'no image shape'}`,
        );
      }
      return {
        generator: dcganGenerator(rngs.generator, { latentSize: sizes.generatorInput, channels: config.channels }),
        discriminator: dcganDiscriminator(
          rngs.discriminator,
          { channels: config.channels },
          { batchNorm: criticBatchNorm(config) },
        ),
      };
    }
  }
}
