import { describe, expect, test } from 'vitest';
import { DATASET_MODULES } from '../../src/gan/data/modules.ts';
import { gridPoints } from '../../src/gan/plane.ts';
import { createRng } from '../../src/gan/rng.ts';
import { optimalAssignment, transport } from '../../src/gan/theory/assignment.ts';
import { erfc, mixtureDensity, normalMass, segmentDensity } from '../../src/gan/theory/densities.ts';
import { crossValidatedBandwidth, kdeAt, kdeOnGrid, scottBandwidth } from '../../src/gan/theory/kde.ts';
import { largestSlope, lipschitzProbes } from '../../src/gan/theory/lipschitz.ts';
import {
  EQUILIBRIUM_VALUE,
  JS_BOUND,
  jensenShannon,
  optimalDiscriminator,
  valueOfGame,
} from '../../src/gan/theory/optimal.ts';
import { computeTheory, theoryBandwidth } from '../../src/gan/theory/theory.ts';

const normal2 = (x: number, y: number, mx: number, my: number, s: number) =>
  Math.exp(-((x - mx) ** 2 + (y - my) ** 2) / (2 * s * s)) / (2 * Math.PI * s * s);

/** n points of N(mean, s²·I), seeded. */
function gaussianPoints(n: number, mx: number, my: number, s: number, seed: number): Float32Array {
  const rng = createRng(seed, 'theory-test');
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = mx + s * rng.normal();
    out[2 * i + 1] = my + s * rng.normal();
  }
  return out;
}

/** ∫∫ f over [−r, r]² by the midpoint rule on k × k cells. */
function integrate(f: (x: number, y: number) => number, r: number, k: number): number {
  const cell = (2 * r) / k;
  let sum = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sum += f(-r + (i + 0.5) * cell, -r + (j + 0.5) * cell);
  return sum * cell * cell;
}

describe('densities', () => {
  test('erfc matches known values; the normal mass of ±1.96 is 95%', () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 7);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 5); // relative in the far tail
    expect(normalMass(-1.959964, 1.959964)).toBeCloseTo(0.95, 6);
    expect(normalMass(8, 9) / (normalMass(-9, -8) || 1)).toBeCloseTo(1, 6);
  });

  test('each known density integrates to 1, smoothed or not, and the mixture is the average of its Gaussians', () => {
    for (const id of ['ring', 'grid', 'line', 'gaussian'] as const) {
      const density = DATASET_MODULES[id].density!;
      for (const smoothing of [0.1, 0.4])
        expect(integrate((x, y) => density(x, y, smoothing), 7, 280)).toBeCloseTo(1, 3);
    }
    const p = mixtureDensity({
      centres: [
        [1, 0],
        [-1, 0],
      ],
      sigma: 0.3,
    });
    const expected = 0.5 * normal2(0.2, 0.1, 1, 0, 0.5) + 0.5 * normal2(0.2, 0.1, -1, 0, 0.5);
    expect(p(0.2, 0.1, 0.4)).toBeCloseTo(expected, 12); // 0.3² + 0.4² = 0.5²
  });

  test("the line's density is its sampler's: a histogram of 200,000 samples agrees with it", () => {
    const density = segmentDensity([-1.5, -1], [1.5, 1], 0.2);
    const rng = createRng(1, 'line-density');
    const n = 200_000;
    let inside = 0; // samples in a box around (0.75, 0.5), on the segment
    for (let i = 0; i < n; i++) {
      const t = 2 * rng.next() - 1;
      const x = 1.5 * t + 0.2 * rng.normal();
      const y = t + 0.2 * rng.normal();
      if (Math.abs(x - 0.75) < 0.1 && Math.abs(y - 0.5) < 0.1) inside++;
    }
    const mass = integrate((x, y) => density(x + 0.75, y + 0.5), 0.1, 40);
    expect(inside / n).toBeCloseTo(mass, 3);
    // Across the segment, at its middle, the density is N(d; 0, σ²)/L.
    const length = Math.hypot(3, 2);
    expect(density(0, 0)).toBeCloseTo(1 / (Math.sqrt(2 * Math.PI) * 0.2 * length), 3);
  });

  test('every 2D set whose density is known says so; the others do not pretend', () => {
    const known = Object.values(DATASET_MODULES)
      .filter((module) => module.density)
      .map((module) => module.id);
    expect(known.sort()).toEqual(['gaussian', 'grid', 'line', 'ring']);
  });
});

