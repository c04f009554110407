/**
 * The transposed-convolution explainer. Korean follows the course notes' words: 전치 합성곱,
 * 필터, 특징도, 셀, 보폭, 행렬의 곱. Accessible names (…cell r,c, Row i of C) are listed in
 * tests/e2e/README.md; keep the English ones stable.
 */
export const en = {
  heading: 'Transposed convolution',
  seedTitle: 'From the course notes',
  seedLarger: 'Makes the image larger.',
  seedSpread: 'Each cell of the input image affects an area of the feature map the size of the filter.',
  seedMatrix: 'A convolution can be written as a matrix product (memorise this).',

  settingsTitle: 'Settings',
  inputSize: 'Input size',
  kernelSize: 'Kernel size',
  stride: 'Stride',
  padding: 'Padding',
  kernelTitle: 'Kernel weights (type to change)',
  kernelWeight: (row: number, col: number) => `Kernel weight ${row},${col}`,
  examples: 'Examples',
  exampleClassic: 'Classic example',
  exampleCheckerboard: 'Checkerboard example',
  exampleEven: 'Even overlap example',
  sizeRule: (n: number, k: number, s: number, p: number, o: number) =>
    `Output size o = ⌊(n + 2p − k) / s⌋ + 1 = ⌊(${n} + ${2 * p} − ${k}) / ${s}⌋ + 1 = ${o}`,
  unread: (count: number) =>
    `${count} input cell${count === 1 ? ' is' : 's are'} never read: ${count === 1 ? 'its column' : 'their columns'} of C ${count === 1 ? 'is' : 'are'} empty, so Cᵀ gives ${count === 1 ? 'it' : 'them'} 0.`,

  checking: 'Checking against TensorFlow.js…',
  matchesYes: 'Matches TensorFlow.js: yes',
  matchesNo: 'Matches TensorFlow.js: no',
  checkDetail: (conv: string, transposed: string, fractional: string) =>
    `C·x vs tf.conv2d: largest difference ${conv}; Cᵀ·y vs tf.conv2dTranspose: ${transposed}; fractional stride vs tf.conv2dTranspose: ${fractional} (cpu backend, float32).`,
  checkFailed: (message?: string) => `Could not run TensorFlow.js: ${message ?? 'its cpu backend did not start'}`,

  forwardTitle: 'Convolution = multiplication by a matrix C',
  forwardLead:
    'Flatten the input row by row into a vector x. Each output cell is one row of C times x: the row holds the kernel’s weights at the input cells its window covers, and 0 everywhere else.',
  colourLegend: 'Colour = which kernel weight sits in the cell (see the kernel). Blank = 0.',
  flatten: 'flatten',
  reshape: 'reshape',
  inputGrid: 'Input x',
  inputCell: (row: number, col: number, value: string) => `Input cell ${row},${col}: ${value}`,
  paddingNote: 'Dashed cells are zero padding.',
  matrixC: 'Convolution matrix C',
  cCell: (row: number, col: number, value: string) => `C row ${row}, column ${col}: ${value}`,
  cRow: (row: number) => `Row ${row} of C`,
  xEntry: (index: number, value: string) => `x${index} = ${value}`,
  cxEntry: (index: number, value: string) => `(C·x)${index} = ${value}`,
  outputGrid: 'Output C·x',
  outputCell: (row: number, col: number, value: string) => `Output cell ${row},${col}: ${value}`,
  forwardHint:
    'Hover an output cell, an input cell or a cell of C — or press Tab to reach a grid and move with the arrow keys.',
  explainOutput: (row: number, col: number, cRow: number, terms: string, value: string) =>
    `Output cell ${row},${col} = row ${cRow} of C · x = ${terms} = ${value}`,
  explainInput: (row: number, col: number, cCol: number, count: number) =>
    `Input cell ${row},${col} is read by ${count} output cell${count === 1 ? '' : 's'}: column ${cCol} of C holds ${count} weight${count === 1 ? '' : 's'}.`,
  explainC: (row: number, col: number, weight: string) =>
    `C row ${row}, column ${col} = ${weight}: output cell ${row} (flattened) reads input cell ${col} (flattened) with this weight.`,
  explainCZero: (row: number, col: number) =>
    `C row ${row}, column ${col} = 0: output cell ${row}’s window does not cover input cell ${col}.`,

  transposedTitle: 'Transposed convolution = multiplication by Cᵀ',
  transposedLead:
    'Cᵀ maps the small map y (o×o) back to the input’s shape (n×n): the image gets larger. Column i of Cᵀ is row i of C, so each small-map cell stamps the kernel, times its value, onto a filter-sized patch, and overlapping stamps are summed. Cᵀ restores the shape, not the values: Cᵀ·C·x ≠ x.',
  smallMap: 'Small map y',
  smallCell: (row: number, col: number, value: string) => `Small map cell ${row},${col}: ${value}`,
  matrixCT: 'Transposed matrix Cᵀ',
  cTCell: (row: number, col: number, value: string) => `Cᵀ row ${row}, column ${col}: ${value}`,
  cTRow: (row: number) => `Row ${row} of Cᵀ`,
  yEntry: (index: number, value: string) => `y${index} = ${value}`,
  ctyEntry: (index: number, value: string) => `(Cᵀ·y)${index} = ${value}`,
  largeMap: 'Large map Cᵀ·y',
  largeCell: (row: number, col: number, value: string) => `Large map cell ${row},${col}: ${value}`,
  smallValues: 'Small map values',
  smallOnes: 'All ones',
  smallFromConv: 'C·x from above',
  showOverlap: 'Show overlap counts',
  overlapLegend:
    'Corner number ×n = how many stamps overlap the cell. With stride 2 and kernel 3 the counts alternate 1, 2, 4: the checkerboard pattern. Kernel 4 with stride 2 overlaps evenly inside.',
  transposedHint:
    'Hover a small-map cell to see the patch it spreads over, or a large-map cell to see which stamps it sums.',
  explainSmall: (row: number, col: number, value: string, rows: string, cols: string) =>
    `Small map cell ${row},${col} = ${value} spreads ${value} × kernel over large-map rows ${rows}, columns ${cols}, added to what is already there.`,
  explainLarge: (row: number, col: number, count: number, terms: string, value: string) =>
    `Large map cell ${row},${col} sums ${count} stamp${count === 1 ? '' : 's'}: ${terms} = ${value}`,
  explainLargeEmpty: (row: number, col: number) => `Large map cell ${row},${col} gets no stamp: it stays 0.`,
  explainCT: (row: number, col: number, weight: string) =>
    `Cᵀ row ${row}, column ${col} = ${weight}: small map cell ${col} (flattened) stamps this weight onto large map cell ${row} (flattened).`,
  explainCTZero: (row: number, col: number) =>
    `Cᵀ row ${row}, column ${col} = 0: the stamp of small map cell ${col} does not reach large map cell ${row}.`,

  stepTitle: 'Step through the stamping',
  startOver: 'Start over',
  previousStep: 'Previous step',
  nextStep: 'Next step',
  play: 'Play',
  pause: 'Pause',
  stepStart: (total: number) => `Step 0 of ${total}: nothing stamped yet.`,
  stepAt: (step: number, total: number, row: number, col: number, value: string) =>
    `Step ${step} of ${total}: small map cell ${row},${col} stamps ${value} × kernel; the sum so far is shown.`,
  stepDone: (total: number) => `All ${total} stamps summed: this is Cᵀ·y.`,

  fractionalTitle: 'The same, as a fractionally strided convolution',
  fractionalLead:
    'The course notes call G’s transposed convolutions “fractionally strided”: stride 1/s. Spread the small map out by inserting s − 1 zeros between neighbouring cells, pad it with k − 1 − p zeros all round, then slide the kernel, turned by 180°, over it with stride 1. Each result cell is one window times the flipped kernel, and the result is Cᵀ·y again, number for number.',
  fractionalSizes: (
    o: number,
    s: number,
    stretched: number,
    before: number,
    after: number,
    size: number,
    k: number,
    n: number,
  ) =>
    `${o}×${o} with ${s - 1} zero${s - 1 === 1 ? '' : 's'} between cells → ${stretched}×${stretched}; ${before} zero${before === 1 ? '' : 's'} before and ${after} after → ${size}×${size}; slide a ${k}×${k} kernel with stride 1 → ${n}×${n}.`,
  fractionalExtra: (extra: number) =>
    `The ${extra} extra zero row${extra === 1 ? '' : 's'} and column${extra === 1 ? '' : 's'} at the bottom and right: n + 2p − k is not a multiple of s, so this n asks for more than (o − 1)s + k − 2p rows, as tf.conv2dTranspose’s output shape does.`,
  stretchedMap: 'Stretched and padded map',
  stretchedCell: (row: number, col: number, value: string) => `Stretched map cell ${row},${col}: ${value}`,
  flippedKernel: 'Flipped kernel',
  flippedCell: (row: number, col: number, value: string) => `Flipped kernel cell ${row},${col}: ${value}`,
  resultMap: 'Result (stride-1 convolution)',
  resultCell: (row: number, col: number, value: string) => `Result cell ${row},${col}: ${value}`,
  slideLegend:
    'Coloured: the small map’s values. Hatched: zeros inserted between them. Grey: padding. The window’s colours are the kernel’s weights (see the kernel): the flip puts the last weight first.',
  fractionalHint:
    'Hover a result cell to see its window on the stretched map, or a cell of the stretched map to see where it came from.',
  explainResult: (row: number, col: number, terms: string, value: string) =>
    `Result cell ${row},${col} = window · flipped kernel = ${terms} = ${value}`,
  explainStretchedValue: (row: number, col: number, smallRow: number, smallCol: number, value: string) =>
    `Stretched map cell ${row},${col} holds small map cell ${smallRow},${smallCol} = ${value}.`,
  explainInsertedZero: (row: number, col: number) =>
    `Stretched map cell ${row},${col} is a zero inserted between two small-map cells.`,
  explainPaddingZero: (row: number, col: number) => `Stretched map cell ${row},${col} is padding: a zero.`,
  slideTitle: 'Step through the slide',
  slideStart: (total: number) => `Step 0 of ${total}: the map is stretched and padded; no result cell yet.`,
  slideAt: (step: number, total: number, row: number, col: number, value: string) =>
    `Step ${step} of ${total}: result cell ${row},${col} = ${value}, one window times the flipped kernel.`,
  slideDone: (total: number) => `All ${total} result cells computed: the same numbers as Cᵀ·y.`,

  dcganTitle: 'Where this sits in the DCGAN generator',
  dcganLead:
    'The generator turns noise into a 28×28 digit. A dense layer reshapes the noise into 7×7 maps and a 3×3 convolution arranges them; two transposed convolutions with stride 2 then double the size twice. Each is Cᵀ from this page, applied to every channel and summed over channels. The discriminator runs the same shapes the other way with stride-2 convolutions (C), and a third one (3×3, 7×7 → 4×4) lets each of its features see the whole digit.',
  dcganNoise: 'noise z',
  dcganDense: 'dense + reshape',
  dcganStep: 'transposed conv, stride 2',
  dcganGrid: 'conv, 3×3',
  dcganImage: 'image (tanh)',
  dcganRule: 'Size rule: n = (o − 1)·s − 2p + k. With k = 4, s = 2, p = 1: 7 → 14 → 28.',
  dcganGuidelinesTitle: 'DCGAN’s guidelines (Radford et al. 2015), as Nash’s DCGAN follows them',
  dcganGuidelines: [
    'Strided convolutions instead of pooling: stride 2 in D, transposed convolutions (stride ½) in G.',
    'Batch norm in both networks, except at G’s output layer and D’s input layer.',
    'No fully connected hidden layers: only G’s first layer (noise → 7×7 maps) and D’s last (a linear score) are dense.',
    'ReLU in G’s hidden layers, tanh at its output (images in [−1, 1]).',
    'LeakyReLU in every hidden layer of D; its output is a single score (through a sigmoid for the log-losses).',
  ],
  dcganTry: 'Try that layer here (3×3 → 6×6)',
  dcganPlayground: 'Train one in the Playground tab: DCGAN on MNIST.',
};

