import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';
import { formatDifference } from './format.ts';
import type { TfCheckState } from './useTfCheck.ts';

/** "Matches TensorFlow.js: yes", with the measured differences underneath. */
export function TfCheckBadge({ state }: { state: TfCheckState }) {
  const t = useWords(explainer);
  const verdict =
    state.status === 'checking'
      ? t.checking
      : state.status === 'failed'
        ? t.checkFailed(state.message)
        : state.comparison.matches
          ? t.matchesYes
          : t.matchesNo;
  const tone = state.status === 'done' ? (state.comparison.matches ? 'yes' : 'no') : state.status;
  return (
    <div className={`xp-tf-check xp-${tone}`}>
      <p role="status" className="xp-verdict">
        {verdict}
      </p>
      {state.status === 'done' && (
        <p className="xp-detail">
          {t.checkDetail(
            formatDifference(state.comparison.convDifference),
            formatDifference(state.comparison.transposedDifference),
            state.comparison.fractionalDifference === undefined
              ? '–'
              : formatDifference(state.comparison.fractionalDifference),
          )}
        </p>
      )}
    </div>
  );
}
