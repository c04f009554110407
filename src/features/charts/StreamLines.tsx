import { createContext, useContext, useId, useState } from 'react';
import { type ScaleFunction, usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import type { Row } from './downsample.ts';
import { linePath, nearestRow } from './lines.ts';
import type { Series } from './StreamChart.tsx';

/**
 * The rows a chart's lines draw, handed past the recharts frame: the frame (axes, grid, evidence
 * shades, markers) redraws only when its axes or annotations change, which the stable axes make rare,
 * while the lines redraw with every update. A recharts redraw runs its store, selectors and every
 * axis component and cost ~30 ms on a 2-core laptop; the lines alone cost well under a millisecond.
 */
export const RowsContext = createContext<readonly Row[]>([]);

export interface StreamLinesProps {
  series: readonly Series[];
  format(value: number): string;
}

const READOUT_LINE = 13;

/**
 * The chart's lines, drawn inside the recharts chart with its scales and clipped to its plot area,
 * and a readout under the pointer: the nearest point's iteration and values.
 */
export function StreamLines({ series, format }: StreamLinesProps) {
  const rows = useContext(RowsContext);
  const area = usePlotArea();
  const x = useXAxisScale();
  const invert = useXAxisInverseScale();
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  const clip = useId();
  const [pointer, setPointer] = useState<number | undefined>(undefined);
  if (!area || !x || !left) return null;
  const scaleOf = (s: Series) => (s.right ? right : left);
  const hovered = pointer === undefined || !invert ? undefined : nearestRow(rows, Number(invert(pointer)));
  return (
    <g className="stream-lines">
      <defs>
        <clipPath id={clip}>
          <rect x={area.x} y={area.y - 2} width={area.width} height={area.height + 4} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {series.map((s) => {
          const y = scaleOf(s);
          return y ? (
            <path key={s.key} className="stream-line" data-series={s.key} d={linePath(rows, s.key, x, y)} fill="none" stroke={s.colour} strokeWidth={1.5} strokeDasharray={s.dashed ? '5 3' : undefined} />
          ) : null;
        })}
      </g>
      {hovered ? <Readout row={hovered} series={series} x={x} scaleOf={scaleOf} area={area} format={format} /> : null}
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
    </g>
  );
}

interface ReadoutProps {
  row: Row;
  series: readonly Series[];
  x: ScaleFunction;
  scaleOf(s: Series): ScaleFunction | undefined;
  area: { x: number; y: number; width: number; height: number };
  format(value: number): string;
}

/** A cursor at the hovered point, its dots, and a box with the iteration and each series' value. */
function Readout({ row, series, x, scaleOf, area, format }: ReadoutProps) {
  const px = x(row.iteration);
  if (px === undefined) return null;
  const lines = [`it ${row.iteration}`, ...series.map((s) => `${s.name} ${typeof row[s.key] === 'number' ? format(row[s.key] as number) : '–'}`)];
  const width = 8 + 6.2 * Math.max(...lines.map((l) => l.length));
  const height = 6 + READOUT_LINE * lines.length;
  const boxX = px + 8 + width > area.x + area.width ? px - 8 - width : px + 8;
  return (
    <g className="stream-readout" pointerEvents="none">
      <line x1={px} x2={px} y1={area.y} y2={area.y + area.height} stroke="#adb5bd" />
      {series.map((s) => {
        const v = row[s.key];
        const py = typeof v === 'number' ? scaleOf(s)?.(v) : undefined;
        return py === undefined || !Number.isFinite(py) ? null : <circle key={s.key} cx={px} cy={py} r={3} fill={s.colour} />;
      })}
      <rect x={boxX} y={area.y} width={width} height={height} rx={3} fill="#fff" fillOpacity={0.92} stroke="#ced4da" />
      {lines.map((line, i) => (
        <text key={line} x={boxX + 4} y={area.y + 3 + READOUT_LINE * (i + 1) - 2} fontSize={11} fill={i === 0 ? '#495057' : (series[i - 1]?.colour ?? '#212529')}>
          {line}
        </text>
      ))}
    </g>
  );
}
