import { describe, expect, test } from 'vitest';
import { appendThinned, HISTORY_LIMIT, RECENT_WHOLE } from '../../src/client/statHistory.ts';

const points = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ iteration: from + i }));

describe('the page chart history', () => {
  test('keeps every point until the limit', () => {
    const history = appendThinned(points(1, 100), points(101, 50), 1000, 200);
    expect(history.map((p) => p.iteration)).toEqual(points(1, 150).map((p) => p.iteration));
  });

  test('over the limit, thins the past and keeps the recent points whole', () => {
    const history = appendThinned(points(1, 990), points(991, 20), 1000, 200);
    expect(history.length).toBeLessThanOrEqual(1000);
    expect(history[0].iteration).toBe(1);
    const tail = history.slice(-200).map((p) => p.iteration);
    expect(tail).toEqual(points(811, 200).map((p) => p.iteration));
    // the past evenly spaced, on a power-of-two grid
    const past = history.slice(1, -200).map((p) => p.iteration);
    const stride = past[1] - past[0];
    expect([2, 4, 8]).toContain(stride);
    expect(past.every((v) => v % stride === 0)).toBe(true);
    expect(past.slice(1).every((v, i) => v - past[i] === stride)).toBe(true);
  });

  test('a run of any length stays bounded, ordered, starting at its start, with the newest points whole', () => {
    let history: { iteration: number }[] = [];
    for (let start = 1; start <= 200_000; start += 150) history = appendThinned(history, points(start, 150));
    expect(history.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(history[0].iteration).toBe(1);
    const iterations = history.map((p) => p.iteration);
    expect(iterations.every((v, i) => i === 0 || v > iterations[i - 1])).toBe(true);
    const last = iterations.at(-1)!;
    expect(iterations.slice(-RECENT_WHOLE)).toEqual(
      points(last - RECENT_WHOLE + 1, RECENT_WHOLE).map((p) => p.iteration),
    );
    // the thinned past still spans the run evenly enough to draw: no gap wider than a tenth of it
    const gaps = iterations.slice(1).map((v, i) => v - iterations[i]);
    expect(Math.max(...gaps)).toBeLessThan(last / 10);
  });
});
