import { OBJECTIVE_MODULES } from '../objectives/modules.ts';
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

/**
 * Exploding gradients (기울기 폭주), WGAN's failure when the weight clip is too loose: the critic is
 * no longer kept Lipschitz, so its estimate of W(p_r, p_g) grows without bound and G's gradient with
 * it (Arjovsky et al. 2017 §3, Fig. 4; Gulrajani et al. 2017 Fig. 1).
 */
export const explodingGradients: Detector = ({ config, stats }) => {
  if (OBJECTIVE_MODULES[config.objective].distance !== 'wasserstein') return undefined;
  const recent = lastIterations(stats, EXPLODING_WINDOW);
  if (!covers(recent, EXPLODING_WINDOW)) return undefined;
  const estimate = ends(values(recent, 'wasserstein'));
  const gradient = ends(values(recent, 'gradNormG'));
  const estimateGrowth = growth(estimate);
  const gradientGrowth = growth(gradient);
  if (estimate[1] < EXPLODED_ESTIMATE || estimateGrowth < EXPLODING_GROWTH || gradientGrowth < EXPLODING_GROWTH)
    return undefined;
  return {
    detector: 'explodingGradients',
    signals: ['wasserstein', 'gradNormG'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      { name: 'estimateGrowth', value: estimateGrowth, threshold: EXPLODING_GROWTH, fires: 'above' },
      { name: 'gradientGrowth', value: gradientGrowth, threshold: EXPLODING_GROWTH, fires: 'above' },
    ],
  };
};
