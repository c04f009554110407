import { describe, expect, test } from 'vitest';
import {
  decadeAxis,
  extent,
  fixedAxis,
  iterationAxis,
  niceAxis,
  niceStep,
  stableAxis,
} from '../../src/features/charts/axes.ts';

describe('chart axes that hold still while data streams', () => {
  test('nice steps are 1, 2 or 5 × 10^k', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0.3, 4)).toBeCloseTo(0.1);
    expect(niceStep(1234, 5)).toBe(500);
    expect(niceStep(0, 5)).toBe(1);
  });

  test('a nice axis covers the data with round ticks', () => {
    expect(niceAxis(0.13, 0.87)).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceAxis(-1.3, 2.2).ticks).toEqual([-2, -1, 0, 1, 2, 3]);
    const flat = niceAxis(0.5, 0.5);
    expect(flat.domain[0]).toBeLessThan(0.5);
    expect(flat.domain[1]).toBeGreaterThan(0.5);
    expect(niceAxis(0, 0).domain).toEqual([0, 1]);
    expect(niceAxis(3, 3).domain[0]).toBeGreaterThanOrEqual(0);
    expect(niceAxis(Number.NaN, 1)).toEqual({ domain: [0, 1], ticks: [0, 0.5, 1] });
  });

  test('a log axis spans whole decades', () => {
    expect(decadeAxis(0.003, 0.4)).toEqual({ domain: [1e-3, 1], ticks: [1e-3, 1e-2, 1e-1, 1] });
    expect(decadeAxis(1e-9, 10).ticks).toEqual([1e-9, 1e-7, 1e-5, 1e-3, 1e-1, 10]);
  });

  test('an axis is kept while the data stays inside and fills it, renewed when it leaves or shrinks', () => {
    const first = stableAxis(undefined, 0.1, 0.9);
    expect(stableAxis(first, 0.2, 0.8)).toBe(first);
    const grown = stableAxis(first, 0.2, 1.7);
    expect(grown).not.toBe(first);
    expect(grown.domain[1]).toBeGreaterThanOrEqual(1.7);
    const shrunk = stableAxis(grown, 0.5, 0.52);
    expect(shrunk.domain[1] - shrunk.domain[0]).toBeLessThan(0.5);
    const log = stableAxis(undefined, 1e-3, 0.5, true);
    expect(stableAxis(log, 2e-3, 0.3, true)).toBe(log);
    expect(stableAxis(log, 1e-6, 0.3, true)).not.toBe(log);
  });

  test('a flat line, which fills none of its axis, keeps the axis it had (the frame does not redraw)', () => {
    const zero = stableAxis(undefined, 0, 0);
    expect(stableAxis(zero, 0, 0)).toBe(zero);
    const level = stableAxis(undefined, 0.7, 0.7);
    expect(stableAxis(level, 0.7, 0.7)).toBe(level);
  });

  test('a fixed scale is kept, also when its nice axis is wider than the domain asked for', () => {
    const score = fixedAxis(undefined, [1, 10]);
    expect(score.domain[0]).toBeLessThanOrEqual(1);
    expect(score.domain[1]).toBeGreaterThanOrEqual(10);
    expect(fixedAxis(score, [1, 10])).toBe(score);
    const modes = fixedAxis(undefined, [0, 8]);
    expect(fixedAxis(modes, [0, 8])).toBe(modes);
    expect(fixedAxis(modes, [0, 25])).not.toBe(modes);
  });

  test('domains are whole multiples of the step, without float drift', () => {
    expect(niceAxis(0.61, 1.39).domain).toEqual([0.6, 1.4]);
    expect(niceAxis(0.46, 0.64).domain).toEqual([0.45, 0.65]);
  });

  test('the iteration axis ends past the newest point and moves only when the lines reach its end', () => {
    const a = iterationAxis(undefined, 0, 130);
    expect(a.domain[0]).toBe(0);
    expect(a.domain[1]).toBeGreaterThan(130);
    expect(a.ticks[0]).toBe(0);
    expect(iterationAxis(a, 0, a.domain[1] - 1)).toBe(a);
    const b = iterationAxis(a, 0, a.domain[1] + 1);
    expect(b.domain[1]).toBeGreaterThan(a.domain[1]);
    expect(iterationAxis(b, 500, 900).domain[0]).toBe(500);
  });

  test('extent skips nulls, non-finite values and, for log axes, non-positive ones', () => {
    const rows = [
      { a: 1, b: null },
      { a: -2, b: 5 },
      { a: Number.NaN, b: 0 },
    ];
    expect(extent(rows, ['a', 'b'])).toEqual([-2, 5]);
    expect(extent(rows, ['a', 'b'], true)).toEqual([1, 5]);
  });
});
