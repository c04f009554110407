import { describe, expect, test } from 'vitest';
import { interpolationPath, lerp, meanLatent, norm, seededLatents, slerp, weightedSum } from '../../src/gan/latent.ts';

const vector = (...values: number[]) => Float32Array.from(values);

describe('interpolation', () => {
  const a = seededLatents(1, 0, 1, 32, 'gaussian');
  const b = seededLatents(2, 0, 1, 32, 'gaussian');

  test('lerp and slerp return the endpoints exactly at t = 0 and t = 1', () => {
    for (const f of [lerp, slerp]) {
      expect(Array.from(f(a, b, 0))).toEqual(Array.from(a));
      expect(Array.from(f(a, b, 1))).toEqual(Array.from(b));
    }
  });

  test('slerp keeps the norm between equal-norm endpoints; lerp shrinks it', () => {
    const scaled = b.map((x) => (x * norm(a)) / norm(b));
    for (const t of [0.1, 0.25, 0.5, 0.8]) expect(norm(slerp(a, scaled, t))).toBeCloseTo(norm(a), 4);
    // Two near-orthogonal Gaussian latents: the straight midpoint has norm ≈ ‖a‖/√2.
    expect(norm(lerp(a, scaled, 0.5))).toBeLessThan(0.85 * norm(a));
  });

  test('slerp follows the great circle: a quarter turn between orthogonal unit vectors', () => {
    const halfway = slerp(vector(1, 0), vector(0, 1), 0.5);
    expect(halfway[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(halfway[1]).toBeCloseTo(Math.SQRT1_2, 6);
    // Parallel endpoints have no circle: slerp falls back to the straight line.
    expect(Array.from(slerp(vector(1, 0), vector(2, 0), 0.5))).toEqual([1.5, 0]);
  });

  test('a path of n steps starts and ends at the endpoints and is evenly spaced (lerp)', () => {
    const path = interpolationPath('linear', vector(0, 0), vector(4, -8), 5);
    expect(Array.from(path)).toEqual([0, 0, 1, -2, 2, -4, 3, -6, 4, -8]);
    expect(() => interpolationPath('slerp', a, b, 1)).toThrow(/steps/);
    expect(() => lerp(a, vector(1), 0.5)).toThrow(/sizes/);
  });
});

describe('arithmetic', () => {
  test('A − B + C as weights [1, −1, 1], and the weights scale each term', () => {
    const [A, B, C] = [vector(1, 2), vector(3, 5), vector(-1, 4)];
    expect(Array.from(weightedSum([A, B, C], [1, -1, 1]))).toEqual([-3, 1]);
    expect(Array.from(weightedSum([A, B, C], [2, 0, -0.5]))).toEqual([2.5, 2]);
    expect(() => weightedSum([A, B], [1])).toThrow();
  });

  test('a slot holding several latents uses their mean', () => {
    expect(Array.from(meanLatent([vector(1, 2), vector(3, 4), vector(5, 0)]))).toEqual([3, 2]);
    expect(() => meanLatent([])).toThrow();
  });
});

describe('seeded sampling', () => {
  test('the same seed and draw give the same latents; another seed or draw gives others', () => {
    const first = seededLatents(7, 0, 4, 16, 'gaussian');
    expect(Array.from(seededLatents(7, 0, 4, 16, 'gaussian'))).toEqual(Array.from(first));
    expect(Array.from(seededLatents(8, 0, 4, 16, 'gaussian'))).not.toEqual(Array.from(first));
    expect(Array.from(seededLatents(7, 1, 4, 16, 'gaussian'))).not.toEqual(Array.from(first));
  });

  test('Gaussian latents have mean ≈ 0 and variance ≈ 1; uniform ones stay in (−1, 1)', () => {
    const z = seededLatents(3, 0, 500, 20, 'gaussian');
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const variance = z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const u = seededLatents(3, 0, 500, 20, 'uniform');
    expect(u.every((x) => x >= -1 && x < 1)).toBe(true);
  });
});