describe('kernel density estimate', () => {
  test("Scott's rule: h = n^(−1/6)·s for 2D samples", () => {
    const points = gaussianPoints(4096, 0, 0, 2, 3);
    expect(scottBandwidth(points)).toBeCloseTo(2 * 4096 ** (-1 / 6), 1);
  });

  test('cross-validation follows the data: near Scott’s rule for one Gaussian, near the modes’ σ for tight modes', () => {
    const one = gaussianPoints(256, 0, 0, 1, 20);
    const h = crossValidatedBandwidth(one, 0.01, 2);
    expect(h / scottBandwidth(one)).toBeGreaterThan(0.6);
    expect(h / scottBandwidth(one)).toBeLessThan(1.5);
    // Two modes of σ 0.05 four apart: Scott's rule sees one wide blob, cross-validation the modes.
    const two = gaussianPoints(256, -2, 0, 0.05, 21).map((v, i) => (i % 4 < 2 ? v : i % 2 === 0 ? v + 4 : v));
    expect(scottBandwidth(two)).toBeGreaterThan(0.5);
    expect(crossValidatedBandwidth(two, 0.005, scottBandwidth(two))).toBeLessThan(0.06);
    // The bounds hold.
    expect(crossValidatedBandwidth(two, 0.2, 1)).toBe(0.2);
  });

  test('the run’s bandwidth is at least a cell of the plane and at most Scott’s rule', () => {
    const ring = DATASET_MODULES.ring.create({}).sample(512, createRng(22, 'real')).x;
    expect(theoryBandwidth(ring, 3, 64)).toBeCloseTo(6 / 64, 9);
    const wide = gaussianPoints(512, 0, 0, 0.5, 23);
    const h = theoryBandwidth(wide, 2.5, 64);
    expect(h).toBeGreaterThan(5 / 64);
    expect(h).toBeLessThanOrEqual(scottBandwidth(wide));
  });

  test('leaving out kernels past their reach: the full sum agrees to 1e−6 wherever a cell holds 1e−6 of the peak', () => {
    const samples = gaussianPoints(300, 0.4, -0.1, 0.8, 24);
    for (const h of [0.05, 0.2]) {
      const grid = gridPoints(3, 48);
      const truncated = kdeOnGrid(samples, h, 3, 48);
      const pointwise = kdeAt(samples, h, grid);
      const full = Float64Array.from({ length: grid.length / 2 }, (_, j) => {
        let sum = 0;
        for (let i = 0; i < 300; i++)
          sum += normal2(grid[2 * j], grid[2 * j + 1], samples[2 * i], samples[2 * i + 1], h) / 300;
        return sum;
      });
      const peak = Math.max(...full);
      for (let j = 0; j < full.length; j++) {
        if (full[j] < 1e-6 * peak) continue;
        expect(Math.abs(truncated[j] / full[j] - 1)).toBeLessThan(1e-6);
        expect(Math.abs(pointwise[j] / full[j] - 1)).toBeLessThan(1e-6);
      }
    }
  });

  test('the grid version equals the pointwise one at the grid points', () => {
    const samples = gaussianPoints(50, 0.3, -0.2, 0.7, 4);
    const grid = kdeOnGrid(samples, 0.3, 2, 16);
    const direct = kdeAt(samples, 0.3, gridPoints(2, 16));
    for (let k = 0; k < grid.length; k++) expect(grid[k]).toBeCloseTo(direct[k], 12);
  });

  test('from many samples of N(μ, s²) it approaches N(μ, s² + h²)', () => {
    const samples = gaussianPoints(20_000, 0.5, 0, 0.6, 5);
    const at = kdeAt(samples, 0.3, [0.5, 0, 1.2, 0.4]);
    const s = Math.hypot(0.6, 0.3);
    expect(at[0] / normal2(0.5, 0, 0.5, 0, s)).toBeCloseTo(1, 1);
    expect(at[1] / normal2(1.2, 0.4, 0.5, 0, s)).toBeCloseTo(1, 1);
  });
});

