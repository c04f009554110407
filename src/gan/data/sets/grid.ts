import type { Dataset, DatasetModule } from '../dataset.ts';
import { mixtureDensity } from '../../theory/densities.ts';
import { gaussianMixture, MIXTURE_PYTHON } from '../toy2d.ts';

/** The 5×5 grid of VEEGAN and PacGAN: centres on {−4, −2, 0, 2, 4}², σ = 0.05. */
export function grid(sigma = 0.05): Dataset {
  const axis = [-4, -2, 0, 2, 4];
  const centres = axis.flatMap((x) => axis.map((y) => [x, y]));
  return gaussianMixture('grid', { centres, sigma }, 5.5);
}

export const gridData: DatasetModule = {
  id: 'grid',
  kind: 'points',
  labelled: true,
  dimension: 2,
  classes: 25,
  modes: grid().modes,
  // gaussianMixture always sets its modes.
  density: mixtureDensity(grid().modes!),
  create: () => grid(),
  pytorch: `# src/gan/data/sets/grid.ts grid(): 25 Gaussians with centres on {-4, -2, 0, 2, 4}^2, sigma 0.05.
MODE_SIGMA = 0.05
MODES = torch.tensor([[x, y] for x in (-4.0, -2.0, 0.0, 2.0, 4.0) for y in (-4.0, -2.0, 0.0, 2.0, 4.0)])
${MIXTURE_PYTHON}`,
};
