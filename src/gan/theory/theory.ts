/**
 * The 2D view's theory layers and numbers for one moment of a run, from what the plane read back:
 * the optimal discriminator D* on the plane's grid, JS(p_data ‖ p_g), V(D, G) on a batch, and for a
 * Wasserstein critic its measured Lipschitz constant and the optimal transport of 64 real points
 * onto 64 fakes. Pure: D's values come in as numbers (src/gan/plane.ts evaluates D once for all of
 * them); the worker calls this on the views' schedule (src/worker/views.ts).
 *
 * p_g is a kernel density estimate of G's samples (kde.ts) and is therefore p_g seen through a
 * Gaussian kernel of width h. p_data is taken exactly, seen through the same kernel (the dataset's
 * density with smoothing h, a closed form): compared with the raw p_data (σ = 0.02 on the ring) the
 * estimate would be many times flatter, and D* would read "real" on every mode and JS near log 2
 * even for a perfect G. With both smoothed alike, p_g = p_data gives D* = ½ and JS = 0.
 *
 * h is chosen once per run from the real points (theoryBandwidth), not by Scott's rule on the fakes:
 * Scott's rule assumes one Gaussian and gives h ≈ 0.5 on the ring (25 times its modes' σ), at which
 * a G spread evenly round the ring and one on the eight modes look alike (JS 0.005 against 0.002,
 * measured on 512 points; with theoryBandwidth 0.35 against 0.006). A fixed h also keeps the JS
 * chart's points comparable across the run.
 */
import type { Density } from '../data/dataset.ts';
import type { Rng } from '../rng.ts';
import { transport } from './assignment.ts';
import { crossValidatedBandwidth, kdeAt, kdeOnGrid, scottBandwidth } from './kde.ts';
import { largestSlope, type Probes } from './lipschitz.ts';
import { jensenShannon, optimalDiscriminator, valueOfGame } from './optimal.ts';

/** Samples of each distribution in the Monte Carlo estimate of JS (256 + 256 kernel sums over 512 fakes). */
export const JS_SAMPLES = 256;
/**
 * D* is drawn only where the view's 512 real and 512 generated points would put at least one sample
 * in 64 cells: (p_data + p_g)/2 · cell area · 1024 ≥ 1/64. Beyond that both densities are kernel
 * tails several σ out, whose ratio says which sample happens to be nearest rather than what a
 * discriminator could learn (no sample lands there); painted, they coloured the whole plane. A
 * generator's fakes scattered over the whole view (1 in 8 cells) are still drawn.
 */
export const MASS_SAMPLES = 1024;
export const MIN_CELL_COUNT = 1 / 64;
/** Real points and fakes matched in the transport view. */
export const TRANSPORT_POINTS = 64;

export interface TransportView {
  /** [TRANSPORT_POINTS × 2] the real points and the fakes matched. */
  real: Float32Array<ArrayBuffer>;
  fake: Float32Array<ArrayBuffer>;
  /** Real point i goes to fake assignment[i]. */
  assignment: Int32Array<ArrayBuffer>;
  /** The matching's mean distance: W₁ between the two point sets. */
  meanCost: number;
  /** The critic's E[D(x)] − E[D(G(z))] on the same points, the W estimate the charts draw for the training batch. */
  criticGap?: number;
}

export interface TheoryView {
  /** The kernel's width h (theoryBandwidth). */
  bandwidth: number;
  /** D*(x) on the plane's grid, [resolution²], as the plane's `discriminator`; NaN where neither distribution has mass (MIN_CELL_COUNT). */
  optimal: Float32Array<ArrayBuffer>;
  /** JS(p_data ‖ p_g) in nats, 0 … log 2. */
  jensenShannon: number;
  /** V(D, G) on the view's batch, where D is a probability that judges a point alone. */
  value?: number;
  /** The critic's largest measured slope, for a Wasserstein critic that judges a point alone. */
  lipschitz?: number;
  /** For a Wasserstein objective: the optimal matching of real points with fakes. */
  transport?: TransportView;
}

