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
 * G has learned to hit modes (≥ 10% of samples within 3σ of one) — so few modes covered means
 * collapse, not a generator that has not learned anything yet. A healthy ring run hops through
 * 1–3 modes at 1–9% on its way to 8 of 8; a collapsing one sits on 1–2 at 15–50%.
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
 * Generated spread below a third of the real data's: G maps most noise to a small part of the
 * data. A fresh generator starts near this (its outputs cluster at 0), so it must stay there
 * after the warm-up below.
 */
export const COLLAPSED_DIVERSITY = 0.33;
/** Iterations before sample diversity is judged: every generator starts as a small blob. */
export const DIVERSITY_WARMUP = 300;
/** One class holding this share of the digits: the generator draws one digit (a uniform one holds 10%). */
export const DOMINANT_CLASS = 0.5;

function byModes({ evaluations }: DiagnosisInput): Finding | undefined {
  const recent = evaluations.filter((e) => e.modes).slice(-COLLAPSE_EVALUATIONS);
  const total = recent[0]?.modes?.modesTotal ?? 0;
  if (recent.length < COLLAPSE_EVALUATIONS || total < 2) return undefined;
  const covered = Math.max(...recent.map((e) => e.modes?.modesCovered ?? 0));
  // A collapsed G sits beside its mode, often just outside 3σ: judge the evaluations where it hits.
  const hits = recent.filter((e) => (e.modes?.highQuality ?? 0) >= LEARNED_QUALITY);
  if (hits.length < MIN_HITS * recent.length || covered > COLLAPSED_FRACTION * total) return undefined;
  const quality = mean(hits.map((e) => e.modes?.highQuality ?? 0));
  // KL of the hit histograms only: an evaluation without hits has no histogram (ln K by convention).
  const kl = mean(hits.map((e) => e.modes?.klUniform ?? 0));
  if (kl < COLLAPSED_KL) return undefined;
  return {
    detector: 'modeCollapse',
    signals: ['modesCovered', 'highQuality'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      { name: 'modesCovered', value: covered, threshold: Math.floor(COLLAPSED_FRACTION * total), fires: 'below' },
      { name: 'modesTotal', value: total, threshold: total, fires: 'below' },
      { name: 'highQuality', value: quality, threshold: LEARNED_QUALITY, fires: 'above' },
      { name: 'klUniform', value: kl, threshold: COLLAPSED_KL, fires: 'above' },
    ],
  };
}

function byDiversity({ diversity }: DiagnosisInput): Finding | undefined {
  const recent = diversity.filter((d) => d.iteration >= DIVERSITY_WARMUP).slice(-COLLAPSE_EVALUATIONS);
  if (recent.length < COLLAPSE_EVALUATIONS) return undefined;
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

function byDigits({ digits }: DiagnosisInput): Finding | undefined {
  const recent = digits.slice(-COLLAPSE_EVALUATIONS);
  if (recent.length < COLLAPSE_EVALUATIONS) return undefined;
  const shares = recent.map((d) => {
    const total = d.histogram.reduce((a, b) => a + b, 0);
    return total ? Math.max(...d.histogram) / total : 0;
  });
  const share = Math.min(...shares);
  if (share < DOMINANT_CLASS) return undefined;
  return {
    detector: 'modeCollapse',
    signals: ['digitModes'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [{ name: 'dominantClass', value: share, threshold: DOMINANT_CLASS, fires: 'above' }],
  };
}

/**
 * Mode collapse (모드 붕괴): G covers a few of the data's modes and drops the rest. Read from the
 * mode metrics where the data has known modes (RESEARCH.md §3), from the digit classifier on MNIST,
 * and from the spread of the fixed-noise samples everywhere else.
 */
export const modeCollapse: Detector = (input) => byModes(input) ?? byDigits(input) ?? byDiversity(input);
