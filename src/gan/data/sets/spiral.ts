import type { Dataset, DatasetModule } from '../dataset.ts';
import { unlabelled } from '../toy2d.ts';

/** Swiss-roll spiral as in igul222's gan_toy.py (t ∈ [1.5π, 4.5π], noise 0.25), scaled by 1/7.5. */
export function spiral(): Dataset {
  const noise = 0.25;
  return unlabelled('spiral', 2, (rng, out, i) => {
    const t = 1.5 * Math.PI * (1 + 2 * rng.next());
    out[2 * i] = (t * Math.cos(t) + noise * rng.normal()) / 7.5;
    out[2 * i + 1] = (t * Math.sin(t) + noise * rng.normal()) / 7.5;
  });
}

export const spiralData: DatasetModule = {
  id: 'spiral',
  kind: 'points',
  labelled: false,
  dimension: 2,
  classes: 0,
  create: () => spiral(),
  pytorch: `# src/gan/data/sets/spiral.ts spiral(): the swiss roll of gan_toy.py, t in [1.5 pi, 4.5 pi], noise 0.25, scaled by 1/7.5.
MODES = None


def sample_real(n):
    t = 1.5 * math.pi * (1 + 2 * torch.rand(n))
    x = (t * torch.cos(t) + 0.25 * torch.randn(n)) / 7.5
    y = (t * torch.sin(t) + 0.25 * torch.randn(n)) / 7.5
    return torch.stack([x, y], 1)
`,
};
