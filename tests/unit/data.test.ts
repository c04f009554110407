import { describe, expect, test } from 'vitest';
import { customPoints } from '../../src/gan/data/toy2d.ts';
import { checkerboard } from '../../src/gan/data/sets/checkerboard.ts';
import { grid } from '../../src/gan/data/sets/grid.ts';
import { line } from '../../src/gan/data/sets/line.ts';
import { moons } from '../../src/gan/data/sets/moons.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { spiral } from '../../src/gan/data/sets/spiral.ts';
import { klToUniform, modeMetrics } from '../../src/gan/metrics/modes.ts';
import { createRng } from '../../src/gan/rng.ts';

describe('toy datasets', () => {
  test('ring mode k sits at angle 2πk/K, radius 2, all K distinct', () => {
    const { modes } = ring();
    expect(modes?.centres).toHaveLength(8);
    modes?.centres.forEach(([x, y], k) => {
      expect(Math.hypot(x, y)).toBeCloseTo(2, 9);
      expect(Math.atan2(y, x)).toBeCloseTo(
        Math.atan2(Math.sin((2 * Math.PI * k) / 8), Math.cos((2 * Math.PI * k) / 8)),
        9,
      );
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
    const dataset = customPoints([
      [1, 1],
      [-1, 0],
    ]);
    const { x } = dataset.sample(50, createRng(2));
    for (let i = 0; i < 50; i++) {
      const d = Math.min(Math.hypot(x[2 * i] - 1, x[2 * i + 1] - 1), Math.hypot(x[2 * i] + 1, x[2 * i + 1]));
      expect(d).toBeLessThan(0.2);
    }
    expect(() => customPoints([])).toThrow(/at least one point/);
    expect(() => customPoints([[Number.NaN, 0]])).toThrow(/finite/);
  });
});

describe('checkerboard', () => {
  /** The dark cell (i, j) of the 4×4 board on [−2, 2]² that a point lies in, or undefined for a light cell or outside. */
  const darkCell = (x: number, y: number) => {
    const [i, j] = [Math.floor(x + 2), Math.floor(y + 2)];
    return i >= 0 && i < 4 && j >= 0 && j < 4 && (i + j) % 2 === 0 ? [i, j] : undefined;
  };
  const n = 4000;

  test('every sample lies in a dark cell, the one its label names; all 8 cells, about equally often', () => {
    const dataset = checkerboard();
    const { x, labels } = dataset.sample(n, createRng(5, 'data'));
    expect(x).toHaveLength(2 * n);
    expect(labels).toHaveLength(n);
    const counts = new Array(8).fill(0);
    for (let k = 0; k < n; k++) {
      const cell = darkCell(x[2 * k], x[2 * k + 1]);
      expect(cell, `sample ${k} at (${x[2 * k]}, ${x[2 * k + 1]})`).toBeDefined();
      const [cx, cy] = dataset.modes!.centres[labels![k]];
      expect(cell).toEqual([cx + 1.5, cy + 1.5]);
      counts[labels![k]]++;
    }
    // Each cell 1/8 of 4,000 = 500; binomial σ ≈ 21, so 400–600 is about ±5σ.
    for (const count of counts) expect(Math.abs(count - n / 8)).toBeLessThan(100);
  });

  test('uniform inside a cell: each quarter of a cell holds about a quarter of its samples', () => {
    const { x } = checkerboard().sampleClass!(n, 3, createRng(6, 'data'));
    const quarters = [0, 0, 0, 0];
    const half = (v: number) => (v - Math.floor(v) < 0.5 ? 0 : 1); // which half of its unit cell
    for (let k = 0; k < n; k++) quarters[half(x[2 * k]) + 2 * half(x[2 * k + 1])]++;
    for (const count of quarters) expect(Math.abs(count - n / 4)).toBeLessThan(200); // σ ≈ 27
  });

  test('seeded: the same seed draws the same points, another seed others', () => {
    const draw = (seed: number) => Array.from(checkerboard().sample(50, createRng(seed, 'data')).x);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
  });

  test('its cells are its modes: real data is all high quality and covers all 8', () => {
    const dataset = checkerboard();
    const metrics = modeMetrics(dataset.sample(2500, createRng(3, 'data')).x, 2, dataset.modes!);
    expect(metrics.modesTotal).toBe(8);
    expect(metrics.modesCovered).toBe(8);
    expect(metrics.highQuality).toBe(1);
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

  /** 2500 samples, sample i at the centre of ring mode modeOf(i), or at the origin (2 from every mode: not HQ) for −1. */
  const place = (modeOf: (i: number) => number) => {
    const { centres } = ring().modes!;
    const points = new Float32Array(2500 * 2).fill(0);
    for (let i = 0; i < 2500; i++) {
      const k = modeOf(i);
      if (k >= 0) [points[2 * i], points[2 * i + 1]] = centres[k];
    }
    return modeMetrics(points, 2, ring().modes!);
  };

  test('a mode is covered with one high-quality sample, as in VEEGAN and Unrolled GAN', () => {
    // 2490 HQ samples on mode 0 and one on each of modes 1–7: the dominant mode does not raise the bar.
    expect(place((i) => (i < 7 ? i + 1 : i < 2497 ? 0 : -1)).modesCovered).toBe(8);
    expect(place((i) => (i < 3 ? i : -1)).modesCovered).toBe(3);
  });

  test('a mode is well covered with 20% of its fair share of the high-quality samples (and 5 of them)', () => {
    // 2450 HQ samples on mode 0, 50 on mode 1: 50 < 20% × 2500/8 = 62.5, so mode 1 is covered but not well.
    expect(place((i) => (i < 50 ? 1 : 0))).toMatchObject({ modesCovered: 2, wellCovered: 1 });
    // 400 HQ samples spread evenly over all 8 modes (16% HQ): every mode holds its fair share.
    expect(place((i) => (i < 400 ? i % 8 : -1))).toMatchObject({ modesCovered: 8, wellCovered: 8 });
    // 4 HQ samples on each of 8 modes: covered, but too few to be well covered.
    expect(place((i) => (i < 32 ? i % 8 : -1))).toMatchObject({ modesCovered: 8, wellCovered: 0 });
  });

  test('a sample is near a mode within a quarter of the closest two modes’ distance, beyond its 3σ', () => {
    const { centres, sigma } = ring().modes!;
    const points = new Float32Array(2500 * 2).fill(0); // the origin is 2 from every mode: not near
    for (let i = 0; i < 2000; i++) {
      const [x, y] = centres[i % 2 === 0 ? 0 : 3];
      [points[2 * i], points[2 * i + 1]] = [x + 5 * sigma, y]; // 5σ beside modes 0 and 3: not high quality
    }
    const metrics = modeMetrics(points, 2, ring().modes!);
    expect(metrics).toMatchObject({ highQuality: 0, modesCovered: 0, nearShare: 0.8 });
    expect(metrics.nearHistogram).toEqual([1000, 0, 0, 1000, 0, 0, 0, 0]);
    // The ring's closest modes are 2·2·sin(π/8) ≈ 1.53 apart: 0.38 is near, 0.39 is not.
    const at = (offset: number) =>
      modeMetrics(new Float32Array([centres[0][0] + offset, centres[0][1]]), 2, ring().modes!).nearShare;
    expect([at(0.38), at(0.39)]).toEqual([1, 0]);
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
