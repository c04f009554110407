import { type RefObject, useState } from 'react';
import { useStrings } from '../../i18n/useStrings.ts';
import { backgroundOf, ChartsPngProblem, chartsPng } from './chartPng.ts';
import { download } from './download.ts';
import { fill } from '../../i18n/fill.ts';

/** "Download charts (PNG)": every chart in `charts`, titled, on the page's background, for slides. */
export function ChartsDownload({
  charts,
  iteration,
}: {
  charts: RefObject<HTMLElement | null>;
  iteration: () => number;
}) {
  const t = useStrings().share;
  const [problem, setProblem] = useState<string>();
  const save = async () => {
    const section = charts.current;
    if (!section) return;
    try {
      const style = getComputedStyle(section);
      const png = await chartsPng(section, {
        background: backgroundOf(section.querySelector('figure.chart') ?? section),
        text: style.color || '#212529',
        font: style.fontFamily || 'sans-serif',
      });
      download(`nash-charts-${iteration()}.png`, png);
      setProblem(undefined);
    } catch (error) {
      setProblem(
        fill(t.chartsPngFailed, {
          reason:
            error instanceof ChartsPngProblem
              ? t.chartsPngReasons[error.code]
              : error instanceof Error
                ? error.message
                : String(error),
        }),
      );
    }
  };
  return (
    <div className="charts-download">
      <button type="button" onClick={() => void save()}>
        {t.downloadCharts}
      </button>
      {problem ? (
        <p className="share-status problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
