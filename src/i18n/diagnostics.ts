/**
 * The failure-mode cards. Names follow the course notes: 비수렴성 (non-convergence), 모드 붕괴
 * (mode collapse), 기울기 소멸 (vanishing gradients), and the D/G imbalance the notes describe.
 * Each detector's name is its card's heading (the UI contract: tests/e2e/README.md).
 */
export const en = {
  region: 'Diagnostics',
  none: 'No failure detected so far. Cards appear here when a detector sees one.',
  active: 'happening now',
  earlier: (iteration: number) => `seen until iteration ${iteration}`,
  evidenceLabel: 'Evidence',
  fixesLabel: 'Usual fixes',
  window: (curves: string, from: number, to: number) => `${curves}, iterations ${from}–${to} (shaded on the chart)`,
  measurement: (name: string, value: string, threshold: string, fires: 'below' | 'above') =>
    `${name} = ${value} (fires ${fires === 'below' ? 'at or below' : 'at or above'} ${threshold})`,
  /** Not a detector's finding but the worker's divergence guard (src/worker/divergence.ts): its card while the run keeps it. */
  divergence: {
    name: 'Training diverged',
    active: (iteration: number) => `happening now: paused at iteration ${iteration}`,
    earlier: (iteration: number) => `rolled back to iteration ${iteration}; training went on from there`,
    explanation:
      'A step pushed weights or signals to NaN or infinity, most often because a learning rate is too high for its optimiser. The run was rolled back to a state known to be finite.',
    window: (from: number, to: number) => `Noticed at iteration ${to}, after the finite state of iteration ${from}.`,
  },
  detectors: {
    modeCollapse: {
      name: 'Mode collapse',
      explanation:
        'The generator keeps producing a few kinds of sample and has dropped the rest of the data: it found outputs that fool D and stopped exploring.',
      fixes: [
        'Balance D and G: one D step per G step and equal learning rates',
        'A Wasserstein loss with gradient penalty (WGAN-GP)',
        'Larger batches; minibatch tricks such as packing or unrolling',
      ],
    },
    vanishingGradients: {
      name: 'Vanishing gradients',
      explanation:
        'D rejects the fakes so confidently that G’s loss is flat where the fakes are: G gets almost no gradient and stops learning.',
      fixes: [
        'The non-saturating loss −log D(G(z)) instead of log(1 − D(G(z)))',
        'A weaker D: fewer D steps or a lower D learning rate',
        'LSGAN or WGAN-GP; for WGAN, a larger clip c',
      ],
    },
    oscillation: {
      name: 'Oscillation (non-convergence)',
      explanation:
        'The losses swing up and down instead of settling: D and G keep overshooting each other and circle the Nash equilibrium instead of reaching it.',
      fixes: [
        'Lower learning rates',
        'Adam with β1 = 0.5 instead of 0.9',
        'A gradient penalty (WGAN-GP) or two time-scale learning rates (TTUR)',
      ],
    },
    discriminatorOverpowering: {
      name: 'Discriminator overpowering',
      explanation:
        'D separates real from fake almost perfectly and stays there: its loss is near 0 and G cannot catch up.',
      fixes: [
        'Fewer D steps per G step (k_D)',
        'A lower D learning rate or a higher G learning rate',
        'A loss that keeps G’s gradient alive: non-saturating, least squares or Wasserstein',
      ],
    },
    weakDiscriminator: {
      name: 'Generator fools a weak discriminator',
      explanation:
        'D(x) ≈ D(G(z)) ≈ 0.5 while the samples are still wrong: the fakes pass because D has learned nothing, not because G is good. ½ is also the optimal D at equilibrium, where G has matched the data. Tell the two apart by the samples: at equilibrium they lie on the data, here they do not. D’s loss cannot tell: it reads log 4 ≈ 1.39 in both.',
      fixes: ['A higher D learning rate (e.g. 4× G’s: TTUR)', 'More D steps per G step', 'A wider or deeper D'],
    },
    explodingGradients: {
      name: 'Exploding gradients',
      explanation:
        'The critic is no longer kept Lipschitz: its Wasserstein estimate and G’s gradient grow without bound.',
      fixes: [
        'A smaller weight clip c (e.g. 0.05)',
        'A gradient penalty instead of clipping (WGAN-GP)',
        'Lower learning rates',
      ],
    },
  },
  /**
   * Where a finding is about a critic (WGAN, WGAN-GP, hinge: a score without labels), the words that
   * differ from the discriminator's: a clipped critic does not reject the fakes, it is flat.
   */
  critic: {
    vanishingGradients: {
      explanation:
        'The critic is almost flat where the fakes are: with its weights clipped to ±c it can hardly slope, so G gets almost no gradient and stops learning.',
      fixes: [
        'A larger clip c (0.01–0.1 on these data sets)',
        'WGAN-GP: a gradient penalty instead of weight clipping',
      ],
    },
  } as Partial<Record<string, { explanation: string; fixes: string[] }>>,
  measurements: {
    meanFakeOutput: 'mean D(G(z))',
    meanOutputGradient: 'mean |∂L_G/∂ℓ| (ℓ: D’s output before the sigmoid)',
    modesTotal: 'modes in the data',
    highQuality: 'share of high-quality samples',
    klUniform: 'KL(q‖U)',
    diversity: 'sample spread vs data',
    dominantClass: 'share of the largest digit class',
    discriminatorSwing: 'swing of L_D',
    generatorSwing: 'swing of L_G',
    meanRealOutput: 'mean D(x)',
    outputGap: 'D(x) − D(G(z))',
    estimateGrowth: 'growth of the W estimate',
    gradientGrowth: 'growth of ‖∇G‖',
    gradientRatio: '‖∇G‖ / ‖∇D‖ of the first iterations',
    wellCovered: 'modes well covered',
    modesNear: 'modes well held by the samples near a mode',
    nearShare: 'share of samples near a mode',
    nearKl: 'KL(q‖U) of the samples near a mode',
    confidentDigits: 'share of digits the classifier is sure of',
  } as Record<string, string>,
};

