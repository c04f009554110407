import { OBJECTIVE_MODULES } from '../objectives/modules.ts';
import { objectiveOutput } from './objectives.ts';
import type { Detector, DiagnosisInput } from './types.ts';
import { covers, lastIterations, mean, median, values } from './series.ts';

/** Iterations the evidence spans: long enough that one lucky batch cannot fire it. */
export const VANISHING_WINDOW = 40;
/**
 * The saturating loss's gradient at D's logit is −D(G(z)) per sample (RESEARCH.md §3): below 0.05
 * G's steps are under 5% of what the non-saturating loss, −(1 − D(G(z))), would give it.
 */
export const SATURATED_FAKE_OUTPUT = 0.05;
/** The run's first iterations on record, whose median ‖∇D‖ is the run's own unit of gradient size. */
export const REFERENCE_ITERATIONS = 25;
/**
 * G's gradient norm below 1% of D's at the start of the run (medians): G's loss has gone flat where
 * the fakes are. Relative, not a size: both norms grow with the networks and the data (‖∇D‖ over the
 * first 25 iterations is 0.23–2.3 on the ring presets, 3.3 on mnistDefault, 6.6 on cganMnist; 2e-4
 * for a critic clipped at c = 0.001), and no parameter norm is streamed to divide by. Against D's *current* gradient it would misread a weak
 * D whose inputs drift far out: in the weakDiscriminator preset G's samples spread to 18× the data's
 * and ‖∇D‖ grew ×130 while ‖∇G‖ stayed at 0.03–0.1. Measured as ‖∇G‖ (median of 25 iterations) over
 * the first 25 iterations' ‖∇D‖ (seed 1, wasm): a critic clipped at c = 0.001 gives 0.002–0.008 for
 * its first 150 iterations and under 1e-3 from ~175 on; the lowest of the other runs are 0.036
 * (weakDiscriminator), 0.08 (gridDefault), 0.11 (wganClip, c = 0.1), 0.12 (ringDefault), 0.17
 * (cganMnist, 2,000 iterations), 0.36 (mnistDefault), 2.4 (compareLsgan), 9.8 (vanishingGradientsFix).
 */
export const VANISHED_GRADIENT_RATIO = 1e-2;

/** Samples within 3σ of a mode above this share mean G has learned the data (a trained ring run: 40–70%). */
export const LEARNED_SHARE = 0.1;
/**
 * Or a good share of samples *near* a mode (within a quarter of the closest centres' spacing): a WGAN
 * with clipping learns the ring loosely, few samples within 3σ. The wganClip preset (c = 0.1) at seed
 * 1: 1.6% within 3σ but ~50% near a mode (wavering; 56% at iteration 2,709), 5 modes covered, when its
 * critic's gradient died at iteration ~2,300 (20 s in Chromium on a quiet machine): it had learned what
 * a clipped critic can teach. At 50% the card still came at 2,494; at 30% it stays away (seeds 1–2),
 * while a critic clipped at c = 0.001, whose G never leaves the centre, still fires by iteration 65.
 */
export const LEARNED_NEAR_SHARE = 0.3;

/**
 * Whether G has already learned the data: then a tiny gradient means the critic has nothing left to
 * say (a WGAN at c = 0.05 that matched the ring after ~1,800 iterations), not that it stalled.
 * Read from the mode metrics, else from the samples' spread (within half of the data's).
 */
function learned(evaluations: DiagnosisInput['evaluations'], diversity: DiagnosisInput['diversity']): boolean {
  const modes = evaluations.at(-1)?.modes;
  if (modes !== undefined) return modes.highQuality >= LEARNED_SHARE || modes.nearShare >= LEARNED_NEAR_SHARE;
  const spread = diversity.at(-1)?.ratio;
  return spread !== undefined && Math.abs(1 - spread) <= 0.5;
}

/**
 * Whether D prefers the data to the fakes (D(x) nearer the real label than D(G(z)) is): only then is
 * G's flat loss D's rejection of the fakes. A D that scores the fakes higher has been fooled, and G's
 * small gradient means it has won against that D (the weakDiscriminator preset, D frozen at lr 1e-6:
 * D(G(z)) → 0.9 above D(x) ≈ 0.5 while ‖∇G‖ fell to 0.4–0.9% of D's early gradient at seeds 2 and 3,
 * wasm). A critic's scores have no labels; a clipped critic gives both ≈ 0, so it is not asked.
 */
function rejectsFakes(config: DiagnosisInput['config'], recent: DiagnosisInput['stats']): boolean {
  const output = objectiveOutput(config.objective);
  if (output === 'critic') return true;
  const [fakeLabel, realLabel] = output === 'probability' ? [0, 1] : [config.lsganA, config.lsganB];
  return Math.sign(realLabel - fakeLabel) * (mean(values(recent, 'dReal')) - mean(values(recent, 'dFake'))) > 0;
}

/** Median ‖∇D‖ over the first REFERENCE_ITERATIONS iterations on record. */
function referenceGradient(stats: DiagnosisInput['stats']): number {
  const start = stats[0]?.iteration ?? 0;
  return median(
    values(
      stats.filter((p) => p.iteration < start + REFERENCE_ITERATIONS),
      'gradNormD',
    ),
  );
}

/**
 * Vanishing gradients (기울기 소멸): D rejects the fakes so surely that G's loss is flat where the
 * fakes are. Two readings: with the course's saturating loss, D(G(z)) → 0 takes the output gradient
 * with it (Arjovsky & Bottou 2017); with any loss, G's parameter gradient falls to ~0 next to D's
 * (WGAN's critic clipped too tightly, Arjovsky et al. 2017 Fig. 4).
 */
export const vanishingGradients: Detector = ({ config, stats, evaluations, diversity }) => {
  const recent = lastIterations(stats, VANISHING_WINDOW);
  if (!covers(recent, VANISHING_WINDOW)) return undefined;
  const from = recent[0].iteration;
  const to = recent[recent.length - 1].iteration;
  if (OBJECTIVE_MODULES[config.objective].saturates) {
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
  // NaN without a D gradient on record (or 0 at the start): then there is no unit to judge by.
  const ratio = median(values(recent, 'gradNormG')) / referenceGradient(stats);
  if (ratio < VANISHED_GRADIENT_RATIO && rejectsFakes(config, recent) && !learned(evaluations, diversity)) {
    return {
      detector: 'vanishingGradients',
      signals: ['gradNormG'],
      from,
      to,
      measurements: [{ name: 'gradientRatio', value: ratio, threshold: VANISHED_GRADIENT_RATIO, fires: 'below' }],
      ...(objectiveOutput(config.objective) === 'critic' ? { critic: true as const } : {}),
    };
  }
  return undefined;
};
