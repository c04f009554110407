import type { Rng } from '../../rng.ts';
import type { Batch, Dataset, DatasetModule } from '../dataset.ts';

/** A 4×4 board of unit cells on [−2, 2]²: cell (i, j) is dark when i + j is even, 8 of the 16. */
const SIZE = 4;
const CENTRES = Array.from({ length: SIZE * SIZE }, (_, c) => [Math.floor(c / SIZE), c % SIZE])
  .filter(([i, j]) => (i + j) % 2 === 0)
  .map(([i, j]) => [i - SIZE / 2 + 0.5, j - SIZE / 2 + 0.5]);
/**
 * The σ the mode metrics read: 3σ reaches a cell's corners (half its diagonal, √2/2), so every real
 * sample counts as high quality. A uniform square is no Gaussian: a fake in a light cell within that
 * reach of a dark cell's centre counts too, so %HQ is lenient here; the cells covered are exact.
 */
const CELL_SIGMA = Math.SQRT2 / 2 / 3;

/**
 * The checkerboard of FFJORD's toy densities (Grathwohl et al. 2019, toy_data.py): uniform on the 8
 * dark cells, density 1/8 there and 0 on the light ones. Unlike the ring's and grid's blobs, its
 * support has sharp edges, and corners where dark cells touch, which a generator made of ReLUs must
 * cut cleanly; each cell is a mode (its label), so the mode charts count the cells covered and a
 * CGAN can ask for one.
 */
export function checkerboard(): Dataset {
  const sampleCells = (n: number, rng: Rng, pick: () => number): Batch => {
    const x = new Float32Array(n * 2);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = pick();
      labels[i] = k;
      x[2 * i] = CENTRES[k][0] + rng.next() - 0.5; // uniform across the cell
      x[2 * i + 1] = CENTRES[k][1] + rng.next() - 0.5;
    }
    return { x, labels };
  };
  return {
    id: 'checkerboard',
    dimension: 2,
    classes: CENTRES.length,
    modes: { centres: CENTRES, sigma: CELL_SIGMA },
    viewRadius: 2.5,
    outputActivation: 'linear',
    sample: (n, rng) => sampleCells(n, rng, () => rng.int(CENTRES.length)),
    sampleClass: (n, label, rng) => sampleCells(n, rng, () => label),
  };
}

export const checkerboardData: DatasetModule = {
  id: 'checkerboard',
  kind: 'points',
  labelled: true,
  dimension: 2,
  classes: CENTRES.length,
  modes: { centres: CENTRES, sigma: CELL_SIGMA },
  create: () => checkerboard(),
  pytorch: `# src/gan/data/sets/checkerboard.ts checkerboard(): uniform on the 8 dark unit cells of a 4x4 board on [-2, 2]^2
# (cell (i, j) dark when i + j is even); the label is the cell. MODE_SIGMA: 3 sigma reaches a cell's corners.
MODES = torch.tensor([[i - 1.5, j - 1.5] for i in range(4) for j in range(4) if (i + j) % 2 == 0])
MODE_SIGMA = math.sqrt(2) / 2 / 3
CLASSES = len(MODES)  # the label is the cell


def sample_real_labelled(n):
    k = torch.randint(len(MODES), (n,))
    return MODES[k] + torch.rand(n, 2) - 0.5, k


def sample_real(n):
    return sample_real_labelled(n)[0]
`,
};