export const ko: typeof en = {
  region: '진단',
  none: '아직 발견된 실패가 없습니다. 감지기가 실패를 찾으면 여기에 카드가 나타납니다.',
  active: '지금 일어나는 중',
  earlier: (iteration) => `반복 ${iteration}까지 관찰됨`,
  evidenceLabel: '근거',
  fixesLabel: '흔한 해결책',
  window: (curves, from, to) => `${curves}, 반복 ${from}–${to} (차트에 음영 표시)`,
  measurement: (name, value, threshold, fires) =>
    `${name} = ${value} (기준: ${threshold} ${fires === 'below' ? '이하' : '이상'})`,
  divergence: {
    name: '학습 발산',
    active: (iteration) => `지금 일어나는 중: 반복 ${iteration}에서 일시정지됨`,
    earlier: (iteration) => `반복 ${iteration}의 상태로 되돌린 뒤 학습을 이어감`,
    explanation:
      '한 단계가 가중치나 신호를 NaN 또는 무한대로 만들었습니다. 대개 학습률이 옵티마이저에 비해 너무 높을 때 일어납니다. 실행은 값이 유한한 것으로 확인된 상태로 되돌려졌습니다.',
    window: (from, to) => `반복 ${from}의 유한한 상태 뒤, 반복 ${to}에서 발견되었습니다.`,
  },
  detectors: {
    modeCollapse: {
      name: '모드 붕괴',
      explanation:
        '생성자가 판별자를 속이는 몇 가지 출력만 계속 만들고 나머지 데이터는 버렸습니다. 판별자를 속이는 출력을 찾자 다른 곳을 탐색하지 않게 된 것입니다.',
      fixes: [
        '판별자와 생성자의 균형: 1:1 단계, 같은 학습률',
        '기울기 벌점을 쓰는 와서스타인 손실 (WGAN-GP)',
        '더 큰 배치, 패킹이나 언롤링 같은 미니배치 기법',
      ],
    },
    vanishingGradients: {
      name: '기울기 소멸',
      explanation:
        '판별자가 가짜를 너무 확실하게 거부해서 가짜 위치에서 생성자의 손실이 평평합니다. 생성자가 기울기를 거의 받지 못해 학습이 멈춥니다.',
      fixes: [
        'log(1 − D(G(z))) 대신 비포화 손실 −log D(G(z))',
        '약한 판별자: 판별자 단계 수나 학습률을 줄이기',
        'LSGAN이나 WGAN-GP; WGAN이면 더 큰 제한값 c',
      ],
    },
    oscillation: {
      name: '비수렴성 (진동)',
      explanation:
        '손실이 자리 잡지 못하고 오르내립니다. 판별자와 생성자가 서로를 지나쳐 내쉬 균형에 수렴하지 못하고 그 주위를 맴돕니다.',
      fixes: ['더 낮은 학습률', 'Adam β1을 0.9 대신 0.5로', '기울기 벌점 (WGAN-GP) 또는 두 시간 척도 학습률 (TTUR)'],
    },
    discriminatorOverpowering: {
      name: '판별자 압도',
      explanation:
        '판별자가 진짜와 가짜를 거의 완벽하게 가르고 그 상태를 유지합니다. 판별자의 손실은 0에 가깝고 생성자는 따라잡지 못합니다.',
      fixes: [
        '생성자 한 단계당 판별자 단계 수 (k_D) 줄이기',
        '판별자 학습률을 낮추거나 생성자 학습률을 높이기',
        '생성자의 기울기를 살리는 손실: 비포화, 최소제곱, 와서스타인',
      ],
    },
    weakDiscriminator: {
      name: '약한 판별자를 속이는 생성자',
      explanation:
        '샘플이 아직 틀렸는데도 D(x) ≈ D(G(z)) ≈ 0.5입니다. 생성자가 잘해서가 아니라 판별자가 아무것도 배우지 못해서 가짜가 통과합니다. ½은 생성자가 데이터를 따라잡은 균형에서의 최적 판별자 값이기도 합니다. 둘은 샘플로 구별합니다. 균형에서는 샘플이 데이터 위에 놓이지만 여기서는 그렇지 않습니다. 판별자의 손실로는 구별할 수 없습니다. 두 경우 모두 log 4 ≈ 1.39입니다.',
      fixes: [
        '판별자 학습률 높이기 (예: 생성자의 4배, TTUR)',
        '생성자 한 단계당 판별자 단계 늘리기',
        '더 넓거나 깊은 판별자',
      ],
    },
    explodingGradients: {
      name: '기울기 폭주',
      explanation:
        '비평자가 더 이상 립시츠 조건을 지키지 못합니다. 와서스타인 추정값과 생성자의 기울기가 끝없이 커집니다.',
      fixes: ['더 작은 가중치 제한값 c (예: 0.05)', '가중치 제한 대신 기울기 벌점 (WGAN-GP)', '더 낮은 학습률'],
    },
  },
  critic: {
    vanishingGradients: {
      explanation:
        '비평자가 가짜 위치에서 거의 평평합니다. 가중치가 ±c로 잘려 있어 기울기를 거의 가질 수 없으므로, 생성자가 기울기를 거의 받지 못해 학습이 멈춥니다.',
      fixes: ['더 큰 제한값 c (이 데이터셋에서는 0.01–0.1)', 'WGAN-GP: 가중치 자르기 대신 기울기 벌점'],
    },
  },
  measurements: {
    meanFakeOutput: 'D(G(z)) 평균',
    meanOutputGradient: '|∂L_G/∂ℓ| 평균 (ℓ: 시그모이드 전 판별자 출력)',
    modesTotal: '데이터의 모드 수',
    highQuality: '고품질 샘플 비율',
    klUniform: 'KL(q‖U)',
    diversity: '데이터 대비 샘플 퍼짐',
    dominantClass: '가장 많은 숫자의 비율',
    discriminatorSwing: 'L_D의 흔들림',
    generatorSwing: 'L_G의 흔들림',
    meanRealOutput: 'D(x) 평균',
    outputGap: 'D(x) − D(G(z))',
    estimateGrowth: 'W 추정값의 증가',
    gradientGrowth: '‖∇G‖의 증가',
    gradientRatio: '‖∇G‖ / 처음 반복의 ‖∇D‖',
    wellCovered: '충분히 덮은 모드',
    modesNear: '모드 근처 샘플이 충분히 모인 모드',
    nearShare: '모드 근처 샘플 비율',
    nearKl: '모드 근처 샘플의 KL(q‖U)',
    confidentDigits: '분류기가 확신하는 숫자의 비율',
  },
};
