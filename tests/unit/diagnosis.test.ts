/**
 * The failure-mode detectors on synthetic series: each fires on the pattern it names and stays
 * silent on a healthy run, and on the patterns of the other failures where they differ.
 */
import { describe, expect, test } from 'vitest';
import { defaultConfig, type ObjectiveId } from '../../src/gan/config.ts';
import { DiagnosisLog, diagnose } from '../../src/gan/diagnosis/diagnose.ts';
import { spread, diversityRatio } from '../../src/gan/diagnosis/diversity.ts';
import { CERTAIN, OVERPOWERING_WINDOW } from '../../src/gan/diagnosis/discriminatorOverpowering.ts';
import { LEARNED_QUALITY } from '../../src/gan/diagnosis/modeCollapse.ts';
import { OSCILLATION_WARMUP } from '../../src/gan/diagnosis/oscillation.ts';
import type { DetectorId, DiagnosisInput, DiversityPoint } from '../../src/gan/diagnosis/types.ts';
import { SATURATED_FAKE_OUTPUT } from '../../src/gan/diagnosis/vanishingGradients.ts';
import type { ModeMetrics } from '../../src/gan/metrics/modes.ts';
import { STAT_FIELDS, type StatField, type StatPoint } from '../../src/gan/stats.ts';
import type { Evaluation } from '../../src/gan/trainer.ts';

/** A deterministic wobble standing in for batch noise. */
const noise = (i: number, amplitude: number) => amplitude * Math.sin(i * 12.9898) * Math.cos(i * 4.1414);

type Shape = Partial<Record<StatField, (i: number) => number>>;

/** A healthy non-saturating run: D slightly ahead, losses near their equilibria, gradients moderate. */
const HEALTHY: Required<Shape> = {
  dLoss: (i) => 1.2 + noise(i, 0.05),
  gLoss: (i) => 0.9 + noise(i + 1, 0.05),
  dReal: (i) => 0.58 + noise(i + 2, 0.02),
  dFake: (i) => 0.42 + noise(i + 3, 0.02),
  gradNormD: (i) => 1 + noise(i + 4, 0.1),
  gradNormG: (i) => 2 + noise(i + 5, 0.2),
  outputGrad: (i) => 0.58 + noise(i + 6, 0.02),
  wasserstein: (i) => 0.7 + noise(i + 7, 0.05),
  mutualInformation: () => Number.NaN,
};

function series(iterations: number, shape: Shape = {}): StatPoint[] {
  return Array.from({ length: iterations }, (_, k) => {
    const iteration = k + 1;
    const point = { iteration } as StatPoint;
    for (const field of STAT_FIELDS) point[field] = (shape[field] ?? HEALTHY[field])(iteration);
    return point;
  });
}

function modes(histogram: number[], samples = 2500): ModeMetrics {
  const hq = histogram.reduce((a, b) => a + b, 0);
  const total = hq || 1;
  const kl = histogram.reduce((s, c) => (c ? s + (c / total) * Math.log((histogram.length * c) / total) : s), 0);
  const covered = histogram.filter((c) => c >= (0.2 * samples) / histogram.length).length;
  return { histogram, modesCovered: covered, modesTotal: histogram.length, highQuality: hq / samples, klUniform: hq ? kl : Math.log(histogram.length) };
}

/** Evaluations every 25 iterations up to `iterations`, each from `histogramAt`. */
function evaluations(iterations: number, histogramAt: (iteration: number) => number[]): Evaluation[] {
  const out: Evaluation[] = [];
  for (let iteration = 25; iteration <= iterations; iteration += 25) out.push({ iteration, modes: modes(histogramAt(iteration)) });
  return out;
}

/** A ring run learning all 8 modes evenly, a little more each evaluation. */
const spreading = (iteration: number) => Array.from({ length: 8 }, (_, k) => Math.round(Math.min(200, iteration / 8) + (k % 3) * 5));

function input(objective: ObjectiveId, stats: StatPoint[], extra: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return { config: { ...defaultConfig(), objective }, stats, evaluations: [], diversity: [], digits: [], ...extra };
}

const fired = (i: DiagnosisInput): DetectorId[] => diagnose(i).map((f) => f.detector);

