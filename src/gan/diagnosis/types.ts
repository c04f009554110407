import type { RunConfig } from '../config.ts';
import type { StatField, StatPoint } from '../stats.ts';
import type { Evaluation } from '../trainer.ts';

/** The failure modes the playground names (the course notes' 비수렴성, 모드 붕괴, 기울기 소멸, and D/G imbalance). */
export const DETECTOR_IDS = [
  'modeCollapse',
  'vanishingGradients',
  'oscillation',
  'discriminatorOverpowering',
  'weakDiscriminator',
  'explodingGradients',
] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

/**
 * How much the generated samples spread compared with the real ones, measured on the fixed view
 * batch (diversity.ts): ~1 when G covers the data's extent, → 0 when every sample is the same.
 */
export interface DiversityPoint {
  iteration: number;
  ratio: number;
}

/** Classifier metrics of generated digits (MNIST), the subset the detectors read. */
export interface DigitModes {
  iteration: number;
  /** Samples per predicted class. */
  histogram: readonly number[];
  /** Classes with at least 1% of the samples. */
  modes: number;
  /** Fraction of samples the classifier is sure of (p(y|x) ≥ 0.9): the digits' counterpart of %HQ. */
  confident: number;
}

/** Everything a detector may look at: the streamed signals of one run, oldest first. */
export interface DiagnosisInput {
  /** The settings that change how the signals read: the objective and LSGAN's labels. */
  config: Pick<RunConfig, 'objective' | 'lsganA' | 'lsganB'>;
  stats: readonly StatPoint[];
  evaluations: readonly Evaluation[];
  diversity: readonly DiversityPoint[];
  digits: readonly DigitModes[];
  /**
   * Live settings changes, each as the first iteration trained with the new value (the charts'
   * markers, LiveMarker.iteration): the signals before and after one come from different settings.
   */
  changes: readonly number[];
}

/** A signal a detector reads; the UI knows which chart draws each. */
export type Signal = StatField | 'modesCovered' | 'highQuality' | 'diversity' | 'digitModes';

/** One measured quantity of the evidence, next to the threshold it crossed. */
export interface Measurement {
  /** What was measured, a key the UI turns into words (e.g. 'meanFakeOutput'). */
  name: string;
  value: number;
  threshold: number;
  /** Which side of the threshold the detector fires on. */
  fires: 'below' | 'above';
}

/** Why a detector fired: which curves, over which iterations, with which values. */
export interface Finding {
  detector: DetectorId;
  signals: Signal[];
  /** The window of iterations the evidence comes from (inclusive). */
  from: number;
  to: number;
  measurements: Measurement[];
  /**
   * Set where the finding is about a critic (a score without labels: WGAN, WGAN-GP, hinge), whose
   * failure the page words apart from a discriminator's: a clipped critic does not reject the fakes,
   * it is flat.
   */
  critic?: true;
}

export type Detector = (input: DiagnosisInput) => Finding | undefined;
