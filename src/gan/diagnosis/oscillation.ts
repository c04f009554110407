import type { StatField } from '../stats.ts';
import type { Detector, Finding } from './types.ts';
import { blockMeans, covers, lastIterations, mean, slope, standardDeviation, values } from './series.ts';

/** Iterations judged at once, and the block length that averages out batch noise within them. */
export const OSCILLATION_WINDOW = 200;
export const OSCILLATION_BLOCK = 10;
/**
 * The first iterations of every GAN swing while D and G find each other (a healthy ring run's
 * losses move 10–45% there); only swings after this warm-up count.
 */
export const OSCILLATION_WARMUP = 200;
/**
 * Swing of the block means around their trend, relative to the loss's level (+0.5 so that losses
 * near 0 do not divide by ~0). Healthy runs stay below 0.1 after the warm-up; Adam at lr 1e-2 with
 * β1 0.9 swings 0.3–0.8 on the ring (measured, wasm).
 */
export const OSCILLATING_SWING = 0.2;

/** Standard deviation of ys around their least-squares line. */
function detrendedSpread(ys: readonly number[]): number {
  const b = slope(ys);
  const centre = (ys.length - 1) / 2;
  const m = mean(ys);
  return standardDeviation(ys.map((y, x) => y - (m + b * (x - centre))));
}

/**
 * Non-convergence, oscillation (비수렴성): the losses swing up and down instead of settling — the
 * parameters circle the Nash equilibrium rather than reach it (Mescheder et al. 2018). A trend
 * (a loss that falls or rises steadily) is removed first, so learning is not mistaken for swinging.
 * A live settings change moves the losses to a new level in one step, which is not a swing: only
 * iterations after the latest change are judged, so a window never straddles one.
 */
export const oscillation: Detector = ({ stats, changes }) => {
  const first = Math.max(OSCILLATION_WARMUP + 1, ...changes);
  const recent = lastIterations(stats, OSCILLATION_WINDOW).filter((p) => p.iteration >= first);
  if (!covers(recent, OSCILLATION_WINDOW)) return undefined;
  let worst: Finding | undefined;
  let worstSwing = OSCILLATING_SWING;
  for (const field of ['dLoss', 'gLoss'] as StatField[]) {
    const blocks = blockMeans(values(recent, field), OSCILLATION_BLOCK);
    if (blocks.length < 4) continue;
    const swing = detrendedSpread(blocks) / (Math.abs(mean(blocks)) + 0.5);
    if (swing < worstSwing) continue;
    worstSwing = swing;
    worst = {
      detector: 'oscillation',
      signals: [field],
      from: recent[0].iteration,
      to: recent[recent.length - 1].iteration,
      measurements: [
        {
          name: field === 'dLoss' ? 'discriminatorSwing' : 'generatorSwing',
          value: swing,
          threshold: OSCILLATING_SWING,
          fires: 'above',
        },
      ],
    };
  }
  return worst;
};
