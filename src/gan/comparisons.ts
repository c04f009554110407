import type { PresetId } from './presets.ts';

/**
 * Comparison presets (issue 18): a failure and its fix from the classroom presets (presets.ts), trained
 * side by side as runs A and B from the same seed. Each pair is data only: the two configurations are
 * the presets', so tuning a preset tunes its comparison too.
 */
export interface Comparison {
  readonly id: string;
  /** Run A: the failure. */
  readonly a: PresetId;
  /** Run B: its fix (or the other loss). */
  readonly b: PresetId;
}

export const COMPARISONS = {
  modeCollapse: { id: 'modeCollapse', a: 'modeCollapseLive', b: 'modeCollapseFix' },
  vanishingGradients: { id: 'vanishingGradients', a: 'vanishingGradients', b: 'vanishingGradientsFix' },
  ganVsLsgan: { id: 'ganVsLsgan', a: 'compareGan', b: 'compareLsgan' },
  wganClip: { id: 'wganClip', a: 'wganClipTight', b: 'wganClip' },
  weakDiscriminator: { id: 'weakDiscriminator', a: 'weakDiscriminator', b: 'weakDiscriminatorFix' },
  oscillation: { id: 'oscillation', a: 'oscillation', b: 'oscillationFix' },
} as const satisfies Record<string, Comparison>;

export type ComparisonId = keyof typeof COMPARISONS;

export const COMPARISON_IDS = Object.keys(COMPARISONS) as ComparisonId[];

export const isComparison = (value: string): value is ComparisonId => COMPARISON_IDS.some((id) => id === value);
