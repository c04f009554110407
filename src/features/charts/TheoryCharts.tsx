import { memo, useCallback, useMemo } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { RunConfig } from '../../gan/config.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { EQUILIBRIUM_VALUE, JS_BOUND } from '../../gan/theory/optimal.ts';
import { formatSetting } from '../../i18n/format.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { paletteVar } from '../theme/palette.ts';
import { minMaxBuckets, type Row } from './downsample.ts';
import { StreamChart } from './StreamChart.tsx';
import type { Marker, Series } from './StreamLines.tsx';
import { useThrottled } from './useThrottled.ts';

/** As ChartsPanel's: buckets per chart and the slowest redraw. */
const BUCKETS = 60;
const REDRAW_MS = 600;
/** The palette's colours (src/features/theme/palette.ts): V is D's objective (D's colour), the slope the critic's. */
const COLOURS = { js: paletteVar('lineW'), value: paletteVar('lineD'), lipschitz: paletteVar('lineG') };
/** JS lives on 0 … log 2: the whole scale from the first point, with its bound in view. */
const JS_DOMAIN: [number, number] = [0, 0.75];

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
 * The theory charts (src/gan/theory), from the points the plane brings (TrainingState.theory): the
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
  const c = useStrings().charts;
  const read = useCallback(() => client.getSnapshot().theory, [client]);
  const points = useThrottled(client.subscribe, read, REDRAW_MS);
  const rows = points as unknown as Row[];
  const jsRows = useMemo(() => minMaxBuckets(rows, ['jensenShannon'], BUCKETS), [rows]);
  const valueRows = useMemo(() => minMaxBuckets(rows, ['value'], BUCKETS), [rows]);
  const lipschitzRows = useMemo(() => minMaxBuckets(rows, ['lipschitz'], BUCKETS), [rows]);
  if (!DATASET_MODULES[config.dataset].density) return <p className="chart-note">{t.notKnown}</p>;
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
        help={{ label: t.helpLabel, text: t.jensenShannonHelp }}
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
          help={{ label: t.helpLabel, text: t.valueHelp }}
          rows={valueRows}
          series={value}
          guides={[{ iteration: EQUILIBRIUM_VALUE, label: t.equilibrium }]}
          summary={summary(valueRows, 'value', t.curves.value)}
        />
      ) : (
        <p className="chart-note" role="note" aria-label={t.value}>
          {conditional ? t.conditional : t.valueUndefined}
        </p>
      )}
      {module.distance === 'wasserstein' ? (
        conditional ? (
          <p className="chart-note" role="note" aria-label={t.lipschitz}>
            {t.conditional}
          </p>
        ) : (
          <StreamChart
            {...common}
            delayMs={delayMs}
            title={t.lipschitz}
            help={{ label: t.helpLabel, text: t.lipschitzHelp }}
            rows={lipschitzRows}
            series={lipschitz}
            guides={[{ iteration: 1, label: t.lipschitzLine }]}
            summary={summary(lipschitzRows, 'lipschitz', t.curves.lipschitz)}
          />
        )
      ) : null}
    </>
  );
});
