import { describe, expect, test } from 'vitest';
import { customPoints, grid, line, moons, ring, spiral } from '../../src/gan/data/toy2d.ts';
import { klToUniform, modeMetrics } from '../../src/gan/metrics/modes.ts';
import { createRng } from '../../src/gan/rng.ts';

describe('toy datasets', () => {
  test('ring mode k sits at angle 2πk/K, radius 2, all K distinct', () => {
    const { modes } = ring();
    expect(modes?.centres).toHaveLength(8);
    modes?.centres.forEach(([x, y], k) => {
      expect(Math.hypot(x, y)).toBeCloseTo(2, 9);
      expect(Math.atan2(y, x)).toBeCloseTo(Math.atan2(Math.sin((2 * Math.PI * k) / 8), Math.cos((2 * Math.PI * k) / 8)), 9);
    });
    expect(modes?.sigma).toBe(0.02);
  });

  test('grid has 25 modes on {−4..4}², σ 0.05', () => {
    expect(grid().modes?.centres).toHaveLength(25);
    expect(grid().modes?.sigma).toBe(0.05);
  });

  // For a 2D Gaussian P(r ≤ 3σ) = 1 − e^(−9/2) ≈ 0.989: real data sits at that %HQ, not at 100%.
  test('samples of real data are ~98.9% high quality and cover every mode', () => {
    for (const dataset of [ring(), grid()]) {
      const { x } = dataset.sample(2500, createRng(3, 'data'));
      const metrics = modeMetrics(x, 2, dataset.modes!);
      expect(metrics.highQuality).toBeGreaterThan(0.98);
      expect(metrics.modesCovered).toBe(dataset.modes!.centres.length);
      expect(metrics.klUniform).toBeLessThan(0.02);
    }
  });

  test('unlabelled sets draw finite points of the right size', () => {
    for (const dataset of [spiral(), moons(), line()]) {
      const { x } = dataset.sample(100, createRng(1));
      expect(x).toHaveLength(200);
      expect(Array.from(x).every(Number.isFinite)).toBe(true);
    }
  });

  test('a drawn point set samples near its points and refuses bad input', () => {
    const dataset = customPoints([[1, 1], [-1, 0]]);
    const { x } = dataset.sample(50, createRng(2));
    for (let i = 0; i < 50; i++) {
      const d = Math.min(Math.hypot(x[2 * i] - 1, x[2 * i + 1] - 1), Math.hypot(x[2 * i] + 1, x[2 * i + 1]));
      expect(d).toBeLessThan(0.2);
    }
    expect(() => customPoints([])).toThrow(/at least one point/);
    expect(() => customPoints([[Number.NaN, 0]])).toThrow(/finite/);
  });
});

describe('mode metrics', () => {
  test('collapse onto m of K equal modes gives KL = ln(K/m)', () => {
    expect(klToUniform([10, 10, 10, 0, 0, 0, 0, 0])).toBeCloseTo(Math.log(8 / 3), 9);
    expect(klToUniform([5, 5, 5, 5])).toBeCloseTo(0, 9);
  });

  test('samples far from every mode are not high quality and cover nothing', () => {
    const points = new Float32Array(2500 * 2).fill(0); // all at the origin, 2 away from every ring mode
    const metrics = modeMetrics(points, 2, ring().modes!);
    expect(metrics).toMatchObject({ modesCovered: 0, highQuality: 0, modesTotal: 8 });
  });

  test('a mode needs 20% of its fair share of the high-quality samples (and 5 of them) to count as covered', () => {
    const { centres } = ring().modes!;
    const n = 2500;
    const place = (modeOf: (i: number) => number) => {
      const points = new Float32Array(n * 2).fill(0); // the origin is 2 away from every mode: not HQ
      for (let i = 0; i < n; i++) {
        const k = modeOf(i);
        if (k >= 0) [points[2 * i], points[2 * i + 1]] = centres[k];
      }
      return modeMetrics(points, 2, ring().modes!).modesCovered;
    };
    // 2450 HQ samples on mode 0, 50 on mode 1: 50 < 20% × 2500/8 = 62.5, so mode 1 is not covered.
    expect(place((i) => (i < 50 ? 1 : 0))).toBe(1);
    // 400 HQ samples spread evenly over all 8 modes (16% HQ): every mode holds its fair share.
    expect(place((i) => (i < 400 ? i % 8 : -1))).toBe(8);
    // 4 HQ samples on each of 8 modes: too few to be coverage.
    expect(place((i) => (i < 32 ? i % 8 : -1))).toBe(0);
  });
});

describe('seeded randomness', () => {
  test('the same seed and stream repeat; different streams differ', () => {
    const a = createRng(7, 'noise').fillNormal(new Float32Array(5));
    const b = createRng(7, 'noise').fillNormal(new Float32Array(5));
    const c = createRng(7, 'data').fillNormal(new Float32Array(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  test('normal draws have mean ≈ 0 and variance ≈ 1', () => {
    const xs = createRng(11).fillNormal(new Float32Array(20000));
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
  });
});
