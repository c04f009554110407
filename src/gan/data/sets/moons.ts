import type { Rng } from '../../rng.ts';
import type { Batch, Dataset, DatasetModule } from '../dataset.ts';

/** Two interleaving half circles (scikit-learn's make_moons, noise 0.05), centred; label = moon. */
export function moons(noise = 0.05): Dataset {
  const sampleMoons = (n: number, rng: Rng, pick: () => number): Batch => {
    const x = new Float32Array(n * 2);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const moon = pick();
      const t = Math.PI * rng.next();
      labels[i] = moon;
      const [px, py] = moon === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
      x[2 * i] = px - 0.5 + noise * rng.normal();
      x[2 * i + 1] = py - 0.25 + noise * rng.normal();
    }
    return { x, labels };
  };
  return {
    id: 'moons',
    dimension: 2,
    classes: 2,
    viewRadius: 2,
    outputActivation: 'linear',
    sample: (n, rng) => sampleMoons(n, rng, () => rng.int(2)),
    sampleClass: (n, label, rng) => sampleMoons(n, rng, () => label),
  };
}

export const moonsData: DatasetModule = {
  id: 'moons',
  kind: 'points',
  labelled: true,
  dimension: 2,
  classes: 2,
  create: () => moons(),
  pytorch: `# src/gan/data/sets/moons.ts moons(): two interleaving half circles (make_moons, noise 0.05), centred.
MODES = None


CLASSES = 2  # the label is the moon


def sample_real_labelled(n):
    label = torch.randint(2, (n,))
    moon = label.float()
    t = math.pi * torch.rand(n)
    px = torch.where(moon == 0, torch.cos(t), 1 - torch.cos(t))
    py = torch.where(moon == 0, torch.sin(t), 0.5 - torch.sin(t))
    return torch.stack([px - 0.5 + 0.05 * torch.randn(n), py - 0.25 + 0.05 * torch.randn(n)], 1), label


def sample_real(n):
    return sample_real_labelled(n)[0]
`,
};
