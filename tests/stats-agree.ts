import { expect } from 'vitest';
import { STAT_FIELDS, type StatPoint } from '../src/gan/stats.ts';

/**
 * Two runs of one model on two backends record the same iterations: every stat that has a value
 * agrees to 1e-3 of its size (float32 arithmetic in another order). Shared by the unit and browser
 * tests that put a backend beside another.
 */
export function expectSameStats(got: readonly StatPoint[], expected: readonly StatPoint[], label: string): void {
  expect(
    got.map((p) => p.iteration),
    label,
  ).toEqual(expected.map((p) => p.iteration));
  got.forEach((point, i) => {
    for (const field of STAT_FIELDS) {
      const [value, reference] = [point[field], expected[i][field]];
      if (reference === null || Number.isNaN(reference)) continue;
      expect(Math.abs(value - reference), `${label}: ${field} at ${point.iteration}`).toBeLessThanOrEqual(
        1e-3 * Math.max(1, Math.abs(reference)),
      );
    }
  });
}
