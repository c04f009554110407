/** The objective card: the chosen loss in the course's notation, with the live values of its constants. */
import * as objectives from './objectives.ts';

export const en = {
  region: 'Objective',
  discriminator: 'Discriminator loss',
  critic: 'Critic loss',
  generator: 'Generator loss',
  information: 'InfoGAN adds to both losses, with L_I = H(c) − CE(c, Q(c|x)):',
  conditioned: 'CGAN: G and D also receive the label y: G(z, y), D(x, y).',
  /** Each objective's note and the label of its extra formula (objectives.ts). */
  notes: objectives.pick(objectives.en, 'note'),
  extras: objectives.pick(objectives.en, 'extra'),
  /** The theory folded under the formulas (FormulaCard.tsx Theory; TeX in src/features/formulas/theory.ts). */
  gameSummary: 'Where the losses come from: the game V(D, G) and its Nash equilibrium',
  gameText:
    'D and G play one zero-sum game over a single value V: D pushes V up by scoring data high and fakes low, G pushes it down. D’s loss above is −V; the course’s G loss is V’s second term (the non-saturating G changes its loss, not the game’s solution).',
  nashText:
    'A Nash equilibrium (the product’s name) is a pair (D*, G*) from which neither player gains by changing only its own strategy. Gradient steps look for it but are not guaranteed to reach it: they can circle around it instead (non-convergence).',
  optimalText:
    'Against a fixed G the best D is D*. Where G has matched the data (p_g = p_data) D* is ½ everywhere and V = −log 4 ≈ −1.39: at the equilibrium D outputs ½ because it cannot tell the two apart, not because it stopped learning.',
  transportSummary: 'Wasserstein distance as transport, and its dual',
  transportText:
    'W is the least average distance mass must travel to turn the fakes into the data: γ is a transport plan (a joint distribution with marginals p_r and p_g) saying how much mass moves from y to x, and W is the cheapest plan’s cost: an infimum over plans, not a sum over one.',
  dualityText:
    'Kantorovich–Rubinstein duality: the same W, exactly (an equality, not ≤), as the largest gap E[f(data)] − E[f(fakes)] over 1-Lipschitz functions f (slope at most 1 everywhere). The critic D_w plays f, so its loss estimates W only while it stays 1-Lipschitz; a K-Lipschitz critic gives K·W.',
  clippingText:
    'Clipping every weight to [−c, c] keeps the critic K-Lipschitz for some K set by c and the layer sizes, not K = 1, and it also limits which functions the critic can be: a crude constraint. Too small a c and the critic is nearly constant (gradients vanish); too large and it is barely constrained (they explode).',
  penaltyText:
    'WGAN-GP enforces the slope directly: it penalises the critic’s gradient norm where it differs from 1, on points between data and fakes, instead of clipping the weights.',
};

export const ko: typeof en = {
  region: '손실함수',
  discriminator: '판별자 손실',
  critic: '비평자 손실',
  generator: '생성자 손실',
  information: 'InfoGAN은 두 손실 모두에 더합니다. L_I = H(c) − CE(c, Q(c|x)):',
  conditioned: 'CGAN: 생성자와 판별자가 라벨 y도 받습니다: G(z, y), D(x, y).',
  notes: objectives.pick(objectives.ko, 'note'),
  extras: objectives.pick(objectives.ko, 'extra'),
  gameSummary: '손실함수의 출처: 게임 V(D, G)와 내쉬 균형',
  gameText:
    '판별자와 생성자는 하나의 값 V를 두고 제로섬 게임을 합니다. 판별자는 진짜에 높은 점수, 가짜에 낮은 점수를 주어 V를 올리고, 생성자는 V를 내립니다. 위의 판별자 손실은 −V이고, 강의의 생성자 손실은 V의 둘째 항입니다 (비포화 생성자는 손실을 바꿀 뿐 게임의 해는 바꾸지 않습니다).',
  nashText:
    '내쉬 균형(이 제품의 이름)은 어느 쪽도 자기 전략만 바꿔서는 더 나아질 수 없는 쌍 (D*, G*)입니다. 경사 하강은 이 점을 찾아가지만 도달한다는 보장은 없습니다. 그 둘레를 맴돌 수도 있습니다 (비수렴).',
  optimalText:
    '생성자를 고정하면 가장 좋은 판별자는 D*입니다. 생성자가 데이터를 따라잡으면(p_g = p_data) D*는 어디서나 ½이고 V = −log 4 ≈ −1.39입니다. 균형에서 판별자가 ½을 내는 것은 둘을 구별할 수 없기 때문이지, 학습을 멈췄기 때문이 아닙니다.',
  transportSummary: '운송으로 본 와서스타인 거리와 그 쌍대',
  transportText:
    'W는 가짜의 분포를 데이터의 분포로 바꾸기 위해 질량이 옮겨 가야 하는 최소 평균 거리입니다. γ는 운송 계획(주변 분포가 p_r과 p_g인 결합 분포)으로 y에서 x로 얼마만큼의 질량을 옮길지 정하고, W는 가장 값싼 계획의 비용입니다. 한 계획에 대한 합이 아니라 모든 계획에 대한 하한(inf)입니다.',
  dualityText:
    '칸토로비치–루빈스타인 쌍대성: 같은 W를 정확히(≤가 아니라 등식으로) 1-립시츠 함수 f(어디서나 기울기 1 이하)에 대한 E[f(데이터)] − E[f(가짜)]의 최댓값으로 나타냅니다. 비평자 D_w가 f 역할을 하므로, 그 손실은 비평자가 1-립시츠인 동안에만 W를 추정합니다. K-립시츠인 비평자는 K·W를 줍니다.',
  clippingText:
    '모든 가중치를 [−c, c]로 자르면 비평자는 어떤 K에 대해 K-립시츠가 되지만, K는 1이 아니라 c와 층의 크기로 정해집니다. 게다가 비평자가 될 수 있는 함수도 제한하니 거친 방법입니다. c가 너무 작으면 비평자가 거의 상수가 되어 기울기가 사라지고, 너무 크면 거의 제약이 없어 기울기가 폭주합니다.',
  penaltyText:
    'WGAN-GP는 기울기를 직접 다룹니다. 가중치를 자르는 대신, 데이터와 가짜 사이의 점들에서 비평자의 기울기 크기가 1과 다를 때 벌점을 줍니다.',
};
