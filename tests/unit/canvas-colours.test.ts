/**
 * The canvases outside the 2D view read the page's palette (src/features/theme/palette.ts, issue 18):
 * the samples' PNG (the light palette, whatever the page shows: a file is not in dark mode), and the
 * latent explorer's sample tiles and arithmetic arrows (the palette they are given: the page's). Each
 * is drawn on a context that records the colours set on it; every colour must be the palette's.
 */
import { describe, expect, test } from 'vitest';
import { drawArrows, drawSample } from '../../src/features/latent/paint.ts';
import { drawPoints } from '../../src/features/share/samplePng.ts';
import { type Palette, PALETTES } from '../../src/features/theme/palette.ts';
import type { LatentAnswer } from '../../src/worker/latent-answers.ts';
import type { PlaneEvent } from '../../src/worker/protocol.ts';

const COLOUR_KEYS = ['fillStyle', 'strokeStyle'] as const;

/** A 2D context that does nothing but remember every fill and stroke colour set on it. */
function recordingContext() {
  const colours = new Set<string>();
  const context = new Proxy(
    {},
    {
      get: (_, key) => (key === 'createImageData' ? () => ({ data: new Uint8ClampedArray(4 * 28 * 28) }) : () => {}),
      set: (_, key, value) => {
        if (COLOUR_KEYS.includes(key as (typeof COLOUR_KEYS)[number])) colours.add(value as string);
        return true;
      },
    },
  );
  return { context: context as CanvasRenderingContext2D, colours };
}

const paletteColours = (palette: Palette) =>
  new Set(Object.values(palette).filter((value): value is string => typeof value === 'string'));

const PLANE = {
  radius: 3,
  real: Float32Array.of(2, 0, 0, 2),
  fake: Float32Array.of(1, 1, -1, 0.5),
} as unknown as PlaneEvent;

describe('the colours of the canvases beside the 2D view', () => {
  test('the samples’ PNG: the light palette’s surface, real and generated colours, nothing else', () => {
    const { context, colours } = recordingContext();
    drawPoints(context, PLANE);
    const light = PALETTES.light;
    expect(colours).toEqual(new Set([light.surface, light.real, light.fake]));
  });

  test.each(['light', 'dark', 'presenter'] as const)('the latent explorer in the %s palette', (theme) => {
    const palette = PALETTES[theme];
    const point = recordingContext();
    drawSample(point.context, Float32Array.of(0.5, -1), { dimension: 2, radius: 3 }, palette);
    expect(point.colours).toEqual(new Set([palette.subtle, palette.fake]));

    const arrows = recordingContext();
    const answer = { values: Float32Array.of(0, 0, 1, 1, -1, 1, 0.5, 0.5, 1, 0), dimension: 2 } as LatentAnswer;
    drawArrows(arrows.context, answer, PLANE.fake, 3, palette);
    expect(arrows.colours.size).toBeGreaterThanOrEqual(5);
    for (const colour of arrows.colours) expect(paletteColours(palette), colour).toContain(colour);
    expect(arrows.colours).toContain(palette.surface);
    expect(arrows.colours).toContain(palette.fake);
  });

  test('a digit stays grey levels in any palette: only its pixels are written', () => {
    const { context, colours } = recordingContext();
    drawSample(
      context,
      new Float32Array(28 * 28),
      { dimension: 784, imageShape: [28, 28, 1], radius: 1 },
      PALETTES.dark,
    );
    expect(colours.size).toBe(0);
  });
});