describe('the optimal discriminator, JS and V(D, G)', () => {
  test('D* of two Gaussians with equal variance is σ of a linear function: its closed form', () => {
    // p = N((1, 0), s²), q = N((−1, 0), s²): log p/q = 2x / s², so D*(x) = σ(2x / s²).
    const s = 0.8;
    const points = gridPoints(3, 12);
    const m = points.length / 2;
    const p = Float64Array.from({ length: m }, (_, i) => normal2(points[2 * i], points[2 * i + 1], 1, 0, s));
    const q = Float64Array.from({ length: m }, (_, i) => normal2(points[2 * i], points[2 * i + 1], -1, 0, s));
    const d = optimalDiscriminator(p, q);
    for (let i = 0; i < m; i++) expect(d[i]).toBeCloseTo(1 / (1 + Math.exp((-2 * points[2 * i]) / (s * s))), 6);
  });

  test('D* = ½ everywhere when p_g = p_data', () => {
    const p = [0.1, 2, 1e-30, 0];
    expect(Array.from(optimalDiscriminator(p, p))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  test('JS of identical distributions is 0; of disjoint ones, log 2', () => {
    const same = { p: [0.2, 1, 3], q: [0.2, 1, 3] };
    expect(jensenShannon(same, same)).toBe(0);
    expect(jensenShannon({ p: [0.5, 1], q: [0, 0] }, { p: [0, 0], q: [2, 0.1] })).toBeCloseTo(JS_BOUND, 12);
  });

  test('JS of two Gaussians by Monte Carlo agrees with numeric integration', () => {
    const p = (x: number, y: number) => normal2(x, y, 0.5, 0, 0.5);
    const q = (x: number, y: number) => normal2(x, y, -0.5, 0.2, 0.7);
    const integrand = (x: number, y: number) => {
      const a = p(x, y);
      const b = q(x, y);
      const m = (a + b) / 2;
      return (a > 0 ? 0.5 * a * Math.log(a / m) : 0) + (b > 0 ? 0.5 * b * Math.log(b / m) : 0);
    };
    const exact = integrate(integrand, 5, 500);
    const fromP = gaussianPoints(40_000, 0.5, 0, 0.5, 6);
    const fromQ = gaussianPoints(40_000, -0.5, 0.2, 0.7, 7);
    const at = (points: Float32Array) => ({
      p: Float64Array.from({ length: points.length / 2 }, (_, i) => p(points[2 * i], points[2 * i + 1])),
      q: Float64Array.from({ length: points.length / 2 }, (_, i) => q(points[2 * i], points[2 * i + 1])),
    });
    expect(exact).toBeGreaterThan(0.1);
    expect(jensenShannon(at(fromP), at(fromQ))).toBeCloseTo(exact, 2);
  });

  test('V(D*, G) with p_g = p_data is −log 4; otherwise −log 4 + 2·JS', () => {
    // D* = ½ is the logit 0.
    expect(valueOfGame([0, 0, 0], [0, 0])).toBeCloseTo(EQUILIBRIUM_VALUE, 12);
    // Two Gaussians: D* = σ(logit), logit = log p/q, on samples of each; V(D*) = −log 4 + 2·JS.
    const p = (x: number, y: number) => normal2(x, y, 0.4, 0, 0.5);
    const q = (x: number, y: number) => normal2(x, y, -0.4, 0, 0.5);
    const fromP = gaussianPoints(40_000, 0.4, 0, 0.5, 8);
    const fromQ = gaussianPoints(40_000, -0.4, 0, 0.5, 9);
    const logits = (points: Float32Array) =>
      Float64Array.from({ length: points.length / 2 }, (_, i) =>
        Math.log(p(points[2 * i], points[2 * i + 1]) / q(points[2 * i], points[2 * i + 1])),
      );
    const at = (points: Float32Array) => ({
      p: Float64Array.from({ length: points.length / 2 }, (_, i) => p(points[2 * i], points[2 * i + 1])),
      q: Float64Array.from({ length: points.length / 2 }, (_, i) => q(points[2 * i], points[2 * i + 1])),
    });
    const js = jensenShannon(at(fromP), at(fromQ));
    expect(valueOfGame(logits(fromP), logits(fromQ))).toBeCloseTo(EQUILIBRIUM_VALUE + 2 * js, 10);
    expect(js).toBeGreaterThan(0.05);
  });

  test('V(D, G) stays finite for a D that is sure (logits of ±100)', () => {
    expect(valueOfGame([100], [-100])).toBeCloseTo(0, 12);
    expect(valueOfGame([-100], [100])).toBeCloseTo(-200, 6);
  });
});

describe('Lipschitz constant', () => {
  test('of a linear function f(x) = w·x + b it is |w|, from the sampled pairs and lines', () => {
    const w = [0.6, -1.7];
    const real = gaussianPoints(128, 1, 0, 1, 10);
    const fake = gaussianPoints(128, -1, 0.5, 1, 11);
    const { points, pairs } = lipschitzProbes(real, fake, createRng(12, 'probes'));
    const values = Float64Array.from(
      { length: points.length / 2 },
      (_, i) => w[0] * points[2 * i] + w[1] * points[2 * i + 1] + 3,
    );
    const slope = largestSlope(points, values, pairs);
    expect(slope).toBeLessThanOrEqual(Math.hypot(w[0], w[1]) + 1e-6);
    expect(slope).toBeGreaterThan(0.999 * Math.hypot(w[0], w[1]));
  });

  test('of |x| along the lines it finds the slope 1 even where random pairs straddle the kink', () => {
    const real = Float32Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 1 + i / 64 : 0));
    const fake = Float32Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? -1 - i / 64 : 0));
    const { points, pairs } = lipschitzProbes(real, fake, createRng(13, 'probes'));
    const values = Float64Array.from({ length: points.length / 2 }, (_, i) => Math.abs(points[2 * i]));
    expect(largestSlope(points, values, pairs)).toBeCloseTo(1, 9);
  });
});