describe('healthy runs', () => {
  test.each(['nonSaturating', 'minimax', 'lsgan'] as const)('a healthy %s run fires nothing', (objective) => {
    const lsganShape: Shape = objective === 'lsgan' ? { dReal: (i) => 0.7 + noise(i, 0.02), dFake: (i) => 0.3 + noise(i, 0.02), outputGrad: () => 1.4 } : {};
    const stats = series(1200, lsganShape);
    expect(fired(input(objective, stats, { evaluations: evaluations(1200, spreading) }))).toEqual([]);
  });

  test('a healthy WGAN run, its estimate settling, fires nothing', () => {
    const stats = series(600, { wasserstein: (i) => 2 * Math.exp(-i / 300) + 0.1 + noise(i, 0.02), dReal: () => 0.05, dFake: () => 0.01, outputGrad: () => 1 });
    expect(fired(input('wgan', stats))).toEqual([]);
  });

  test('nothing fires on the first iterations, however odd they look', () => {
    const stats = series(30, { dFake: () => 0.001, outputGrad: () => 0.001, gradNormG: () => 1e-7 });
    expect(fired(input('minimax', stats))).toEqual([]);
  });
});

describe('vanishing gradients', () => {
  test('fires when D(G(z)) and the output gradient sink to ~0 under the saturating loss', () => {
    const stats = series(200, { dFake: (i) => (i < 100 ? 0.3 : 0.004), outputGrad: (i) => (i < 100 ? 0.3 : 0.004), dReal: () => 0.999, dLoss: () => 0.003 });
    const finding = diagnose(input('minimax', stats)).find((f) => f.detector === 'vanishingGradients');
    expect(finding?.signals).toEqual(['dFake', 'outputGrad']);
    expect(finding?.to).toBe(200);
    expect(finding?.measurements[0].value).toBeLessThan(SATURATED_FAKE_OUTPUT);
  });

  test('the same D(G(z)) under the non-saturating loss is not vanishing (its gradient is 1 − D(G(z)))', () => {
    const stats = series(150, { dFake: () => 0.004, outputGrad: () => 0.996, gLoss: () => 6 });
    expect(fired(input('nonSaturating', stats))).not.toContain('vanishingGradients');
  });

  test("fires on a critic clipped so tightly that G's gradient norm is ~1e-6 while G has learned nothing", () => {
    const stats = series(100, { gradNormG: () => 1e-6, wasserstein: () => 1e-6, outputGrad: () => 1 });
    expect(fired(input('wgan', stats))).toContain('vanishingGradients');
    expect(fired(input('wgan', stats, { evaluations: evaluations(100, () => [1, 0, 0, 0, 0, 0, 0, 0]) }))).toContain('vanishingGradients');
    // The same flat critic once G covers the data is a critic with nothing left to say.
    expect(fired(input('wgan', stats, { evaluations: evaluations(100, () => [150, 140, 160, 150, 150, 140, 150, 160]) }))).not.toContain('vanishingGradients');
  });
});

