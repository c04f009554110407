/** The objective card: the chosen loss in the course's notation, with the live values of its constants. */
export const en = {
  region: 'Objective',
  discriminator: 'Discriminator loss',
  critic: 'Critic loss',
  generator: 'Generator loss',
  penalty: 'Gradient penalty, at x̂ = εx + (1 − ε)G(z)',
  clip: 'After every critic step, every weight w is clipped:',
  information: 'InfoGAN adds to both losses, with L_I = H(c) − CE(c, Q(c|x)):',
  conditioned: 'CGAN: G and D also receive the label y: G(z, y), D(x, y).',
  notes: {
    minimax: 'The course’s form: zero-sum, but its gradient at D’s logit ℓ (D = σ(ℓ)), ∂L_G/∂ℓ = −D(G(z)), vanishes when D rejects the fakes.',
    nonSaturating: 'Same D; G maximises log D(G(z)) instead (Goodfellow et al. 2014, §3), so its gradient at the logit, ∂L_G/∂ℓ = −(1 − D(G(z))), stays large.',
    lsgan: 'D outputs a score, not a probability: a and b are the labels of fake and real data, c the value G wants D to give its fakes.',
    wgan: 'The critic D_w estimates W(p_data, p_g) = E[D_w(x)] − E[D_w(G(z))] while it stays 1-Lipschitz.',
    wganGp: 'Beyond the course: a penalty keeps the critic’s gradient norm near 1 instead of clipping (Gulrajani et al. 2017).',
  },
};

export const ko: typeof en = {
  region: '손실함수',
  discriminator: '판별자 손실',
  critic: '비평자 손실',
  generator: '생성자 손실',
  penalty: 'x̂ = εx + (1 − ε)G(z)에서의 기울기 벌점',
  clip: '비평자를 한 단계 학습할 때마다 모든 가중치 w를 자릅니다:',
  information: 'InfoGAN은 두 손실 모두에 더합니다. L_I = H(c) − CE(c, Q(c|x)):',
  conditioned: 'CGAN: 생성자와 판별자가 라벨 y도 받습니다: G(z, y), D(x, y).',
  notes: {
    minimax: '강의의 형태: 제로섬이지만, 판별자가 가짜를 거부하면 판별자의 로짓 ℓ(D = σ(ℓ))에서의 기울기 ∂L_G/∂ℓ = −D(G(z))가 사라집니다.',
    nonSaturating: '판별자는 같고, 생성자는 대신 log D(G(z))를 최대화합니다 (Goodfellow 외 2014, §3). 그래서 로짓에서의 기울기 ∂L_G/∂ℓ = −(1 − D(G(z)))가 크게 유지됩니다.',
    lsgan: '판별자는 확률이 아닌 점수를 냅니다: a와 b는 가짜와 진짜의 라벨, c는 생성자가 판별자에게 바라는 값입니다.',
    wgan: '비평자 D_w는 1-립시츠를 유지하는 동안 W(p_data, p_g) = E[D_w(x)] − E[D_w(G(z))]를 추정합니다.',
    wganGp: '강의 범위 밖: 가중치 제한 대신 벌점으로 비평자의 기울기 크기를 1 근처로 유지합니다 (Gulrajani 외 2017).',
  },
};
