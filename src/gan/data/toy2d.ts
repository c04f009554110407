import type { Rng } from '../rng.ts';
import type { Batch, Dataset, ModeSpec } from './dataset.ts';

/**
 * Mixtures of isotropic Gaussians with known modes. Sampling picks a mode uniformly, then adds
 * N(0, σ²) noise; the label is the mode index.
 */
function gaussianMixture(id: string, modes: ModeSpec, viewRadius: number): Dataset {
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

/** The 5×5 grid of VEEGAN and PacGAN: centres on {−4, −2, 0, 2, 4}², σ = 0.05. */
export function grid(sigma = 0.05): Dataset {
  const axis = [-4, -2, 0, 2, 4];
  const centres = axis.flatMap((x) => axis.map((y) => [x, y]));
  return gaussianMixture('grid', { centres, sigma }, 5.5);
}

/** One Gaussian at the origin, σ = 0.5: the simplest target, one mode. */
export function gaussian(sigma = 0.5): Dataset {
  return gaussianMixture('gaussian', { centres: [[0, 0]], sigma }, 2.5);
}

function unlabelled(id: string, viewRadius: number, draw: (rng: Rng, out: Float32Array, i: number) => void): Dataset {
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

/** Swiss-roll spiral as in igul222's gan_toy.py (t ∈ [1.5π, 4.5π], noise 0.25), scaled by 1/7.5. */
export function spiral(): Dataset {
  const noise = 0.25;
  return unlabelled('spiral', 2, (rng, out, i) => {
    const t = 1.5 * Math.PI * (1 + 2 * rng.next());
    out[2 * i] = (t * Math.cos(t) + noise * rng.normal()) / 7.5;
    out[2 * i + 1] = (t * Math.sin(t) + noise * rng.normal()) / 7.5;
  });
}

/** A segment from (−1.5, −1) to (1.5, 1) with N(0, 0.02²) noise: GAN Lab's "line". */
export function line(): Dataset {
  return unlabelled('line', 2, (rng, out, i) => {
    const t = 2 * rng.next() - 1;
    out[2 * i] = 1.5 * t + 0.02 * rng.normal();
    out[2 * i + 1] = t + 0.02 * rng.normal();
  });
}

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
  if (points.length > MAX_CUSTOM_POINTS) throw new Error(`Drawn data: at most ${MAX_CUSTOM_POINTS} points (got ${points.length})`);
  if (points.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) throw new Error('Drawn data: every point needs finite x and y');
  const extent = Math.max(1, ...points.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  return unlabelled('custom', extent + 0.5, (rng, out, i) => {
    const [px, py] = points[rng.int(points.length)];
    out[2 * i] = px + CUSTOM_JITTER * rng.normal();
    out[2 * i + 1] = py + CUSTOM_JITTER * rng.normal();
  });
}
