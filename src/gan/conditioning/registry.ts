import type { RunConfig } from '../config.ts';
import type { Discriminator } from '../architectures/network.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Rng } from '../rng.ts';
import { infoCodes } from './info-codes.ts';
import { labelConditioning } from './label.ts';
import { labelAtInput } from './label-input.ts';
import { unconditioned } from './none.ts';
import type { Conditioning, ConditionedSizes } from './types.ts';

/** G's and D's input sizes under the configured conditioning, needed before the networks exist. */
export function conditionedSizes(config: RunConfig, dataset: Dataset): ConditionedSizes {
  switch (config.conditioning) {
    case 'none':
      return { generatorInput: config.latentSize, discriminatorInput: dataset.dimension };
    case 'label':
      return {
        generatorInput: config.latentSize + dataset.classes,
        // Every D takes the label through a projection; an MLP's on 2D data also at its input (label.ts).
        discriminatorInput: dataset.dimension + (labelAtInput(config.architecture, dataset) ? dataset.classes : 0),
      };
    case 'infoCodes':
      return {
        generatorInput: config.latentSize + config.categories + config.continuousCodes,
        discriminatorInput: dataset.dimension,
      };
  }
}

/** The configured conditioning for networks already built with `conditionedSizes`. */
export function createConditioning(
  config: RunConfig,
  dataset: Dataset,
  discriminator: Discriminator,
  rng: Rng,
): Conditioning {
  switch (config.conditioning) {
    case 'none':
      return unconditioned();
    case 'label':
      return labelConditioning(dataset, config.architecture, discriminator, rng);
    case 'infoCodes':
      return infoCodes(config, discriminator, rng);
  }
}
