/** Strings of the latent-space explorer (src/features/latent). Accessible names are the UI contract (tests/e2e/README.md). */
import type { LatentProblem } from '../worker/latent-answers.ts';
import { fill } from './fill.ts';

export const en = {
  region: 'Latent space',
  intro:
    'The course: “noise vectors can be computed with semantically — of course it does not work that well.” Try both halves: walk between samples, add and subtract them.',
  newLatents: 'New latents',
  grid: 'Samples to explore',
  sample: 'Sample {n}',
  selectHint: 'Click or tap a sample to select it, then use it below.',
  selected: 'Selected sample',
  waiting: 'Waiting for the model…',
  label: 'Label',
  labelValue: '{n}',
  sweepLabels: 'Sweep labels',
  sweepLabelsHint: 'The selected noise under every label: what stays is the noise’s “style”.',
  sweepSample: 'Label {n}',
  categorical: 'Categorical code',
  code: 'Code {n}',
  codeRows: 'What each code learned',
  codeRowsHint: 'The selected noise with one code changed at a time (the prior is U(−1, 1); ±2 extrapolates).',
  categoricalSample: 'Categorical value {n}',
  codeSample: 'Code {code} at {value}',
  interpolation: 'Interpolation',
  interpolationTitle: 'Interpolation between two latents',
  setStart: 'Set as start',
  setEnd: 'Set as end',
  randomEndpoints: 'Random endpoints',
  start: 'Start',
  end: 'End',
  method: 'Path',
  linear: 'Linear',
  slerp: 'Spherical (slerp)',
  slerpWhy:
    'Why slerp: a Gaussian latent in d dimensions almost always has norm ≈ √d; the straight line’s midpoint has norm ≈ √(d/2), where G rarely saw an input, while slerp’s great circle keeps the norm.',
  steps: 'Steps',
  stripStep: 'Step {n} of {total}',
  atT: 'Interpolated sample',
  pickEndpoints: 'Choose a start and an end (from the samples, or random).',
  arithmetic: 'Latent arithmetic',
  arithmeticHint:
    'Each slot holds the mean of the latents put in it (the DCGAN paper averages three per concept). The result is wA·A + wB·B + wC·C; the default weights make A − B + C.',
  setAs: 'Set as {slot}',
  clearSlot: 'Clear {slot}',
  slotCount: '{count} latent(s)',
  slotEmpty: 'empty',
  slotImage: 'Mean of slot {slot}',
  weight: 'Weight of {slot}',
  result: 'Result',
  fillSlots: 'Put at least one latent in each of A, B and C.',
  arrowsTitle: 'The arithmetic in the data plane',
  arrows: 'G(A), G(B), G(C) as points; arrows from G(A) to G(wA·A + wB·B) to G(result)',
  neighbours: 'Nearest training images',
  neighboursHint: 'The training digits closest to the selected sample, pixel by pixel: copies would mean G memorised.',
  neighbour: 'Training image {n}: digit {label}, distance {distance}',
  neighbourCaption: '{label} · {distance}',
  iterationNote: 'Model at iteration {n}',
  youngIterations:
    'This model is young (iteration {n}): its latent space has little structure yet, so walks and arithmetic show little. Train on, or start an MNIST preset from trained weights.',
  youngScore:
    'The digit classifier reads few of G’s digits yet (score {score} of 10, under {min}): what the latent tools show is not to be trusted. Train on, or start from trained weights.',
  examples: {
    thicker: {
      name: 'Try an example: thicker strokes',
      hint: 'Among the {near} of {pool} samples (the grid’s and more drawn off screen) that look most like the selected one: A = the {size} with the most ink, B = the {size} with the least, C = the selected sample. A − B points from thin to thick strokes of digits like C (averaged, their own shapes cancel); with weights ½, −½, 1 the result draws the selected digit with more ink.',
    },
    rightward: {
      name: 'Try an example: leaning right',
      hint: 'Among the {near} of {pool} samples (the grid’s and more drawn off screen) that look most like the selected one: A = the {size} that lean most to the right, B = the {size} that lean most to the left, C = the selected sample. A − B points from left-leaning to right-leaning; with weights ½, −½, 1 the result tilts the selected digit to the right (the whole A − B would also carry the averages’ shapes).',
    },
  },
  error: 'The worker could not answer: {message}',
  /** Why, for each of the worker's LatentProblem codes; `{field}` is the query's part, as the code names it. */
  problems: {
    badQuery: 'the page sent a malformed question ({field})',
    noTrainingImages: 'nearest neighbours need MNIST’s training images, and they cannot be loaded here',
    failed: '{detail}',
  },
};