describe('mode collapse', () => {
  test('fires when G hits modes but only 2 of 8, for a whole window', () => {
    const twoModes = () => [400, 380, 0, 0, 0, 0, 0, 0];
    const found = diagnose(input('nonSaturating', series(300), { evaluations: evaluations(300, twoModes) })).find((f) => f.detector === 'modeCollapse');
    expect(found?.signals).toEqual(['modesCovered', 'highQuality']);
    expect(found?.measurements[0].value).toBe(2);
  });

  test('a G sitting beside one mode, hitting it every other evaluation, is collapse', () => {
    const beside = (i: number) => (i % 50 === 0 ? [450, 0, 0, 0, 0, 0, 0, 0] : [3, 0, 0, 0, 0, 0, 0, 0]);
    const found = diagnose(input('nonSaturating', series(300), { evaluations: evaluations(300, beside) })).find((f) => f.detector === 'modeCollapse');
    expect(found?.measurements.find((m) => m.name === 'klUniform')?.value).toBeCloseTo(Math.log(8));
  });

  test('an untrained generator (no samples near any mode yet) is not collapse', () => {
    const none = () => [1, 0, 2, 0, 0, 1, 0, 0];
    expect(fired(input('nonSaturating', series(300), { evaluations: evaluations(300, none) }))).not.toContain('modeCollapse');
  });

  test('hopping through few modes at low quality on the way to all of them is not collapse', () => {
    const hopping = (i: number) => (i % 50 === 0 ? [60, 0, 0, 0, 0, 0, 0, 0] : [20, 30, 25, 10, 30, 20, 15, 25]);
    const evals = evaluations(300, hopping);
    expect(evals.every((e) => (e.modes?.highQuality ?? 0) < LEARNED_QUALITY)).toBe(true);
    expect(fired(input('nonSaturating', series(300), { evaluations: evals }))).not.toContain('modeCollapse');
  });

  test('one dominant digit fires it on MNIST', () => {
    const digits = [100, 125, 150, 175, 200, 225].map((iteration) => ({ iteration, histogram: [10, 10, 400, 10, 10, 10, 10, 10, 10, 10], modes: 10 }));
    expect(fired(input('nonSaturating', series(225), { digits }))).toContain('modeCollapse');
    const balanced = digits.map((d) => ({ ...d, histogram: new Array(10).fill(48) }));
    expect(fired(input('nonSaturating', series(225), { digits: balanced }))).not.toContain('modeCollapse');
    expect(fired(input('nonSaturating', series(225), { digits: digits.slice(0, 4) }))).not.toContain('modeCollapse');
  });

  test('samples that stop spreading fire it on data without modes, after the warm-up', () => {
    const shrinking: DiversityPoint[] = [300, 325, 350, 375, 400, 425].map((iteration) => ({ iteration, ratio: 0.1 }));
    expect(fired(input('nonSaturating', series(425), { diversity: shrinking }))).toContain('modeCollapse');
    const early = shrinking.map((d) => ({ ...d, iteration: d.iteration - 200 }));
    expect(fired(input('nonSaturating', series(225), { diversity: early }))).not.toContain('modeCollapse');
    const spread = shrinking.map((d) => ({ ...d, ratio: 0.9 }));
    expect(fired(input('nonSaturating', series(425), { diversity: spread }))).not.toContain('modeCollapse');
  });
});

describe('oscillation', () => {
  const swinging: Shape = { dLoss: (i) => 1.2 + 0.6 * Math.sin(i / 8), gLoss: (i) => 1.5 + 1.2 * Math.sin(i / 8 + 1) };

  test('fires on losses that swing up and down after the warm-up', () => {
    const found = diagnose(input('nonSaturating', series(450, swinging))).find((f) => f.detector === 'oscillation');
    expect(found).toBeDefined();
    expect(found!.from).toBeGreaterThan(OSCILLATION_WARMUP);
  });

  test('stays silent during the warm-up, and on a loss that only trends', () => {
    expect(fired(input('nonSaturating', series(OSCILLATION_WARMUP, swinging)))).not.toContain('oscillation');
    const trending = series(500, { gLoss: (i) => 0.5 + i / 40 + noise(i, 0.1) });
    expect(fired(input('nonSaturating', trending))).not.toContain('oscillation');
  });
});

