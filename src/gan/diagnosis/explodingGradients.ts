import { OBJECTIVE_MODULES } from '../objectives/modules.ts';
import type { StatField, StatPoint } from '../stats.ts';
import type { Detector } from './types.ts';
import { covers, lastIterations, median, values } from './series.ts';

/** Iterations judged; the median of their first quarter is compared with that of their last. */
export const EXPLODING_WINDOW = 100;
export const EXPLODING_QUARTER = 0.25;
/**
 * Growth over the window, late median over early median: the Wasserstein estimate and G's gradient
 * norm both at least doubled. Medians, not a run of rising block means, so a blow-up that rises in
 * noisy bursts counts as well as a smooth one, and one wild batch does not. A well-clipped or
 * penalised critic's estimate settles (WGAN-GP on the ring rose ×3 while learning, but its gradient
 * norm stayed within ×1.5); a critic clipped at c = 10 grew ×7 and G's gradient ×20 in 100
 * iterations (measured, wasm). With these medians the c = 10 preset fires at iteration 100, the
 * first full window, and c = 0.1 stays quiet for 1,500 iterations (seed 1, wasm).
 */
export const EXPLODING_GROWTH = 2;
/**
 * …and the late estimate has passed 1. A clipped critic's small estimate (c = 0.05: ~0.01) can double
 * between two noisy stretches late in a healthy run (it did once in 800 iterations at lr 5e-3); an
 * unconstrained one is past 5 within 50 iterations.
 */
export const EXPLODED_ESTIMATE = 1;

/** Median of the first and of the last EXPLODING_QUARTER of xs. */
function ends(xs: readonly number[]): [number, number] {
  const quarter = Math.max(1, Math.round(EXPLODING_QUARTER * xs.length));
  return [median(xs.slice(0, quarter)), median(xs.slice(-quarter))];
}

/** late / early, or 0 where early is not positive (a ratio of signed values says nothing about growth). */
const growth = ([early, late]: [number, number]) => (early > 0 ? late / early : 0);

/** The points of the run's first EXPLODING_QUARTER of a window: the level a blow-up is measured from. */
function opening(stats: readonly StatPoint[]): readonly StatPoint[] {
  const first = stats[0]?.iteration ?? 0;
  return stats.filter((point) => point.iteration < first + EXPLODING_QUARTER * EXPLODING_WINDOW);
}

/** Median of the run's opening and of the last EXPLODING_QUARTER of `recent`. */
function sinceOpening(stats: readonly StatPoint[], recent: readonly StatPoint[], field: StatField): [number, number] {
  const late = values(recent, field);
  return [
    median(values(opening(stats), field)),
    median(late.slice(-Math.max(1, Math.round(EXPLODING_QUARTER * late.length)))),
  ];
}

/**
 * Exploding gradients (기울기 폭주), WGAN's failure when the weight clip is too loose: the critic is
 * no longer kept Lipschitz, so its estimate of W(p_r, p_g) grows without bound and G's gradient with
 * it (Arjovsky et al. 2017 §3, Fig. 4; Gulrajani et al. 2017 Fig. 1). The growth is read two ways:
 * over the last window (a blow-up under way), and from the run's opening to the end of the last
 * window (a blow-up that came within the first window and stays up: at c = 10, seeds 3 and 9 of the
 * clip lesson jump from an estimate of ~2 and a gradient of ~1.4 to ±50–200 and 100–500 within 40
 * iterations and stay there, so no later window shows growth; wasm). The second reading is safe for
 * the healthy critics: c = 0.1's estimate never passes 0.16 (EXPLODED_ESTIMATE is 1), and WGAN-GP's
 * gradient does not double from its opening (seeds 1–10, 1,550 iterations, wasm).
 */
export const explodingGradients: Detector = ({ config, stats }) => {
  if (OBJECTIVE_MODULES[config.objective].distance !== 'wasserstein') return undefined;
  const recent = lastIterations(stats, EXPLODING_WINDOW);
  if (!covers(recent, EXPLODING_WINDOW)) return undefined;
  const exploded = (estimate: [number, number], gradient: [number, number]) =>
    estimate[1] >= EXPLODED_ESTIMATE && growth(estimate) >= EXPLODING_GROWTH && growth(gradient) >= EXPLODING_GROWTH;
  const windowEnds = [ends(values(recent, 'wasserstein')), ends(values(recent, 'gradNormG'))] as const;
  const runEnds = [sinceOpening(stats, recent, 'wasserstein'), sinceOpening(stats, recent, 'gradNormG')] as const;
  const [estimate, gradient] = exploded(...windowEnds) ? windowEnds : exploded(...runEnds) ? runEnds : [];
  if (!estimate || !gradient) return undefined;
  return {
    detector: 'explodingGradients',
    signals: ['wasserstein', 'gradNormG'],
    from: estimate === windowEnds[0] ? recent[0].iteration : stats[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      { name: 'estimateGrowth', value: growth(estimate), threshold: EXPLODING_GROWTH, fires: 'above' },
      { name: 'gradientGrowth', value: growth(gradient), threshold: EXPLODING_GROWTH, fires: 'above' },
    ],
  };
};
