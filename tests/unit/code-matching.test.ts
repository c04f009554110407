import { describe, expect, test } from 'vitest';
import { codeMatching, codeSeparation } from '../../src/gan/metrics/conditional.ts';
import { createRng } from '../../src/gan/rng.ts';

/** Samples (requested value, predicted class) from a table counts[v][k]. */
function samples(counts: number[][]): { requested: number[]; predicted: number[] } {
  const requested: number[] = [];
  const predicted: number[] = [];
  counts.forEach((row, v) =>
    row.forEach((count, k) => {
      for (let i = 0; i < count; i++) {
        requested.push(v);
        predicted.push(k);
      }
    }),
  );
  return { requested, predicted };
}

/** The best injective matching of rows to columns by trying every one (small tables only). */
function bruteForce(counts: number[][], columns: number): number {
  const rows = counts.length;
  const search = (row: number, used: Set<number>): number => {
    if (row === rows) return 0;
    let best = search(row + 1, used); // the row matched to a column of padding (more rows than columns)
    for (let k = 0; k < columns; k++) {
      if (used.has(k)) continue;
      used.add(k);
      best = Math.max(best, counts[row][k] + search(row + 1, used));
      used.delete(k);
    }
    return best;
  };
  return search(0, new Set());
}

describe('the best one-to-one matching of code values to classes', () => {
  test('a hand example where the majorities collide', () => {
    // Values 0 and 1 both lean to class 0; the majority rule counts class 0 once (codeClasses 2),
    // the best matching puts value 0 on class 1 instead: 4 + 4 + 1 of 14 samples, not 5 + 0 + 1.
    const counts = [
      [5, 4, 0],
      [4, 0, 0],
      [0, 0, 1],
    ];
    const { requested, predicted } = samples(counts);
    expect(codeMatching(requested, predicted, 3, 3)).toBeCloseTo(9 / 14, 12);
    expect(codeSeparation(requested, predicted, 3, 3)).toMatchObject({ codeClasses: 2, codeMatching: 9 / 14 });
  });

  test('a permutation is matched exactly, and fewer or more values than classes are padded', () => {
    expect(codeMatching([0, 1, 2, 2], [2, 0, 1, 1], 3, 3)).toBe(1);
    // Two values, three classes: value 0 → class 2 (3 samples), value 1 → class 0 (2); one sample unexplained.
    const fewer = samples([
      [1, 0, 3],
      [2, 0, 0],
    ]);
    expect(codeMatching(fewer.requested, fewer.predicted, 2, 3)).toBeCloseTo(5 / 6, 12);
    // Four values, two classes: only two values can be matched, the two largest disjoint counts.
    const more = samples([
      [3, 0],
      [2, 1],
      [0, 2],
      [1, 1],
    ]);
    expect(codeMatching(more.requested, more.predicted, 4, 2)).toBeCloseTo(5 / 10, 12);
    expect(codeMatching([], [], 10, 10)).toBe(0);
    expect(() => codeMatching([0], [], 2, 2)).toThrow(/one prediction per request/);
  });

  test('agrees with trying every matching on random tables', () => {
    const rng = createRng(7, 'code-matching-test');
    for (let trial = 0; trial < 30; trial++) {
      const values = 2 + rng.int(5); // 2–6
      const classes = 2 + rng.int(5);
      const counts = Array.from({ length: values }, () => Array.from({ length: classes }, () => rng.int(6)));
      const { requested, predicted } = samples(counts);
      if (requested.length === 0) continue;
      const expected = bruteForce(counts, classes) / requested.length;
      expect(codeMatching(requested, predicted, values, classes)).toBeCloseTo(expected, 12);
    }
  });
});
