import { objectiveOutput } from './objectives.ts';
import type { Detector } from './types.ts';
import { blockMeans, covers, lastIterations, values } from './series.ts';

/** Iterations judged, in blocks of 25 whose means must rise one after another. */
export const EXPLODING_WINDOW = 100;
export const EXPLODING_BLOCK = 25;
/**
 * Growth over the window: the Wasserstein estimate and G's gradient norm both at least doubled.
 * A well-clipped or penalised critic's estimate settles (WGAN-GP on the ring rose ×3 while
 * learning, but its gradient norm stayed within ×1.5); a critic clipped at c = 10 grew ×7 and
 * G's gradient ×20 in 100 iterations (measured, wasm).
 */
export const EXPLODING_GROWTH = 2;
/**
 * …and the estimate has passed 1. A clipped critic's small estimate (c = 0.05: ~0.01) can double
 * between two noisy blocks late in a healthy run (it did once in 800 iterations at lr 5e-3); an
 * unconstrained one is past 5 within 50 iterations.
 */
export const EXPLODED_ESTIMATE = 1;

/**
 * Exploding gradients (기울기 폭주), WGAN's failure when the weight clip is too loose: the critic is
 * no longer kept Lipschitz, so its estimate of W(p_r, p_g) grows without bound and G's gradient with
 * it (Arjovsky et al. 2017 §3, Fig. 4; Gulrajani et al. 2017 Fig. 1).
 */
export const explodingGradients: Detector = ({ config, stats }) => {
  if (objectiveOutput(config.objective) !== 'critic') return undefined;
  const recent = lastIterations(stats, EXPLODING_WINDOW);
  if (!covers(recent, EXPLODING_WINDOW)) return undefined;
  const estimate = blockMeans(values(recent, 'wasserstein'), EXPLODING_BLOCK);
  const gradient = blockMeans(values(recent, 'gradNormG'), EXPLODING_BLOCK);
  if (estimate.length < 3 || gradient.length < 3) return undefined;
  const rising = estimate.every((v, i) => i === 0 || v > estimate[i - 1]);
  const estimateGrowth = estimate[0] > 0 ? estimate[estimate.length - 1] / estimate[0] : 0;
  const gradientGrowth = gradient[0] > 0 ? gradient[gradient.length - 1] / gradient[0] : 0;
  const last = estimate[estimate.length - 1];
  if (!rising || last < EXPLODED_ESTIMATE || estimateGrowth < EXPLODING_GROWTH || gradientGrowth < EXPLODING_GROWTH) return undefined;
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
