/**
 * Compare mode (issue 18): its controls, the two runs' names, and the comparison presets' names and
 * "what to look at" cards. Accessible names here are the UI contract (tests/e2e/README.md).
 */
export const en = {
  compare: 'Compare',
  /** A lesson's button that opens its failure and fix side by side. */
  compareBoth: 'Compare both',
  compareOn: 'Compare two runs side by side: B starts as a copy of A, from the same seed; change anything on B’s side',
  compareOff: 'Leave compare mode: run A stays as the single run',
  runA: 'Run A',
  runB: 'Run B',
  /** Compare mode's Share & save: each run's own files and saved runs. */
  filesOf: (run: string) => `${run}: files and saved runs`,
  /** The name a chart's legend and readout give run `run`'s line. */
  seriesName: (name: string, run: string) => `${name} (${run})`,
  /** The switch for the views that show one run: formulas, theory charts, model overview, latent explorer. */
  follow: 'Formulas, theory, model and latent space for',
  /** Above the theory charts, which draw the followed run only. */
  theoryOf: (run: string) => `Theory charts: ${run} only`,
  /** The region (and heading) of the followed run's formulas, model overview and latent explorer. */
  followedOf: (run: string) => `${run}: formulas, model and latent space`,
  /** Under a setting whose value differs between the runs. */
  differs: (other: string, value: string) => `differs from ${other}: ${value}`,
  differsCount: (count: number) =>
    count === 0
      ? 'The two runs’ settings are the same.'
      : `${count} ${count === 1 ? 'setting differs' : 'settings differ'} between A and B.`,
  group: 'Comparisons: two runs side by side',
  cardTitle: (name: string) => `Comparison: ${name}`,
  comparisons: {
    modeCollapse: {
      name: 'Mode collapse: strong D vs balanced',
      text: 'A’s D takes 5 steps at 10× G’s learning rate; B takes one step at the same rate as G. Watch A’s crosses gather on one or two of the eight modes and its “Mode collapse” card fire, while B’s spread slowly round the ring with no card. The quality chart shows A’s coverage flat and B’s climbing.',
    },
    vanishingGradients: {
      name: 'Vanishing gradients: saturating vs non-saturating loss',
      text: 'A uses the course’s loss log(1 − D(G(z))), B the non-saturating −log D(G(z)). On the log gradient chart A’s |∂L_G/∂ℓ| falls by orders of magnitude as D(G(z)) sinks to 0; B’s stays near 1, so B keeps learning. Only A’s Diagnostics shows the card.',
    },
    ganVsLsgan: {
      name: 'GAN vs LSGAN',
      text: 'The saturating GAN loss against a strong D (A) and least squares (B) on the same ring. A’s D(G(z)) and G’s gradient sink towards 0; B’s penalty (D(G(z)) − c)² keeps pulling fakes that are far from c, and its samples cover the ring.',
    },
    wganClip: {
      name: 'WGAN clip: too tight vs right',
      text: 'The same WGAN with every critic weight clipped to ±0.001 (A) and ±0.1 (B). A’s critic is almost constant: its gradient norm sits near 10⁻⁶ on the log chart and the vanishing-gradient card fires at once. B’s Wasserstein estimate settles and its gradient stays usable.',
    },
    weakDiscriminator: {
      name: 'Weak D vs balanced',
      text: 'A’s D learns at 1e-6, B’s at four times G’s rate. On the outputs chart A’s D(x) and D(G(z)) both sit at 0.5 and A’s card fires; B’s D(x) rises above D(G(z)) and its G gets a useful signal.',
    },
    oscillation: {
      name: 'Oscillation: hasty vs calm',
      text: 'Adam at learning rate 0.01 with β1 = 0.9 (A) against 0.001 with β1 = 0.5 (B), nothing else changed. A’s losses swing up and down and its samples jump around; B’s settle into narrow bands.',
    },
  },
};