describe('imbalance between D and G', () => {
  test('a D that stays certain for a whole window overpowers G', () => {
    const stats = series(OVERPOWERING_WINDOW + 50, { dReal: () => 0.999, dFake: () => 0.002, dLoss: () => 0.004, outputGrad: () => 0.998 });
    expect(fired(input('nonSaturating', stats))).toContain('discriminatorOverpowering');
  });

  test('a D certain for a while and then caught up with does not', () => {
    const stats = series(OVERPOWERING_WINDOW + 50, { dReal: (i) => (i < 150 ? 0.999 : 0.9), dFake: (i) => (i < 150 ? 0.002 : 2 * CERTAIN) });
    expect(fired(input('nonSaturating', stats))).not.toContain('discriminatorOverpowering');
  });

  test('LSGAN is judged against its labels a and b', () => {
    const stats = series(250, { dReal: () => 0.99, dFake: () => 0.01 });
    expect(fired(input('lsgan', stats))).toContain('discriminatorOverpowering');
    const relabelled = { ...input('lsgan', stats), config: { objective: 'lsgan' as const, lsganA: -1, lsganB: 1 } };
    expect(fired(relabelled)).not.toContain('discriminatorOverpowering');
  });

  test('D(x) ≈ D(G(z)) ≈ 0.5 with poor samples: G fools a weak D', () => {
    const stats = series(250, { dReal: () => 0.46, dFake: (i) => 0.5 + noise(i, 0.02), dLoss: () => 1.45 });
    const poor = evaluations(250, () => [1, 0, 2, 0, 0, 1, 0, 0]);
    expect(fired(input('nonSaturating', stats, { evaluations: poor }))).toContain('weakDiscriminator');
    const good = evaluations(250, () => [150, 140, 160, 150, 150, 140, 150, 160]);
    expect(fired(input('nonSaturating', stats, { evaluations: good }))).not.toContain('weakDiscriminator');
  });

  test('a D slightly ahead, as in healthy training, is not weak', () => {
    const stats = series(250, { dReal: () => 0.52, dFake: () => 0.48 });
    const poor = evaluations(250, () => [1, 0, 2, 0, 0, 1, 0, 0]);
    expect(fired(input('nonSaturating', stats, { evaluations: poor }))).not.toContain('weakDiscriminator');
  });
});

describe('exploding gradients', () => {
  test('fires when the Wasserstein estimate and G’s gradient keep growing', () => {
    const stats = series(200, { wasserstein: (i) => Math.exp(i / 40), gradNormG: (i) => Math.exp(i / 45), outputGrad: () => 1 });
    expect(fired(input('wgan', stats))).toContain('explodingGradients');
  });

  test('an estimate that rises while the critic learns, with a steady gradient, does not', () => {
    const stats = series(200, { wasserstein: (i) => 0.5 + i / 50, gradNormG: (i) => 2 + noise(i, 0.3), outputGrad: () => 1 });
    expect(fired(input('wganGp', stats))).not.toContain('explodingGradients');
  });

  test('a small clipped estimate that doubles between noisy blocks does not', () => {
    const stats = series(200, { wasserstein: (i) => 0.005 * Math.exp(i / 40), gradNormG: (i) => 0.05 * Math.exp(i / 45), outputGrad: () => 1 });
    expect(fired(input('wgan', stats))).not.toContain('explodingGradients');
  });

  test('is not judged on the log-loss objectives, where the "estimate" is a logit gap', () => {
    const stats = series(200, { wasserstein: (i) => Math.exp(i / 40), gradNormG: (i) => Math.exp(i / 45) });
    expect(fired(input('nonSaturating', stats))).not.toContain('explodingGradients');
  });
});

describe('the diagnosis log', () => {
  test('keeps a card once fired, marks it inactive when the evidence goes, and forgets on reset', () => {
    const log = new DiagnosisLog();
    const collapse = { detector: 'modeCollapse' as const, signals: ['modesCovered' as const], from: 200, to: 300, measurements: [] };
    expect(log.update([collapse])).toEqual([{ finding: collapse, firstIteration: 300, active: true }]);
    const later = { ...collapse, from: 300, to: 400 };
    expect(log.update([later])).toEqual([{ finding: later, firstIteration: 300, active: true }]);
    expect(log.update([])).toEqual([{ finding: later, firstIteration: 300, active: false }]);
    log.reset();
    expect(log.list()).toEqual([]);
  });
});

describe('sample diversity', () => {
  test('spread is the RMS distance to the centroid; identical samples have none', () => {
    expect(spread(new Float32Array([1, 1, 1, 1, 1, 1]), 2)).toBe(0);
    expect(spread(new Float32Array([-1, 0, 1, 0]), 2)).toBeCloseTo(1);
    const real = new Float32Array([-2, 0, 2, 0, 0, -2, 0, 2]);
    const collapsed = new Float32Array([2, 0, 2.1, 0, 1.9, 0, 2, 0.1]);
    expect(diversityRatio(collapsed, real, 2)).toBeLessThan(0.1);
    expect(diversityRatio(real, real, 2)).toBeCloseTo(1);
  });
});
