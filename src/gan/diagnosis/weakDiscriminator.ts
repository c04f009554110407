import { objectiveOutput } from './objectives.ts';
import type { Detector } from './types.ts';
import { covers, lastIterations, mean, values } from './series.ts';

/** Iterations the evidence spans: D must stay fooled, not just once while both adjust. */
export const WEAK_WINDOW = 200;
/**
 * D(x) − D(G(z)) at or below 0.01 on average: D tells real from fake no better than a coin (or
 * prefers the fakes). A healthy ring run keeps a gap of ≥ 0.035 even at its closest (measured).
 */
export const INDISTINGUISHABLE = 0.01;
/**
 * D(x) within 0.5 ± 0.15: D is unsure about the data, rather than saturated. The fakes may score
 * anywhere at or above it: a D that rates them *higher* than the data is fooled all the more. (Both
 * outputs were held to the band before; with D frozen at lr 1e-6, G pushes D(G(z)) to 0.7–0.95 on
 * some seeds and the card never came: seed 4 in 1,500 iterations, wasm.)
 */
export const UNSURE = 0.15;
/** Samples are still poor: under 10% within 3σ of a mode (a trained ring run reaches 40–70%). */
export const POOR_QUALITY = 0.1;

/**
 * The generator fools a weak discriminator (약한 판별자): D(x) ≈ D(G(z)) ≈ 0.5 while the samples
 * are still wrong, so the fakes are "accepted" because D has not learned anything, not because G
 * is good. Read on the log-loss objectives, where 0.5 means "cannot tell"; quality from the mode
 * metrics where the data has modes, else from the samples' spread.
 */
export const weakDiscriminator: Detector = ({ config, stats, evaluations, diversity }) => {
  if (objectiveOutput(config.objective) !== 'probability') return undefined;
  const recent = lastIterations(stats, WEAK_WINDOW);
  if (!covers(recent, WEAK_WINDOW)) return undefined;
  const real = mean(values(recent, 'dReal'));
  const fake = mean(values(recent, 'dFake'));
  if (real - fake > INDISTINGUISHABLE || Math.abs(real - 0.5) > UNSURE || fake < 0.5 - UNSURE) return undefined;
  const quality = evaluations.at(-1)?.modes?.highQuality;
  const spread = diversity.at(-1)?.ratio;
  const poor = quality !== undefined ? quality < POOR_QUALITY : spread !== undefined && Math.abs(1 - spread) > 0.5;
  if (!poor) return undefined;
  return {
    detector: 'weakDiscriminator',
    signals: ['dReal', 'dFake'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      { name: 'outputGap', value: real - fake, threshold: INDISTINGUISHABLE, fires: 'below' },
      ...(quality !== undefined
        ? [{ name: 'highQuality', value: quality, threshold: POOR_QUALITY, fires: 'below' as const }]
        : []),
    ],
  };
};
