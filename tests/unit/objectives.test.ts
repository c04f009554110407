import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import { OBJECTIVE_REGISTRY } from '../../src/gan/objectives/registry.ts';
import { objectiveTex } from '../../src/features/formulas/tex.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const sigmoid = (l: number) => 1 / (1 + Math.exp(-l));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const params = { ...defaultConfig() };
// Each module's losses as the trainer calls them (tf bound, inside tf.tidy).
const { minimax, nonSaturating, lsgan, wgan, wganGp, hinge } = OBJECTIVE_REGISTRY;
const gradientPenalty = wganGp.criticPenalty!;
const realLogits = [2, -1, 0.5];
const fakeLogits = [-3, 0.25, 1];
const value = (t: tf.Scalar) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};
const col = (xs: number[]) => tf.tensor2d(xs, [xs.length, 1]);

describe('log-loss objectives equal their formulas', () => {
  test('minimax: L_D = E[−log D(x)] + E[−log(1 − D(G(z)))], L_G = E[log(1 − D(G(z)))]', () => {
    const expectedD =
      mean(realLogits.map((l) => -Math.log(sigmoid(l)))) + mean(fakeLogits.map((l) => -Math.log(1 - sigmoid(l))));
    const expectedG = mean(fakeLogits.map((l) => Math.log(1 - sigmoid(l))));
    expect(value(minimax.discriminatorLoss(col(realLogits), col(fakeLogits), params))).toBeCloseTo(expectedD, 5);
    expect(value(minimax.generatorLoss(col(fakeLogits), params))).toBeCloseTo(expectedG, 5);
  });

  test('non-saturating: L_G = E[−log D(G(z))]', () => {
    const expected = mean(fakeLogits.map((l) => -Math.log(sigmoid(l))));
    expect(value(nonSaturating.generatorLoss(col(fakeLogits), params))).toBeCloseTo(expected, 5);
  });

  test('log-losses stay finite where log(sigmoid) would underflow', () => {
    const extreme = col([-200, 200]);
    expect(Number.isFinite(value(minimax.discriminatorLoss(extreme, extreme, params)))).toBe(true);
    expect(value(nonSaturating.generatorLoss(col([-200]), params))).toBeCloseTo(200, 3);
  });

  test('the saturating gradient vanishes at D(G(z)) → 0; the non-saturating one does not', () => {
    const rejected = col([-8]); // D(G(z)) = σ(−8) ≈ 3.4e−4
    const saturating = tf
      .grad((s) => minimax.generatorLoss(s, params))(rejected)
      .dataSync()[0];
    const nonSat = tf
      .grad((s) => nonSaturating.generatorLoss(s, params))(rejected)
      .dataSync()[0];
    expect(saturating).toBeCloseTo(-sigmoid(-8), 6);
    expect(nonSat).toBeCloseTo(-(1 - sigmoid(-8)), 6);
  });
});

describe('LSGAN with labels a, b, c', () => {
  const real = [0.5, 1.5];
  const fake = [-0.5, 0.25];
  test.each([
    { a: -1, b: 1, c: 0 },
    { a: 0, b: 1, c: 1 },
  ])('a=$a, b=$b, c=$c', ({ a, b, c }) => {
    const p = { ...params, lsganA: a, lsganB: b, lsganC: c };
    const expectedD = mean(real.map((d) => (d - b) ** 2)) + mean(fake.map((d) => (d - a) ** 2));
    const expectedG = mean(fake.map((d) => (d - c) ** 2));
    expect(value(lsgan.discriminatorLoss(col(real), col(fake), p))).toBeCloseTo(expectedD, 6);
    expect(value(lsgan.generatorLoss(col(fake), p))).toBeCloseTo(expectedG, 6);
  });
});

