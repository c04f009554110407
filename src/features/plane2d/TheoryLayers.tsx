import type { TheoryView } from '../../gan/theory/theory.ts';
import { formatSetting } from '../../i18n/format.ts';
import { useContext } from 'react';
import * as theoryTexts from '../../i18n/theoryTexts.ts';
import { LanguageContext, useStrings } from '../../i18n/useStrings.ts';
import type { TheoryLayers } from './draw.ts';

export interface TheoryTogglesProps {
  theory: TheoryLayers;
  available: TheoryView;
  /** Whether D is a probability: D − D* needs one. */
  probability: boolean;
  onChange(next: TheoryLayers): void;
}

/**
 * The theory layers' checkboxes in the 2D view's layer list: D* in place of D, their difference
 * (for a probability D, with D* on), and the transport view where the objective's critic estimates
 * a Wasserstein distance.
 */
export function TheoryToggles({ theory, available, probability, onChange }: TheoryTogglesProps) {
  const t = useStrings().theory;
  const optimal = theory.field !== 'discriminator';
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={optimal}
          onChange={(event) => onChange({ ...theory, field: event.target.checked ? 'optimal' : 'discriminator' })}
        />
        {t.optimalLayer}
      </label>
      <label title={probability ? undefined : t.differenceNeedsProbability}>
        <input
          type="checkbox"
          checked={theory.field === 'difference'}
          disabled={!optimal || !probability}
          onChange={(event) => onChange({ ...theory, field: event.target.checked ? 'difference' : 'optimal' })}
        />
        {t.differenceLayer}
      </label>
      {available.transport ? (
        <label>
          <input
            type="checkbox"
            checked={theory.transport}
            onChange={(event) => onChange({ ...theory, transport: event.target.checked })}
          />
          {t.transportLayer}
        </label>
      ) : null}
    </>
  );
}

/**
 * What the theory layers on show, in words: the canvas's description while they are on. Loaded after
 * the page's first paint (PlaneView's lazy import), with its sentences (theoryTexts.ts).
 */
export function TheoryCaption({ id, theory, view }: { id: string; theory: TheoryLayers; view: TheoryView }) {
  const t = useStrings().theory;
  const words = theoryTexts[useContext(LanguageContext)];
  const transport = theory.transport ? view.transport : undefined;
  return (
    <div className="theory-caption" id={id}>
      {theory.field === 'optimal' ? <p>{words.optimalCaption}</p> : null}
      {theory.field === 'difference' ? <p>{words.differenceCaption}</p> : null}
      {theory.field !== 'discriminator' ? (
        <details>
          <summary>{t.optimalHowLabel}</summary>
          <p>{words.optimalHow(formatSetting(view.bandwidth))}</p>
        </details>
      ) : null}
      {transport ? (
        <p>
          {words.transportCaption(
            formatSetting(transport.meanCost),
            transport.criticGap === undefined ? undefined : formatSetting(transport.criticGap),
          )}
        </p>
      ) : null}
    </div>
  );
}
