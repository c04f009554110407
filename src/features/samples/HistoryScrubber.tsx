import { useStrings } from '../../i18n/useStrings.ts';
import type { ViewFrame } from '../history/runHistory.ts';

/**
 * A slider over the view frames kept along the run: drag back to see how the samples evolved;
 * the right end (or "Live") follows training again.
 */
export function HistoryScrubber({
  frames,
  index,
  onChange,
}: {
  frames: readonly ViewFrame[];
  index?: number;
  onChange(index?: number): void;
}) {
  const t = useStrings().views;
  if (frames.length < 2) return null;
  const last = frames.length - 1;
  const at = index ?? last;
  const live = index === undefined;
  return (
    <div className="history">
      <label>
        {t.history}
        <input
          type="range"
          min={0}
          max={last}
          value={at}
          aria-label={t.history}
          aria-valuetext={t.historyValue(frames[at].iteration, live)}
          onChange={(event) => {
            const next = Number(event.target.value);
            onChange(next >= last ? undefined : next);
          }}
        />
      </label>
      <output>{t.historyValue(frames[at].iteration, live)}</output>
      <button type="button" disabled={live} onClick={() => onChange(undefined)}>
        {t.live}
      </button>
    </div>
  );
}
