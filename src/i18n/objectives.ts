/**
 * Each objective's words, keyed by its id (src/gan/objectives/modules.ts): its name in the menus,
 * the formula card's note on it, and the card's label for its extra rule where it has one. A new
 * objective adds its entry here, in both languages; the settings panel and the formula card read
 * them through controls.ts and formulas.ts.
 */
import type { ObjectiveId } from '../gan/config.ts';

export interface ObjectiveWords {
  /** In the objective menu. */
  name: string;
  /** Under its formulas. */
  note: string;
  /** Above its extra formula (the module's tex().extra), where it has one. */
  extra?: string;
}

export const en: Record<ObjectiveId, ObjectiveWords> = {
  minimax: {
    name: 'Minimax (saturating, the course’s form)',
    note: 'The course’s form: zero-sum, but its gradient at D’s logit ℓ (D = σ(ℓ)), ∂L_G/∂ℓ = −D(G(z)), vanishes when D rejects the fakes.',
  },
  nonSaturating: {
    name: 'Non-saturating',
    note: 'Same D; G maximises log D(G(z)) instead (Goodfellow et al. 2014, §3), so its gradient at the logit, ∂L_G/∂ℓ = −(1 − D(G(z))), stays large.',
  },
  lsgan: {
    name: 'Least squares (LSGAN)',
    note: 'D outputs a score, not a probability: a and b are the labels of fake and real data, c the value G wants D to give its fakes.',
  },
  wgan: {
    name: 'Wasserstein, weight clipping',
    note: 'The critic D_w estimates W(p_data, p_g) = E[D_w(x)] − E[D_w(G(z))] while it stays 1-Lipschitz.',
    extra: 'After every critic step, every weight w is clipped:',
  },
  wganGp: {
    name: 'Wasserstein, gradient penalty',
    note: 'Beyond the course: a penalty keeps the critic’s gradient norm near 1 instead of clipping (Gulrajani et al. 2017).',
    extra: 'Gradient penalty, at x̂ = εx + (1 − ε)G(z)',
  },
  hinge: {
    name: 'Hinge (SNGAN, BigGAN)',
    note: 'Beyond the course: D outputs a score, pushed to at least +1 on data and at most −1 on fakes and no further; G raises D’s score on its fakes, as WGAN’s G does (Lim & Ye 2017; Miyato et al. 2018).',
  },
};

export const ko: typeof en = {
  minimax: {
    name: '최소최대 (포화, 강의의 형태)',
    note: '강의의 형태: 제로섬이지만, 판별자가 가짜를 거부하면 판별자의 로짓 ℓ(D = σ(ℓ))에서의 기울기 ∂L_G/∂ℓ = −D(G(z))가 사라집니다.',
  },
  nonSaturating: {
    name: '비포화',
    note: '판별자는 같고, 생성자는 대신 log D(G(z))를 최대화합니다 (Goodfellow 외 2014, §3). 그래서 로짓에서의 기울기 ∂L_G/∂ℓ = −(1 − D(G(z)))가 크게 유지됩니다.',
  },
  lsgan: {
    name: '최소제곱 (LSGAN)',
    note: '판별자는 확률이 아닌 점수를 냅니다: a와 b는 가짜와 진짜의 라벨, c는 생성자가 판별자에게 바라는 값입니다.',
  },
  wgan: {
    name: '와서스타인, 가중치 제한',
    note: '비평자 D_w는 1-립시츠를 유지하는 동안 W(p_data, p_g) = E[D_w(x)] − E[D_w(G(z))]를 추정합니다.',
    extra: '비평자를 한 단계 학습할 때마다 모든 가중치 w를 자릅니다:',
  },
  wganGp: {
    name: '와서스타인, 기울기 벌점',
    note: '강의 범위 밖: 가중치 제한 대신 벌점으로 비평자의 기울기 크기를 1 근처로 유지합니다 (Gulrajani 외 2017).',
    extra: 'x̂ = εx + (1 − ε)G(z)에서의 기울기 벌점',
  },
  hinge: {
    name: '힌지 (SNGAN, BigGAN)',
    note: '강의 범위 밖: 판별자는 점수를 내며, 진짜 데이터에서는 +1 이상, 가짜에서는 −1 이하가 되도록만 밀리고 그 너머로는 밀리지 않습니다. 생성자는 WGAN의 생성자처럼 가짜에 대한 점수를 높입니다 (Lim & Ye 2017; Miyato 외 2018).',
  },
};

/** One field of every objective's words: `pick(en, 'name')` is the menu's labels. */
export function pick<K extends keyof ObjectiveWords>(
  words: Record<ObjectiveId, ObjectiveWords>,
  key: K,
): Record<ObjectiveId, ObjectiveWords[K]> {
  return Object.fromEntries(Object.entries(words).map(([id, entry]) => [id, entry[key]])) as Record<
    ObjectiveId,
    ObjectiveWords[K]
  >;
}
