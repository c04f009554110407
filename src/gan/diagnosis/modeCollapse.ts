import { countWellCovered, klToUniform } from '../metrics/modes.ts';
import type { Detector, DiagnosisInput, Finding } from './types.ts';
import { mean } from './series.ts';

/**
 * Evaluations the evidence spans (the playground evaluates every 25 iterations: 150 iterations).
 * Long enough that a generator still spreading over the 25-mode grid, which hits a few modes first,
 * is not called collapsed (4 evaluations did, 4 s into the grid's default run); the ring's collapse
 * preset sits on one mode from iteration 50 and fires by ~175.
 */
export const COLLAPSE_EVALUATIONS = 6;
/**
 * G has learned to hit modes (≥ 10% of samples within 3σ of one; near one, for the reading without
 * the 3σ rule) — so few modes covered means collapse, not a generator that has not learned anything
 * yet. A healthy ring run hops through 1–3 modes at 1–9% on its way to 8 of 8; a collapsing one
 * sits on 1–2 at 15–50%.
 */
export const LEARNED_QUALITY = 0.1;
/**
 * …in at least half of the window's evaluations: the collapsed ring G of the classroom preset hits
 * its mode at 15–30% in every other evaluation and just misses it in between (measured, wasm).
 */
export const MIN_HITS = 0.5;
/** Covering at most half the modes while G hits modes is collapse (RESEARCH.md §4 measured 3 of 8). */
export const COLLAPSED_FRACTION = 0.5;
/**
 * KL(q‖U) of the hits over the modes at or above ln 2, what collapse onto half the modes gives
 * (ln(K/m) for m of K): a healthy ring run hopping through a few modes averages 0.3–0.6, the
 * collapsing one 1.1–1.4 (measured on the ring, wasm).
 */
export const COLLAPSED_KL = Math.log(2);
/**
 * Iterations before the readings that an untrained G also fails are judged: the samples near the
 * modes, the digit classes and the samples' spread. Every generator starts as a small blob: in its
 * first 200 iterations ringDefault's samples near a mode sit at 2–5 of the 8 modes (KL to uniform
 * up to 1.5, 6–20% of the samples), gridDefault's at iteration 25 at 5 of 25 (KL 1.7); mnistDefault's
 * blob is read as one digit for ~1,200 iterations (seed 1, wasm). From 300 on neither 2D run comes
 * near firing (KL below 0.2, at least 23 of 25 and 8 of 8 modes held).
 */
export const COLLAPSE_WARMUP = 300;
/**
 * Generated spread below a third of the real data's: G maps most noise to a small part of the
 * data. A fresh generator starts near this (its outputs cluster at 0), so it must stay there
 * after the warm-up.
 */
export const COLLAPSED_DIVERSITY = 0.33;
/** One class holding this share of the digits: the generator draws one digit (a uniform one holds 10%). */
export const DOMINANT_CLASS = 0.5;
/**
 * G draws digits the classifier is sure of (metrics/classifier.ts CONFIDENT_PROBABILITY) for at
 * least half of its samples, in at least MIN_HITS of the window's readings: the classifier's
 * counterpart of G hitting modes. Half, not the ring's 10%: the classifier is sure of 96% of real
 * digits, and it is also sure of an untrained G's blurred blob now and then — mnistDefault's blob,
 * read as an "8" until ~1,200 iterations, had 10–46% sure readings in 5 of 6 consecutive readings,
 * and reached 50% once in 80 readings (66% at iteration 475; seed 1, wasm).
 */
export const LEARNED_DIGITS = 0.5;

/** The last COLLAPSE_EVALUATIONS readings from `warmup` on, or none if there are fewer. */
function window<T extends { iteration: number }>(readings: readonly T[], warmup: number): readonly T[] {
  const recent = readings.filter((r) => r.iteration >= warmup).slice(-COLLAPSE_EVALUATIONS);
  return recent.length < COLLAPSE_EVALUATIONS ? [] : recent;
}

/** One evaluation at one radius around the modes: the samples within it per mode, and their share of all. */
interface ModeReading {
  iteration: number;
  histogram: readonly number[];
  share: number;
}

/**
 * The rule of both mode readings: G hits modes in at least half the window (so few modes means
 * collapse, not a G that has not learned yet), at most half the modes are well covered in every
 * evaluation, and the hits spread unevenly (KL of their histogram, averaged over the hits).
 */
