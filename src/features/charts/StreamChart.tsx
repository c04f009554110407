import { memo, startTransition, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  CartesianGrid,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import { type Axis, extent, fixedAxis, iterationAxis, stableAxis } from './axes.ts';
import type { Row } from './downsample.ts';
import { usePalette } from '../theme/theme.ts';
import {
  iterationAxisHeight,
  type Marker,
  type Series,
  type Shade,
  type StreamLayer,
  StreamLayerContext,
  StreamLines,
} from './StreamLines.tsx';

export interface StreamChartProps {
  title: string;
  /** What the curves count, behind a disclosure named `label` in the caption (folded, so the charts keep their height). */
  help?: { label: string; text: string };
  rows: readonly Row[];
  series: readonly Series[];
  domain: [number, number];
  log?: boolean;
  /** A fixed value scale for the left axis (counts out of a known total); otherwise it follows the data. */
  leftDomain?: [number, number];
  rightDomain?: [number, number];
  shades: readonly Shade[];
  markers: readonly Marker[];
  /** Horizontal guides, e.g. ln K for the mutual information. */
  guides?: readonly Marker[];
  /** A sentence with the latest values, for screen readers and tests. */
  summary: string;
  empty: string;
  /**
   * Adopt new data this long after it arrives: charts that change together then redraw in separate
   * tasks, each well under a frame, instead of one long task for all of them.
   */
  delayMs?: number;
}

const tickFormat = (value: number) =>
  Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0)
    ? value.toExponential(0)
    : String(Number(value.toPrecision(3)));

/**
 * One streaming line chart: downsampled rows, a shared iteration axis, the detectors' evidence
 * windows shaded, and the live changes as labelled vertical markers. Animation is off: the data
 * changes a few times a second and tweening would only cost frames.
 */
export const StreamChart = memo(function StreamChart(props: StreamChartProps) {
  const shown = useStaggered(props, props.delayMs ?? 0);
  return <ChartBody {...shown} />;
}, sameChart);

/**
 * Shows `value` as it was `delayMs` after it first changed, then again after the next change: the
 * timer is not restarted by every new value, so a chart whose data changes more often than
 * `delayMs` still redraws (with the newest data), just later than its siblings.
 */
function useStaggered<T>(value: T, delayMs: number): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useLayoutEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    if (delayMs <= 0 || timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      startTransition(() => setShown(latest.current));
    }, delayMs);
  }, [value, delayMs]);
  useEffect(
    () => () => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
  return delayMs <= 0 ? value : shown;
}

const sameList = <T,>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => same(x, b[i])));
const sameSeries = (a: Series, b: Series) =>
  a.key === b.key && a.name === b.name && a.colour === b.colour && a.right === b.right && a.dashed === b.dashed;
const sameShade = (a: Shade, b: Shade) => a.from === b.from && a.to === b.to && a.label === b.label;
const sameMarker = (a: Marker, b: Marker) => a.iteration === b.iteration && a.label === b.label;
const sameNumber = (a: number, b: number) => a === b;

/**
 * Equal by content, not identity: the panel builds its series, shades and markers afresh on every
 * render, and a recharts redraw (its store, scales, ticks and SVG) is the page's costliest work, so a
 * chart whose data did not change must not redraw because a sibling's did.
 */
function sameChart(a: StreamChartProps, b: StreamChartProps): boolean {
  return (
    a.rows === b.rows &&
    a.title === b.title &&
    a.help?.label === b.help?.label &&
    a.help?.text === b.help?.text &&
    a.log === b.log &&
    a.summary === b.summary &&
    a.empty === b.empty &&
    a.delayMs === b.delayMs &&
    sameList(a.domain, b.domain, sameNumber) &&
    sameList(a.leftDomain, b.leftDomain, sameNumber) &&
    sameList(a.rightDomain, b.rightDomain, sameNumber) &&
    sameList(a.series, b.series, sameSeries) &&
    sameList(a.shades, b.shades, sameShade) &&
    sameList(a.markers, b.markers, sameMarker) &&
    sameList(a.guides, b.guides, sameMarker)
  );
}

/**
 * The chart's axes, each kept from the redraw before while the data still fits it (see axes.ts):
 * then a redraw moves only the lines, not the ticks, labels and grid.
 */
function useStreamAxes(
  { rows, series, domain, log, leftDomain, rightDomain, guides = [] }: StreamChartProps,
  hasRight: boolean,
) {
  const previous = useRef<{ x?: Axis; left?: Axis; right?: Axis }>({});
  const leftKeys = series.filter((s) => !s.right).map((s) => s.key);
  const rightKeys = series.filter((s) => s.right).map((s) => s.key);
  let [low, high] = extent(rows, leftKeys, log);
  for (const guide of guides) [low, high] = [Math.min(low, guide.iteration), Math.max(high, guide.iteration)];
  const x = iterationAxis(previous.current.x, domain[0], domain[1]);
  const left = leftDomain
    ? fixedAxis(previous.current.left, leftDomain)
    : stableAxis(previous.current.left, low, high, log);
  const right = hasRight
    ? rightDomain
      ? fixedAxis(previous.current.right, rightDomain)
      : stableAxis(previous.current.right, ...extent(rows, rightKeys))
    : undefined;
  previous.current = { x, left, right };
  return { x, left, right };
}

