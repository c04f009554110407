/**
 * The page's one palette (issue 18): every colour the page and its canvases use, for the light and
 * dark colour schemes and for presenter mode, chosen to survive colour-blind eyes and a washed-out
 * projector. The CSS reads them as custom properties (`--real`, `--line-d`, … set on <html> by
 * theme.ts); the 2D view's canvas reads them from here. tests/unit/palette.test.ts simulates
 * deuteranopia and protanopia on the pairs that must stay apart.
 *
 * Real and generated data are blue and vermillion (Okabe & Ito's colour-blind-safe pair): the
 * discriminator's side of every chart is blue and the generator's vermillion, so D(x) and the real
 * points share a colour, as do D(G(z)) and the generated points. The heatmap is pale, the points
 * dark: they differ in lightness, which every eye sees.
 */

/** Colours as #rrggbb (system colour keywords in forced-colours mode), line widths in CSS pixels. */
export interface Palette {
  /** The page behind everything. */
  background: string;
  /** Cards, charts and the 2D view. */
  surface: string;
  /** A faint panel on the surface (notices, the drawing tool). */
  subtle: string;
  text: string;
  /** Secondary text (hints, units, ranges): at least 4.5:1 on background and surface. */
  muted: string;
  border: string;
  /** The charts' grid lines. */
  grid: string;
  /** The charts' axes and tick labels. */
  axis: string;
  accent: string;
  /** Text on the accent colour. */
  onAccent: string;
  /** A pale accent behind a selected or highlighted thing. */
  accentSoft: string;
  /** Behind a warning (changes waiting for Reset, a backend fallback). */
  warningBackground: string;
  /** The keyboard focus ring. */
  focus: string;
  live: string;
  liveBackground: string;
  reset: string;
  resetBackground: string;
  /** A detector's evidence and an active diagnosis. */
  alert: string;
  alertBackground: string;
  /** A live change's marker line on the charts. */
  marker: string;
  real: string;
  fake: string;
  lineD: string;
  lineG: string;
  /** The Wasserstein estimate and mutual information: dashed, neutral. */
  lineW: string;
  /** Any other curve (|∂L_G/∂ℓ|): dashed, neutral. */
  lineOther: string;
  /** The heatmap where D says "generated", where it cannot tell, and where it says "real". */
  heatLow: string;
  heatMid: string;
  heatHigh: string;
  arrow: string;
  manifold: string;
  /** Points drawn by hand (the draw-your-own dataset). */
  drawn: string;
  /** Chart lines' width. */
  lineWidth: number;
  /** Side of a point's mark on the 2D view. */
  pointSize: number;
  /** The charts' text (ticks, notes, readout): over 11 px on screen, 24 px for the back of a room. */
  chartFont: number;
  /** A chart's plot height, axes included. */
  chartHeight: number;
}

export type Theme = 'light' | 'dark' | 'presenter';

const LIGHT: Palette = {
  background: '#f7f7f8',
  surface: '#ffffff',
  subtle: '#f1f3f5',
  text: '#1b1f24',
  muted: '#555b62',
  border: '#c5cad1',
  grid: '#e3e6ea',
  axis: '#4a4f55',
  accent: '#3b5bdb',
  onAccent: '#ffffff',
  accentSoft: '#e7ebff',
  warningBackground: '#fff4e6',
  focus: '#1d4ed8',
  live: '#1b5e20',
  liveBackground: '#d3f9d8',
  reset: '#7a3e00',
  resetBackground: '#fff3bf',
  alert: '#b3261e',
  alertBackground: '#fff5f5',
  marker: '#364fc7',
  real: '#0072b2',
  fake: '#d55e00',
  lineD: '#0072b2',
  lineG: '#d55e00',
  lineW: '#333333',
  lineOther: '#5c5c5c',
  heatLow: '#fad9c4',
  heatMid: '#ffffff',
  heatHigh: '#c9def0',
  arrow: '#7a2e00a6',
  manifold: '#50506499',
  drawn: '#14141ed9',
  lineWidth: 1.5,
  pointSize: 3.5,
  chartFont: 12,
  chartHeight: 118,
};

