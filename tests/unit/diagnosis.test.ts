/**
 * The failure-mode detectors on synthetic series: each fires on the pattern it names and stays
 * silent on a healthy run, and on the patterns of the other failures where they differ.
 */
import { describe, expect, test } from 'vitest';
import { defaultConfig, type ObjectiveId } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { DiagnosisLog, diagnose } from '../../src/gan/diagnosis/diagnose.ts';
import { spread, diversityRatio } from '../../src/gan/diagnosis/diversity.ts';
import { CERTAIN, OVERPOWERING_WINDOW } from '../../src/gan/diagnosis/discriminatorOverpowering.ts';
import { EXPLODING_WINDOW } from '../../src/gan/diagnosis/explodingGradients.ts';
import { COLLAPSE_WARMUP, LEARNED_DIGITS, LEARNED_QUALITY } from '../../src/gan/diagnosis/modeCollapse.ts';
import { OSCILLATION_WARMUP } from '../../src/gan/diagnosis/oscillation.ts';
import { blockMeans, median, values } from '../../src/gan/diagnosis/series.ts';
import type { DetectorId, DiagnosisInput, DigitModes, DiversityPoint } from '../../src/gan/diagnosis/types.ts';
import { SATURATED_FAKE_OUTPUT, VANISHED_GRADIENT_RATIO } from '../../src/gan/diagnosis/vanishingGradients.ts';
import { klToUniform, type ModeMetrics, modeMetrics } from '../../src/gan/metrics/modes.ts';
import { createRng } from '../../src/gan/rng.ts';
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

/** Mode metrics of a high-quality histogram, whose samples are also the only ones near a mode. */
function modes(histogram: number[], samples = 2500): ModeMetrics {
  const K = histogram.length;
  const hq = histogram.reduce((a, b) => a + b, 0);
  return {
    histogram,
    modesCovered: histogram.filter((c) => c > 0).length,
    wellCovered: histogram.filter((c) => c >= Math.max(5, (0.2 * hq) / K)).length,
    modesTotal: K,
    highQuality: hq / samples,
    klUniform: klToUniform(histogram),
    nearHistogram: histogram,
    nearShare: hq / samples,
  };
}

/** Evaluations every 25 iterations up to `iterations`, each from `histogramAt`. */
function evaluations(iterations: number, histogramAt: (iteration: number) => number[]): Evaluation[] {
  const out: Evaluation[] = [];
  for (let iteration = 25; iteration <= iterations; iteration += 25)
    out.push({ iteration, modes: modes(histogramAt(iteration)) });
  return out;
}

/** A ring run learning all 8 modes evenly, a little more each evaluation. */
const spreading = (iteration: number) =>
  Array.from({ length: 8 }, (_, k) => Math.round(Math.min(200, iteration / 8) + (k % 3) * 5));

function input(objective: ObjectiveId, stats: StatPoint[], extra: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return {
    config: { ...defaultConfig(), objective },
    stats,
    evaluations: [],
    diversity: [],
    digits: [],
    changes: [],
    ...extra,
  };
}

const fired = (i: DiagnosisInput): DetectorId[] => diagnose(i).map((f) => f.detector);

describe('healthy runs', () => {
  test.each(['nonSaturating', 'minimax', 'lsgan'] as const)('a healthy %s run fires nothing', (objective) => {
    const lsganShape: Shape =
      objective === 'lsgan'
        ? { dReal: (i) => 0.7 + noise(i, 0.02), dFake: (i) => 0.3 + noise(i, 0.02), outputGrad: () => 1.4 }
        : {};
    const stats = series(1200, lsganShape);
    expect(fired(input(objective, stats, { evaluations: evaluations(1200, spreading) }))).toEqual([]);
  });

  test('a healthy WGAN run, its estimate settling, fires nothing', () => {
    const stats = series(600, {
      wasserstein: (i) => 2 * Math.exp(-i / 300) + 0.1 + noise(i, 0.02),
      dReal: () => 0.05,
      dFake: () => 0.01,
      outputGrad: () => 1,
    });
    expect(fired(input('wgan', stats))).toEqual([]);
  });

  test('nothing fires on the first iterations, however odd they look', () => {
    const stats = series(30, { dFake: () => 0.001, outputGrad: () => 0.001, gradNormG: () => 1e-7 });
    expect(fired(input('minimax', stats))).toEqual([]);
  });
});

