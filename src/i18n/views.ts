/** Strings of the 2D plane, the image grid, the drawing tool and the history scrubber. */
export const en = {
  layers: 'Layers',
  heatmap: 'Heatmap of D',
  realPoints: 'Real points',
  fakePoints: 'Generated points',
  arrows: 'Gradient arrows',
  manifold: 'Manifold',
  legendProbability: 'D(x): 0 = “fake”, 1 = “real”',
  legendScore: (low: string, high: string) => `D(x) score from ${low} (“fake”) to ${high} (“real”)`,
  drawTitle: 'Draw your own data',
  drawHint: 'Click or drag on the plane to add points; touch works too. Press Reset to train on them.',
  drawCount: (n: number) => `${n} points drawn`,
  clearPoints: 'Clear points',
  drawTooFew: (needed: number, drawn: number) =>
    `Draw at least ${needed} points to train on your own data (${drawn} drawn): Reset is refused until then.`,
  drawFull: (cap: number) =>
    `The drawing holds at most ${cap.toLocaleString('en')} points: each new point replaces the oldest.`,
  drawClamped: (radius: string) =>
    `Points dragged outside the plane are placed on its edge (x and y within ±${radius}).`,
  drawingArea: 'Drawing area: click or drag to add points',
  generatedSamples: 'Generated samples',
  realSamples: 'Real samples',
  row: (kind: 'label' | 'code', value: number) => (kind === 'label' ? `label ${value}` : `code ${value}`),
  waitingForSamples: 'Samples appear once the model is ready.',
  history: 'History',
  historyValue: (iteration: number, live: boolean) =>
    live ? `live (iteration ${iteration})` : `iteration ${iteration}`,
  live: 'Live',
  speed: 'Speed',
  speeds: { full: 'full', ten: '10 it/s', two: '2 it/s' },
  modesCovered: 'Modes covered',
  /** On images: the digit classes the classifier reads in at least 1% of the samples (DigitModes.modes). */
  digitsSeen: 'Digits seen',
};

export const ko: typeof en = {
  layers: '층',
  heatmap: '판별자 열지도',
  realPoints: '실제 점',
  fakePoints: '생성된 점',
  arrows: '기울기 화살표',
  manifold: '다양체',
  legendProbability: 'D(x): 0 = “가짜”, 1 = “진짜”',
  legendScore: (low, high) => `D(x) 점수: ${low} (“가짜”)에서 ${high} (“진짜”)까지`,
  drawTitle: '데이터 직접 그리기',
  drawHint: '평면을 클릭하거나 끌어서 점을 더하세요 (터치도 됩니다). 초기화를 누르면 그 점으로 학습합니다.',
  drawCount: (n) => `점 ${n}개`,
  clearPoints: '점 지우기',
  drawTooFew: (needed, drawn) =>
    `직접 그린 데이터로 학습하려면 점을 ${needed}개 이상 그리세요 (지금 ${drawn}개). 그때까지 초기화는 거부됩니다.`,
  drawFull: (cap) =>
    `그림에는 점을 최대 ${cap.toLocaleString('ko')}개까지 담습니다. 새 점은 가장 오래된 점을 대신합니다.`,
  drawClamped: (radius) => `평면 밖으로 끌어 낸 점은 가장자리에 놓입니다 (x와 y는 ±${radius} 안).`,
  drawingArea: '그리기 영역: 클릭하거나 끌어서 점 더하기',
  generatedSamples: '생성된 샘플',
  realSamples: '실제 샘플',
  row: (kind, value) => (kind === 'label' ? `라벨 ${value}` : `코드 ${value}`),
  waitingForSamples: '모델이 준비되면 샘플이 나타납니다.',
  history: '기록',
  historyValue: (iteration, live) => (live ? `실시간 (반복 ${iteration})` : `반복 ${iteration}`),
  live: '실시간',
  speed: '속도',
  speeds: { full: '최고', ten: '10 반복/초', two: '2 반복/초' },
  modesCovered: '덮은 모드',
  digitsSeen: '나타난 숫자',
};
