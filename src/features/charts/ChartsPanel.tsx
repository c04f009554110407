import { lazy, memo, Suspense, useCallback, useMemo, useRef } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { RunConfig } from '../../gan/config.ts';
import type { Diagnosis } from '../../gan/diagnosis/diagnose.ts';
import { objectiveOutput } from '../../gan/diagnosis/objectives.ts';
import { recordedSignals } from '../../gan/stats.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { LiveMarker } from '../../worker/protocol.ts';
import { formatSetting, formatSettingValue } from '../../i18n/format.ts';
import { ChartsDownload } from '../share/ChartsDownload.tsx';
import type { HistoryState, RunHistory } from '../history/runHistory.ts';
import { BUCKETS, minMaxBuckets, type Row } from './downsample.ts';
import { mergeRuns } from './lines.ts';
import { CHART_OF, type ChartId, MARKER_NAMES } from './signals.ts';
import { StreamChart } from './StreamChart.tsx';
import type { Marker, Series, Shade } from './StreamLines.tsx';
import { type QualityChart, useQuality } from './quality.ts';
import { useThrottled } from './useThrottled.ts';
import { paletteVar } from '../theme/palette.ts';

/** The theory charts (TheoryCharts.tsx) load after the page's first paint, with their sentences (src/i18n/theoryTexts.ts). */
const TheoryCharts = lazy(() => import('./TheoryCharts.tsx').then(({ TheoryCharts }) => ({ default: TheoryCharts })));

/** The charts redraw one after another, this far apart, each in a task of its own (see StreamChart). */
const STAGGER_MS = 110;

/** The palette's colours (src/features/theme/palette.ts) as CSS variables: the lines follow the theme without a redraw. */
const COLOURS = {
  d: paletteVar('lineD'),
  g: paletteVar('lineG'),
  real: paletteVar('real'),
  fake: paletteVar('fake'),
  w: paletteVar('lineW'),
  grey: paletteVar('lineOther'),
};

function markerLabel(marker: LiveMarker): string {
  return `${MARKER_NAMES[marker.field] ?? marker.field} ${formatSettingValue(marker.from)} → ${formatSettingValue(marker.to)}`;
}

/** Rows for a log axis: a norm of 0 (or below) has no logarithm, so it is left out rather than drawn at −∞. */
function positive(rows: readonly Row[], keys: readonly string[]): Row[] {
  return rows.map((p) => {
    const row: Row = { iteration: p.iteration };
    for (const key of keys) {
      const v = p[key];
      row[key] = v !== null && Number.isFinite(v) && v > 0 ? v : null;
    }
    return row;
  });
}

const GRADIENT_KEYS = ['gradNormD', 'gradNormG', 'outputGrad'];

/** A series' latest value: the last row that holds its key (in compare mode a row holds one run's keys). */
function latestValue(rows: readonly Row[], key: string): number | null | undefined {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i][key] !== undefined) return rows[i][key];
  return undefined;
}

function latest(rows: readonly Row[], series: readonly Series[]): string {
  if (rows.length === 0) return '';
  return series
    .map((s) => {
      const v = latestValue(rows, s.key);
      return `${s.name} ${typeof v === 'number' ? formatSetting(v) : '–'}`;
    })
    .join(', ');
}

/** One run whose lines the charts draw. */
export interface ChartRun {
  client: TrainingClient;
  store?: RunHistory;
  config: RunConfig;
  diagnoses: readonly Diagnosis[];
}

export interface ChartsPanelProps extends ChartRun {
  /**
   * Compare mode: run B, drawn on the same axes as run A (the props above), A solid and B dashed,
   * each line named with its run in the legend and the readout.
   */
  compare?: ChartRun & {
    names: { a: string; b: string };
    seriesName(name: string, run: string): string;
    /** The run the theory charts draw (they read one run), and the words that say so above them. */
    theory: 'a' | 'b';
    theoryCaption: string;
  };
}

/** Run B's columns in merged rows: its key with this suffix. */
const B = '@B';

/**
 * The streaming charts: losses; D's outputs (or the critic's values and the Wasserstein estimate);
 * gradient norms and G's loss gradient at D's logit (|∂L_G/∂ℓ|) on a log axis; modes and quality (or
 * the digit classifier, or sample diversity); InfoGAN's mutual information. Live changes are marked,
 * detector evidence is shaded, and everything is downsampled and redrawn at most every REDRAW_MS
 * (about 1.7 times a second).
 */