describe('vanishing gradients', () => {
  test('fires when D(G(z)) and the output gradient sink to ~0 under the saturating loss', () => {
    const stats = series(200, {
      dFake: (i) => (i < 100 ? 0.3 : 0.004),
      outputGrad: (i) => (i < 100 ? 0.3 : 0.004),
      dReal: () => 0.999,
      dLoss: () => 0.003,
    });
    const finding = diagnose(input('minimax', stats)).find((f) => f.detector === 'vanishingGradients');
    expect(finding?.signals).toEqual(['dFake', 'outputGrad']);
    expect(finding?.to).toBe(200);
    expect(finding?.measurements[0].value).toBeLessThan(SATURATED_FAKE_OUTPUT);
    expect(finding?.critic).toBeUndefined();
  });

  test('the same D(G(z)) under the non-saturating loss is not vanishing (its gradient is 1 − D(G(z)))', () => {
    const stats = series(150, { dFake: () => 0.004, outputGrad: () => 0.996, gLoss: () => 6 });
    expect(fired(input('nonSaturating', stats))).not.toContain('vanishingGradients');
  });

  test("fires on a critic clipped so tightly that G's gradient norm is ~1e-6 while G has learned nothing", () => {
    const stats = series(100, { gradNormG: () => 1e-6, wasserstein: () => 1e-6, outputGrad: () => 1 });
    expect(fired(input('wgan', stats))).toContain('vanishingGradients');
    // Worded as a flat critic's, not as a D that rejects the fakes (the page reads `critic`).
    expect(diagnose(input('wgan', stats)).find((f) => f.detector === 'vanishingGradients')?.critic).toBe(true);
    expect(fired(input('wgan', stats, { evaluations: evaluations(100, () => [1, 0, 0, 0, 0, 0, 0, 0]) }))).toContain(
      'vanishingGradients',
    );
    // The same flat critic once G covers the data is a critic with nothing left to say.
    expect(
      fired(input('wgan', stats, { evaluations: evaluations(100, () => [150, 140, 160, 150, 150, 140, 150, 160]) })),
    ).not.toContain('vanishingGradients');
  });
});

