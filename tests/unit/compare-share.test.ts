/** Compare mode's share of the time for each run (issue 18: no main-thread task over 50 ms with two runs). */
import { describe, expect, test } from 'vitest';
import { cpuShare, PAGE_CORES } from '../../src/features/playground/cpuShare.ts';

describe('cpuShare', () => {
  test('two runs on 2 cores leave the page its cores: each trains 75% of the time', () => {
    expect(cpuShare(2, 2)).toBeCloseTo(0.75);
    expect(2 * cpuShare(2, 2) + PAGE_CORES).toBeCloseTo(2);
  });

  test('where the cores suffice, every run trains all the time; one run always does on 2 cores', () => {
    expect(cpuShare(2, 4)).toBe(1);
    expect(cpuShare(2, 3)).toBe(1);
    expect(cpuShare(1, 2)).toBe(1);
  });

  test('on one core the share is what is left, never below 0', () => {
    expect(cpuShare(2, 1)).toBeCloseTo(0.25);
    expect(cpuShare(2, 0)).toBe(0);
  });
});