export const ChartsPanel = memo(function ChartsPanel({ compare, ...a }: ChartsPanelProps) {
  const t = useStrings().charts;
  const section = useRef<HTMLElement>(null);
  const named = (run: string) => (compare ? (label: string) => compare.seriesName(label, run) : undefined);
  const runA = useChartRun(a, named(compare?.names.a ?? ''));
  const runB = useChartRun(compare, named(compare?.names.b ?? ''));
  const { config, client } = a;
  const theoryOfB = compare?.theory === 'b';

  // Compare mode: both runs' rows on one axis, B's columns renamed; A solid, B dashed, each named with its run.
  const pair = <K extends keyof RunCharts>(chart: K): RunCharts[K] => {
    const one = runA.charts[chart];
    if (!compare) return one;
    const other = runB.charts[chart];
    const keys = other.series.map((s) => s.key);
    return {
      ...one,
      rows: mergeRuns(one.rows, other.rows, keys, B),
      series: [
        ...one.series.map((s) => ({ ...s, name: compare.seriesName(s.name, compare.names.a), dashed: false })),
        ...other.series.map((s) => ({
          ...s,
          key: s.key + B,
          name: compare.seriesName(s.name, compare.names.b),
          dashed: true,
        })),
      ],
    };
  };

  const view = useMemo(() => {
    const first = Math.min(runA.first, runB.present ? runB.first : Infinity);
    const last = Math.max(runA.last, runB.present ? runB.last : -Infinity);
    const domain: [number, number] = [first, Math.max(last, first + 1)];
    return {
      domain,
      markers: runB.present ? [...runA.markers, ...runB.markers] : runA.markers,
      shades: (chart: ChartId) => (runB.present ? [...runA.shades(chart), ...runB.shades(chart)] : runA.shades(chart)),
    };
  }, [runA, runB]);

  const losses = pair('losses');
  const outputs = pair('outputs');
  const gradients = pair('gradients');
  const quality = pair('quality');
  const info = pair('information');
  const outputTitle = (run: RunView) => (run.output === 'critic' ? t.critic : t.outputs);
  const outputsTitle =
    runB.present && outputTitle(runB) !== outputTitle(runA)
      ? `${outputTitle(runA)} · ${outputTitle(runB)}`
      : outputTitle(runA);
  const qualityTitle =
    runB.present && runB.charts.quality.title !== quality.title
      ? `${quality.title} · ${runB.charts.quality.title}`
      : quality.title;
  // Fixed scales hold both runs' counts (e.g. 8 modes on one side, 25 on the other).
  const wider = (x?: [number, number], y?: [number, number]): [number, number] | undefined =>
    x && (!runB.present || y) ? [Math.min(x[0], y?.[0] ?? x[0]), Math.max(x[1], y?.[1] ?? x[1])] : undefined;
  const categories = Math.max(config.categories, compare ? compare.config.categories : 0);
  const common = { domain: view.domain, markers: view.markers, empty: t.noData };
  const summary = (rows: readonly Row[], series: readonly Series[]) => {
    const last = rows.at(-1);
    return last ? t.latest(last.iteration, latest(rows, series)) : t.noData;
  };
  return (
    <section className="charts" aria-label={t.region} ref={section}>
      <ChartsDownload charts={section} iteration={() => client.getSnapshot().iteration} />
      <StreamChart
        {...common}
        delayMs={0}
        title={t.losses}
        rows={losses.rows}
        series={losses.series}
        shades={view.shades('losses')}
        summary={summary(losses.rows, losses.series)}
      />
      <StreamChart
        {...common}
        delayMs={STAGGER_MS}
        title={outputsTitle}
        rows={outputs.rows}
        series={outputs.series}
        shades={view.shades('outputs')}
        summary={summary(outputs.rows, outputs.series)}
      />
      <StreamChart
        {...common}
        delayMs={2 * STAGGER_MS}
        title={t.gradients}
        rows={gradients.rows}
        series={gradients.series}
        log
        shades={view.shades('gradients')}
        summary={summary(gradients.rows, gradients.series)}
      />
      <StreamChart
        {...common}
        delayMs={3 * STAGGER_MS}
        title={qualityTitle}
        help={quality.help ? { label: t.helpLabel, text: quality.help } : undefined}
        rows={quality.rows}
        series={quality.series}
        leftDomain={wider(quality.leftDomain, runB.charts.quality.leftDomain)}
        rightDomain={wider(quality.rightDomain, runB.charts.quality.rightDomain)}
        shades={view.shades('quality')}
        summary={summary(quality.rows, quality.series)}
      />
      {info.series.length > 0 ? (
        <StreamChart
          {...common}
          delayMs={4 * STAGGER_MS}
          title={t.information}
          rows={info.rows}
          series={info.series}
          shades={view.shades('information')}
          guides={[{ iteration: Math.log(categories), label: t.ceiling(Math.log(categories).toFixed(2)) }]}
          summary={summary(info.rows, info.series)}
        />
      ) : null}
      {/* The theory's charts read one run: in compare mode the run the page follows, named above them. */}
      {compare ? <p className="charts-theory-run">{compare.theoryCaption}</p> : null}
      <Suspense fallback={null}>
        <TheoryCharts
          {...common}
          markers={theoryOfB ? runB.markers : runA.markers}
          client={theoryOfB ? compare.client : client}
          config={theoryOfB ? compare.config : config}
          delayMs={5 * STAGGER_MS}
        />
      </Suspense>
    </section>
  );
});

interface ChartData {
  rows: Row[];
  series: Series[];
}

interface RunCharts {
  losses: ChartData;
  outputs: ChartData;
  gradients: ChartData;
  quality: QualityChart;
  information: ChartData;
}

