import { useState } from 'react';
import { formatNumber, position } from './format.ts';

/** The words of a step-through's status line: before the first step, after step `step`, and at the end. */
export interface StepWords {
  readonly start: (total: number) => string;
  readonly at: (step: number, total: number, row: number, col: number, value: string) => string;
  readonly done: (total: number) => string;
}

/**
 * A step-through of a map one cell at a time (the stamping, the slide): `step` cells done out of
 * `total`, starting finished; `latest` is the cell the last step did while stepping, which the
 * page points at when nothing is under the pointer; `controls` go to StepControls as they are.
 */
export function useStepThrough(total: number) {
  const [step, setStep] = useState(total);
  const [playing, setPlaying] = useState(false);
  const stepping = step < total;
  return {
    step,
    stepping,
    latest: stepping && step > 0 ? step - 1 : null,
    controls: { step, total, playing, onStep: setStep, onPlaying: setPlaying },
  };
}

/** The status line: the latest step's cell of a `size`×`size` map and its value in `values`. */
export function stepStatus(
  words: StepWords,
  step: number,
  total: number,
  size: number,
  values: ArrayLike<number>,
): string {
  if (step === 0) return words.start(total);
  if (step >= total) return words.done(total);
  const { row, col } = position(step - 1, size);
  return words.at(step, total, row, col, formatNumber(values[step - 1]));
}