const ChartBody = memo(function ChartBody(props: StreamChartProps) {
  const { title, help, rows, series, log, shades, markers, guides = NO_GUIDES, summary, empty } = props;
  const hasRight = series.some((s) => s.right);
  const axes = useStreamAxes(props, hasRight);
  const layer = useMemo<StreamLayer>(() => ({ rows, x: axes.x, shades, markers }), [rows, axes.x, shades, markers]);
  const palette = usePalette();
  const summaryId = useId();
  // One keyboard stop per chart, named by its title and described by its latest values; the plot
  // itself is hidden from assistive technology (its text is only tick numbers).
  return (
    <figure className="chart" aria-label={title} aria-describedby={summaryId} tabIndex={0}>
      <figcaption>
        {title}
        {/* A static legend: recharts' own measures itself on every redraw. */}
        <span className="chart-legend">
          {series.map((s) => (
            <span key={s.key}>
              <i style={{ borderColor: s.colour, borderStyle: s.dashed ? 'dashed' : 'solid' }} />
              {s.name}
            </span>
          ))}
        </span>
        {help ? (
          <details className="chart-help">
            <summary aria-label={help.label} title={help.label}>
              ?
            </summary>
            <p>{help.text}</p>
          </details>
        ) : null}
      </figcaption>
      {/* The frame stays mounted with no rows (mounting a recharts chart is its costliest redraw): it is
          built when the page loads, not in the first second of training. */}
      <div className="chart-plot" aria-hidden="true">
        <StreamLayerContext.Provider value={layer}>
          <ChartFrame
            font={palette.chartFont}
            height={palette.chartHeight}
            left={axes.left}
            right={axes.right}
            log={log}
            series={series}
            guides={guides}
          />
        </StreamLayerContext.Provider>
        {rows.length === 0 ? <p className="chart-empty">{empty}</p> : null}
      </div>
      <p className="visually-hidden" id={summaryId}>
        {summary}
      </p>
    </figure>
  );
}, sameChart);

const NO_GUIDES: readonly Marker[] = [];

interface ChartFrameProps {
  /** The theme's chart text size and plot height (palette.ts): presenter mode doubles both. */
  font: number;
  height: number;
  left: Axis;
  right?: Axis;
  log?: boolean;
  series: readonly Series[];
  guides: readonly Marker[];
}

/** The value axes hold still (useStreamAxes), so most updates change only the layer, which the frame does not read. */
const sameFrame = (a: ChartFrameProps, b: ChartFrameProps) =>
  a.font === b.font &&
  a.height === b.height &&
  a.left === b.left &&
  a.right === b.right &&
  a.log === b.log &&
  sameList(a.series, b.series, sameSeries) &&
  sameList(a.guides, b.guides, sameMarker);

/**
 * A value axis's label as plain SVG text: recharts' own Text resolves a theme and measures its words
 * on every redraw, the larger part of an axis change at the start of a run (a frame redraw there
 * made tasks over 50 ms).
 */
function TickLabel({ x, y, textAnchor, payload }: YAxisTickContentProps) {
  return (
    <text className="recharts-cartesian-axis-tick-value" x={x} y={y} dy="0.355em" textAnchor={textAnchor}>
      {tickFormat(Number(payload.value))}
    </text>
  );
}

/** The frame's x axis is hidden and never changes: the layer (StreamLines) draws the iteration axis. */
const UNIT: [number, number] = [0, 1];
const UNIT_ROWS = [{ iteration: 0 }, { iteration: 1 }];

/**
 * The recharts frame: the plot area, the value axes with their grid and guides, and the moving layer
 * (StreamLines), which reads the rows, the iteration axis, shades and markers from context: a new
 * batch of rows, or an iteration axis grown to fit them, redraws the layer alone, not the frame.
 */
const ChartFrame = memo(function ChartFrame({ font, height, left, right, log, series, guides }: ChartFrameProps) {
  // Tick labels are up to ~4 characters: the value axes widen with the text.
  const axisWidth = 4 * font;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        accessibilityLayer={false}
        data={UNIT_ROWS}
        margin={{ top: font / 2, right: right ? 4 : 1.5 * font, bottom: iterationAxisHeight(font), left: 0 }}
      >
        <CartesianGrid className="chart-grid" vertical={false} />
        <XAxis dataKey="iteration" type="number" domain={UNIT} hide />
        <YAxis
          yAxisId="left"
          niceTicks="none"
          width={axisWidth}
          tick={TickLabel}
          scale={log ? 'log' : 'linear'}
          domain={left.domain}
          ticks={left.ticks}
          interval={0}
          allowDataOverflow
        />
        {right ? (
          <YAxis
            yAxisId="right"
            niceTicks="none"
            orientation="right"
            width={axisWidth - 0.5 * font}
            tick={TickLabel}
            domain={right.domain}
            ticks={right.ticks}
            interval={0}
            allowDataOverflow
          />
        ) : null}
        {guides.map((guide) => (
          <ReferenceLine
            key={guide.label}
            yAxisId="left"
            y={guide.iteration}
            className="chart-guide"
            strokeDasharray="2 3"
            label={{ value: guide.label, position: 'insideBottomRight', className: 'chart-note' }}
          />
        ))}
        <StreamLines series={series} format={tickFormat} font={font} />
      </LineChart>
    </ResponsiveContainer>
  );
}, sameFrame);
