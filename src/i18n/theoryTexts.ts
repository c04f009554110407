/**
 * The theory layers' and charts' sentences (src/gan/theory): the D* and transport captions, each
 * chart's help (what it plots and how it is estimated) and why a chart is not drawn. Imported only by
 * the theory's lazily loaded components (src/features/plane2d/TheoryLayers.tsx,
 * src/features/charts/TheoryCharts.tsx), so they stay off the page's first download; their names
 * and titles are in theory.ts, in the page's string table.
 */
export const en = {
  optimalCaption:
    'D*(x) = p_data(x) / (p_data(x) + p_g(x)), the best any discriminator can do against this G. ' +
    'D = ½ everywhere is D* at equilibrium (p_g = p_data): there no discriminator can tell real from fake. ' +
    'White where no sample, real or generated, would land.',
  optimalHow: (bandwidth: string) =>
    `p_g is a kernel density estimate of the 512 generated points: a Gaussian kernel of width h = ${bandwidth}, ` +
    `chosen once per run by likelihood cross-validation on the real points (at least one cell of this view). ` +
    `p_data is the data’s exact density seen through the same kernel, so that p_g = p_data gives D* = ½ exactly; ` +
    `against the raw density (σ = 0.02 on the ring) the estimate would look many times flatter.`,
  differenceCaption:
    'D − D*: where the trained D says “real” more (real’s colour) or less (generated’s colour) than the optimal one. White: D agrees with D*.',
  transportCaption: (cost: string, gap: string | undefined) =>
    `64 real points joined to 64 generated points by the optimal matching (the Hungarian algorithm): the cheapest way ` +
    `to move one set onto the other. Mean distance moved (W₁ between the two sets): ${cost}` +
    (gap === undefined
      ? '.'
      : `; the critic’s W estimate E[D(x)] − E[D(G(z))] on the same points: ${gap}. A K-Lipschitz critic can reach ` +
        `at most K·W₁: a critic whose weights are clipped small has a small K (the Lipschitz chart), so it reads far less.`),
  notKnown: 'The theory layers and charts need a dataset whose density is known exactly: ring, grid, line or Gaussian.',
  jensenShannonHelp:
    'JS(p_data ‖ p_g) = ½ KL(p_data ‖ m) + ½ KL(p_g ‖ m), m = (p_data + p_g)/2: 0 when G’s distribution is the data’s, ' +
    'log 2 ≈ 0.69 when they do not overlap. For a fixed G the optimal D turns the original GAN’s value into ' +
    '−log 4 + 2·JS. Estimated by Monte Carlo at each view update: 256 real points and 256 generated points, each moved ' +
    'by the kernel, with p_data exact and p_g the kernel density estimate, both seen through the same kernel (the D* ' +
    'layer’s, fixed for the run, so the points compare). Not quadrature on the view’s grid: its cells are wider than ' +
    'the ring’s modes (σ = 0.02), while samples need no grid.',
  valueHelp:
    'V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))], the original GAN’s objective (D maximises it, G minimises it), ' +
    'measured with the trained D on the view’s batch: 512 real points and the 512 generated points. At the Nash ' +
    'equilibrium p_g = p_data and D = ½ everywhere, so V = log ½ + log ½ = −log 4 ≈ −1.39.',
  valueUndefined:
    'V(D, G) is not defined for this objective: its D outputs a score, not a probability, so log D(x) has no meaning.',
  conditional: 'Not measured for a conditional D: CGAN’s D judges a point only together with its label.',
  lipschitzHelp:
    'The largest |f(x) − f(y)| / ‖x − y‖ of the critic f over 256 random pairs of real and generated points and ' +
    'along 32 lines from a real point to a generated one (9 points each). E[f(x)] − E[f(G(z))] is the Wasserstein ' +
    'distance only when f is 1-Lipschitz (Kantorovich–Rubinstein duality): weight clipping keeps the constant ' +
    'bounded but not at 1, the gradient penalty pulls the slope towards 1. A lower bound: the pairs are a sample.',
};

