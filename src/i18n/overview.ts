/**
 * Strings of the model overview graph and the slow-motion step (src/features/overview, issue 19).
 * Accessible names are the UI contract (tests/e2e/README.md): region "Model overview", image
 * "Model overview graph", buttons "Slow-motion step", "Previous", "Next sub-step", "Finish".
 */
import type { ObjectiveId } from '../gan/config.ts';
import type { SubStepId } from '../gan/trace-shape.ts';
import type { NodeId } from '../features/overview/graph.ts';

type Network = 'discriminator' | 'generator';

export const en = {
  region: 'Model overview',
  graph: 'Model overview graph',
  intro:
    'One iteration as a picture: noise z goes through G; D scores G’s samples and real ones; each loss sends its gradient back into the network it trains.',
  /** The graph's text description, for screen readers (role img). */
  description:
    'Noise z enters the generator G, which makes generated samples G(z). The discriminator D scores them and real samples x. D’s loss L_D sends its gradient back into D; G’s loss L_G sends its gradient back through D into G.',
  descriptionLabel: 'A label y enters both G and D.',
  descriptionCodes:
    'Codes c enter G; the Q head on D’s trunk recovers them from G(z, c), and the information loss λ·L_I trains Q, D and G.',
  /** Each node's caption under its symbol on the graph (the symbols are notation: graph.ts, NODE_SYMBOL). */
  nodes: {
    noise: 'noise',
    label: 'label',
    codes: 'codes',
    generator: 'generator',
    fake: 'generated',
    real: 'real data',
    discriminator: 'discriminator',
    qHead: 'Q head',
    lossD: '{objective}',
    lossG: '{objective}',
    lossI: 'information',
  } satisfies Record<NodeId, string>,
  critic: 'critic',
  /** Each node's description when focused or hovered. */
  about: {
    noise: 'Noise z: {size} numbers per sample, drawn from a {noise} distribution; G’s input.',
    label: 'Label y: one of {values} classes as a one-hot vector, given to G and to D (CGAN).',
    codes:
      'Codes c: a categorical code with {values} values and {continuous} continuous codes, appended to G’s input (InfoGAN).',
    generator: 'Generator G ({layers}): turns noise into samples; trained by L_G, through D.',
    fake: 'Generated samples G(z): a batch of {batch}, scored by D.',
    real: 'Real samples x: a batch of {batch} from the dataset; only D’s step uses them.',
    discriminator: 'Discriminator D ({layers}): scores real and generated samples; trained by L_D.',
    qHead: 'Q head ({layers}): on D’s trunk, it predicts the codes c from G(z, c); trained with D, never clipped.',
    lossD: 'D’s loss L_D, {objective}: D descends it on real and generated samples.',
    lossG: 'G’s loss L_G, {objective}: G descends it through D’s score of its samples.',
    lossI:
      'The information loss λ·L_I: how badly Q recovers c. It is added to L_D and to L_G, so both networks maximise the mutual information I(c; G(z, c)).',
  } satisfies Record<NodeId, string>,
  noises: { gaussian: 'Gaussian', uniform: 'uniform' },
  objectiveTags: {
    minimax: 'minimax',
    nonSaturating: 'non-saturating',
    lsgan: 'least squares',
    wgan: 'Wasserstein',
    wganGp: 'Wasserstein-GP',
    hinge: 'hinge',
  } satisfies Record<ObjectiveId, string>,
  gradientD: '∇θ_D',
  gradientThroughD: '∇ through D',
  gradientG: '∇θ_G',
  gradientQ: '∇θ_Q',
  phases: { discriminator: 'D’s update', generator: 'G’s update' } satisfies Record<Network, string>,
  architecture: 'Architecture: {kind}. G: {generator}. D: {discriminator}.',
  architectureQ: 'Q: {q}.',
  architectureKinds: { mlp: 'MLP', dcgan: 'DCGAN' },
  objectiveLine: 'Objective: {objective}',
  /** The slow-motion step. */
  slowMotion: 'Slow-motion step',
  slowMotionHint:
    'Trains one real iteration and records it, then walks through it sub-step by sub-step: first D’s update, then G’s.',
  tracing: 'Training one iteration…',
  walk: 'Slow-motion walk-through',
  walkTitle: '{phase} · sub-step {n} of {total}: {name}',
  iterationNote:
    'Iteration {from} → {to}: trained for real; these are the values it computed (the first rows of each batch).',
  stepsNote: '{network} took {steps} steps in this iteration; this is the last of them.',
  lossWithInformation: 'The value includes InfoGAN’s λ·L_I.',
  lossWithPenalty: 'The value includes WGAN-GP’s gradient penalty.',
  networks: { discriminator: 'D', generator: 'G' } satisfies Record<Network, string>,
  subSteps: {
    noise: 'Sample noise',
    generate: 'Generate',
    score: 'D scores',
    loss: 'Loss',
    gradients: 'Gradients',
    update: 'Update',
  } satisfies Record<SubStepId, string>,
  /** One sentence per sub-step of each phase. */
  explain: {
    discriminator: {
      noise: 'Fresh noise z is drawn for a batch of {batch} fakes (with a label or codes where the model has them).',
      generate:
        'G turns z into fakes G(z), and a batch of real samples x is drawn beside them; G only runs forward here.',
      score: 'D scores both batches: its step will push D(x) towards “real” and D(G(z)) towards “generated”.',
      loss: 'L_D ({objective}) measures how far D is from telling the two batches apart.',
      gradients: 'Backpropagation gives ∇θ_D, the gradient of L_D with respect to D’s parameters only.',
      update:
        'The optimiser moves D’s {parameters} parameters against that gradient; on the plane the points take the updated D’s colours.',
    },
    generator: {
      noise: 'Fresh noise z for a new batch of {batch} fakes; no real data is used in G’s step.',
      generate: 'G turns z into fakes G(z), this time recording what it does so that its gradient can be taken.',
      score: 'The just-updated D scores the fakes: G wants D(G(z)) to say “real”.',
      loss: 'L_G ({objective}) is low when D is fooled.',
      gradients: 'The gradient flows from L_G back through D, which holds still, into G: ∇θ_G.',
      update:
        'The optimiser moves G’s {parameters} parameters; on the plane each arrow shows where a fake moves for the same z.',
    },
  } satisfies Record<Network, Record<SubStepId, string>>,
  /** A traced tensor read after the update (D(x), D(G(z)), G(z)); the symbols are notation (describe.ts). */
  afterUpdate: '{symbol} after the update',
  shape: 'shape {shape}',
  scalar: 'scalar',
  mean: 'mean {value}',
  firstRows: 'first rows: {rows}',
  values: 'Values',
  previous: 'Previous',
  next: 'Next sub-step',
  finish: 'Finish',
  failed: 'The iteration could not be traced: {message}',
  planeOverlay: 'The traced batch on the 2D view',
};

