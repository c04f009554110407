/** The classroom presets' names and explanation cards: what each shows and what to look at. */
export const en = {
  label: 'Preset',
  choose: 'Choose a classroom preset…',
  groups: {
    failures: 'Failures and their fixes',
    clipping: 'WGAN weight clipping',
    lsgan: 'GAN vs LSGAN on the same data',
    defaults: 'A good start',
  },
  kinds: { failure: 'Failure', fix: 'Fix', default: 'Default' },
  cardTitle: (name: string) => `Preset: ${name}`,
  lookAt: 'What to look at',
  trained: {
    start: 'Start from trained weights',
    hint: 'Replaces the run with this preset’s model as trained by npm run pretrain:model (G and D after many iterations): the samples, the latent explorer, the label picker and the code sliders show a trained model at once. Train continues from there.',
    loading: 'Loading the trained model…',
    loaded:
      'Started from the trained model at iteration {iteration} (loaded in {seconds} s). Press Train to continue training it.',
    settings: 'It goes on with the settings it was trained at: {settings}.',
    refused: 'The trained model for “{preset}” could not be loaded: {reason}',
    refusals: {
      fetchFailed: 'its file could not be fetched ({detail})',
      notTrainedModel: 'the file is not a Nash trained model',
      modelVersion:
        'it is written in format {value}, and this page reads format {reads}; run npm run pretrain:model again',
      otherPreset: 'it was trained for the preset {value}, not {preset}',
      badEncoding: 'the weight {name} has no valid encoding',
      weightsLength: 'its weights file has {bytes} bytes where the model describes {expected}',
    },
  },
  presets: {
    modeCollapseLive: {
      name: 'Mode collapse',
      text: 'D takes 5 steps at 10× G’s learning rate. Watch the pink samples gather on one of the eight modes while the “modes covered” curve stays at 1.',
    },
    modeCollapseFix: {
      name: 'Mode collapse — fixed',
      text: 'The same data with one D step per G step and equal learning rates. Coverage climbs as the samples spread over the ring (it takes longer; no collapse card appears).',
    },
    vanishingGradients: {
      name: 'Vanishing gradients',
      text: 'The course’s loss log(1 − D(G(z))) against a strong D (5 steps at 10× G’s learning rate). D(G(z)) drops to 0, and with it G’s gradient at D’s logit ℓ (D = σ(ℓ)): |∂L_G/∂ℓ| = D(G(z)). The log-scale gradient chart falls by orders of magnitude.',
    },
    vanishingGradientsFix: {
      name: 'Vanishing gradients — fixed',
      text: 'The non-saturating loss −log D(G(z)) against a D still ahead of G (3× its learning rate, one step per G step, batches of 256). D(G(z)) starts just as low, but |∂L_G/∂ℓ| = 1 − D(G(z)) stays near 1, so G keeps learning. With five D steps as well, G keeps its gradient but settles on a few modes: a D that strong is the next lesson, mode collapse.',
    },
    oscillation: {
      name: 'Oscillation',
      text: 'Adam at learning rate 0.01 with β1 = 0.9 for both networks. The loss curves swing up and down and the samples jump around instead of settling.',
    },
    oscillationFix: {
      name: 'Oscillation — fixed',
      text: 'Learning rate 0.001 and β1 = 0.5, nothing else changed: the losses settle into narrow bands.',
    },
    weakDiscriminator: {
      name: 'Weak discriminator',
      text: 'D’s learning rate is 1e-6, so D learns nothing. D(x) and D(G(z)) sit at 0.5, the fakes even score higher than the data, and the samples stay wrong.',
    },
    weakDiscriminatorFix: {
      name: 'Weak discriminator — fixed',
      text: 'D at four times G’s learning rate (two time-scale rule), with batches of 256: D(x) rises above D(G(z)) and G gets a useful signal.',
    },
    wganClipTight: {
      name: 'WGAN: clip too tight',
      text: 'Every critic weight is clipped to ±0.001: the critic is almost constant, and G’s gradient norm is about 10⁻⁶ on the log chart.',
    },
    wganClipLoose: {
      name: 'WGAN: clip too loose',
      text: 'Clip c = 10 barely constrains the critic: the Wasserstein estimate and G’s gradient grow without bound.',
    },
    wganClip: {
      name: 'WGAN: clip about right',
      text: 'The same WGAN with c = 0.1: the estimate stays small and settles, and G’s gradient stays usable.',
    },
    compareGan: {
      name: 'GAN (saturating loss)',
      text: 'A strong D (5 steps at 10× G’s rate) with the course’s GAN loss: D(G(z)) sinks towards 0, and with it G’s gradient at D’s logit, |∂L_G/∂ℓ| = D(G(z)).',
    },
    compareLsgan: {
      name: 'LSGAN on the same data',
      text: 'Least squares on the same ring: the penalty (D(G(z)) − c)² keeps pulling fakes that are far from c. D’s output is linear, so ℓ is D(G(z)) itself, and |∂L_G/∂ℓ| = 2|D(G(z)) − c| does not vanish. Here D takes one step per G step at G’s rate (batches of 256) and G covers the ring; give it the GAN side’s five steps at 10× and LSGAN keeps its gradient but collapses onto a few modes.',
    },
    ringDefault: {
      name: 'Ring of 8 Gaussians',
      text: 'Non-saturating GAN, Adam 0.001, β1 0.5, batch 256. The samples spread over the eight modes in about 1,500 iterations; watch them hop between modes first.',
    },
    gridDefault: {
      name: '5×5 grid',
      text: "The same recipe on 25 modes, a harder test of coverage, with an 8-dimensional z and G learning at half D's rate: from 2 numbers, or at D's pace, G drops some of the 25 modes late in the run.",
    },
    spiralDefault: {
      name: 'Spiral',
      text: 'A curved manifold without separate modes: watch the grey manifold lines bend onto the spiral.',
    },
    moonsDefault: { name: 'Two moons', text: 'Two interleaving half circles, the data of a classic classifier demo.' },
    lineDefault: { name: 'Line', text: 'The simplest target: G only has to learn a segment.' },
    gaussianDefault: { name: 'One Gaussian', text: 'One blob: G must match its centre and its width.' },
    customDefault: {
      name: 'Draw your own',
      text: 'Starts from a heart. Click or drag on the plane to add points (touch works too), then press Reset to train on them.',
    },
    mnistDefault: {
      name: 'MNIST digits',
      text: 'MLPs on flattened 28×28 digits, the fast option on a CPU. Digit shapes appear after a few thousand iterations; the digit classifier counts which digits G draws.',
    },
    cganMnist: {
      name: 'Conditional GAN on MNIST',
      text: 'A label picks the digit: G sees noise ⊕ one-hot label, D a projection of it and a class head that learns the digits (AC-GAN). Readable digits of the asked-for label by ~500 iterations, steady from ~3,500 on; open the latent explorer to pick a label.',
    },
    dcganMnist: {
      name: 'DCGAN on MNIST',
      text: 'Convolutions instead of dense layers: D shrinks the 28×28 image with stride-2 convolutions, G grows a 32-d noise vector into one with transposed convolutions, with batch norm between. Slower per iteration than the MLPs on a CPU. Watch the samples grid: noise turns into blobs, then strokes, then digits.',
    },
    infoganMnist: {
      name: 'InfoGAN on MNIST',
      text: 'No labels: DCGAN’s G gets noise (scaled by σ = 0.15, so that the code, not the noise, picks the digit) ⊕ a code of 10 values ⊕ 2 continuous codes, and a head Q on D’s trunk must read the code back from the image (λ = 1). Watch the mutual-information chart climb towards ln 10 ≈ 2.3, then open the latent explorer: its rows show one noise vector under each code value and along each continuous code.',
    },
    wganGpRing: {
      name: 'WGAN-GP on the ring',
      text: 'Wasserstein loss with a gradient penalty (λ = 0.1), 5 critic steps per G step: slower per iteration, steady coverage.',
    },
  },
};

