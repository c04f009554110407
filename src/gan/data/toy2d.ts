/**
 * The pieces the 2D sets are built from (each set is its own module in sets/): mixtures of Gaussians
 * with known modes, unlabelled point clouds, and the points a student draws.
 */
import type { Rng } from '../rng.ts';
import type { Batch, Dataset, ModeSpec } from './dataset.ts';

/**
 * Mixtures of isotropic Gaussians with known modes. Sampling picks a mode uniformly, then adds
 * N(0, σ²) noise; the label is the mode index.
 */
export function gaussianMixture(id: string, modes: ModeSpec, viewRadius: number): Dataset {
  const { centres, sigma } = modes;
  const sampleModes = (n: number, rng: Rng, pick: () => number): Batch => {
    const x = new Float32Array(n * 2);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = pick();
      labels[i] = k;
      x[2 * i] = centres[k][0] + sigma * rng.normal();
      x[2 * i + 1] = centres[k][1] + sigma * rng.normal();
    }
    return { x, labels };
  };
  return {
    id,
    dimension: 2,
    classes: centres.length,
    modes,
    viewRadius,
    outputActivation: 'linear',
    sample: (n, rng) => sampleModes(n, rng, () => rng.int(centres.length)),
    sampleClass: (n, label, rng) => sampleModes(n, rng, () => label),
  };
}

/** gaussianMixture's sampler in Python, after the set's MODE_SIGMA and MODES: the label of a sample is its mode's index. */
export const MIXTURE_PYTHON = `CLASSES = len(MODES)  # the label is the mode index


def sample_real_labelled(n):
    k = torch.randint(len(MODES), (n,))
    return MODES[k] + MODE_SIGMA * torch.randn(n, 2), k


def sample_real(n):
    return sample_real_labelled(n)[0]
`;

/** A set without labels: `draw` writes point i of a batch. */
export function unlabelled(
  id: string,
  viewRadius: number,
  draw: (rng: Rng, out: Float32Array, i: number) => void,
): Dataset {
  return {
    id,
    dimension: 2,
    classes: 0,
    viewRadius,
    outputActivation: 'linear',
    sample(n, rng) {
      const x = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) draw(rng, x, i);
      return { x };
    },
  };
}

/** Most points a drawn dataset may hold; more would only slow the plane view. */
export const MAX_CUSTOM_POINTS = 5000;
/** Each drawn point is a tiny Gaussian, so a handful of clicks is still a distribution. */
export const CUSTOM_JITTER = 0.03;

/**
 * A user-supplied point set (the drawing tool). Sampling picks points uniformly and adds N(0, 0.03²).
 * Refuses empty sets, non-finite coordinates and sets larger than MAX_CUSTOM_POINTS.
 */
export function customPoints(points: readonly (readonly [number, number])[]): Dataset {
  if (points.length === 0) throw new Error('Drawn data: draw at least one point');
  if (points.length > MAX_CUSTOM_POINTS)
    throw new Error(`Drawn data: at most ${MAX_CUSTOM_POINTS} points (got ${points.length})`);
  if (points.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y)))
    throw new Error('Drawn data: every point needs finite x and y');
  const extent = Math.max(1, ...points.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  return unlabelled('custom', extent + 0.5, (rng, out, i) => {
    const [px, py] = points[rng.int(points.length)];
    out[2 * i] = px + CUSTOM_JITTER * rng.normal();
    out[2 * i + 1] = py + CUSTOM_JITTER * rng.normal();
  });
}
