import type { Dataset, DatasetModule } from '../dataset.ts';
import { segmentDensity } from '../../theory/densities.ts';
import { unlabelled } from '../toy2d.ts';

/** The line's noise around the segment. */
const LINE_SIGMA = 0.02;

/** A segment from (−1.5, −1) to (1.5, 1) with N(0, 0.02²) noise: GAN Lab's "line". */
export function line(): Dataset {
  return unlabelled('line', 2, (rng, out, i) => {
    const t = 2 * rng.next() - 1;
    out[2 * i] = 1.5 * t + LINE_SIGMA * rng.normal();
    out[2 * i + 1] = t + LINE_SIGMA * rng.normal();
  });
}

export const lineData: DatasetModule = {
  id: 'line',
  kind: 'points',
  labelled: false,
  dimension: 2,
  classes: 0,
  density: segmentDensity([-1.5, -1], [1.5, 1], LINE_SIGMA),
  create: () => line(),
  pytorch: `# src/gan/data/sets/line.ts line(): the segment from (-1.5, -1) to (1.5, 1) with N(0, 0.02^2) noise.
MODES = None


def sample_real(n):
    t = 2 * torch.rand(n) - 1
    return torch.stack([1.5 * t + 0.02 * torch.randn(n), t + 0.02 * torch.randn(n)], 1)
`,
};