export const ko: typeof en = {
  region: '잠재공간',
  intro:
    '강의: “의미론적으로 생성자의 입력인 노이즈 벡터끼리 계산이 가능하다. 물론 잘 안됨.” 두 말을 모두 확인해 보세요. 샘플 사이를 걷고, 더하고 빼 보세요.',
  newLatents: '새 잠재 벡터',
  grid: '탐색할 샘플',
  sample: '샘플 {n}',
  selectHint: '샘플을 클릭하거나 탭해서 고른 다음 아래에서 쓰세요.',
  selected: '고른 샘플',
  waiting: '모델을 기다리는 중…',
  label: '레이블',
  labelValue: '{n}',
  sweepLabels: '레이블 훑기',
  sweepLabelsHint: '고른 노이즈를 모든 레이블로 생성합니다. 변하지 않는 것이 노이즈의 “스타일”입니다.',
  sweepSample: '레이블 {n}',
  categorical: '범주형 코드',
  code: '코드 {n}',
  codeRows: '각 코드가 배운 것',
  codeRowsHint: '고른 노이즈에서 코드 하나씩만 바꿉니다 (사전분포는 U(−1, 1), ±2는 바깥으로 늘린 값).',
  categoricalSample: '범주 값 {n}',
  codeSample: '코드 {code} = {value}',
  interpolation: '보간',
  interpolationTitle: '두 잠재 벡터 사이의 보간',
  setStart: '시작으로 지정',
  setEnd: '끝으로 지정',
  randomEndpoints: '무작위 양 끝',
  start: '시작',
  end: '끝',
  method: '경로',
  linear: '선형',
  slerp: '구면 (slerp)',
  slerpWhy:
    'slerp를 쓰는 이유: d차원 가우시안 잠재 벡터의 노름은 거의 항상 √d 근처입니다. 직선의 중점은 노름이 √(d/2)쯤이라 생성자가 거의 본 적 없는 입력이지만, slerp의 대원은 노름을 유지합니다.',
  steps: '단계 수',
  stripStep: '{total}단계 중 {n}',
  atT: '보간한 샘플',
  pickEndpoints: '시작과 끝을 고르세요 (샘플에서, 또는 무작위로).',
  arithmetic: '잠재 벡터 연산',
  arithmeticHint:
    '각 칸은 넣은 잠재 벡터들의 평균입니다 (DCGAN 논문은 개념마다 세 개를 평균). 결과는 wA·A + wB·B + wC·C이고, 기본 가중치는 A − B + C입니다.',
  setAs: '{slot}(으)로 지정',
  clearSlot: '{slot} 비우기',
  slotCount: '잠재 벡터 {count}개',
  slotEmpty: '비어 있음',
  slotImage: '{slot} 칸의 평균',
  weight: '{slot}의 가중치',
  result: '결과',
  fillSlots: 'A, B, C 칸마다 잠재 벡터를 하나 이상 넣으세요.',
  arrowsTitle: '데이터 평면에서 본 연산',
  arrows: 'G(A), G(B), G(C)를 점으로, G(A)에서 G(wA·A + wB·B)를 거쳐 G(결과)까지 화살표로',
  neighbours: '가장 가까운 학습 이미지',
  neighboursHint: '고른 샘플과 픽셀 단위로 가장 가까운 학습 숫자입니다. 똑같은 복사본이면 생성자가 외운 것입니다.',
  neighbour: '학습 이미지 {n}: 숫자 {label}, 거리 {distance}',
  neighbourCaption: '{label} · {distance}',
  iterationNote: '반복 {n}의 모델',
  youngIterations:
    '아직 어린 모델입니다 (반복 {n}). 잠재공간에 구조가 거의 없어서 보간과 산술이 보여 주는 것이 적습니다. 더 학습하거나 MNIST 프리셋을 학습된 가중치로 시작하세요.',
  youngScore:
    '숫자 분류기가 생성자의 숫자를 아직 거의 읽지 못합니다 (점수 10점 중 {score}, {min} 미만). 잠재공간 도구가 보여 주는 것을 믿기 이릅니다. 더 학습하거나 학습된 가중치로 시작하세요.',
  examples: {
    thicker: {
      name: '예제 해 보기: 더 굵은 획',
      hint: '샘플 {pool}개(격자의 샘플과 화면 밖에서 더 뽑은 샘플) 중 고른 샘플과 가장 닮은 {near}개에서: A = 잉크가 가장 많은 {size}개, B = 가장 적은 {size}개, C = 고른 샘플. A − B는 C와 같은 모양의 숫자에서 가는 획에서 굵은 획으로 가는 방향입니다 (평균을 내면 각자의 모양은 상쇄됩니다). 가중치 ½, −½, 1이면 결과는 고른 숫자를 잉크를 더 써서 그립니다.',
    },
    rightward: {
      name: '예제 해 보기: 오른쪽으로 기울이기',
      hint: '샘플 {pool}개(격자의 샘플과 화면 밖에서 더 뽑은 샘플) 중 고른 샘플과 가장 닮은 {near}개에서: A = 가장 오른쪽으로 기운 {size}개, B = 가장 왼쪽으로 기운 {size}개, C = 고른 샘플. A − B는 왼쪽 기울기에서 오른쪽 기울기로 가는 방향이고, 가중치 ½, −½, 1이면 결과는 고른 숫자를 오른쪽으로 기울입니다 (A − B 전체를 더하면 평균들의 모양까지 옮겨 옵니다).',
    },
  },
  error: '워커가 답하지 못했습니다: {message}',
  problems: {
    badQuery: '페이지가 잘못된 질의를 보냈습니다 ({field})',
    noTrainingImages: '가장 가까운 이웃에는 MNIST 학습 이미지가 필요한데, 여기서는 불러올 수 없습니다',
    failed: '{detail}',
  },
};

/** The worker's reason for not answering a query, in the sentence the panels show. */
export function describeLatentProblem(problem: LatentProblem, t: typeof en): string {
  return fill(t.error, { message: fill(t.problems[problem.code], { ...problem }) });
}