describe('mode collapse', () => {
  test('fires when G hits modes but only 2 of 8, for a whole window', () => {
    const twoModes = () => [400, 380, 0, 0, 0, 0, 0, 0];
    const found = diagnose(input('nonSaturating', series(300), { evaluations: evaluations(300, twoModes) })).find(
      (f) => f.detector === 'modeCollapse',
    );
    expect(found?.signals).toEqual(['modesCovered', 'highQuality']);
    expect(found?.measurements[0].value).toBe(2);
  });

  test('a G sitting beside one mode, hitting it every other evaluation, is collapse', () => {
    const beside = (i: number) => (i % 50 === 0 ? [450, 0, 0, 0, 0, 0, 0, 0] : [3, 0, 0, 0, 0, 0, 0, 0]);
    const found = diagnose(input('nonSaturating', series(300), { evaluations: evaluations(300, beside) })).find(
      (f) => f.detector === 'modeCollapse',
    );
    expect(found?.measurements.find((m) => m.name === 'klUniform')?.value).toBeCloseTo(Math.log(8));
  });

  test('an untrained generator (no samples near any mode yet) is not collapse', () => {
    const none = () => [1, 0, 2, 0, 0, 1, 0, 0];
    expect(fired(input('nonSaturating', series(300), { evaluations: evaluations(300, none) }))).not.toContain(
      'modeCollapse',
    );
  });

  test('hopping through few modes at low quality on the way to all of them is not collapse', () => {
    const hopping = (i: number) => (i % 50 === 0 ? [60, 0, 0, 0, 0, 0, 0, 0] : [20, 30, 25, 10, 30, 20, 15, 25]);
    const evals = evaluations(300, hopping);
    expect(evals.every((e) => (e.modes?.highQuality ?? 0) < LEARNED_QUALITY)).toBe(true);
    expect(fired(input('nonSaturating', series(300), { evaluations: evals }))).not.toContain('modeCollapse');
  });

  test('a G drawing one digit, and sure-looking ones, after the warm-up is collapse on MNIST', () => {
    const one = (iteration: number) => ({
      iteration,
      histogram: [10, 440, 10, 5, 5, 5, 5, 10, 5, 5],
      modes: 10,
      confident: 0.85,
    });
    const digits = [300, 325, 350, 375, 400, 425].map(one);
    const found = diagnose(input('nonSaturating', series(425), { digits })).find((f) => f.detector === 'modeCollapse');
    expect(found?.signals).toEqual(['digitModes']);
    expect(found?.measurements.find((m) => m.name === 'dominantClass')?.value).toBeCloseTo(0.88);
    const balanced = digits.map((d) => ({ ...d, histogram: new Array(10).fill(50) }));
    expect(fired(input('nonSaturating', series(425), { digits: balanced }))).not.toContain('modeCollapse');
    expect(fired(input('nonSaturating', series(425), { digits: digits.slice(0, 4) }))).not.toContain('modeCollapse');
    // The same readings before COLLAPSE_WARMUP are a fresh G's blob.
    const early = [100, 125, 150, 175, 200, 225].map(one);
    expect(fired(input('nonSaturating', series(225), { digits: early }))).not.toContain('modeCollapse');
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
    const stats = series(OVERPOWERING_WINDOW + 50, {
      dReal: () => 0.999,
      dFake: () => 0.002,
      dLoss: () => 0.004,
      outputGrad: () => 0.998,
    });
    expect(fired(input('nonSaturating', stats))).toContain('discriminatorOverpowering');
  });

  test('a D certain for a while and then caught up with does not', () => {
    const stats = series(OVERPOWERING_WINDOW + 50, {
      dReal: (i) => (i < 150 ? 0.999 : 0.9),
      dFake: (i) => (i < 150 ? 0.002 : 2 * CERTAIN),
    });
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

  test('a fooled D that rates the fakes far above the data, with poor samples, is weak too', () => {
    const stats = series(250, { dReal: () => 0.5, dFake: (i) => 0.9 + noise(i, 0.02) });
    const poor = evaluations(250, () => [1, 0, 2, 0, 0, 1, 0, 0]);
    expect(fired(input('nonSaturating', stats, { evaluations: poor }))).toContain('weakDiscriminator');
  });

  test('a D slightly ahead, as in healthy training, is not weak', () => {
    const stats = series(250, { dReal: () => 0.52, dFake: () => 0.48 });
    const poor = evaluations(250, () => [1, 0, 2, 0, 0, 1, 0, 0]);
    expect(fired(input('nonSaturating', stats, { evaluations: poor }))).not.toContain('weakDiscriminator');
  });
});

describe('exploding gradients', () => {
  test('fires when the Wasserstein estimate and G’s gradient keep growing', () => {
    const stats = series(200, {
      wasserstein: (i) => Math.exp(i / 40),
      gradNormG: (i) => Math.exp(i / 45),
      outputGrad: () => 1,
    });
    expect(fired(input('wgan', stats))).toContain('explodingGradients');
  });

  test('an estimate that rises while the critic learns, with a steady gradient, does not', () => {
    const stats = series(200, {
      wasserstein: (i) => 0.5 + i / 50,
      gradNormG: (i) => 2 + noise(i, 0.3),
      outputGrad: () => 1,
    });
    expect(fired(input('wganGp', stats))).not.toContain('explodingGradients');
  });

  test('a small clipped estimate that doubles between noisy blocks does not', () => {
    const stats = series(200, {
      wasserstein: (i) => 0.005 * Math.exp(i / 40),
      gradNormG: (i) => 0.05 * Math.exp(i / 45),
      outputGrad: () => 1,
    });
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
    const collapse = {
      detector: 'modeCollapse' as const,
      signals: ['modesCovered' as const],
      from: 200,
      to: 300,
      measurements: [],
    };
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

/** Comma-separated readings, one every 25 iterations from 25 (measured series, rounded to 2 decimals). */
const readings = (text: string) => text.split(',').map(Number);

/**
 * The digit classifier's readings of two MNIST presets at seed 1 on wasm, every 25 iterations to
 * 2,000 (classifier on 500 samples of fixed noise, as the page reads it; spread on 64 view samples),
 * measured with the presets as they were then (mnistDefault at Adam 1e-3, cganMnist without its
 * class head): fixed data for the detector, the slow warm-ups it must sit through; the presets as
 * they train now are checked in the browser by `npm run bench -- presets` and the presets browser test:
 * the share of the largest class, the share of digits read with p(y|x) ≥ 0.9, and the spread vs data.
 * mnistDefault's G draws a blurred blob the classifier reads as an "8" — often surely — until
 * ~1,200 iterations; cganMnist's until ~300.
 */
const MEASURED = {
  mnistDefault: {
    share: readings(
      '1,.99,.98,.99,.99,1,1,1,1,1,.98,1,1,1,1,1,.98,1,1,1,1,1,.91,1,1,.98,1,1,1,1,1,.84,.95,.94,1,.99,.97,.94,.96,.60,1,1,1,1,1,.98,.94,.98,.93,.73,.93,.49,.56,.77,.40,.35,.51,.81,.42,.51,.43,.39,.45,.53,.29,.44,.46,.40,.30,.42,.28,.46,.63,.60,.38,.33,.37,.51,.28,.44',
    ),
    confident: readings(
      '0,0,0,0,0,0,0,.02,0,.38,0,0,.25,.02,0,0,0,0,.66,0,0,0,0,.02,.30,0,.19,.10,.19,.11,.07,.13,.03,.13,.31,.25,.01,.21,.34,0,.01,.46,.23,.01,.24,.42,.45,.11,.01,.01,.22,.20,.10,.09,.11,.12,.03,.13,.02,.09,.07,.24,.06,.09,.02,.03,.29,.09,.15,.18,.06,.17,.23,.40,.28,.13,.06,.05,.14,.16',
    ),
    spread: readings(
      '.25,.24,.24,.24,.24,.24,.24,.24,.23,.23,.23,.23,.22,.23,.23,.22,.22,.22,.22,.22,.22,.22,.22,.23,.24,.24,.24,.26,.27,.31,.34,.39,.41,.41,.40,.42,.43,.43,.43,.44,.42,.43,.42,.43,.44,.44,.47,.47,.49,.53,.54,.54,.54,.55,.54,.54,.53,.52,.52,.51,.53,.53,.55,.57,.58,.59,.58,.59,.59,.61,.61,.61,.62,.64,.63,.60,.60,.61,.62,.60',
    ),
  },
  cganMnist: {
    share: readings(
      '1,1,1,1,1,1,1,1,1,1,1,.58,.73,.28,.16,.30,.11,.14,.19,.10,.18,.18,.15,.25,.14,.13,.20,.22,.16,.39,.31,.22,.18,.17,.20,.17,.18,.15,.23,.15,.17,.20,.17,.16,.22,.17,.20,.18,.23,.17,.15,.16,.13,.16,.18,.21,.18,.22,.19,.20,.14,.15,.20,.14,.15,.16,.17,.15,.19,.18,.20,.12,.21,.24,.14,.17,.22,.18,.19,.17',
    ),
    confident: readings(
      '0,0,0,0,0,0,.03,0,0,0,0,0,0,.10,.03,.16,.39,.20,.54,.29,.55,.51,.50,.36,.53,.68,.69,.54,.50,.25,.28,.39,.40,.47,.52,.54,.51,.55,.47,.60,.59,.55,.49,.44,.50,.48,.42,.43,.53,.58,.61,.53,.57,.50,.57,.51,.50,.47,.56,.54,.59,.58,.60,.66,.64,.67,.59,.66,.55,.62,.54,.57,.56,.57,.63,.60,.58,.64,.71,.69',
    ),
    spread: readings(
      '.18,.14,.13,.14,.15,.15,.15,.15,.14,.15,.15,.26,.30,.35,.39,.41,.44,.44,.48,.48,.50,.51,.53,.53,.54,.56,.58,.58,.59,.61,.66,.67,.67,.69,.70,.71,.72,.72,.73,.71,.73,.76,.74,.75,.76,.74,.72,.77,.74,.74,.78,.78,.77,.76,.79,.77,.75,.79,.78,.75,.79,.79,.79,.81,.80,.80,.79,.83,.83,.84,.82,.83,.86,.84,.85,.87,.85,.86,.85,.88',
    ),
  },
};

/** Classifier readings from a measured series: the largest share on class 8, the rest spread evenly. */
function digitSeries({ share, confident }: { share: number[]; confident: number[] }): DigitModes[] {
  return share.map((s, k) => {
    const histogram = new Array<number>(10).fill((500 * (1 - s)) / 9);
    histogram[8] = 500 * s;
    return {
      iteration: 25 * (k + 1),
      histogram,
      modes: histogram.filter((c) => c >= 5).length,
      confident: confident[k],
    };
  });
}

/** Spread points every 10 iterations (the page gets ~2.5 views a second), interpolated between the readings. */
function spreadSeries(spread: number[]): DiversityPoint[] {
  const out: DiversityPoint[] = [];
  for (let iteration = 30; iteration <= 25 * spread.length; iteration += 10) {
    const at = iteration / 25 - 1;
    const k = Math.min(Math.floor(at), spread.length - 2);
    out.push({ iteration, ratio: spread[k] + (at - k) * (spread[k + 1] - spread[k]) });
  }
  return out;
}

describe('mode collapse on MNIST: the warm-up and the evidence', () => {
  test.each(['mnistDefault', 'cganMnist'] as const)(
    '%s, as measured over its first 2,000 iterations, raises no collapse card at any reading',
    (id) => {
      const digits = digitSeries(MEASURED[id]);
      const diversity = spreadSeries(MEASURED[id].spread);
      const stats = series(2000);
      for (const reading of digits) {
        const now = {
          stats: stats.slice(0, reading.iteration),
          digits: digits.filter((d) => d.iteration <= reading.iteration),
          diversity: diversity.filter((d) => d.iteration <= reading.iteration),
        };
        expect(fired(input('nonSaturating', now.stats, now)), `at iteration ${reading.iteration}`).not.toContain(
          'modeCollapse',
        );
      }
    },
  );

  test('the blob is read as one digit, and sometimes surely: class share alone, or sure digits in a few readings, is no evidence', () => {
    const { share, confident } = MEASURED.mnistDefault;
    expect(share.slice(0, 40).every((s) => s >= 0.5)).toBe(true);
    expect(confident.filter((c) => c >= 0.1).length).toBeGreaterThan(30);
    expect(confident.filter((c) => c >= LEARNED_DIGITS)).toHaveLength(1);
  });

  test('a G that learns digits and then draws one surely fires within a window after the warm-up', () => {
    const learned = digitSeries({ share: new Array(20).fill(0.2), confident: new Array(20).fill(0.4) });
    const collapsed = [525, 550, 575, 600, 625, 650].map((iteration) => ({
      iteration,
      histogram: [5, 5, 5, 5, 5, 5, 5, 5, 455, 5],
      modes: 10,
      confident: 0.8,
    }));
    const digits = [...learned.filter((d) => d.iteration < 525), ...collapsed];
    expect(fired(input('nonSaturating', series(650), { digits }))).toContain('modeCollapse');
    expect(fired(input('nonSaturating', series(625), { digits: digits.slice(0, -1) }))).not.toContain('modeCollapse');
  });

  test('on MNIST the spread check gives way to the classifier: the blob’s small spread is not collapse', () => {
    const diversity = spreadSeries(MEASURED.mnistDefault.spread).filter((d) => d.iteration <= 700);
    expect(diversity.filter((d) => d.iteration >= COLLAPSE_WARMUP).every((d) => d.ratio < 0.33)).toBe(true);
    const digits = digitSeries(MEASURED.mnistDefault).filter((d) => d.iteration <= 700);
    expect(fired(input('nonSaturating', series(700), { digits, diversity }))).not.toContain('modeCollapse');
    // Without the classifier the spread is all there is.
    expect(fired(input('nonSaturating', series(700), { diversity }))).toContain('modeCollapse');
  });
});

describe('mode collapse beside the modes', () => {
  /** 2,500 samples parked 5σ from ring modes `parked` (in turn, each in its own direction), and their mode metrics. */
  function parked(modesAt: number[]): { metrics: ModeMetrics; points: Float32Array } {
    const spec = ring().modes!;
    const points = new Float32Array(2500 * 2);
    for (let i = 0; i < 2500; i++) {
      const [x, y] = spec.centres[modesAt[i % modesAt.length]];
      const angle = 2.399 * i; // golden-angle directions around the mode
      [points[2 * i], points[2 * i + 1]] = [x + 5 * spec.sigma * Math.cos(angle), y + 5 * spec.sigma * Math.sin(angle)];
    }
    return { metrics: modeMetrics(points, 2, spec), points };
  }

  function run(modesAt: number[], iterations = 450): DiagnosisInput {
    const { metrics, points } = parked(modesAt);
    const real = ring().sample(512, createRng(1, 'view-real')).x;
    const ratio = diversityRatio(points.subarray(0, 1024), real, 2);
    const evaluations: Evaluation[] = [];
    const diversity: DiversityPoint[] = [];
    for (let iteration = 25; iteration <= iterations; iteration += 25) {
      evaluations.push({ iteration, modes: metrics });
      diversity.push({ iteration, ratio });
    }
    return input('nonSaturating', series(iterations), { evaluations, diversity });
  }

  test('a G parked at 5σ from 3 ring modes has no high-quality sample and a wide spread, and is collapse', () => {
    const { metrics, points } = parked([0, 3, 5]);
    expect(metrics.highQuality).toBe(0);
    expect(diversityRatio(points, ring().sample(512, createRng(1, 'view-real')).x, 2)).toBeGreaterThan(0.9);
    const found = diagnose(run([0, 3, 5])).find((f) => f.detector === 'modeCollapse');
    expect(found?.measurements.find((m) => m.name === 'modesNear')?.value).toBe(3);
    expect(found?.measurements.find((m) => m.name === 'nearShare')?.value).toBe(1);
    expect(found?.measurements.find((m) => m.name === 'nearKl')?.value).toBeCloseTo(Math.log(8 / 3));
  });

  test('beside all 8 modes is not collapse, and nothing is judged on the samples near a mode before the warm-up', () => {
    expect(fired(run([0, 1, 2, 3, 4, 5, 6, 7]))).not.toContain('modeCollapse');
    expect(fired(run([0, 3, 5], COLLAPSE_WARMUP + 100))).not.toContain('modeCollapse');
  });
});

describe('thresholds that do not depend on the size of the model', () => {
  test("vanishing: G's gradient is judged against the run's own unit, D's gradient at the start, not against a fixed size", () => {
    // A small-scale model whose every gradient is tiny but whose G still gets a fair share of D's.
    const small = series(100, {
      gradNormG: (i) => 5e-5 * (1 + noise(i, 0.1)),
      gradNormD: (i) => 3e-5 * (1 + noise(i + 1, 0.1)),
      wasserstein: () => 1e-5,
      outputGrad: () => 1,
    });
    expect(fired(input('wgan', small))).not.toContain('vanishingGradients');
    // A large model whose clipped critic still moves while G's gradient is a thousandth of its own.
    const large = series(100, {
      gradNormG: (i) => 1e-3 * (1 + noise(i, 0.1)),
      gradNormD: (i) => 1 + noise(i + 1, 0.1),
      outputGrad: () => 1,
    });
    const finding = diagnose(input('wgan', large)).find((f) => f.detector === 'vanishingGradients');
    expect(finding?.measurements[0]).toMatchObject({ name: 'gradientRatio', threshold: VANISHED_GRADIENT_RATIO });
    expect(finding?.measurements[0].value).toBeLessThan(VANISHED_GRADIENT_RATIO);
  });

  test("vanishing: a D whose gradient grows (its inputs drifting far out) does not make G's steady gradient vanish", () => {
    const drifting = series(300, {
      gradNormG: (i) => 0.05 * (1 + noise(i, 0.3)),
      gradNormD: (i) => 1 + Math.max(0, i - 50) / 2,
      dReal: () => 0.5,
      dFake: () => 0.5,
    });
    expect(fired(input('nonSaturating', drifting))).not.toContain('vanishingGradients');
  });
});

describe('a clipped critic that has taught G what it can', () => {
  test('its dying gradient is not vanishing when most samples sit near the modes, though few within 3σ', () => {
    const stats = series(300, {
      gradNormG: (i) => 1e-4 * (1 + noise(i, 0.1)),
      gradNormD: (i) => 0.5 + noise(i + 1, 0.05),
      outputGrad: () => 1,
    });
    const loose = (near: number) =>
      evaluations(300, () => [5, 4, 6, 5, 0, 5, 4, 6]).map((e) => ({ ...e, modes: { ...e.modes!, nearShare: near } }));
    expect(fired(input('wgan', stats, { evaluations: loose(0.56) }))).not.toContain('vanishingGradients');
    expect(fired(input('wgan', stats, { evaluations: loose(0.05) }))).toContain('vanishingGradients');
  });
});

describe('vanishing gradients need a D that rejects the fakes', () => {
  // G's gradient tiny next to D's early one, as when a frozen D is beaten (the weakDiscriminator preset).
  const flat: Shape = { gradNormG: (i) => 5e-3 * (1 + noise(i, 0.1)), gradNormD: (i) => 1 + noise(i + 1, 0.1) };

  test('a fooled D (fakes scored above the data): G has won against it, not lost its gradient', () => {
    const stats = series(300, { ...flat, dReal: () => 0.5, dFake: () => 0.9 });
    expect(fired(input('nonSaturating', stats))).not.toContain('vanishingGradients');
    // The same for LSGAN's labels a = 0, b = 1: fakes at 0.9, data at 0.5.
    expect(fired(input('lsgan', stats))).not.toContain('vanishingGradients');
  });

  test('the same flat gradient with D rejecting the fakes is vanishing', () => {
    const stats = series(300, { ...flat, dReal: () => 0.9, dFake: () => 0.2 });
    expect(fired(input('nonSaturating', stats))).toContain('vanishingGradients');
  });
});

describe('exploding gradients in noisy bursts', () => {
  /** Growth by bursts: a spike in the first quarter, and a drop in every other stretch of 25. */
  const burst = (scale: number, rate: number) => (i: number) =>
    scale * Math.exp(i / rate) * (i % 50 < 25 ? 1 : 0.45) * (i === 110 ? 30 : 1) * (1 + noise(i, 0.4));

  test('fires on an estimate and a gradient that blow up without rising block by block', () => {
    const stats = series(200, { wasserstein: burst(1, 40), gradNormG: burst(0.5, 45), outputGrad: () => 1 });
    const blocks = blockMeans(values(stats.slice(-EXPLODING_WINDOW), 'wasserstein'), 25);
    expect(blocks.some((v, i) => i > 0 && v < blocks[i - 1])).toBe(true);
    expect(fired(input('wgan', stats))).toContain('explodingGradients');
  });

  test('stays silent on the same noise around a level that does not grow', () => {
    const stats = series(200, {
      wasserstein: (i) => burst(2, 1e9)(i),
      gradNormG: (i) => burst(1, 1e9)(i),
      outputGrad: () => 1,
    });
    expect(fired(input('wgan', stats))).not.toContain('explodingGradients');
  });
});

describe('exploding gradients that blow up at once and stay up', () => {
  /** Up from `start` to `top` within 40 iterations (as the c = 10 critic at seeds 3 and 9), then noisy and flat. */
  const jump = (start: number, top: number) => (i: number) =>
    (i < 40 ? start + ((top - start) * i) / 40 : top) * (1 + noise(i, 0.5));

  test('fires although no later window grows', () => {
    const stats = series(400, { wasserstein: jump(2, 80), gradNormG: jump(1.4, 300), outputGrad: () => 1 });
    const late = values(stats.slice(-EXPLODING_WINDOW), 'wasserstein');
    expect(median(late.slice(-25)) / median(late.slice(0, 25))).toBeLessThan(2);
    expect(fired(input('wgan', stats))).toContain('explodingGradients');
  });

  test('not when G’s gradient stays at its opening level (a critic that learns the distance)', () => {
    const stats = series(400, { wasserstein: jump(0.5, 4), gradNormG: jump(2, 2.5), outputGrad: () => 1 });
    expect(fired(input('wganGp', stats))).not.toContain('explodingGradients');
  });

  test('not for a small clipped estimate, however it grew from its opening', () => {
    const stats = series(400, { wasserstein: jump(0.01, 0.15), gradNormG: jump(0.2, 0.6), outputGrad: () => 1 });
    expect(fired(input('wgan', stats))).not.toContain('explodingGradients');
  });
});

describe('oscillation and live changes', () => {
  // The loss switched live from non-saturating to the saturating one at iteration 400: L_G jumps from ≈ +0.9 to ≈ −0.7.
  const switched: Shape = { gLoss: (i) => (i < 400 ? 0.9 : -0.7) + noise(i, 0.05) };

  test('a step in the losses at a live change is not a swing', () => {
    expect(fired(input('nonSaturating', series(500, switched), { changes: [400] }))).not.toContain('oscillation');
    expect(fired(input('nonSaturating', series(650, switched), { changes: [400] }))).not.toContain('oscillation');
  });

  test('the same step read without its change marker looks like a swing', () => {
    expect(fired(input('nonSaturating', series(500, switched)))).toContain('oscillation');
  });

  test('losses that swing after a change still fire, once a whole window lies after it', () => {
    const swingingAfter: Shape = { dLoss: (i) => (i < 400 ? 1.2 + noise(i, 0.05) : 1.2 + 0.6 * Math.sin(i / 8)) };
    expect(fired(input('nonSaturating', series(500, swingingAfter), { changes: [400] }))).not.toContain('oscillation');
    expect(fired(input('nonSaturating', series(620, swingingAfter), { changes: [400] }))).toContain('oscillation');
  });
});