describe('WGAN', () => {
  test('critic loss −E[D(x)] + E[D(G(z))], generator loss −E[D(G(z))]', () => {
    expect(value(wgan.discriminatorLoss(col([1, 3]), col([0.5, -0.5]), params))).toBeCloseTo(-2 + 0, 6);
    expect(value(wgan.generatorLoss(col([0.5, 1.5]), params))).toBeCloseTo(-1, 6);
  });

  test('clipWeights puts every weight in [−c, c]', () => {
    const v = tf.variable(tf.tensor1d([-1, -0.01, 0, 0.02, 3]));
    wgan.afterCriticStep!([v], { ...params, clipValue: 0.05 });
    expect(Array.from(v.dataSync())).toEqual([-0.05, -0.01, 0, 0.02, 0.05].map((x) => Math.fround(x)));
    v.dispose();
  });

  test('WGAN-GP penalty on a linear critic with a known input gradient', () => {
    // D(x) = w·x has ∇_x D = w everywhere, so the penalty is λ(‖w‖ − 1)² whatever x̂ is.
    const w = tf.tensor2d([3, 4], [2, 1]); // ‖w‖ = 5
    const critic = (x: tf.Tensor2D) => tf.matMul(x, w) as tf.Tensor2D;
    const real = tf.tensor2d([1, 2, -1, 0.5], [2, 2]);
    const fake = tf.tensor2d([0, 0, 2, 2], [2, 2]);
    const epsilon = tf.tensor2d([0.3, 0.9], [2, 1]);
    const penalty = value(gradientPenalty(critic, real, fake, epsilon, { ...params, gradientPenalty: 10 }));
    expect(penalty).toBeCloseTo(10 * (5 - 1) ** 2, 3);
    tf.dispose([w, real, fake, epsilon]);
  });

  test('WGAN-GP penalty is zero for a 1-Lipschitz linear critic and differentiable in its weights', () => {
    const w = tf.variable(tf.tensor2d([0.6, 0.8], [2, 1])); // ‖w‖ = 1
    const x = tf.tensor2d([1, 1], [1, 2]);
    const eps = tf.tensor2d([0.5], [1, 1]);
    const critic = (input: tf.Tensor2D) => tf.matMul(input, w) as tf.Tensor2D;
    expect(value(gradientPenalty(critic, x, x, eps, { ...params, gradientPenalty: 10 }))).toBeCloseTo(0, 5);
    const { grads } = tf.variableGrads(
      () => gradientPenalty(critic, x, x, eps, { ...params, gradientPenalty: 10 }),
      [w],
    );
    expect(Array.from(grads[w.name].dataSync()).every(Number.isFinite)).toBe(true);
    tf.dispose([w, x, eps, grads[w.name]]);
  });
});

describe('hinge', () => {
  test('L_D = E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))], L_G = −E[D(G(z))]', () => {
    const real = [2, 0.5, -1]; // hinge terms 0, 0.5, 2
    const fake = [-3, -0.25, 1]; // hinge terms 0, 0.75, 2
    const expectedD = mean(real.map((d) => Math.max(0, 1 - d))) + mean(fake.map((d) => Math.max(0, 1 + d)));
    expect(value(hinge.discriminatorLoss(col(real), col(fake), params))).toBeCloseTo(expectedD, 6);
    expect(value(hinge.generatorLoss(col(fake), params))).toBeCloseTo(-mean(fake), 6);
  });

  test("its formula card writes the hinges, with CGAN's condition where it applies", () => {
    expect(objectiveTex({ ...params, conditioning: 'none', infoLambda: 1, objective: 'hinge' }).discriminator).toBe(
      'L_D = \\mathbb{E}_{x\\sim P_x(x)}[\\max(0,\\ 1-D(x))] + \\mathbb{E}_{z\\sim P_z(z)}[\\max(0,\\ 1+D(G(z)))]',
    );
    expect(objectiveTex({ ...params, conditioning: 'label', infoLambda: 1, objective: 'hinge' }).generator).toBe(
      'L_G = -\\mathbb{E}_{z\\sim P_z(z)}[D(G(z\\mid y)\\mid y)]',
    );
  });

  test('D is pushed only until real data scores +1 and fakes −1: beyond the margins its gradient is zero', () => {
    const [dReal, dFake] = tf.grads((r: tf.Tensor, f: tf.Tensor) => hinge.discriminatorLoss(r, f, params))([
      col([2, 0.5]),
      col([-3, -0.5]),
    ]);
    // Each sample inside its margin contributes −1/n (real) or +1/n (fake); outside, nothing.
    // (+ 0 turns −0 into 0: toEqual tells them apart.)
    expect(Array.from(dReal.dataSync(), (g) => g + 0)).toEqual([0, -0.5]);
    expect(Array.from(dFake.dataSync(), (g) => g + 0)).toEqual([0, 0.5]);
    tf.dispose([dReal, dFake]);
  });
});

test('every objective is registered under its id', () => {
  for (const [id, objective] of Object.entries(OBJECTIVE_REGISTRY)) expect(objective.id).toBe(id);
});