function fewModes(
  recent: readonly ModeReading[],
  names: { covered: string; share: string; kl: string },
  signals: Finding['signals'],
): Finding | undefined {
  const total = recent[0]?.histogram.length ?? 0;
  if (total < 2) return undefined;
  // The strict count: one stray sample on a mode is not covering it here.
  const covered = Math.max(...recent.map((r) => countWellCovered(r.histogram)));
  // A collapsed G sits beside its mode, often just outside the radius: judge the evaluations where it hits.
  const hits = recent.filter((r) => r.share >= LEARNED_QUALITY);
  if (hits.length < MIN_HITS * recent.length || covered > COLLAPSED_FRACTION * total) return undefined;
  // KL of the hit histograms only: an evaluation without hits has no histogram (ln K by convention).
  const kl = mean(hits.map((r) => klToUniform(r.histogram)));
  if (kl < COLLAPSED_KL) return undefined;
  return {
    detector: 'modeCollapse',
    signals,
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      { name: names.covered, value: covered, threshold: Math.floor(COLLAPSED_FRACTION * total), fires: 'below' },
      { name: 'modesTotal', value: total, threshold: total, fires: 'below' },
      { name: names.share, value: mean(hits.map((r) => r.share)), threshold: LEARNED_QUALITY, fires: 'above' },
      { name: names.kl, value: kl, threshold: COLLAPSED_KL, fires: 'above' },
    ],
  };
}

/** The high-quality samples (within 3σ, RESEARCH.md §3) fall on a few modes, from the first evaluations on. */
function byModes({ evaluations }: DiagnosisInput): Finding | undefined {
  const readings = evaluations.flatMap(({ iteration, modes }) =>
    modes ? [{ iteration, histogram: modes.histogram, share: modes.highQuality }] : [],
  );
  return fewModes(window(readings, 0), { covered: 'wellCovered', share: 'highQuality', kl: 'klUniform' }, [
    'modesCovered',
    'highQuality',
  ]);
}

/**
 * The samples near a mode (metrics/modes.ts NEAR_SPACING) fall on a few modes, after the warm-up.
 * Does not hang on the 3σ rule: a G parked at 5σ from three of the ring's modes has no high-quality
 * sample at all, and its spread is as wide as the ring's.
 */
function byNearModes({ evaluations }: DiagnosisInput): Finding | undefined {
  const readings = evaluations.flatMap(({ iteration, modes }) =>
    modes ? [{ iteration, histogram: modes.nearHistogram, share: modes.nearShare }] : [],
  );
  return fewModes(window(readings, COLLAPSE_WARMUP), { covered: 'modesNear', share: 'nearShare', kl: 'nearKl' }, [
    'modesCovered',
  ]);
}

/**
 * After the warm-up, G draws digits the classifier is sure of (in at least half the readings) and
 * one class holds most of them (in every reading). The same for a conditioned G: CGAN's labels cycle
 * through the digits, so a G that follows them has uniform classes by construction and a dominant
 * class means it ignores its label and draws one digit for all; InfoGAN's codes are G's own to
 * assign, as with no conditioning. Collapse within a label (the same "3" for every z) does not show
 * in class counts and is not read here.
 */
function byDigits({ digits }: DiagnosisInput): Finding | undefined {
  const recent = window(digits, COLLAPSE_WARMUP);
  if (recent.length === 0) return undefined;
  const hits = recent.filter((d) => d.confident >= LEARNED_DIGITS);
  const share = Math.min(
    ...recent.map((d) => {
      const total = d.histogram.reduce((a, b) => a + b, 0);
      return total ? Math.max(...d.histogram) / total : 0;
    }),
  );
  if (hits.length < MIN_HITS * recent.length || share < DOMINANT_CLASS) return undefined;
  return {
    detector: 'modeCollapse',
    signals: ['digitModes'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      { name: 'dominantClass', value: share, threshold: DOMINANT_CLASS, fires: 'above' },
      { name: 'confidentDigits', value: mean(hits.map((d) => d.confident)), threshold: LEARNED_DIGITS, fires: 'above' },
    ],
  };
}

/** Generated spread stays below a third of the data's after the warm-up. */
function byDiversity({ diversity }: DiagnosisInput): Finding | undefined {
  const recent = window(diversity, COLLAPSE_WARMUP);
  if (recent.length === 0) return undefined;
  const ratio = Math.max(...recent.map((d) => d.ratio));
  if (ratio >= COLLAPSED_DIVERSITY) return undefined;
  return {
    detector: 'modeCollapse',
    signals: ['diversity'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [{ name: 'diversity', value: ratio, threshold: COLLAPSED_DIVERSITY, fires: 'below' }],
  };
}

/**
 * Mode collapse (모드 붕괴): G covers a few of the data's modes and drops the rest. Read from the
 * mode metrics where the data has known modes (RESEARCH.md §3): the high-quality samples, then those
 * near a mode; from the digit classifier on MNIST; and from the spread of the fixed-noise
 * samples where nothing reads modes. Not from the spread where the classifier reads digits: the
 * pixel spread of a G still learning MNIST stays below a third of the data's for its first ~750
 * iterations (mnistDefault; cganMnist's for ~325; seed 1, wasm).
 */
export const modeCollapse: Detector = (input) =>
  byModes(input) ?? byNearModes(input) ?? (input.digits.length ? byDigits(input) : byDiversity(input));
