/** Strings of the streaming charts. Curve names use the course's notation. */
export const en = {
  region: 'Charts',
  losses: 'Losses',
  outputs: 'Discriminator outputs',
  critic: 'Critic values',
  gradients: 'Gradient norms (log scale)',
  quality: 'Modes and quality',
  digits: 'Digit classifier',
  diversity: 'Sample diversity',
  information: 'Mutual information (InfoGAN)',
  curves: {
    dLoss: 'L_D', gLoss: 'L_G', dReal: 'D(x)', dFake: 'D(G(z))', criticReal: 'critic on x', criticFake: 'critic on G(z)',
    wasserstein: 'W estimate', gradNormD: '‖∇D‖', gradNormG: '‖∇G‖', outputGrad: '|∂L_G/∂ℓ| (ℓ: D’s output before any sigmoid)', modesCovered: 'modes covered',
    wellCovered: 'well covered',
    highQuality: '% high quality', digitModes: 'digit classes', classifierScore: 'classifier score', diversity: 'spread vs data',
    mutualInformation: 'I(c; G(z, c))', labelAccuracy: '% right label',
  },
  iteration: 'iteration',
  noData: 'Waiting for the first iterations…',
  latest: (iteration: number, values: string) => `At iteration ${iteration}: ${values}`,
  evidence: (name: string) => `Evidence: ${name}`,
  ceiling: (value: string) => `ln K = ${value}`,
  helpLabel: 'What the curves count',
  qualityHelp: (samples: number, sigmas: number, percent: number, minimum: number) =>
    `Of ${samples.toLocaleString('en')} samples, a sample is high quality within ${sigmas}σ of its nearest mode’s centre; % high quality is their share. ` +
    `Modes covered: modes with at least one high-quality sample, as VEEGAN and Unrolled GAN count them. ` +
    `Well covered: modes holding at least ${percent}% of their fair share (1/K) of the high-quality samples, and at least ${minimum}: a few samples passing through a mode do not count.`,
};

export const ko: typeof en = {
  region: '차트',
  losses: '손실',
  outputs: '판별자 출력',
  critic: '비평자 값',
  gradients: '기울기 크기 (로그 눈금)',
  quality: '모드와 품질',
  digits: '숫자 분류기',
  diversity: '샘플 다양성',
  information: '상호 정보량 (InfoGAN)',
  curves: {
    dLoss: 'L_D', gLoss: 'L_G', dReal: 'D(x)', dFake: 'D(G(z))', criticReal: 'x에 대한 비평자', criticFake: 'G(z)에 대한 비평자',
    wasserstein: 'W 추정값', gradNormD: '‖∇D‖', gradNormG: '‖∇G‖', outputGrad: '|∂L_G/∂ℓ| (ℓ: 시그모이드 전 판별자 출력)', modesCovered: '덮은 모드',
    wellCovered: '충분히 덮은 모드',
    highQuality: '고품질 %', digitModes: '숫자 종류', classifierScore: '분류기 점수', diversity: '데이터 대비 퍼짐',
    mutualInformation: 'I(c; G(z, c))', labelAccuracy: '라벨 일치 %',
  },
  iteration: '반복',
  noData: '첫 반복을 기다리는 중…',
  latest: (iteration, values) => `반복 ${iteration}: ${values}`,
  evidence: (name) => `근거: ${name}`,
  ceiling: (value) => `ln K = ${value}`,
  helpLabel: '곡선이 세는 것',
  qualityHelp: (samples, sigmas, percent, minimum) =>
    `샘플 ${samples.toLocaleString('ko')}개 중 가장 가까운 모드 중심에서 ${sigmas}σ 이내인 샘플이 고품질이고, 고품질 %는 그 비율입니다. ` +
    `덮은 모드: 고품질 샘플이 하나라도 있는 모드 수로, VEEGAN과 Unrolled GAN이 세는 방식입니다. ` +
    `충분히 덮은 모드: 고품질 샘플 중 공정한 몫(1/K)의 ${percent}% 이상, 그리고 ${minimum}개 이상을 가진 모드 수입니다. 모드를 스쳐 지나가는 샘플 몇 개는 세지 않습니다.`,
};