describe('optimal assignment', () => {
  /** The least total cost over all n! permutations. */
  function bruteForce(cost: Float64Array, n: number): number {
    let best = Infinity;
    const permute = (row: number, used: boolean[], total: number) => {
      if (total >= best) return;
      if (row === n) {
        best = total;
        return;
      }
      for (let j = 0; j < n; j++) {
        if (used[j]) continue;
        used[j] = true;
        permute(row + 1, used, total + cost[row * n + j]);
        used[j] = false;
      }
    };
    permute(0, Array(n).fill(false), 0);
    return best;
  }

  test('matches brute force over every permutation for n ≤ 7, and is a permutation', () => {
    const rng = createRng(14, 'assignment');
    for (let n = 1; n <= 7; n++) {
      for (let trial = 0; trial < 20; trial++) {
        const cost = Float64Array.from({ length: n * n }, () => rng.next() * 10);
        const assignment = optimalAssignment(cost, n);
        expect(new Set(assignment).size).toBe(n);
        const total = Array.from(assignment).reduce((sum, j, i) => sum + cost[i * n + j], 0);
        expect(total).toBeCloseTo(bruteForce(cost, n), 9);
      }
    }
  });

  test('a shifted copy is matched point to point at the length of the shift', () => {
    const real = gaussianPoints(64, 0, 0, 1, 15);
    const fake = real.map((v, i) => v + (i % 2 === 0 ? 0.3 : -0.4));
    // Shuffled, so the matching has to find the copies.
    const order = Array.from({ length: 64 }, (_, i) => (i * 37) % 64);
    const shuffled = new Float32Array(128);
    order.forEach((from, to) => shuffled.set(fake.subarray(2 * from, 2 * from + 2), 2 * to));
    const plan = transport(real, shuffled, 64);
    expect(plan.meanCost).toBeCloseTo(0.5, 5);
    for (let i = 0; i < 64; i++) expect(order[plan.assignment[i]]).toBe(i);
  });
});

