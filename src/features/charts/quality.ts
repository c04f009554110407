import { useMemo } from 'react';
import type { DatasetId } from '../../gan/config.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import {
  COVERAGE_FRACTION,
  HIGH_QUALITY_SIGMAS,
  METRIC_SAMPLES,
  MIN_COVERING_SAMPLES,
} from '../../gan/metrics/modes.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { HistoryState } from '../history/runHistory.ts';
import { paletteVar } from '../theme/palette.ts';
import { BUCKETS, minMaxBuckets, type Row } from './downsample.ts';
import type { Series } from './StreamLines.tsx';

/**
 * The "Modes and quality" chart: what a run's samples are worth, read the way the data allows — the
 * mode metrics on the 2D sets with known modes, the digit classifier on MNIST, the samples' spread
 * elsewhere. The palette's colours (src/features/theme/palette.ts): coverage in the real data's
 * colour, quality in the fakes', the classifier's score in the estimate's.
 */
const COLOURS = { real: paletteVar('real'), fake: paletteVar('fake'), score: paletteVar('lineW') };

/** The 2D sets with known modes (their modules give a ModeSpec), whose quality is read by the mode metrics. */
const MODE_DATASETS = (Object.keys(DATASET_MODULES) as DatasetId[]).filter(
  (id) => DATASET_MODULES[id].modes !== undefined,
);

export type QualityChart = {
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
export function useQuality(history: HistoryState, dataset: DatasetId): QualityChart {
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
        { key: 'classifierScore', name: c.classifierScore, colour: COLOURS.score, right: true },
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
