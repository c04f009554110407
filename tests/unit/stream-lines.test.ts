/** The charts' own line layer (src/features/charts/StreamLines.tsx): paths that break at gaps, and the nearest point under the pointer. */
import { describe, expect, test } from 'vitest';
import { linePath, nearestRow } from '../../src/features/charts/lines.ts';
import type { Row } from '../../src/features/charts/downsample.ts';

const x = (v: unknown) => 10 * Number(v);
const y = (v: unknown) => 100 - Number(v);
const logY = (v: unknown) => (Number(v) > 0 ? -Math.log10(Number(v)) : undefined);

describe('stream lines', () => {
  test('one path through the points, in order; a missing value lifts the pen', () => {
    const rows: Row[] = [
      { iteration: 1, loss: 1 },
      { iteration: 2, loss: 2 },
      { iteration: 3, loss: null },
      { iteration: 4, loss: 4 },
      { iteration: 5, loss: Number.NaN },
      { iteration: 6, loss: 6 },
      { iteration: 7, loss: 7 },
    ];
    expect(linePath(rows, 'loss', x, y)).toBe('M10.0,99.0L20.0,98.0M40.0,96.0M60.0,94.0L70.0,93.0');
    expect(linePath(rows, 'other', x, y)).toBe('');
  });

  test('a value its scale cannot place (0 on a log axis) breaks the line too', () => {
    const rows: Row[] = [
      { iteration: 1, norm: 1 },
      { iteration: 2, norm: 0 },
      { iteration: 3, norm: 100 },
    ];
    expect(linePath(rows, 'norm', x, logY)).toBe('M10.0,0.0M30.0,-2.0');
  });

  test('the nearest row to an iteration, at the ends and between rows', () => {
    const rows: Row[] = [0, 10, 20, 40].map((iteration) => ({ iteration, v: iteration }));
    expect(nearestRow(rows, -5)?.iteration).toBe(0);
    expect(nearestRow(rows, 14)?.iteration).toBe(10);
    expect(nearestRow(rows, 16)?.iteration).toBe(20);
    expect(nearestRow(rows, 31)?.iteration).toBe(40);
    expect(nearestRow(rows, 1e9)?.iteration).toBe(40);
    expect(nearestRow([], 3)).toBeUndefined();
  });
});