export const ko: typeof en = {
  region: '모델 개요',
  graph: '모델 개요 그래프',
  intro:
    '한 번의 반복을 그림으로: 잡음 z가 G를 거치고, D가 G의 샘플과 실제 샘플에 점수를 매기며, 각 손실은 자신이 학습시키는 신경망으로 기울기를 되돌려 보냅니다.',
  description:
    '잡음 z가 생성자 G에 들어가 생성 샘플 G(z)를 만듭니다. 판별자 D는 이 샘플과 실제 샘플 x에 점수를 매깁니다. D의 손실 L_D는 기울기를 D로 되돌려 보내고, G의 손실 L_G는 D를 거쳐 G로 기울기를 보냅니다.',
  descriptionLabel: '레이블 y가 G와 D 모두에 들어갑니다.',
  descriptionCodes:
    '코드 c가 G에 들어가고, D의 몸통 위에 있는 Q 헤드가 G(z, c)에서 c를 되찾으며, 정보 손실 λ·L_I가 Q, D, G를 학습시킵니다.',
  nodes: {
    noise: '잡음',
    label: '레이블',
    codes: '코드',
    generator: '생성자',
    fake: '생성 샘플',
    real: '실제 데이터',
    discriminator: '판별자',
    qHead: 'Q 헤드',
    lossD: '{objective}',
    lossG: '{objective}',
    lossI: '정보',
  },
  critic: '비평자',
  about: {
    noise: '잡음 z: 샘플마다 {noise} 분포에서 뽑은 수 {size}개로, G의 입력입니다.',
    label: '레이블 y: {values}개 클래스 중 하나를 원-핫 벡터로 G와 D에 줍니다 (CGAN).',
    codes: '코드 c: 값이 {values}개인 범주형 코드와 연속 코드 {continuous}개로, G의 입력 뒤에 붙습니다 (InfoGAN).',
    generator: '생성자 G ({layers}): 잡음을 샘플로 바꾸며, D를 거쳐 L_G로 학습합니다.',
    fake: '생성 샘플 G(z): {batch}개짜리 배치로, D가 점수를 매깁니다.',
    real: '실제 샘플 x: 데이터셋에서 뽑은 {batch}개짜리 배치로, D의 단계에서만 씁니다.',
    discriminator: '판별자 D ({layers}): 실제 샘플과 생성 샘플에 점수를 매기며, L_D로 학습합니다.',
    qHead:
      'Q 헤드 ({layers}): D의 몸통 위에서 G(z, c)로부터 코드 c를 예측합니다. D와 함께 학습하며 가중치 제한을 받지 않습니다.',
    lossD: 'D의 손실 L_D, {objective}: D는 실제 샘플과 생성 샘플에서 이 값을 줄입니다.',
    lossG: 'G의 손실 L_G, {objective}: G는 자기 샘플에 대한 D의 점수를 거쳐 이 값을 줄입니다.',
    lossI:
      '정보 손실 λ·L_I: Q가 c를 얼마나 잘못 되찾는지입니다. L_D와 L_G 모두에 더해지므로 두 신경망이 상호 정보량 I(c; G(z, c))를 키웁니다.',
  },
  noises: { gaussian: '가우시안', uniform: '균등' },
  objectiveTags: {
    minimax: '미니맥스',
    nonSaturating: '비포화',
    lsgan: '최소제곱',
    wgan: '와서스타인',
    wganGp: '와서스타인-GP',
    hinge: '힌지',
  },
  gradientD: '∇θ_D',
  gradientThroughD: 'D를 거친 ∇',
  gradientG: '∇θ_G',
  gradientQ: '∇θ_Q',
  phases: { discriminator: 'D 갱신', generator: 'G 갱신' },
  architecture: '구조: {kind}. G: {generator}. D: {discriminator}.',
  architectureQ: 'Q: {q}.',
  architectureKinds: { mlp: 'MLP', dcgan: 'DCGAN' },
  objectiveLine: '목적 함수: {objective}',
  slowMotion: '슬로 모션 단계',
  slowMotionHint:
    '실제로 한 번 반복해 학습하고 기록한 뒤, 세부 단계별로 따라갑니다. 먼저 D의 갱신, 그다음 G의 갱신입니다.',
  tracing: '한 번 반복하는 중…',
  walk: '슬로 모션 따라가기',
  walkTitle: '{phase} · 세부 단계 {total}개 중 {n}번째: {name}',
  iterationNote: '반복 {from} → {to}: 실제로 학습했으며, 아래는 그때 계산된 값입니다 (각 배치의 처음 몇 행).',
  stepsNote: '이번 반복에서 {network}는 {steps}단계를 밟았고, 이것은 그 마지막 단계입니다.',
  lossWithInformation: '이 값에는 InfoGAN의 λ·L_I가 들어 있습니다.',
  lossWithPenalty: '이 값에는 WGAN-GP의 기울기 벌점이 들어 있습니다.',
  networks: { discriminator: 'D', generator: 'G' },
  subSteps: {
    noise: '잡음 뽑기',
    generate: '생성',
    score: 'D의 점수',
    loss: '손실',
    gradients: '기울기',
    update: '갱신',
  },
  explain: {
    discriminator: {
      noise: '가짜 {batch}개를 만들 새 잡음 z를 뽑습니다 (모델에 레이블이나 코드가 있으면 함께 뽑습니다).',
      generate: 'G가 z를 가짜 G(z)로 바꾸고, 옆에 실제 샘플 x 배치를 뽑습니다. 여기서 G는 앞으로 계산만 합니다.',
      score: 'D가 두 배치에 점수를 매깁니다. 이 단계는 D(x)를 “실제” 쪽으로, D(G(z))를 “생성” 쪽으로 밉니다.',
      loss: 'L_D ({objective})는 D가 두 배치를 얼마나 못 가려내는지를 잽니다.',
      gradients: '역전파로 ∇θ_D, 곧 D의 매개변수에 대한 L_D의 기울기만 구합니다.',
      update:
        '옵티마이저가 D의 매개변수 {parameters}개를 기울기 반대 방향으로 옮기고, 평면의 점들은 갱신된 D의 색을 띱니다.',
    },
    generator: {
      noise: '새 가짜 {batch}개를 만들 새 잡음 z를 뽑습니다. G의 단계에서는 실제 데이터를 쓰지 않습니다.',
      generate: 'G가 z를 가짜 G(z)로 바꾸며, 이번에는 기울기를 구할 수 있도록 계산 과정을 기록합니다.',
      score: '방금 갱신된 D가 가짜에 점수를 매깁니다. G는 D(G(z))가 “실제”라고 말하기를 바랍니다.',
      loss: 'L_G ({objective})는 D가 속을수록 작아집니다.',
      gradients: '기울기가 L_G에서 멈춰 있는 D를 거쳐 G로 흘러갑니다: ∇θ_G.',
      update:
        '옵티마이저가 G의 매개변수 {parameters}개를 옮기고, 평면의 화살표는 같은 z에서 각 가짜가 어디로 움직이는지 보여 줍니다.',
    },
  },
  afterUpdate: '갱신 뒤 {symbol}',
  shape: '모양 {shape}',
  scalar: '스칼라',
  mean: '평균 {value}',
  firstRows: '처음 행: {rows}',
  values: '값',
  previous: '이전',
  next: '다음 세부 단계',
  finish: '마치기',
  failed: '이번 반복을 기록하지 못했습니다: {message}',
  planeOverlay: '2D 보기 위의 기록된 배치',
};
