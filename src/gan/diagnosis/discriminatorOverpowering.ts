import { objectiveOutput } from './objectives.ts';
import type { Detector } from './types.ts';
import { covers, lastIterations, mean, values } from './series.ts';

/**
 * D must win this long: a strong D with the non-saturating loss wins for ~150 iterations before G
 * catches up on the ring; 200 leaves those runs alone and catches a D that stays on top.
 */
export const OVERPOWERING_WINDOW = 200;
/** D(x) above 0.95 and D(G(z)) below 0.05 on average: D is all but certain about both. */
export const CERTAIN = 0.05;

/**
 * The discriminator overpowers the generator (판별자의 압도): D separates real from fake almost
 * perfectly and keeps doing so; the course notes' picture is D's loss at 0 while G learns nothing.
 * For LSGAN "certain" means outputs at the labels b (real) and a (fake); WGAN's critic has no such
 * scale, so it is not judged here.
 */
export const discriminatorOverpowering: Detector = ({ config, stats }) => {
  const output = objectiveOutput(config.objective);
  if (output === 'critic') return undefined;
  const recent = lastIterations(stats, OVERPOWERING_WINDOW);
  if (!covers(recent, OVERPOWERING_WINDOW)) return undefined;
  const real = mean(values(recent, 'dReal'));
  const fake = mean(values(recent, 'dFake'));
  // Distances to the labels as fractions of the label gap: 0 = exactly the label.
  const [fakeLabel, realLabel] = output === 'probability' ? [0, 1] : [config.lsganA, config.lsganB];
  const gap = Math.abs(realLabel - fakeLabel) || 1;
  const realMiss = Math.abs(real - realLabel) / gap;
  const fakeMiss = Math.abs(fake - fakeLabel) / gap;
  if (realMiss >= CERTAIN || fakeMiss >= CERTAIN) return undefined;
  return {
    detector: 'discriminatorOverpowering',
    signals: ['dReal', 'dFake', 'dLoss'],
    from: recent[0].iteration,
    to: recent[recent.length - 1].iteration,
    measurements: [
      {
        name: 'meanRealOutput',
        value: real,
        threshold: realLabel + (realLabel > fakeLabel ? -CERTAIN : CERTAIN) * gap,
        fires: realLabel > fakeLabel ? 'above' : 'below',
      },
      {
        name: 'meanFakeOutput',
        value: fake,
        threshold: fakeLabel + (realLabel > fakeLabel ? CERTAIN : -CERTAIN) * gap,
        fires: realLabel > fakeLabel ? 'below' : 'above',
      },
    ],
  };
};
