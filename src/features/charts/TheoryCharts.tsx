import { memo, useCallback, useContext, useMemo } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { RunConfig } from '../../gan/config.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { EQUILIBRIUM_VALUE, JS_BOUND } from '../../gan/theory/optimal.ts';
import { formatSetting } from '../../i18n/format.ts';
import * as theoryTexts from '../../i18n/theoryTexts.ts';
import { LanguageContext, useStrings } from '../../i18n/useStrings.ts';
import { paletteVar } from '../theme/palette.ts';
import { BUCKETS, minMaxBuckets, type Row } from './downsample.ts';
import { StreamChart } from './StreamChart.tsx';
import type { Marker, Series } from './StreamLines.tsx';
import { useThrottled } from './useThrottled.ts';

/** The palette's colours (src/features/theme/palette.ts): V is D's objective (D's colour), the slope the critic's. */
const COLOURS = { js: paletteVar('lineW'), value: paletteVar('lineD'), lipschitz: paletteVar('lineG') };
/** JS lives on 0 … log 2: the whole scale from the first point, with its bound in view. */
const JS_DOMAIN: [number, number] = [0, 0.75];
/**
 * The Lipschitz chart's top, the first of these above every point: K = 1 stays in view with room for
 * its label, and the scale changes only when the constant crosses one of them (a new scale redraws
 * the chart's frame, StreamChart's costliest work).
 */
const LIPSCHITZ_TOPS = [1.5, 2, 3, 5, 10, 20, 50, 100, 1e3, 1e4, 1e6];

function lipschitzDomain(rows: readonly Row[]): [number, number] {
  let high = 0;
  for (const row of rows) {
    const v = row.lipschitz;
    if (typeof v === 'number' && Number.isFinite(v)) high = Math.max(high, v);
  }
  return [0, LIPSCHITZ_TOPS.find((top) => top >= high * 1.05) ?? high * 1.05];
}

/** Where a chart has nothing to draw for this run: its title and why, in a chart's frame. */
function ChartNote({ title, text }: { title: string; text: string }) {
  return (
    <figure className="chart" role="note" aria-label={title}>
      <figcaption>
        {title}
        <span className="chart-legend">{text}</span>
      </figcaption>
    </figure>
  );
}

export interface TheoryChartsProps {
  client: TrainingClient;
  config: RunConfig;
  /** The other charts' iteration axis, live-change markers and empty text, so the theory charts line up with them. */
  domain: [number, number];
  markers: readonly Marker[];
  empty: string;
  delayMs: number;
}

/**
 * The theory charts (src/gan/theory), loaded after the page's first paint (ChartsPanel's lazy import), from the points the plane brings (TrainingState.theory): the
 * Jensen–Shannon divergence against its bound log 2, V(D, G) against the equilibrium −log 4 where D
 * is a probability, and for a Wasserstein critic its measured Lipschitz constant against K = 1.
 */
export const TheoryCharts = memo(function TheoryCharts({
  client,
  config,
  domain,
  markers,
  empty,
  delayMs,
}: TheoryChartsProps) {
  const t = useStrings().theory;
  const words = theoryTexts[useContext(LanguageContext)];
  const c = useStrings().charts;
  const read = useCallback(() => client.getSnapshot().theory, [client]);
  const points = useThrottled(client.subscribe, read);
  const rows = points as unknown as Row[];
  const jsRows = useMemo(() => minMaxBuckets(rows, ['jensenShannon'], BUCKETS), [rows]);
  const valueRows = useMemo(() => minMaxBuckets(rows, ['value'], BUCKETS), [rows]);
  const lipschitzRows = useMemo(() => minMaxBuckets(rows, ['lipschitz'], BUCKETS), [rows]);
  if (!DATASET_MODULES[config.dataset].density) return <ChartNote title={t.charts} text={words.notKnown} />;
  const module = OBJECTIVE_MODULES[config.objective];
  const conditional = config.conditioning === 'label';
  const common = { domain, markers, empty, shades: [] };
  const summary = (rows: readonly Row[], key: string, name: string) => {
    const last = rows.at(-1);
    const value = last?.[key];
    return last && typeof value === 'number' ? c.latest(last.iteration, `${name} ${formatSetting(value)}`) : c.noData;
  };
  const js: Series[] = [{ key: 'jensenShannon', name: t.curves.jensenShannon, colour: COLOURS.js }];
  const value: Series[] = [{ key: 'value', name: t.curves.value, colour: COLOURS.value }];
  const lipschitz: Series[] = [{ key: 'lipschitz', name: t.curves.lipschitz, colour: COLOURS.lipschitz }];
  return (
    <>
      <StreamChart
        {...common}
        delayMs={delayMs}
        title={t.jensenShannon}
        help={{ label: t.helpLabel, text: words.jensenShannonHelp }}
        rows={jsRows}
        series={js}
        leftDomain={JS_DOMAIN}
        guides={[{ iteration: JS_BOUND, label: t.jsBound }]}
        summary={summary(jsRows, 'jensenShannon', t.curves.jensenShannon)}
      />
      {module.output === 'logit' && !conditional ? (
        <StreamChart
          {...common}
          delayMs={delayMs}
          title={t.value}
          help={{ label: t.helpLabel, text: words.valueHelp }}
          rows={valueRows}
          series={value}
          guides={[{ iteration: EQUILIBRIUM_VALUE, label: t.equilibrium }]}
          summary={summary(valueRows, 'value', t.curves.value)}
        />
      ) : (
        <ChartNote title={t.value} text={conditional ? words.conditional : words.valueUndefined} />
      )}
      {module.distance === 'wasserstein' ? (
        conditional ? (
          <ChartNote title={t.lipschitz} text={words.conditional} />
        ) : (
          <StreamChart
            {...common}
            delayMs={delayMs}
            title={t.lipschitz}
            help={{ label: t.helpLabel, text: words.lipschitzHelp }}
            rows={lipschitzRows}
            series={lipschitz}
            leftDomain={lipschitzDomain(lipschitzRows)}
            guides={[{ iteration: 1, label: t.lipschitzLine }]}
            summary={summary(lipschitzRows, 'lipschitz', t.curves.lipschitz)}
          />
        )
      ) : null}
    </>
  );
});