export const ko: typeof en = {
  optimalCaption:
    'D*(x) = p_data(x) / (p_data(x) + p_g(x))는 지금의 G를 상대로 어떤 판별자든 낼 수 있는 최선입니다. ' +
    '모든 곳에서 D = ½이면 평형(p_g = p_data)에서의 D*이고, 이때는 어떤 판별자도 진짜와 가짜를 가려낼 수 없습니다. ' +
    '실제 샘플도 생성된 샘플도 떨어지지 않을 곳은 흰색입니다.',
  optimalHow: (bandwidth) =>
    `p_g는 생성된 점 512개의 커널 밀도 추정입니다. 가우시안 커널의 폭 h = ${bandwidth}는 실행마다 한 번, ` +
    `실제 점에 대한 우도 교차 검증으로 고릅니다(이 화면 격자 한 칸 이상). p_data는 데이터의 정확한 밀도를 ` +
    `같은 커널로 본 것이어서, p_g = p_data이면 D*가 정확히 ½이 됩니다. 날것의 밀도(링은 σ = 0.02)와 비교하면 ` +
    `추정값이 훨씬 납작해 보였을 것입니다.`,
  differenceCaption:
    'D − D*: 학습된 D가 최적 판별자보다 “진짜”라고 더 말하는 곳(실제 점의 색)과 덜 말하는 곳(생성된 점의 색)입니다. 흰색은 D가 D*와 같은 곳입니다.',
  transportCaption: (cost, gap) =>
    `실제 점 64개와 생성된 점 64개를 최적 짝짓기(헝가리안 알고리즘)로 이은 선입니다. 한 집합을 다른 집합으로 옮기는 ` +
    `가장 싼 방법입니다. 옮긴 평균 거리(두 집합 사이의 W₁): ${cost}` +
    (gap === undefined
      ? '.'
      : `. 같은 점에서 잰 비평자의 W 추정값 E[D(x)] − E[D(G(z))]: ${gap}. K-립시츠 비평자는 많아야 K·W₁까지만 ` +
        `잴 수 있습니다. 가중치를 작게 자른 비평자는 K가 작아서(립시츠 차트) 훨씬 작게 읽습니다.`),
  notKnown: '이론 층과 차트는 밀도를 정확히 아는 데이터셋(링, 격자, 직선, 가우시안)에서만 볼 수 있습니다.',
  jensenShannonHelp:
    'JS(p_data ‖ p_g) = ½ KL(p_data ‖ m) + ½ KL(p_g ‖ m), m = (p_data + p_g)/2입니다. G의 분포가 데이터 분포와 같으면 0, ' +
    '전혀 겹치지 않으면 log 2 ≈ 0.69입니다. G를 고정하면 최적 판별자에서 원래 GAN의 가치는 −log 4 + 2·JS가 됩니다. ' +
    '화면을 갱신할 때마다 몬테카를로로 추정합니다. 실제 점 256개와 생성된 점 256개를 커널만큼 흔들어 뽑고, p_data는 ' +
    '정확한 밀도, p_g는 커널 밀도 추정으로, 둘 다 같은 커널(D* 층의 커널, 실행 내내 같아서 점끼리 비교할 수 있음)로 ' +
    '봅니다. 화면 격자 위의 수치 적분을 쓰지 않는 까닭은 격자 칸이 링의 모드(σ = 0.02)보다 넓기 때문이고, 샘플은 ' +
    '격자가 필요 없습니다.',
  valueHelp:
    'V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]는 원래 GAN의 목적 함수입니다(D는 최대화, G는 최소화). ' +
    '학습된 D로 화면의 배치(실제 점 512개와 생성된 점 512개)에서 잽니다. 내시 균형에서는 p_g = p_data이고 모든 곳에서 ' +
    'D = ½이므로 V = log ½ + log ½ = −log 4 ≈ −1.39입니다.',
  valueUndefined:
    '이 목적 함수에서는 V(D, G)가 정의되지 않습니다. D가 확률이 아닌 점수를 내므로 log D(x)에 뜻이 없습니다.',
  conditional: '조건부 D에서는 재지 않습니다. CGAN의 D는 점을 라벨과 함께 있을 때만 판정합니다.',
  lipschitzHelp:
    '비평자 f의 |f(x) − f(y)| / ‖x − y‖ 가운데 가장 큰 값입니다. 실제 점과 생성된 점에서 무작위로 고른 쌍 256개와, ' +
    '실제 점에서 생성된 점으로 가는 선 32개(선마다 점 9개)에서 잽니다. E[f(x)] − E[f(G(z))]는 f가 1-립시츠일 때만 ' +
    '바서슈타인 거리입니다(칸토로비치–루빈시테인 쌍대성). 가중치 자르기는 상수를 묶어 두지만 1로 맞추지는 못하고, ' +
    '기울기 벌점은 기울기를 1 쪽으로 당깁니다. 쌍은 표본이므로 이 값은 아래 한계입니다.',
};
