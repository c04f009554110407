import { describe, expect, test } from 'vitest';
import { diverging, paintField } from '../../src/features/plane2d/draw.ts';

/** The heatmap's cells painted through the 256-step table, against the colour mix it tabulates. */
describe("the 2D view's heatmap", () => {
  const paint = (values: number[], output: 'probability' | 'score') => {
    const image = { data: new Uint8ClampedArray(4 * values.length) };
    paintField({ discriminator: Float32Array.from(values), output }, image);
    return Array.from({ length: values.length }, (_, i) => Array.from(image.data.slice(4 * i, 4 * i + 4)));
  };

  test('a probability is coloured as diverging() mixes it, to within one step of the table', () => {
    const values = [0, 0.1, 0.25, 0.49, 0.5, 0.51, 0.8, 1, 1.7, -0.3];
    paint(values, 'probability').forEach((rgba, i) => {
      const [r, g, b] = diverging(values[i]);
      expect(rgba[3]).toBe(255);
      for (const [got, want] of [
        [rgba[0], r],
        [rgba[1], g],
        [rgba[2], b],
      ])
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1);
    });
  });

  test("a critic's scores span the scale from their least (fake pink) to their greatest (real green)", () => {
    const [low, middle, high] = paint([-4, 1, 6], 'score');
    expect(low.slice(0, 3)).toEqual(diverging(0));
    expect(middle.slice(0, 3)).toEqual(diverging(0.5));
    expect(high.slice(0, 3)).toEqual(diverging(1));
  });

  test('a non-finite cell is white, the middle of the scale, not black', () => {
    expect(paint([0.2, Number.NaN], 'probability')[1]).toEqual([...diverging(0.5), 255]);
  });
});
