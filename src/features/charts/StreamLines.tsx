import { createContext, useContext, useId, useState } from 'react';
import { type ScaleFunction, usePlotArea, useYAxisScale } from 'recharts';
import type { Axis } from './axes.ts';
import type { Row } from './downsample.ts';
import { type Scale, linePath, nearestRow, nearestWith } from './lines.ts';

/** One curve: its column in the rows, its name in the legend and readout, how it is drawn. */
export interface Series {
  key: string;
  name: string;
  colour: string;
  /** Drawn against the right axis. */
  right?: boolean;
  dashed?: boolean;
}

/** A detector's evidence window, shaded across the plot. */
export interface Shade {
  from: number;
  to: number;
  label: string;
}

/** A labelled line: a live change, vertical at `iteration`; a guide (StreamChart's `guides`) is horizontal at the value `iteration`. */
export interface Marker {
  iteration: number;
  label: string;
}

/**
 * What moves with the iterations, handed past the recharts frame: the rows, the iteration axis, the
 * detectors' evidence windows and the live-change markers. The frame (value axes, their grid, guides)
 * redraws only when a value axis changes, which the stable axes make rare; this layer redraws with
 * every update. A recharts redraw runs its store, selectors and every axis component, ~15–35 ms per
 * chart on a 2-core laptop, and the iteration axis grows a dozen times in a run's first minute; this
 * layer's whole redraw costs well under a millisecond.
 */
export interface StreamLayer {
  rows: readonly Row[];
  x: Axis;
  shades: readonly Shade[];
  markers: readonly Marker[];
}

export const StreamLayerContext = createContext<StreamLayer>({
  rows: [],
  x: { domain: [0, 1], ticks: [] },
  shades: [],
  markers: [],
});

export interface StreamLinesProps {
  series: readonly Series[];
  format(value: number): string;
  /** The charts' text size in pixels (the theme's chartFont: larger in presenter mode). */
  font: number;
}

/** Height under the plot for the iteration ticks and their labels (recharts' own axis takes 30). */
export const iterationAxisHeight = (font: number) => 2 * font;
const TICK = 5;
/** An outline of the chart's own surface under a label, so it stays legible where a line crosses it. */
const HALO = { stroke: 'var(--surface)', strokeWidth: 3, paintOrder: 'stroke' } as const;

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The iteration axis's scale: a plain linear map onto the plot area. */
function iterationScale({ domain: [from, to] }: Axis, area: Area): Scale {
  const k = area.width / Math.max(1e-9, to - from);
  return (iteration) => area.x + (iteration - from) * k;
}

/**
 * The chart's moving layer, drawn inside the recharts chart with its plot area and value scales: the
 * iteration axis (ticks, labels, vertical grid), the evidence shades, the lines clipped to the plot,
 * the live-change markers, and a readout under the pointer: the nearest point's iteration and values.
 */
export function StreamLines({ series, format, font }: StreamLinesProps) {
  const { rows, x: axis, shades, markers } = useContext(StreamLayerContext);
  const area = usePlotArea();
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  const clip = useId();
  const [pointer, setPointer] = useState<number | undefined>(undefined);
  if (!area || !left) return null;
  const x = iterationScale(axis, area);
  const scaleOf = (s: Series) => (s.right ? right : left);
  const [from, to] = axis.domain;
  const hovered =
    pointer === undefined ? undefined : nearestRow(rows, from + ((pointer - area.x) / area.width) * (to - from));
  const bottom = area.y + area.height;
  return (
    <g className="stream-lines">
      <defs>
        <clipPath id={clip}>
          <rect x={area.x} y={area.y - 2} width={area.width} height={area.height + 4} />
        </clipPath>
      </defs>
      <IterationAxis axis={axis} x={x} area={area} />
      <g clipPath={`url(#${clip})`}>
        {shades.map((shade) => (
          <Shading key={`${shade.label}-${shade.from}`} shade={shade} x={x} area={area} />
        ))}
        {series.map((s) => {
          const y = scaleOf(s);
          return y ? (
            <path
              key={s.key}
              className="stream-line"
              data-series={s.key}
              d={linePath(rows, s.key, x, y)}
              fill="none"
              style={{ stroke: s.colour, strokeWidth: 'var(--line-width)' }}
              strokeDasharray={s.dashed ? '5 3' : undefined}
            />
          ) : null;
        })}
        {markers.map((marker) => (
          <MarkerLine key={`${marker.label}-${marker.iteration}`} marker={marker} x={x} area={area} />
        ))}
      </g>
      {hovered ? (
        <Readout
          row={hovered}
          rows={rows}
          series={series}
          x={x}
          scaleOf={scaleOf}
          area={area}
          format={format}
          font={font}
        />
      ) : null}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onMouseMove={(event) => {
          const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
          if (box) setPointer(event.clientX - box.left);
        }}
        onMouseLeave={() => setPointer(undefined)}
      />
      <line className="axis-line" x1={area.x} x2={area.x + area.width} y1={bottom} y2={bottom} />
    </g>
  );
}

