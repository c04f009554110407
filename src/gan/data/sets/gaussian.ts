import type { Dataset, DatasetModule } from '../dataset.ts';
import { mixtureDensity } from '../../theory/densities.ts';
import { gaussianMixture, MIXTURE_PYTHON } from '../toy2d.ts';

/** One Gaussian at the origin, σ = 0.5: the simplest target, one mode. */
export function gaussian(sigma = 0.5): Dataset {
  return gaussianMixture('gaussian', { centres: [[0, 0]], sigma }, 2.5);
}

export const gaussianData: DatasetModule = {
  id: 'gaussian',
  kind: 'points',
  labelled: true,
  dimension: 2,
  classes: 1,
  modes: gaussian().modes,
  // gaussianMixture always sets its modes.
  density: mixtureDensity(gaussian().modes!),
  create: () => gaussian(),
  pytorch: `# src/gan/data/sets/gaussian.ts gaussian(): one Gaussian at the origin, sigma 0.5.
MODE_SIGMA = 0.5
MODES = torch.zeros(1, 2)
${MIXTURE_PYTHON}`,
};