const DARK: Palette = {
  background: '#15181c',
  surface: '#1f2329',
  subtle: '#282d34',
  text: '#e6e8eb',
  muted: '#aab1ba',
  border: '#3d444d',
  grid: '#2f353d',
  axis: '#b8bec6',
  accent: '#5c7cfa',
  onAccent: '#0b0d10',
  accentSoft: '#27325c',
  warningBackground: '#3d3210',
  focus: '#8fa8ff',
  live: '#8ce99a',
  liveBackground: '#1e3a24',
  reset: '#ffd43b',
  resetBackground: '#3d3210',
  alert: '#ff8787',
  alertBackground: '#3a1d1f',
  marker: '#91a7ff',
  real: '#56b4e9',
  fake: '#f28e2b',
  lineD: '#56b4e9',
  lineG: '#f28e2b',
  lineW: '#d9d9d9',
  lineOther: '#b0b0b0',
  heatLow: '#4a2a18',
  heatMid: '#1f2329',
  heatHigh: '#173a56',
  arrow: '#ffc48aa6',
  manifold: '#c8c8dc80',
  drawn: '#f0f0f5e6',
  lineWidth: 1.5,
  pointSize: 3.5,
  chartFont: 12,
  chartHeight: 118,
};

/**
 * For a projector, whatever the scheme: dark ink on white reads best in a lit room, the data's
 * colours are darker than the screen's (a projector washes colours out), lines are 3 px and points
 * larger.
 */
const PRESENTER: Palette = {
  ...LIGHT,
  background: '#ffffff',
  text: '#000000',
  muted: '#343a40',
  border: '#868e96',
  grid: '#ced4da',
  axis: '#212529',
  real: '#005a8c',
  fake: '#b34700',
  lineD: '#005a8c',
  lineG: '#b34700',
  lineW: '#222222',
  lineOther: '#444444',
  arrow: '#5c2300b3',
  lineWidth: 3,
  pointSize: 5,
  chartFont: 24,
  chartHeight: 180,
};

export const PALETTES: Record<Theme, Palette> = { light: LIGHT, dark: DARK, presenter: PRESENTER };

/**
 * Forced colours (Windows high contrast): the user's system colours replace ours on the page, and
 * the canvas follows them; real and generated points still differ by their shape.
 */
export const FORCED_COLOURS: Partial<Palette> = {
  background: 'Canvas',
  surface: 'Canvas',
  subtle: 'Canvas',
  text: 'CanvasText',
  muted: 'CanvasText',
  border: 'CanvasText',
  grid: 'GrayText',
  axis: 'CanvasText',
  accent: 'Highlight',
  onAccent: 'HighlightText',
  accentSoft: 'Canvas',
  warningBackground: 'Canvas',
  focus: 'Highlight',
  live: 'CanvasText',
  liveBackground: 'Canvas',
  reset: 'CanvasText',
  resetBackground: 'Canvas',
  alert: 'CanvasText',
  alertBackground: 'Canvas',
  marker: 'LinkText',
  real: 'LinkText',
  fake: 'CanvasText',
  lineD: 'LinkText',
  lineG: 'CanvasText',
  lineW: 'GrayText',
  lineOther: 'GrayText',
  heatLow: 'Canvas',
  heatMid: 'Canvas',
  heatHigh: 'Canvas',
  arrow: 'CanvasText',
  manifold: 'GrayText',
  drawn: 'CanvasText',
};

/** A palette key's CSS custom property: `lineD` is `--line-d`. */
export const cssVariable = (key: keyof Palette) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `var(--…)` for a palette key, for SVG and inline styles. */
export const paletteVar = (key: keyof Palette) => `var(${cssVariable(key)})`;
