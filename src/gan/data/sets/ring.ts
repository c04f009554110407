import type { Dataset, DatasetModule } from '../dataset.ts';
import { mixtureDensity } from '../../theory/densities.ts';
import { gaussianMixture, MIXTURE_PYTHON } from '../toy2d.ts';

/**
 * The 8-Gaussian ring of Unrolled GAN and VEEGAN: radius 2, σ = 0.02. Mode k sits at angle 2πk/K
 * (linspace(0, 2π, K) would repeat the first mode).
 */
export function ring(modes = 8, radius = 2, sigma = 0.02): Dataset {
  const centres = Array.from({ length: modes }, (_, k) => {
    const angle = (2 * Math.PI * k) / modes;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
  return gaussianMixture('ring', { centres, sigma }, radius + 1);
}

export const ringData: DatasetModule = {
  id: 'ring',
  kind: 'points',
  labelled: true,
  dimension: 2,
  classes: 8,
  modes: ring().modes,
  // gaussianMixture always sets its modes.
  density: mixtureDensity(ring().modes!),
  create: () => ring(),
  pytorch: `# src/gan/data/sets/ring.ts ring(): 8 Gaussians on a circle of radius 2, sigma 0.02; mode k at angle 2*pi*k/8.
MODE_SIGMA = 0.02
MODES = torch.tensor([[2 * math.cos(2 * math.pi * k / 8), 2 * math.sin(2 * math.pi * k / 8)] for k in range(8)])
${MIXTURE_PYTHON}`,
};