export interface TheoryInput {
  density: Density;
  /** The plane's square and grid: gridPoints(radius, resolution) of src/gan/plane.ts, [resolution² × 2]. */
  radius: number;
  resolution: number;
  grid: ArrayLike<number>;
  /** [n × 2] the view's real points and G's fakes. */
  real: ArrayLike<number>;
  fake: ArrayLike<number>;
  /** The kernel's width h for both densities (theoryBandwidth). */
  bandwidth: number;
  /** The jitter stream of the JS estimate. */
  rng: Rng;
  /** D's raw outputs where it judges a point alone (absent for a CGAN's D, which needs a label): at `real` and at `fake`. */
  scores?: { real: ArrayLike<number>; fake: ArrayLike<number> };
  /** How to read the scores: logits of a probability (V is defined), or a critic's values. */
  output: 'logit' | 'score';
  /** Whether the objective's critic estimates the Wasserstein distance (the module's `distance`). */
  wasserstein: boolean;
  /** The Lipschitz probes and the critic's values at them, for a Wasserstein critic. */
  lipschitz?: { probes: Probes; values: ArrayLike<number> };
}

/**
 * The kernel's width for a run: likelihood cross-validation on the real points (kde.ts), between one
 * cell of the plane's grid and Scott's rule for the same points (wider only blurs more). Finer than a
 * cell, D* would be specks under the points and the JS estimate would rest on a handful of kernels;
 * at one cell, 512 fakes spread evenly round the ring (the modes' circle, not the modes) still read
 * JS ≈ 0.35 and a G on the modes 0.006 (Scott's h ≈ 0.5: 0.010 and 0.002). Measured: ring 0.094,
 * grid 0.17, line 0.063 (each its floor, one cell) and the Gaussian 0.15 (Scott's 0.18).
 */
export function theoryBandwidth(real: ArrayLike<number>, radius: number, resolution: number): number {
  const cell = (2 * radius) / resolution;
  return crossValidatedBandwidth(real, cell, Math.max(cell, scottBandwidth(real)));
}

/** The first n points of `points` ([≥ n × 2]), each moved by N(0, h²·I): samples of the density seen through the kernel. */
function jittered(points: ArrayLike<number>, n: number, h: number, rng: Rng): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) out[i] = points[i] + h * rng.normal();
  return out;
}

function densityAt(density: Density, points: ArrayLike<number>, h: number): Float64Array {
  const out = new Float64Array(points.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = density(points[2 * i], points[2 * i + 1], h);
  return out;
}

function mean(values: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum / n;
}

export function computeTheory(input: TheoryInput): TheoryView {
  const { density, radius, resolution, grid, real, fake, rng, scores } = input;
  const h = input.bandwidth;
  const pData = densityAt(density, grid, h);
  const pG = kdeOnGrid(fake, h, radius, resolution);
  const optimal = optimalDiscriminator(pData, pG);
  const cellMass = ((2 * radius) / resolution) ** 2 * MASS_SAMPLES;
  for (let i = 0; i < optimal.length; i++)
    if (((pData[i] + pG[i]) / 2) * cellMass < MIN_CELL_COUNT) optimal[i] = Number.NaN;
  const js = Math.min(JS_SAMPLES, real.length / 2, fake.length / 2);
  const fromData = jittered(real, js, h, rng);
  const fromG = jittered(fake, js, h, rng);
  const jensen = jensenShannon(
    { p: densityAt(density, fromData, h), q: kdeAt(fake, h, fromData) },
    { p: densityAt(density, fromG, h), q: kdeAt(fake, h, fromG) },
  );
  const view: TheoryView = { bandwidth: h, optimal, jensenShannon: jensen };
  if (scores && input.output === 'logit') view.value = valueOfGame(scores.real, scores.fake);
  if (!input.wasserstein) return view;
  if (input.lipschitz)
    view.lipschitz = largestSlope(input.lipschitz.probes.points, input.lipschitz.values, input.lipschitz.probes.pairs);
  const n = Math.min(TRANSPORT_POINTS, real.length / 2, fake.length / 2);
  const plan = transport(real, fake, n);
  view.transport = {
    real: Float32Array.from({ length: 2 * n }, (_, i) => real[i]),
    fake: Float32Array.from({ length: 2 * n }, (_, i) => fake[i]),
    ...plan,
    criticGap: scores ? mean(scores.real, n) - mean(scores.fake, n) : undefined,
  };
  return view;
}

/** One moment of the theory charts: a TheoryView's numbers, NaN where the run does not measure one. */
export interface TheoryPoint {
  iteration: number;
  jensenShannon: number;
  value: number;
  lipschitz: number;
}

export function theoryPoint(iteration: number, view: TheoryView): TheoryPoint {
  return {
    iteration,
    jensenShannon: view.jensenShannon,
    value: view.value ?? Number.NaN,
    lipschitz: view.lipschitz ?? Number.NaN,
  };
}