export const ko: typeof en = {
  heading: '전치 합성곱',
  seedTitle: '강의 노트에서',
  seedLarger: '이미지를 더 키우는 연산',
  seedSpread: '입력 이미지의 각 셀값은 필터의 크기만큼 특징도에 영향을 미치는 연산',
  seedMatrix: '합성곱 연산은 행렬의 곱으로 나타낼 수 있다 (이거 외우기)',

  settingsTitle: '설정',
  inputSize: '입력 크기',
  kernelSize: '필터 크기',
  stride: '보폭',
  padding: '패딩',
  kernelTitle: '필터 가중치 (입력해서 바꾸기)',
  kernelWeight: (row, col) => `필터 가중치 ${row},${col}`,
  examples: '예시',
  exampleClassic: '기본 예시',
  exampleCheckerboard: '체커보드 예시',
  exampleEven: '고른 겹침 예시',
  sizeRule: (n, k, s, p, o) => `출력 크기 o = ⌊(n + 2p − k) / s⌋ + 1 = ⌊(${n} + ${2 * p} − ${k}) / ${s}⌋ + 1 = ${o}`,
  unread: (count) => `입력 셀 ${count}개는 한 번도 읽히지 않습니다: C의 해당 열이 비어 있어 Cᵀ도 0을 줍니다.`,

  checking: 'TensorFlow.js와 비교하는 중…',
  matchesYes: 'TensorFlow.js와 일치: 예',
  matchesNo: 'TensorFlow.js와 일치: 아니요',
  checkDetail: (conv, transposed, fractional) =>
    `C·x 대 tf.conv2d: 최대 차이 ${conv}; Cᵀ·y 대 tf.conv2dTranspose: ${transposed}; 분수 보폭 대 tf.conv2dTranspose: ${fractional} (cpu 백엔드, float32).`,
  checkFailed: (message) => `TensorFlow.js를 실행하지 못했습니다: ${message ?? 'cpu 백엔드가 시작되지 않았습니다'}`,

  forwardTitle: '합성곱 = 행렬 C와의 곱',
  forwardLead:
    '입력을 행 순서대로 펼쳐 벡터 x로 만듭니다. 출력의 각 셀은 C의 한 행과 x의 곱입니다: 그 행에는 필터 창이 덮는 입력 셀 자리에 필터 가중치가, 나머지 자리에는 0이 들어 있습니다.',
  colourLegend: '색 = 그 칸에 들어 있는 필터 가중치 (필터 참고). 빈 칸 = 0.',
  flatten: '펼치기',
  reshape: '다시 모양 잡기',
  inputGrid: '입력 x',
  inputCell: (row, col, value) => `입력 셀 ${row},${col}: ${value}`,
  paddingNote: '점선 칸은 0 패딩입니다.',
  matrixC: '합성곱 행렬 C',
  cCell: (row, col, value) => `C ${row}행 ${col}열: ${value}`,
  cRow: (row) => `C의 ${row}행`,
  xEntry: (index, value) => `x${index} = ${value}`,
  cxEntry: (index, value) => `(C·x)${index} = ${value}`,
  outputGrid: '출력 C·x (특징도)',
  outputCell: (row, col, value) => `출력 셀 ${row},${col}: ${value}`,
  forwardHint:
    '출력 셀, 입력 셀 또는 C의 칸 위에 마우스를 올려 보세요. 키보드는 Tab으로 격자에 들어가 화살표 키로 움직입니다.',
  explainOutput: (row, col, cRow, terms, value) => `출력 셀 ${row},${col} = C의 ${cRow}행 · x = ${terms} = ${value}`,
  explainInput: (row, col, cCol, count) =>
    `입력 셀 ${row},${col}은 출력 셀 ${count}개가 읽습니다: C의 ${cCol}열에 가중치가 ${count}개 있습니다.`,
  explainC: (row, col, weight) =>
    `C ${row}행 ${col}열 = ${weight}: (펼친) 출력 셀 ${row}이 (펼친) 입력 셀 ${col}을 이 가중치로 읽습니다.`,
  explainCZero: (row, col) => `C ${row}행 ${col}열 = 0: 출력 셀 ${row}의 필터 창이 입력 셀 ${col}을 덮지 않습니다.`,

  transposedTitle: '전치 합성곱 = Cᵀ와의 곱',
  transposedLead:
    'Cᵀ는 작은 특징도 y (o×o)를 입력 모양 (n×n)으로 되돌립니다: 이미지가 커집니다. Cᵀ의 i열은 C의 i행이므로, 작은 특징도의 각 셀은 자기 값만큼 곱한 필터를 필터 크기의 영역에 찍고, 겹치는 부분은 더해집니다. Cᵀ는 모양을 되돌릴 뿐 값을 되돌리지는 않습니다: Cᵀ·C·x ≠ x.',
  smallMap: '작은 특징도 y',
  smallCell: (row, col, value) => `작은 특징도 셀 ${row},${col}: ${value}`,
  matrixCT: '전치 행렬 Cᵀ',
  cTCell: (row, col, value) => `Cᵀ ${row}행 ${col}열: ${value}`,
  cTRow: (row) => `Cᵀ의 ${row}행`,
  yEntry: (index, value) => `y${index} = ${value}`,
  ctyEntry: (index, value) => `(Cᵀ·y)${index} = ${value}`,
  largeMap: '큰 특징도 Cᵀ·y',
  largeCell: (row, col, value) => `큰 특징도 셀 ${row},${col}: ${value}`,
  smallValues: '작은 특징도 값',
  smallOnes: '모두 1',
  smallFromConv: '위의 C·x',
  showOverlap: '겹친 횟수 보기',
  overlapLegend:
    '모서리 숫자 ×n = 그 셀에 겹쳐 찍힌 횟수. 보폭 2, 필터 3이면 1, 2, 4가 번갈아 나옵니다: 체커보드 무늬. 필터 4, 보폭 2이면 안쪽이 고르게 겹칩니다.',
  transposedHint: '작은 특징도 셀에 마우스를 올리면 퍼지는 영역이, 큰 특징도 셀에 올리면 더해지는 도장들이 보입니다.',
  explainSmall: (row, col, value, rows, cols) =>
    `작은 특징도 셀 ${row},${col} = ${value}: 큰 특징도의 ${rows}행, ${cols}열에 ${value} × 필터를 찍어 이미 있는 값에 더합니다.`,
  explainLarge: (row, col, count, terms, value) =>
    `큰 특징도 셀 ${row},${col}은 도장 ${count}개의 합: ${terms} = ${value}`,
  explainLargeEmpty: (row, col) => `큰 특징도 셀 ${row},${col}에는 찍히는 도장이 없어 0으로 남습니다.`,
  explainCT: (row, col, weight) =>
    `Cᵀ ${row}행 ${col}열 = ${weight}: (펼친) 작은 특징도 셀 ${col}이 이 가중치를 (펼친) 큰 특징도 셀 ${row}에 찍습니다.`,
  explainCTZero: (row, col) =>
    `Cᵀ ${row}행 ${col}열 = 0: 작은 특징도 셀 ${col}의 도장이 큰 특징도 셀 ${row}에 닿지 않습니다.`,

  stepTitle: '한 단계씩 찍어 보기',
  startOver: '처음부터',
  previousStep: '이전 단계',
  nextStep: '다음 단계',
  play: '재생',
  pause: '일시정지',
  stepStart: (total) => `${total}단계 중 0단계: 아직 아무것도 찍지 않았습니다.`,
  stepAt: (step, total, row, col, value) =>
    `${total}단계 중 ${step}단계: 작은 특징도 셀 ${row},${col}이 ${value} × 필터를 찍습니다. 지금까지의 합이 보입니다.`,
  stepDone: (total) => `도장 ${total}개를 모두 더했습니다: 이것이 Cᵀ·y입니다.`,

  fractionalTitle: '같은 연산을 분수 보폭 합성곱으로',
  fractionalLead:
    '강의 노트는 생성자의 전치 합성곱을 “분수 보폭”(보폭 1/s) 합성곱이라고 부릅니다. 작은 특징도의 이웃한 셀 사이에 0을 s − 1개씩 넣어 펼치고, 둘레에 0을 k − 1 − p겹 덧댄 뒤, 180° 돌린 필터를 보폭 1로 밀며 합성곱합니다. 결과의 각 셀은 창 하나와 뒤집은 필터의 곱이고, 결과는 숫자 하나하나까지 다시 Cᵀ·y입니다.',
  fractionalSizes: (o, s, stretched, before, after, size, k, n) =>
    `${o}×${o}의 셀 사이에 0을 ${s - 1}개씩 → ${stretched}×${stretched}; 앞에 0 ${before}겹, 뒤에 ${after}겹 → ${size}×${size}; ${k}×${k} 필터를 보폭 1로 밀기 → ${n}×${n}.`,
  fractionalExtra: (extra) =>
    `아래와 오른쪽의 0 ${extra}줄: n + 2p − k가 s의 배수가 아니어서 이 n은 (o − 1)s + k − 2p보다 많은 줄을 요구합니다. tf.conv2dTranspose의 출력 모양과 같습니다.`,
  stretchedMap: '펼치고 덧댄 특징도',
  stretchedCell: (row, col, value) => `펼친 특징도 셀 ${row},${col}: ${value}`,
  flippedKernel: '뒤집은 필터',
  flippedCell: (row, col, value) => `뒤집은 필터 셀 ${row},${col}: ${value}`,
  resultMap: '결과 (보폭 1 합성곱)',
  resultCell: (row, col, value) => `결과 셀 ${row},${col}: ${value}`,
  slideLegend:
    '색칠한 칸: 작은 특징도의 값. 빗금 칸: 그 사이에 넣은 0. 회색 칸: 패딩. 창의 색은 필터 가중치의 색입니다 (필터 참고): 뒤집었으므로 마지막 가중치가 맨 앞에 옵니다.',
  fractionalHint: '결과 셀에 마우스를 올리면 펼친 특징도 위의 창이, 펼친 특징도의 셀에 올리면 그 값의 출처가 보입니다.',
  explainResult: (row, col, terms, value) => `결과 셀 ${row},${col} = 창 · 뒤집은 필터 = ${terms} = ${value}`,
  explainStretchedValue: (row, col, smallRow, smallCol, value) =>
    `펼친 특징도 셀 ${row},${col}에는 작은 특징도 셀 ${smallRow},${smallCol} = ${value}이 들어 있습니다.`,
  explainInsertedZero: (row, col) => `펼친 특징도 셀 ${row},${col}은 작은 특징도 셀 사이에 넣은 0입니다.`,
  explainPaddingZero: (row, col) => `펼친 특징도 셀 ${row},${col}은 패딩, 곧 0입니다.`,
  slideTitle: '한 단계씩 밀어 보기',
  slideStart: (total) => `${total}단계 중 0단계: 특징도를 펼치고 덧댔습니다. 아직 결과 셀이 없습니다.`,
  slideAt: (step, total, row, col, value) =>
    `${total}단계 중 ${step}단계: 결과 셀 ${row},${col} = ${value}, 창 하나와 뒤집은 필터의 곱입니다.`,
  slideDone: (total) => `결과 셀 ${total}개를 모두 계산했습니다: Cᵀ·y와 같은 숫자입니다.`,

  dcganTitle: 'DCGAN 생성자에서 이 연산의 자리',
  dcganLead:
    '생성자는 잡음을 28×28 숫자 이미지로 바꿉니다. 완전 연결층이 잡음을 7×7 특징도로 바꾸고 3×3 합성곱이 이를 다듬은 뒤, 보폭 2의 전치 합성곱 두 번이 크기를 두 배씩 키웁니다. 각각이 이 페이지의 Cᵀ이며, 채널마다 적용해 채널끼리 더합니다. 판별자는 보폭 2의 합성곱(C)으로 같은 모양을 거꾸로 지나가고, 세 번째 합성곱(3×3, 7×7 → 4×4) 덕분에 각 특징이 숫자 전체를 봅니다.',
  dcganNoise: '잡음 z',
  dcganDense: '완전 연결 + 모양 바꾸기',
  dcganStep: '전치 합성곱, 보폭 2',
  dcganGrid: '합성곱, 3×3',
  dcganImage: '이미지 (tanh)',
  dcganRule: '크기 규칙: n = (o − 1)·s − 2p + k. k = 4, s = 2, p = 1이면 7 → 14 → 28.',
  dcganGuidelinesTitle: 'DCGAN의 지침 (Radford 외 2015): Nash의 DCGAN이 따르는 방식',
  dcganGuidelines: [
    '풀링 대신 보폭 있는 합성곱: 판별자는 보폭 2, 생성자는 전치 합성곱(보폭 ½).',
    '두 신경망 모두 배치 정규화. 단, 생성자의 출력층과 판별자의 입력층은 제외.',
    '완전 연결 은닉층 없음: 생성자의 첫 층(잡음 → 7×7 특징도)과 판별자의 마지막 층(선형 점수)만 완전 연결입니다.',
    '생성자의 은닉층은 ReLU, 출력층은 tanh (이미지 값 [−1, 1]).',
    '판별자의 모든 은닉층은 LeakyReLU. 출력은 점수 하나입니다 (로그 손실이면 시그모이드를 거칩니다).',
  ],
  dcganTry: '그 층을 여기서 해 보기 (3×3 → 6×6)',
  dcganPlayground: '놀이터 탭에서 MNIST로 DCGAN을 학습시켜 보세요.',
};
