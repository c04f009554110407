import { lazy, memo, Suspense, useCallback, useMemo, useRef } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { DatasetId, RunConfig } from '../../gan/config.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import type { Diagnosis } from '../../gan/diagnosis/diagnose.ts';
import { objectiveOutput } from '../../gan/diagnosis/objectives.ts';
import { recordedSignals } from '../../gan/stats.ts';
import {
  COVERAGE_FRACTION,
  HIGH_QUALITY_SIGMAS,
  METRIC_SAMPLES,
  MIN_COVERING_SAMPLES,
} from '../../gan/metrics/modes.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { LiveMarker } from '../../worker/protocol.ts';
import { formatSetting } from '../../i18n/format.ts';
import { ChartsDownload } from '../share/ChartsDownload.tsx';
import type { HistoryState, RunHistory } from '../history/runHistory.ts';
import { minMaxBuckets, type Row } from './downsample.ts';
import { CHART_OF, type ChartId, MARKER_NAMES } from './signals.ts';
import { StreamChart } from './StreamChart.tsx';
import type { Marker, Series, Shade } from './StreamLines.tsx';
import { useThrottled } from './useThrottled.ts';
import { paletteVar } from '../theme/palette.ts';

/** The theory charts (TheoryCharts.tsx) load after the page's first paint, with their sentences (src/i18n/theoryTexts.ts). */
const TheoryCharts = lazy(() => import('./TheoryCharts.tsx').then(({ TheoryCharts }) => ({ default: TheoryCharts })));

/**
 * Buckets per chart: each keeps its first point and each series' extremes (up to 7 rows with three
 * series), so spikes survive while a chart's rows stay in the low hundreds; recharts' cost per redraw
 * grows with the rows.
 */
const BUCKETS = 60;
/**
 * Charts redraw at most this often (about 1.7 times a second): on a 2-core laptop that also trains,
 * every SVG redraw competes with the worker and with clicks (measured: 4 charts at 2.5 Hz kept the
 * main thread ~70% busy under load).
 */
const REDRAW_MS = 600;
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
  const show = (v: unknown) => (typeof v === 'number' ? formatSetting(v) : String(v));
  return `${MARKER_NAMES[marker.field] ?? marker.field} ${show(marker.from)} → ${show(marker.to)}`;
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

function latest(rows: readonly Row[], series: readonly Series[]): string {
  const last = rows.at(-1);
  if (!last) return '';
  return series
    .map((s) => `${s.name} ${typeof last[s.key] === 'number' ? formatSetting(last[s.key] as number) : '–'}`)
    .join(', ');
}

export interface ChartsPanelProps {
  client: TrainingClient;
  store?: RunHistory;
  config: RunConfig;
  diagnoses: readonly Diagnosis[];
}

/**
 * The streaming charts: losses; D's outputs (or the critic's values and the Wasserstein estimate);
 * gradient norms and G's loss gradient at D's logit (|∂L_G/∂ℓ|) on a log axis; modes and quality (or
 * the digit classifier, or sample diversity); InfoGAN's mutual information. Live changes are marked,
 * detector evidence is shaded, and everything is downsampled and redrawn at most every REDRAW_MS
 * (about 1.7 times a second).
 */
export const ChartsPanel = memo(function ChartsPanel({ client, store, config, diagnoses }: ChartsPanelProps) {
  const t = useStrings().charts;
  const d = useStrings().diagnostics;
  const section = useRef<HTMLElement>(null);
  const read = useCallback(() => {
    const s = client.getSnapshot();
    return { stats: s.stats, markers: s.markers };
  }, [client]);
  const { stats, markers: liveMarkers } = useThrottled(client.subscribe, read, REDRAW_MS);
  const history = useThrottled(store?.subscribe ?? noSubscription, store?.getSnapshot ?? emptyHistory, REDRAW_MS);
  const c = t.curves;
  const output = objectiveOutput(config.objective);

  const view = useMemo(() => {
    const first = stats[0]?.iteration ?? 0;
    const last = stats.at(-1)?.iteration ?? 1;
    const domain: [number, number] = [first, Math.max(last, first + 1)];
    const markers: Marker[] = liveMarkers.map((m) => ({ iteration: m.iteration, label: markerLabel(m) }));
    const shades = (chart: ChartId): Shade[] =>
      diagnoses
        .filter((x) => x.finding.signals.some((signal) => CHART_OF[signal] === chart))
        .map((x) => ({ from: x.finding.from, to: x.finding.to, label: d.detectors[x.finding.detector].name }));
    return { domain, markers, shades };
  }, [stats, liveMarkers, diagnoses, d]);

  const losses: Series[] = [
    { key: 'dLoss', name: c.dLoss, colour: COLOURS.d },
    { key: 'gLoss', name: c.gLoss, colour: COLOURS.g },
  ];
  // The run's own list of what it records (stats.ts): the W estimate only where it estimates one.
  const recorded = recordedSignals(config);
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
  const quality = useQuality(history, config.dataset);
  const rows = stats as unknown as Row[];
  const lossRows = useMemo(() => minMaxBuckets(rows, ['dLoss', 'gLoss'], BUCKETS), [rows]);
  const outputRows = useMemo(() => minMaxBuckets(rows, ['dReal', 'dFake', 'wasserstein'], BUCKETS), [rows]);
  const info = recorded.includes('mutualInformation');
  const infoRows = useMemo(() => (info ? minMaxBuckets(rows, ['mutualInformation'], BUCKETS) : []), [rows, info]);
  const infoSeries: Series[] = [{ key: 'mutualInformation', name: c.mutualInformation, colour: COLOURS.w }];
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
        rows={lossRows}
        series={losses}
        shades={view.shades('losses')}
        summary={summary(lossRows, losses)}
      />
      <StreamChart
        {...common}
        delayMs={STAGGER_MS}
        title={output === 'critic' ? t.critic : t.outputs}
        rows={outputRows}
        series={outputs}
        shades={view.shades('outputs')}
        summary={summary(outputRows, outputs)}
      />
      <StreamChart
        {...common}
        delayMs={2 * STAGGER_MS}
        title={t.gradients}
        rows={gradientRows}
        series={gradients}
        log
        shades={view.shades('gradients')}
        summary={summary(gradientRows, gradients)}
      />
      <StreamChart
        {...common}
        delayMs={3 * STAGGER_MS}
        title={quality.title}
        help={quality.help ? { label: t.helpLabel, text: quality.help } : undefined}
        rows={quality.rows}
        series={quality.series}
        leftDomain={quality.leftDomain}
        rightDomain={quality.rightDomain}
        shades={view.shades('quality')}
        summary={summary(quality.rows, quality.series)}
      />
      {info ? (
        <StreamChart
          {...common}
          delayMs={4 * STAGGER_MS}
          title={t.information}
          rows={infoRows}
          series={infoSeries}
          shades={view.shades('information')}
          guides={[
            { iteration: Math.log(config.categories), label: t.ceiling(Math.log(config.categories).toFixed(2)) },
          ]}
          summary={summary(infoRows, infoSeries)}
        />
      ) : null}
      <Suspense fallback={null}>
        <TheoryCharts {...common} client={client} config={config} delayMs={5 * STAGGER_MS} />
      </Suspense>
    </section>
  );
});

