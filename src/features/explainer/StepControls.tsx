import { useEffect } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';

/** Long enough to read the stamp and the new sums before the next one lands. */
const STEP_MS = 1200;

interface StepControlsProps {
  /** Stamps added so far, 0…total. */
  readonly step: number;
  readonly total: number;
  readonly playing: boolean;
  readonly onStep: (step: number) => void;
  readonly onPlaying: (playing: boolean) => void;
  /** What the latest stamp did, in words (empty before the first and after the last). */
  readonly status: string;
  /** The group's name and heading: the stamping's by default. */
  readonly title?: string;
}

/** Start over / previous / play / next for a step-through (the stamping, the slide); one cell per step. */
export function StepControls({ step, total, playing, onStep, onPlaying, status, title }: StepControlsProps) {
  const t = useWords(explainer);
  const name = title ?? t.stepTitle;

  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      onPlaying(false);
      return;
    }
    const timer = setTimeout(() => onStep(step + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, step, total, onStep, onPlaying]);

  const play = () => {
    // Playing from the finished sum replays the whole stamping from an empty map.
    if (step >= total) onStep(0);
    onPlaying(true);
  };

  return (
    <div className="xp-steps" role="group" aria-label={name}>
      <strong>{name}</strong>
      <div className="xp-step-buttons">
        <button
          type="button"
          onClick={() => {
            onPlaying(false);
            onStep(0);
          }}
          disabled={step === 0}
        >
          {t.startOver}
        </button>
        <button
          type="button"
          onClick={() => {
            onPlaying(false);
            onStep(step - 1);
          }}
          disabled={step === 0}
        >
          {t.previousStep}
        </button>
        {playing ? (
          <button type="button" onClick={() => onPlaying(false)}>
            {t.pause}
          </button>
        ) : (
          <button type="button" onClick={play}>
            {t.play}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            onPlaying(false);
            onStep(step + 1);
          }}
          disabled={step >= total}
        >
          {t.nextStep}
        </button>
      </div>
      <p role="status" className="xp-step-status">
        {status}
      </p>
    </div>
  );
}