export const ko: typeof en = {
  label: '프리셋',
  choose: '수업용 프리셋을 고르세요…',
  groups: {
    failures: '실패와 그 해결',
    clipping: 'WGAN 가중치 제한',
    lsgan: '같은 데이터에서 GAN 대 LSGAN',
    defaults: '좋은 출발점',
  },
  kinds: { failure: '실패', fix: '해결', default: '기본' },
  cardTitle: (name) => `프리셋: ${name}`,
  lookAt: '볼 곳',
  trained: {
    start: '학습된 가중치로 시작',
    hint: '실행을 npm run pretrain:model로 학습한 이 프리셋의 모델(여러 번 반복한 뒤의 생성자와 판별자)로 바꿉니다. 샘플, 잠재공간 탐색기, 레이블 선택, 코드 슬라이더가 곧바로 학습된 모델을 보여 줍니다. 학습을 누르면 거기서 이어 갑니다.',
    loading: '학습된 모델을 불러오는 중…',
    loaded:
      '학습된 모델로 반복 {iteration}에서 시작했습니다 ({seconds}초 만에 불러옴). 학습을 누르면 이어서 학습합니다.',
    settings: '학습할 때의 설정으로 이어 갑니다: {settings}.',
    refused: '“{preset}”의 학습된 모델을 불러오지 못했습니다: {reason}',
    refusals: {
      fetchFailed: '파일을 받아 오지 못했습니다 ({detail})',
      notTrainedModel: 'Nash의 학습된 모델 파일이 아닙니다',
      modelVersion:
        '형식 {value}로 쓰였는데 이 페이지는 형식 {reads}를 읽습니다. npm run pretrain:model을 다시 실행하세요',
      otherPreset: '{preset}이 아니라 프리셋 {value}용으로 학습되었습니다',
      badEncoding: '가중치 {name}의 인코딩이 올바르지 않습니다',
      weightsLength: '모델은 {expected}바이트를 말하는데 가중치 파일은 {bytes}바이트입니다',
    },
  },
  presets: {
    modeCollapseLive: {
      name: '모드 붕괴',
      text: '판별자가 생성자 학습률의 10배로 5단계씩 학습합니다. 분홍 샘플이 여덟 모드 중 한 곳에 모이고 “덮은 모드” 곡선이 1에 머무는 것을 보세요.',
    },
    modeCollapseFix: {
      name: '모드 붕괴 — 해결',
      text: '같은 데이터에서 판별자와 생성자가 1:1 단계, 같은 학습률로 학습합니다. 샘플이 고리 전체로 퍼지며 덮은 모드가 늘어납니다 (더 오래 걸리고, 붕괴 카드는 나오지 않습니다).',
    },
    vanishingGradients: {
      name: '기울기 소멸',
      text: '강한 판별자 (생성자의 10배 학습률로 5단계)에 강의의 손실 log(1 − D(G(z)))를 씁니다. D(G(z))가 0으로 떨어지고, 판별자의 로짓 ℓ(D = σ(ℓ))에서 본 생성자의 기울기 |∂L_G/∂ℓ| = D(G(z))도 함께 사라집니다. 로그 눈금 기울기 차트가 몇 자릿수나 떨어집니다.',
    },
    vanishingGradientsFix: {
      name: '기울기 소멸 — 해결',
      text: '여전히 생성자보다 앞선 판별자 (학습률 3배, 생성자 한 단계마다 한 단계, 배치 256)에 비포화 손실 −log D(G(z))를 씁니다. D(G(z))는 똑같이 낮게 시작하지만 |∂L_G/∂ℓ| = 1 − D(G(z))가 1 근처에 머물러 생성자가 계속 배웁니다. 판별자를 다섯 단계씩 돌리면 기울기는 남아도 몇 개의 모드에만 머뭅니다: 그렇게 강한 판별자는 다음 수업인 모드 붕괴입니다.',
    },
    oscillation: {
      name: '진동',
      text: '두 신경망 모두 Adam 학습률 0.01, β1 = 0.9. 손실 곡선이 오르내리고 샘플이 자리 잡지 못하고 뛰어다닙니다.',
    },
    oscillationFix: {
      name: '진동 — 해결',
      text: '학습률 0.001, β1 = 0.5, 나머지는 그대로: 손실이 좁은 띠 안에 자리 잡습니다.',
    },
    weakDiscriminator: {
      name: '약한 판별자',
      text: '판별자 학습률이 1e-6이라 판별자가 아무것도 배우지 못합니다. D(x)와 D(G(z))가 0.5에 머물고, 가짜가 오히려 진짜보다 높은 점수를 받으며, 샘플은 계속 틀립니다.',
    },
    weakDiscriminatorFix: {
      name: '약한 판별자 — 해결',
      text: '판별자 학습률을 생성자의 4배로, 배치 크기는 256으로 (두 시간 척도 규칙): D(x)가 D(G(z))보다 커지고 생성자가 쓸모 있는 신호를 받습니다.',
    },
    wganClipTight: {
      name: 'WGAN: 너무 좁은 제한',
      text: '비평자의 모든 가중치를 ±0.001로 자릅니다: 비평자는 거의 상수이고 생성자의 기울기 크기는 로그 차트에서 약 10⁻⁶입니다.',
    },
    wganClipLoose: {
      name: 'WGAN: 너무 넓은 제한',
      text: '제한값 c = 10은 비평자를 거의 제한하지 못합니다: 와서스타인 추정값과 생성자의 기울기가 끝없이 커집니다.',
    },
    wganClip: {
      name: 'WGAN: 알맞은 제한',
      text: '같은 WGAN에 c = 0.1: 추정값이 작게 자리 잡고 생성자의 기울기도 쓸 만하게 유지됩니다.',
    },
    compareGan: {
      name: 'GAN (포화 손실)',
      text: '강한 판별자 (생성자의 10배 학습률로 5단계)에 강의의 GAN 손실: D(G(z))가 0으로 가라앉고, 판별자의 로짓에서 본 생성자의 기울기 |∂L_G/∂ℓ| = D(G(z))도 함께 사라집니다.',
    },
    compareLsgan: {
      name: 'LSGAN, 같은 데이터',
      text: '같은 고리에 최소제곱 손실: 벌점 (D(G(z)) − c)²가 c에서 먼 가짜를 계속 끌어당깁니다. 판별자의 출력이 선형이라 ℓ이 곧 D(G(z))이고, |∂L_G/∂ℓ| = 2|D(G(z)) − c|는 사라지지 않습니다. 여기서는 판별자가 생성자와 같은 학습률로 한 단계씩 (배치 256) 배우고 생성자가 고리를 덮습니다. GAN 쪽처럼 10배 학습률로 다섯 단계를 주면 LSGAN도 기울기는 남지만 몇 개의 모드로 붕괴합니다.',
    },
    ringDefault: {
      name: '가우시안 8개 고리',
      text: '비포화 GAN, Adam 0.001, β1 0.5, 배치 256. 약 1,500번 반복하면 샘플이 여덟 모드로 퍼집니다. 처음에는 모드 사이를 옮겨 다니는 것을 보세요.',
    },
    gridDefault: {
      name: '5×5 격자',
      text: '같은 방법을 25개 모드에 씁니다. 모드를 덮는 더 어려운 시험이어서 z를 8차원으로 두고 G의 학습률을 D의 절반으로 둡니다. 숫자 2개로 만들거나 D와 같은 속도로 배우면 학습 후반에 25개 모드 중 일부를 놓칩니다.',
    },
    spiralDefault: {
      name: '나선',
      text: '모드가 따로 없는 굽은 다양체: 회색 다양체 선이 나선을 따라 휘는 것을 보세요.',
    },
    moonsDefault: { name: '두 개의 반달', text: '서로 맞물린 두 반원, 고전적인 분류기 예제의 데이터입니다.' },
    lineDefault: { name: '직선', text: '가장 쉬운 목표: 생성자는 선분 하나만 배우면 됩니다.' },
    gaussianDefault: { name: '가우시안 1개', text: '덩어리 하나: 생성자는 중심과 폭을 맞춰야 합니다.' },
    customDefault: {
      name: '직접 그리기',
      text: '하트 모양으로 시작합니다. 평면을 클릭하거나 끌어서 (터치도 됩니다) 점을 더한 뒤 초기화를 눌러 그 점으로 학습하세요.',
    },
    mnistDefault: {
      name: 'MNIST 숫자',
      text: '펼친 28×28 숫자에 MLP를 씁니다. CPU에서 빠른 방법입니다. 수천 번 반복하면 숫자 모양이 나타나고, 숫자 분류기가 생성자가 어떤 숫자를 그리는지 셉니다.',
    },
    cganMnist: {
      name: 'MNIST 조건부 GAN',
      text: '레이블이 숫자를 고릅니다. 생성자는 노이즈 ⊕ 원-핫 레이블을, 판별자는 그 투영을 보고, 숫자를 배우는 분류 헤드(AC-GAN)도 둡니다. 약 500번 반복하면 요청한 레이블의 숫자가 읽히고, 약 3,500번부터는 안정적입니다. 잠재공간 탐색기에서 레이블을 고르세요.',
    },
    dcganMnist: {
      name: 'MNIST DCGAN',
      text: '완전 연결층 대신 합성곱을 씁니다. 판별자는 보폭 2 합성곱으로 28×28 이미지를 줄이고, 생성자는 전치 합성곱으로 32차원 노이즈 벡터를 이미지로 키우며, 그 사이에 배치 정규화가 있습니다. CPU에서는 MLP보다 반복 한 번이 느립니다. 샘플 격자에서 노이즈가 얼룩으로, 획으로, 숫자로 바뀌는 것을 보세요.',
    },
    infoganMnist: {
      name: 'MNIST InfoGAN',
      text: '레이블이 없습니다. DCGAN 생성자는 노이즈 (숫자를 노이즈가 아니라 코드가 고르도록 σ = 0.15로 줄임) ⊕ 10개 값의 코드 ⊕ 연속 코드 2개를 받고, 판별자의 몸통 위의 Q 헤드가 이미지에서 그 코드를 다시 읽어 내야 합니다 (λ = 1). 상호 정보량 그래프가 ln 10 ≈ 2.3 쪽으로 오르는 것을 본 뒤 잠재공간 탐색기를 여세요. 그 행들이 한 노이즈 벡터를 코드 값마다, 연속 코드를 따라 보여 줍니다.',
    },
    wganGpRing: {
      name: '고리 위의 WGAN-GP',
      text: '기울기 벌점 (λ = 0.1)을 쓰는 와서스타인 손실, 생성자 한 단계당 비평자 5단계: 반복은 느리지만 고르게 덮습니다.',
    },
  },
};