interface RunView {
  /** Whether there is such a run (single mode has no run B: its view is of nothing). */
  present: boolean;
  output: ReturnType<typeof objectiveOutput>;
  first: number;
  last: number;
  markers: Marker[];
  shades(chart: ChartId): Shade[];
  charts: RunCharts;
}

const noClient = { subscribe: () => () => undefined, read: () => ({ stats: [], markers: [] }) };

/**
 * One run's downsampled rows and series for every chart, its markers and its detectors' shades
 * (`named` adds the run's name to a marker's and a shade's label in compare mode). With no run
 * (single mode's absent B) the hooks still run, on nothing, and `present` is false.
 */
function useChartRun(props: ChartRun | undefined, named?: (label: string) => string): RunView {
  const t = useStrings().charts;
  const d = useStrings().diagnostics;
  const client = props?.client;
  const read = useCallback(() => {
    if (!client) return noClient.read();
    const s = client.getSnapshot();
    return { stats: s.stats, markers: s.markers };
  }, [client]);
  const { stats, markers: liveMarkers } = useThrottled(client?.subscribe ?? noClient.subscribe, read);
  const store = props?.store;
  const history = useThrottled(store?.subscribe ?? noSubscription, store?.getSnapshot ?? emptyHistory);
  const c = t.curves;
  const config = props?.config;
  const objective = config?.objective ?? 'nonSaturating';
  const output = objectiveOutput(objective);
  const diagnoses = props?.diagnoses ?? NO_DIAGNOSES;
  const label = useRef(named);
  label.current = named;
  const naming = named !== undefined;

  const view = useMemo(() => {
    const first = stats[0]?.iteration ?? 0;
    const last = stats.at(-1)?.iteration ?? 1;
    const name = (text: string) => (naming && label.current ? label.current(text) : text);
    const markers: Marker[] = liveMarkers.map((m) => ({ iteration: m.iteration, label: name(markerLabel(m)) }));
    const shades = (chart: ChartId): Shade[] =>
      diagnoses
        .filter((x) => x.finding.signals.some((signal) => CHART_OF[signal] === chart))
        .map((x) => ({ from: x.finding.from, to: x.finding.to, label: name(d.detectors[x.finding.detector].name) }));
    return { first, last, markers, shades };
  }, [stats, liveMarkers, diagnoses, d, naming]);

  const losses: Series[] = [
    { key: 'dLoss', name: c.dLoss, colour: COLOURS.d },
    { key: 'gLoss', name: c.gLoss, colour: COLOURS.g },
  ];
  // The run's own list of what it records (stats.ts): the W estimate only where it estimates one.
  const recorded = config ? recordedSignals(config) : [];
  const outputs: Series[] = (
    output === 'critic'
      ? [
          { key: 'dReal', name: c.criticReal, colour: COLOURS.real },
          { key: 'dFake', name: c.criticFake, colour: COLOURS.fake },
          { key: 'wasserstein', name: c.wasserstein, colour: COLOURS.w, dashed: true },
        ]
      : [
          { key: 'dReal', name: c.dReal, colour: COLOURS.real },
          { key: 'dFake', name: c.dFake, colour: COLOURS.fake },
        ]
  ).filter((series) => recorded.some((field) => field === series.key));
  const gradients: Series[] = [
    { key: 'gradNormD', name: c.gradNormD, colour: COLOURS.d },
    { key: 'gradNormG', name: c.gradNormG, colour: COLOURS.g },
    { key: 'outputGrad', name: c.outputGrad, colour: COLOURS.grey, dashed: true },
  ];
  // Downsample first, then drop non-positive values: mapping 50,000 points every redraw only feeds the GC.
  const gradientRows = useMemo(
    () => positive(minMaxBuckets(stats as unknown as Row[], GRADIENT_KEYS, BUCKETS), GRADIENT_KEYS),
    [stats],
  );
  const quality = useQuality(history, config?.dataset ?? 'ring');
  const rows = stats as unknown as Row[];
  const lossRows = useMemo(() => minMaxBuckets(rows, ['dLoss', 'gLoss'], BUCKETS), [rows]);
  const outputRows = useMemo(() => minMaxBuckets(rows, ['dReal', 'dFake', 'wasserstein'], BUCKETS), [rows]);
  const info = recorded.includes('mutualInformation');
  const infoRows = useMemo(() => (info ? minMaxBuckets(rows, ['mutualInformation'], BUCKETS) : []), [rows, info]);
  const infoSeries: Series[] = info ? [{ key: 'mutualInformation', name: c.mutualInformation, colour: COLOURS.w }] : [];
  const charts: RunCharts = {
    losses: { rows: lossRows, series: losses },
    outputs: { rows: outputRows, series: outputs },
    gradients: { rows: gradientRows, series: gradients },
    quality,
    information: { rows: infoRows, series: infoSeries },
  };
  return { ...view, present: props !== undefined, output, charts };
}

const NO_DIAGNOSES: readonly Diagnosis[] = [];

const noSubscription = () => () => undefined;
const EMPTY_HISTORY: HistoryState = { run: 0, evaluations: [], classifier: [], diversity: [], frames: [] };
const emptyHistory = () => EMPTY_HISTORY;