/** Ticks and labels under the plot, and the grid's vertical lines, in recharts' axis style. */
function IterationAxis({ axis, x, area }: { axis: Axis; x: Scale; area: Area }) {
  const bottom = area.y + area.height;
  return (
    <g className="stream-iteration-axis">
      {axis.ticks.map((tick) => {
        const px = x(tick);
        return (
          <g key={tick}>
            <line className="grid-line" x1={px} x2={px} y1={area.y} y2={bottom} />
            <line className="axis-line" x1={px} x2={px} y1={bottom} y2={bottom + TICK} />
            <text x={px} y={bottom + TICK + 2} dy="0.71em" textAnchor="middle">
              {tick}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A detector's evidence window, shaded and named at its top left. */
function Shading({ shade, x, area }: { shade: Shade; x: Scale; area: Area }) {
  const from = x(shade.from);
  const width = Math.max(1, x(shade.to) - from);
  return (
    <g className="stream-shade">
      <rect
        x={from}
        y={area.y}
        width={width}
        height={area.height}
        style={{ fill: 'var(--alert)', stroke: 'var(--alert)' }}
        fillOpacity={0.12}
        strokeOpacity={0.4}
      />
      <text className="chart-note" x={from + 4} y={area.y + 4} dy="0.8em" style={{ fill: 'var(--alert)', ...HALO }}>
        {shade.label}
      </text>
    </g>
  );
}

/** A live change: a dashed line at the iteration where it applied, labelled at its top right. */
function MarkerLine({ marker, x, area }: { marker: Marker; x: Scale; area: Area }) {
  const px = x(marker.iteration);
  return (
    <g className="stream-marker">
      <line
        x1={px}
        x2={px}
        y1={area.y}
        y2={area.y + area.height}
        style={{ stroke: 'var(--marker)' }}
        strokeDasharray="4 3"
      />
      <text
        className="chart-note"
        x={px - 4}
        y={area.y + 4}
        dy="0.8em"
        textAnchor="end"
        style={{ fill: 'var(--marker)', ...HALO }}
      >
        {marker.label}
      </text>
    </g>
  );
}

interface ReadoutProps {
  row: Row;
  /** All rows: a series the hovered row does not hold (the other run's, in compare mode) reads its nearest own row. */
  rows: readonly Row[];
  series: readonly Series[];
  x: Scale;
  scaleOf(s: Series): ScaleFunction | undefined;
  area: Area;
  format(value: number): string;
  font: number;
}

/** A cursor at the hovered point, its dots, and a box with the iteration and each series' value. */
function Readout({ row, rows, series, x, scaleOf, area, format, font }: ReadoutProps) {
  const lineHeight = font + 2;
  const px = x(row.iteration);
  const valueOf = (s: Series) => (row[s.key] !== undefined ? row : nearestWith(rows, s.key, row.iteration))?.[s.key];
  const lines = [
    `it ${row.iteration}`,
    ...series.map((s) => {
      const v = valueOf(s);
      return `${s.name} ${typeof v === 'number' ? format(v) : '–'}`;
    }),
  ];
  const width = 8 + 0.58 * font * Math.max(...lines.map((l) => l.length));
  const height = 6 + lineHeight * lines.length;
  const boxX = px + 8 + width > area.x + area.width ? px - 8 - width : px + 8;
  return (
    <g className="stream-readout" pointerEvents="none">
      <line className="axis-line" x1={px} x2={px} y1={area.y} y2={area.y + area.height} />
      {series.map((s) => {
        const v = row[s.key];
        // Only the hovered row's own points get a dot: the other run's nearest point may sit elsewhere.
        const py = typeof v === 'number' ? scaleOf(s)?.(v) : undefined;
        return py === undefined || !Number.isFinite(py) ? null : (
          <circle key={s.key} cx={px} cy={py} r={3} style={{ fill: s.colour }} />
        );
      })}
      <rect
        x={boxX}
        y={area.y}
        width={width}
        height={height}
        rx={3}
        style={{ fill: 'var(--surface)', stroke: 'var(--border)' }}
        fillOpacity={0.92}
      />
      {lines.map((line, i) => (
        <text
          key={line}
          x={boxX + 4}
          y={area.y + 3 + lineHeight * (i + 1) - 2}
          style={{ fill: i === 0 ? 'var(--text)' : series[i - 1]?.colour }}
        >
          {line}
        </text>
      ))}
    </g>
  );
}