const noSubscription = () => () => undefined;
const EMPTY_HISTORY: HistoryState = { run: 0, evaluations: [], classifier: [], diversity: [], frames: [] };
const emptyHistory = () => EMPTY_HISTORY;

/** The 2D sets with known modes (their modules give a ModeSpec), whose quality is read by the mode metrics. */
const MODE_DATASETS = (Object.keys(DATASET_MODULES) as DatasetId[]).filter(
  (id) => DATASET_MODULES[id].modes !== undefined,
);

type QualityChart = {
  title: string;
  rows: Row[];
  series: Series[];
  leftDomain?: [number, number];
  rightDomain?: [number, number];
  help?: string;
};

/**
 * The quality chart for the data at hand, chosen by the dataset (not by which metrics arrived first,
 * so its title does not flicker at the start of a run): mode metrics, the digit classifier, or the
 * samples' spread. Its rows are downsampled like the others': an hour's run has thousands of evaluations.
 */
function useQuality(history: HistoryState, dataset: DatasetId): QualityChart {
  const t = useStrings().charts;
  return useMemo(() => {
    const chart = qualityChart(history, dataset, t);
    return {
      ...chart,
      rows: minMaxBuckets(
        chart.rows,
        chart.series.map((s) => s.key),
        BUCKETS,
      ),
    };
  }, [history, dataset, t]);
}

function qualityChart(
  history: HistoryState,
  dataset: DatasetId,
  t: ReturnType<typeof useStrings>['charts'],
): QualityChart {
  const c = t.curves;
  const withModes = history.evaluations.filter((e) => e.modes);
  if (MODE_DATASETS.includes(dataset)) {
    const total = withModes.at(-1)?.modes?.modesTotal;
    return {
      title: t.quality,
      rows: withModes.map((e) => ({
        iteration: e.iteration,
        modesCovered: e.modes!.modesCovered,
        wellCovered: e.modes!.wellCovered,
        highQuality: 100 * e.modes!.highQuality,
      })),
      // Counts of the data's modes: 0 … K, the whole scale from the first point (K = 8 on the ring).
      leftDomain: total ? [0, total] : undefined,
      series: [
        { key: 'modesCovered', name: c.modesCovered, colour: COLOURS.real },
        { key: 'wellCovered', name: c.wellCovered, colour: COLOURS.real, dashed: true },
        { key: 'highQuality', name: c.highQuality, colour: COLOURS.fake, right: true },
      ],
      rightDomain: [0, 100],
      help: t.qualityHelp(METRIC_SAMPLES, HIGH_QUALITY_SIGMAS, 100 * COVERAGE_FRACTION, MIN_COVERING_SAMPLES),
    };
  }
  if (dataset === 'mnist') {
    return {
      title: t.digits,
      rows: history.classifier.map((p) => ({
        iteration: p.iteration,
        digitModes: p.modes,
        classifierScore: p.classifierScore,
      })),
      series: [
        { key: 'digitModes', name: c.digitModes, colour: COLOURS.real },
        { key: 'classifierScore', name: c.classifierScore, colour: COLOURS.w, right: true },
      ],
      leftDomain: [0, 10],
      rightDomain: [1, 10],
    };
  }
  return {
    title: t.diversity,
    rows: history.diversity.map((p) => ({ iteration: p.iteration, diversity: p.ratio })),
    series: [{ key: 'diversity', name: c.diversity, colour: COLOURS.fake }],
  };
}
