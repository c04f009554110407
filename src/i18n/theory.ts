/**
 * Strings of the theory layers and charts (src/gan/theory) that the page shows before the theory's
 * code loads: the layers' names, the legends, the charts' titles, curves and guides. The sentences
 * (captions, each chart's help saying what it plots and how it is estimated, the notes) are in
 * theoryTexts.ts, which only the theory's lazily loaded components import.
 */
export const en = {
  optimalLayer: 'Optimal discriminator (D*)',
  differenceLayer: 'Show D − D*',
  transportLayer: 'Transport (optimal matching)',
  optimalHowLabel: 'How D* is estimated',
  differenceNeedsProbability: 'D − D* needs a D that outputs a probability (the log-loss objectives).',
  legendOptimal: 'D*(x): 0 = “fake”, ½ = cannot tell, 1 = “real”',
  legendDifference: 'D(x) − D*(x), from −1 to +1',
  charts: 'Theory: JS and V(D, G)',
  jensenShannon: 'Jensen–Shannon divergence',
  value: 'Value of the game V(D, G)',
  lipschitz: 'Critic’s Lipschitz constant',
  curves: {
    jensenShannon: 'JS(p_data ‖ p_g)',
    value: 'V(D, G)',
    lipschitz: 'largest slope',
  },
  jsBound: 'log 2: no overlap',
  equilibrium: '−log 4: equilibrium',
  lipschitzLine: 'K = 1',
  helpLabel: 'What the chart plots',
};

export const ko: typeof en = {
  optimalLayer: '최적 판별자 (D*)',
  differenceLayer: 'D − D* 보기',
  transportLayer: '수송 (최적 짝짓기)',
  optimalHowLabel: 'D*를 추정하는 방법',
  differenceNeedsProbability: 'D − D*는 확률을 내는 D(로그 손실 목적 함수)에서만 볼 수 있습니다.',
  legendOptimal: 'D*(x): 0 = “가짜”, ½ = 가릴 수 없음, 1 = “진짜”',
  legendDifference: 'D(x) − D*(x), −1부터 +1까지',
  charts: '이론: JS와 V(D, G)',
  jensenShannon: '젠슨–섀넌 발산',
  value: '게임의 가치 V(D, G)',
  lipschitz: '비평자의 립시츠 상수',
  curves: {
    jensenShannon: 'JS(p_data ‖ p_g)',
    value: 'V(D, G)',
    lipschitz: '가장 큰 기울기',
  },
  jsBound: 'log 2: 겹침 없음',
  equilibrium: '−log 4: 평형',
  lipschitzLine: 'K = 1',
  helpLabel: '차트가 그리는 것',
};
