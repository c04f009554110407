/**
 * The palette (src/features/theme/palette.ts) seen by colour-blind eyes: every pair that must stay
 * apart (real vs generated points, D(x) vs D(G(z)), D's vs G's loss, the points vs every shade of
 * the heatmap, the dashed neutral lines vs the coloured ones) keeps a colour difference of at least
 * MIN_DELTA_E under normal vision and simulated deuteranopia and protanopia, in every theme; text
 * and lines keep WCAG's contrast on the surfaces they sit on.
 *
 * Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
 * color vision deficiency", severity 1.0 matrices, applied to linear sRGB. Difference: CIE76 ΔE in
 * CIELAB (D65).
 */
import { describe, expect, test } from 'vitest';
import { type Palette, PALETTES, type Theme } from '../../src/features/theme/palette.ts';

type Rgb = [number, number, number];
type Vision = 'normal' | 'deuteranopia' | 'protanopia';

const MACHADO: Record<Vision, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

/**
 * Colours this far apart (CIE76) read as different at a glance; the pairs of the palette before
 * issue 18 (green #2b8a3e real vs pink #c2255c generated) were 13.8 apart under deuteranopia.
 */
const MIN_DELTA_E = 30;

const hex = (colour: string): Rgb => {
  expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255) as Rgb;
};
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function simulate(colour: string, vision: Vision): Rgb {
  const rgb = hex(colour).map(linear);
  return MACHADO[vision].map((row) =>
    Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])),
  ) as Rgb;
}

function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: string, b: string, vision: Vision): number {
  const [p, q] = [lab(simulate(a, vision)), lab(simulate(b, vision))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = hex(colour).map(linear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/** The heatmap's colours from "generated" through "cannot tell" to "real", as draw.ts mixes them. */
function heatShades(p: Palette): string[] {
  const mix = (from: string, to: string, f: number) =>
    `#${hex(from)
      .map((c, i) => Math.round(255 * (c + f * (hex(to)[i] - c))))
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`;
  return [0, 0.25, 0.5, 0.75, 1].flatMap((f) => [mix(p.heatLow, p.heatMid, f), mix(p.heatMid, p.heatHigh, f)]);
}

/** The pairs a viewer must tell apart, by what they are. */
function pairs(p: Palette): [string, string, string][] {
  return [
    ['real vs generated points', p.real, p.fake],
    ['D(x) vs D(G(z))', p.lineD, p.lineG],
    ['W estimate vs D(x)', p.lineW, p.lineD],
    ['W estimate vs D(G(z))', p.lineW, p.lineG],
    ['|∂L_G/∂ℓ| vs ‖∇D‖', p.lineOther, p.lineD],
    ['|∂L_G/∂ℓ| vs ‖∇G‖', p.lineOther, p.lineG],
    ...heatShades(p).flatMap((shade): [string, string, string][] => [
      [`generated point on heatmap ${shade}`, p.fake, shade],
      [`real point on heatmap ${shade}`, p.real, shade],
    ]),
  ];
}

const THEMES = Object.keys(PALETTES) as Theme[];
const VISIONS = Object.keys(MACHADO) as Vision[];

describe('the palette under colour-blind simulation', () => {
  test.each(THEMES)('%s: every pair stays apart under normal vision, deuteranopia and protanopia', (theme) => {
    const tooClose = pairs(PALETTES[theme]).flatMap(([what, a, b]) =>
      VISIONS.filter((vision) => deltaE(a, b, vision) < MIN_DELTA_E).map(
        (vision) => `${what} (${a} vs ${b}) under ${vision}: ΔE ${deltaE(a, b, vision).toFixed(1)}`,
      ),
    );
    expect(tooClose).toEqual([]);
  });

  test('the check fails on the colours before issue 18: green real and pink generated turn olive', () => {
    expect(deltaE('#2b8a3e', '#c2255c', 'normal')).toBeGreaterThan(MIN_DELTA_E);
    expect(deltaE('#2b8a3e', '#c2255c', 'deuteranopia')).toBeLessThan(MIN_DELTA_E);
    // The generated points on the pink half of the old heatmap.
    expect(deltaE('#c2255c', '#e68caa', 'deuteranopia')).toBeLessThan(MIN_DELTA_E);
  });

  test.each(THEMES)('%s: text reads at 4.5:1 and lines at 3:1 on the surfaces under them', (theme) => {
    const p = PALETTES[theme];
    const low: string[] = [];
    const need = (what: string, a: string, b: string, ratio: number) => {
      if (contrast(a, b) < ratio) low.push(`${what}: ${contrast(a, b).toFixed(2)}`);
    };
    for (const [name, back] of [
      ['background', p.background],
      ['surface', p.surface],
    ]) {
      need(`text on ${name}`, p.text, back, 4.5);
      need(`muted on ${name}`, p.muted, back, 4.5);
      need(`axis on ${name}`, p.axis, back, 4.5);
      need(`alert on ${name}`, p.alert, back, 4.5);
      need(`marker on ${name}`, p.marker, back, 4.5);
    }
    need('accent text', p.onAccent, p.accent, 4.5);
    need('LIVE badge', p.live, p.liveBackground, 4.5);
    need('RESET badge', p.reset, p.resetBackground, 4.5);
    need('alert on its card', p.alert, p.alertBackground, 4.5);
    need('focus ring', p.focus, p.background, 3);
    for (const key of ['lineD', 'lineG', 'lineW', 'lineOther', 'real', 'fake'] as const)
      need(`${key} on surface`, p[key], p.surface, 3);
    expect(low).toEqual([]);
  });

  test('presenter mode draws thicker lines and larger points than the screen', () => {
    expect(PALETTES.presenter.lineWidth).toBeGreaterThanOrEqual(3);
    expect(PALETTES.presenter.pointSize).toBeGreaterThan(PALETTES.light.pointSize);
  });
});
