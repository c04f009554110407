import type { Detector, DiagnosisInput } from './types.ts';
import { covers, lastIterations, mean, values } from './series.ts';

/** Iterations the evidence spans: long enough that one lucky batch cannot fire it. */
export const VANISHING_WINDOW = 40;
/**
 * The saturating loss's gradient at D's logit is −D(G(z)) per sample (RESEARCH.md §3): below 0.05
 * G's steps are under 5% of what the non-saturating loss, −(1 − D(G(z))), would give it.
 */
export const SATURATED_FAKE_OUTPUT = 0.05;
/**
 * A generator gradient norm this small moves nothing whatever the optimiser: WGAN with a clip of
 * 0.001 gives ~1e-6, healthy 2D runs stay above 1e-2 (measured on the ring, wasm).
 */
export const VANISHED_GRADIENT_NORM = 1e-4;

/** Samples within 3σ of a mode above this share mean G has learned the data (a trained ring run: 40–70%). */
export const LEARNED_SHARE = 0.1;

/**
 * Whether G has already learned the data: then a tiny gradient means the critic has nothing left to
 * say (a WGAN at c = 0.05 that matched the ring after ~1,800 iterations), not that it stalled.
 * Read from the mode metrics, else from the samples' spread (within half of the data's).
 */
function learned(evaluations: DiagnosisInput['evaluations'], diversity: DiagnosisInput['diversity']): boolean {
  const quality = evaluations.at(-1)?.modes?.highQuality;
  if (quality !== undefined) return quality >= LEARNED_SHARE;
  const spread = diversity.at(-1)?.ratio;
  return spread !== undefined && Math.abs(1 - spread) <= 0.5;
}

/**
 * Vanishing gradients (기울기 소멸): D rejects the fakes so surely that G's loss is flat where the
 * fakes are. Two readings: with the course's saturating loss, D(G(z)) → 0 takes the output gradient
 * with it (Arjovsky & Bottou 2017); with any loss, G's parameter gradient falls to ~0 (WGAN's critic
 * clipped too tightly, Arjovsky et al. 2017 Fig. 4).
 */
export const vanishingGradients: Detector = ({ config, stats, evaluations, diversity }) => {
  const recent = lastIterations(stats, VANISHING_WINDOW);
  if (!covers(recent, VANISHING_WINDOW)) return undefined;
  const from = recent[0].iteration;
  const to = recent[recent.length - 1].iteration;
  if (config.objective === 'minimax') {
    const fake = mean(values(recent, 'dFake'));
    const gradient = mean(values(recent, 'outputGrad'));
    if (fake < SATURATED_FAKE_OUTPUT && gradient < SATURATED_FAKE_OUTPUT) {
      return {
        detector: 'vanishingGradients',
        signals: ['dFake', 'outputGrad'],
        from,
        to,
        measurements: [
          { name: 'meanFakeOutput', value: fake, threshold: SATURATED_FAKE_OUTPUT, fires: 'below' },
          { name: 'meanOutputGradient', value: gradient, threshold: SATURATED_FAKE_OUTPUT, fires: 'below' },
        ],
      };
    }
  }
  const norm = mean(values(recent, 'gradNormG'));
  if (norm < VANISHED_GRADIENT_NORM && !learned(evaluations, diversity)) {
    return {
      detector: 'vanishingGradients',
      signals: ['gradNormG'],
      from,
      to,
      measurements: [{ name: 'meanGeneratorGradient', value: norm, threshold: VANISHED_GRADIENT_NORM, fires: 'below' }],
    };
  }
  return undefined;
};
