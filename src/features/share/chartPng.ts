/**
 * The charts as one PNG for slides: each chart's title and legend (HTML on the page) drawn as text,
 * and its recharts SVG serialised with the page's computed styles inlined, decoded as an image from
 * a blob: URL (allowed by the CSP's img-src) and drawn onto a canvas with a solid background.
 */

/** Pixels per CSS pixel: sharp on a projector. */
const SCALE = 2;
const PAD = 16;
const TITLE_PX = 15;
const LEGEND_PX = 12;
const GAP = 12;
/** The SVG presentation properties the charts use, copied from the page's computed styles. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];

export interface LegendEntry {
  name: string;
  colour: string;
  dashed: boolean;
}

interface ChartPicture {
  title: string;
  legend: LegendEntry[];
  /** The chart's SVG as a standalone document, or the text shown instead when it has no data yet. */
  svg?: { text: string; width: number; height: number };
  empty?: string;
}

/** The largest SVG in a chart: the plot (recharts also draws small SVG icons). */
function plotOf(figure: Element): SVGSVGElement | undefined {
  let best: SVGSVGElement | undefined;
  let area = 0;
  for (const svg of figure.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > area) {
      area = box.width * box.height;
      best = svg;
    }
  }
  return best;
}

function standalone(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const target = copies[i] as SVGElement;
    const declarations = STYLE_PROPERTIES.map((name) => [name, computed.getPropertyValue(name)] as const).filter(
      ([, value]) => value !== '',
    );
    target.setAttribute(
      'style',
      `${target.getAttribute('style') ?? ''};${declarations.map(([name, value]) => `${name}:${value}`).join(';')}`,
    );
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** What each chart (`figure.chart` in `section`) shows, read from the page. */
export function readCharts(section: Element): ChartPicture[] {
  return [...section.querySelectorAll('figure.chart')].map((figure) => {
    const legend = [...figure.querySelectorAll('.chart-legend > span')].map((entry) => {
      const swatch = entry.querySelector('i');
      const style = swatch ? getComputedStyle(swatch) : undefined;
      return {
        name: entry.textContent ?? '',
        colour: style?.borderTopColor || '#000',
        dashed: style?.borderTopStyle === 'dashed',
      };
    });
    const svg = plotOf(figure);
    return {
      title: figure.getAttribute('aria-label') ?? '',
      legend,
      svg: svg ? standalone(svg) : undefined,
      empty: svg ? undefined : (figure.querySelector('.chart-empty')?.textContent ?? ''),
    };
  });
}

async function decodeSvg(text: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The first opaque background colour from `element` up, or white. */
export function backgroundOf(element: Element | null): string {
  for (let at = element; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** Why the charts could not be drawn, as a code the page words (src/i18n/share.ts chartsPngReasons). */
export class ChartsPngProblem extends Error {
  constructor(readonly code: 'noCharts' | 'noCanvas') {
    super(code);
  }
}

/** Every chart in `section`, stacked, as a PNG; `text` is the page's text colour for titles and legends. */
export async function chartsPng(
  section: Element,
  options: { background: string; text: string; font: string },
): Promise<Blob> {
  const charts = readCharts(section);
  if (charts.length === 0) throw new ChartsPngProblem('noCharts');
  const images = await Promise.all(
    charts.map((chart) => (chart.svg ? decodeSvg(chart.svg.text) : Promise.resolve(undefined))),
  );
  const plotWidth = Math.max(480, ...charts.map((chart) => chart.svg?.width ?? 0));
  const heights = charts.map((chart) => TITLE_PX + 6 + LEGEND_PX + 8 + (chart.svg?.height ?? 60));
  const width = plotWidth + 2 * PAD;
  const height = 2 * PAD + heights.reduce((a, b) => a + b, 0) + GAP * (charts.length - 1);
  const canvas = new OffscreenCanvas(Math.round(width * SCALE), Math.round(height * SCALE));
  const context = canvas.getContext('2d');
  if (!context) throw new ChartsPngProblem('noCanvas');
  context.scale(SCALE, SCALE);
  context.fillStyle = options.background;
  context.fillRect(0, 0, width, height);
  context.textBaseline = 'top';
  let y = PAD;
  charts.forEach((chart, i) => {
    context.fillStyle = options.text;
    context.font = `600 ${TITLE_PX}px ${options.font}`;
    context.fillText(chart.title, PAD, y);
    y += TITLE_PX + 6;
    context.font = `${LEGEND_PX}px ${options.font}`;
    let x = PAD;
    for (const entry of chart.legend) {
      context.strokeStyle = entry.colour;
      context.lineWidth = 2;
      context.setLineDash(entry.dashed ? [4, 3] : []);
      context.beginPath();
      context.moveTo(x, y + LEGEND_PX / 2);
      context.lineTo(x + 16, y + LEGEND_PX / 2);
      context.stroke();
      context.setLineDash([]);
      context.fillStyle = options.text;
      context.fillText(entry.name, x + 20, y);
      x += 20 + context.measureText(entry.name).width + 14;
    }
    y += LEGEND_PX + 8;
    const image = images[i];
    if (image && chart.svg) {
      context.drawImage(image, PAD, y, chart.svg.width, chart.svg.height);
      y += chart.svg.height;
    } else {
      context.fillStyle = options.text;
      context.fillText(chart.empty ?? '', PAD, y + 24);
      y += 60;
    }
    y += GAP;
  });
  return canvas.convertToBlob({ type: 'image/png' });
}