export const ko: typeof en = {
  compare: '비교',
  compareBoth: '둘 다 비교하기',
  compareOn: '두 학습을 나란히 비교합니다: B는 같은 시드로 A를 복사해 시작하니, B 쪽에서 무엇이든 바꿔 보세요',
  compareOff: '비교 모드를 끝냅니다: 학습 A가 하나뿐인 학습으로 남습니다',
  runA: '학습 A',
  runB: '학습 B',
  filesOf: (run) => `${run}: 파일과 저장한 학습`,
  seriesName: (name, run) => `${name} (${run})`,
  follow: '공식, 이론, 모델, 잠재 공간을 볼 학습',
  theoryOf: (run) => `이론 차트: ${run}만`,
  followedOf: (run) => `${run}: 공식, 모델, 잠재 공간`,
  differs: (other, value) => `${other}와 다름: ${value}`,
  differsCount: (count) => (count === 0 ? '두 학습의 설정이 같습니다.' : `A와 B의 설정 ${count}개가 다릅니다.`),
  group: '비교: 두 학습을 나란히',
  cardTitle: (name) => `비교: ${name}`,
  comparisons: {
    modeCollapse: {
      name: '모드 붕괴: 강한 D 대 균형 잡힌 D',
      text: 'A의 D는 G의 10배 학습률로 5번씩 학습하고, B의 D는 G와 같은 학습률로 한 번씩 학습합니다. A의 가짜 점(×)이 여덟 모드 중 한두 곳에 몰리며 “모드 붕괴” 카드가 뜨는 동안, B의 점은 카드 없이 천천히 원 전체로 퍼집니다. 품질 차트에서 A의 모드 수는 제자리이고 B의 모드 수는 올라갑니다.',
    },
    vanishingGradients: {
      name: '기울기 소실: 포화 손실 대 비포화 손실',
      text: 'A는 강의의 손실 log(1 − D(G(z)))를, B는 비포화 손실 −log D(G(z))를 씁니다. D(G(z))가 0으로 떨어지면서 로그 기울기 차트의 A의 |∂L_G/∂ℓ|는 몇 자릿수나 떨어지지만, B의 값은 1 가까이 남아 B는 계속 배웁니다. 카드는 A의 진단에만 뜹니다.',
    },
    ganVsLsgan: {
      name: 'GAN 대 LSGAN',
      text: '같은 원 데이터에서 강한 D를 상대하는 포화 GAN 손실(A)과 최소제곱 손실(B)입니다. A의 D(G(z))와 G의 기울기는 0으로 가라앉고, B의 벌점 (D(G(z)) − c)²는 c에서 먼 가짜를 계속 끌어당겨 샘플이 원을 덮습니다.',
    },
    wganClip: {
      name: 'WGAN 가중치 제한: 너무 좁게 대 적당히',
      text: '같은 WGAN에서 비평자의 모든 가중치를 ±0.001(A)과 ±0.1(B)로 자릅니다. A의 비평자는 거의 상수라 로그 차트의 기울기 노름이 10⁻⁶ 근처에 머물고 기울기 소실 카드가 곧바로 뜹니다. B의 바서슈타인 추정값은 자리를 잡고 기울기도 쓸 만하게 남습니다.',
    },
    weakDiscriminator: {
      name: '약한 D 대 균형 잡힌 D',
      text: 'A의 D는 1e-6으로, B의 D는 G의 네 배 학습률로 배웁니다. 출력 차트에서 A의 D(x)와 D(G(z))는 둘 다 0.5에 머물고 A의 카드가 뜹니다. B의 D(x)는 D(G(z))보다 올라가고 B의 G는 쓸모 있는 신호를 받습니다.',
    },
    oscillation: {
      name: '진동: 성급한 학습 대 차분한 학습',
      text: '학습률 0.01, β1 = 0.9의 Adam(A)과 학습률 0.001, β1 = 0.5(B)를 비교합니다. 다른 것은 같습니다. A의 손실은 오르내리고 샘플은 이리저리 뛰지만, B의 손실은 좁은 띠 안에 자리 잡습니다.',
    },
  },
};