describe('computeTheory', () => {
  const ring = DATASET_MODULES.ring;
  const radius = 3;
  const resolution = 32;
  const grid = gridPoints(radius, resolution);
  const real = ring.create({}).sample(512, createRng(1, 'real')).x;

  test('G = the data: D* is near ½ where the data is, JS near 0', () => {
    const fake = ring.create({}).sample(512, createRng(2, 'fake')).x;
    const view = computeTheory({
      density: ring.density!,
      bandwidth: theoryBandwidth(real, radius, resolution),
      radius,
      resolution,
      grid,
      real,
      fake,
      rng: createRng(3, 'theory'),
      output: 'logit',
      wasserstein: false,
    });
    expect(view.jensenShannon).toBeLessThan(0.02);
    // At the cells of the modes' centres, where both densities have their mass.
    const cell = (x: number, y: number) =>
      Math.floor(((radius - y) / (2 * radius)) * resolution) * resolution +
      Math.floor(((x + radius) / (2 * radius)) * resolution);
    for (let k = 0; k < 8; k++) {
      const a = (2 * Math.PI * k) / 8;
      expect(Math.abs(view.optimal[cell(2 * Math.cos(a), 2 * Math.sin(a))] - 0.5)).toBeLessThan(0.1);
    }
    // Far from the ring (a corner cell) no sample lands: D* is left undrawn.
    expect(Number.isNaN(view.optimal[0])).toBe(true);
    expect(view.value).toBeUndefined(); // no D was given
    expect(view.transport).toBeUndefined();
  });

  test('G spread evenly round the ring: JS well above 0 at the run’s bandwidth, though Scott’s rule would see no difference', () => {
    const spread = new Float32Array(1024);
    const rng = createRng(5, 'spread');
    for (let i = 0; i < 512; i++) {
      const angle = 2 * Math.PI * rng.next();
      spread[2 * i] = 2 * Math.cos(angle) + 0.02 * rng.normal();
      spread[2 * i + 1] = 2 * Math.sin(angle) + 0.02 * rng.normal();
    }
    const js = (bandwidth: number) =>
      computeTheory({
        density: ring.density!,
        bandwidth,
        radius,
        resolution,
        grid,
        real,
        fake: spread,
        rng: createRng(3, 'theory'),
        output: 'logit',
        wasserstein: false,
      }).jensenShannon;
    // The live view's bandwidth (its 64 × 64 grid; this test's grid is coarser).
    expect(js(theoryBandwidth(real, radius, 64))).toBeGreaterThan(0.2);
    expect(js(scottBandwidth(spread))).toBeLessThan(0.05);
  });

  test('G collapsed onto one mode: D* near 1 on the other seven, JS well above 0; V from the logits; transport for a critic', () => {
    const fake = gaussianPoints(512, 2, 0, 0.02, 4);
    const view = computeTheory({
      density: ring.density!,
      bandwidth: theoryBandwidth(real, radius, resolution),
      radius,
      resolution,
      grid,
      real,
      fake,
      rng: createRng(3, 'theory'),
      scores: { real: new Float32Array(512), fake: new Float32Array(512).fill(-1) },
      output: 'score',
      wasserstein: true,
    });
    expect(view.jensenShannon).toBeGreaterThan(0.4);
    expect(view.jensenShannon).toBeLessThan(JS_BOUND + 0.01);
    expect(view.value).toBeUndefined(); // a critic's score is not a probability
    expect(view.transport?.criticGap).toBeCloseTo(1, 6);
    // Seven of eight real points travel to the mode at (2, 0): a mean distance well above 1.
    expect(view.transport!.meanCost).toBeGreaterThan(1.5);
  });
});
