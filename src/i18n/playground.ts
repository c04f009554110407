/** Strings of the playground page. Accessible names here are the UI contract (tests/e2e/README.md). */
export const en = {
  region: 'Playground',
  transport: 'Training controls',
  train: 'Train',
  pause: 'Pause',
  step: 'Step',
  stepDiscriminator: 'Step D',
  stepGenerator: 'Step G',
  reset: 'Reset',
  iteration: 'Iteration',
  iterationsPerSecond: 'Iterations per second',
  perSecond: 'it/s',
  backend: 'Backend',
  backendPreference: 'Backend preference',
  backendAuto: 'Automatic (fastest that works)',
  choosingBackend: 'choosing…',
  backendFailed: 'none',
  plane: 'Real and generated points',
  planeDescription:
    'Blue discs are real data, orange crosses are generated; the shading is the discriminator’s belief that a point is real, and the lines show where the generator’s loss pulls each generated point.',
  messages: 'Messages',
  dismiss: 'Dismiss',
  presenter: 'Presenter',
  presenterEnter: 'Presenter mode: full screen, large text and lines, advanced controls hidden (key P)',
  presenterLeave: 'Leave presenter mode (key P)',
  helpButton: 'Help',
  shortcutsLabel: 'Keyboard shortcuts',
  shortcuts: {
    space: 'train / pause',
    s: 'step',
    r: 'reset',
    p: 'presenter',
    help: 'help',
  },
  confirmReset: {
    title: 'Discard this run?',
    text: (iterations: number, seconds: number) =>
      `It has trained ${iterations.toLocaleString('en')} iterations (${seconds} s of training). Reset starts again from new weights.`,
    discard: 'Discard and reset',
    keep: 'Keep this run',
  },
  help: {
    title: 'What you see',
    close: 'Close',
    keysTitle: 'Keys',
    keys: [
      ['Space', 'Train or pause.'],
      ['S', 'One step of both networks (while paused).'],
      ['R', 'Reset: new weights with the settings shown. After a long run it asks first.'],
      ['P', 'Presenter mode for a projector: full screen, large text, advanced controls hidden.'],
      ['?', 'This help.'],
    ] as [string, string][],
    sections: [
      [
        'The 2D view',
        'Blue discs are samples of the real data, orange crosses are what the generator G makes. The shading is the discriminator D: blue where it believes a point is real, orange where it believes it is generated, white where it cannot tell. The short lines show where G’s loss pulls each generated point, and the grid is G’s image of a regular lattice of noise.',
      ],
      [
        'Samples (image data)',
        'Generated images next to real ones; the history slider goes back to earlier moments of the run.',
      ],
      [
        'Losses',
        'L_D and L_G at each iteration. They need not fall: in a healthy game they settle and hover, while one running away from the other is a sign of trouble.',
      ],
      [
        'Discriminator outputs',
        'D(x) on real data and D(G(z)) on generated data. Both near 0.5 means D cannot tell them apart; D(G(z)) stuck near 0 means D wins easily. A critic (WGAN) shows scores and the Wasserstein estimate instead.',
      ],
      [
        'Gradient norms (log scale)',
        'How hard each network is pushed. A gradient for G that falls towards zero means G has stopped learning (vanishing gradients); one that explodes means the training is unstable.',
      ],
      [
        'Modes and quality',
        'How many of the data’s modes the generated samples cover, and the share of samples close to a mode. A generator that covers one or two modes has collapsed.',
      ],
      [
        'Diagnostics',
        'A card appears when a detector sees a failure (mode collapse, vanishing gradients, oscillation, an overpowered or a weak discriminator): what it saw, on which chart (shaded), and what usually helps.',
      ],
      [
        'Settings',
        'Settings marked LIVE change the running game at once (a marker on the charts shows when); those marked RESET wait for Reset.',
      ],
    ] as [string, string][],
  },
};

export const ko: typeof en = {
  region: '놀이터',
  transport: '학습 조작',
  train: '학습',
  pause: '일시정지',
  step: '한 단계',
  stepDiscriminator: 'D 한 단계',
  stepGenerator: 'G 한 단계',
  reset: '초기화',
  iteration: '반복',
  iterationsPerSecond: '초당 반복',
  perSecond: '반복/초',
  backend: '백엔드',
  backendPreference: '백엔드 설정',
  backendAuto: '자동 (작동하는 것 중 가장 빠른 것)',
  choosingBackend: '고르는 중…',
  backendFailed: '없음',
  plane: '실제 점과 생성된 점',
  planeDescription:
    '파란 원은 실제 데이터, 주황 가위표는 생성된 데이터입니다. 배경 음영은 판별자가 그 점을 진짜라고 믿는 정도이고, 선은 생성자의 손실이 각 생성 점을 끌어당기는 방향입니다.',
  messages: '알림',
  dismiss: '닫기',
  presenter: '발표자 모드',
  presenterEnter: '발표자 모드: 전체 화면, 큰 글씨와 굵은 선, 고급 설정 숨김 (P 키)',
  presenterLeave: '발표자 모드 끝내기 (P 키)',
  helpButton: '도움말',
  shortcutsLabel: '단축키',
  shortcuts: {
    space: '학습 / 일시정지',
    s: '한 단계',
    r: '초기화',
    p: '발표자 모드',
    help: '도움말',
  },
  confirmReset: {
    title: '이 학습을 버릴까요?',
    text: (iterations: number, seconds: number) =>
      `지금까지 ${iterations.toLocaleString('ko')}번 반복했습니다(학습 ${seconds}초). 초기화하면 새 가중치로 처음부터 다시 시작합니다.`,
    discard: '버리고 초기화',
    keep: '이 학습 계속하기',
  },
  help: {
    title: '화면 보는 법',
    close: '닫기',
    keysTitle: '키',
    keys: [
      ['Space', '학습하거나 일시정지합니다.'],
      ['S', '두 신경망을 한 단계 학습합니다(일시정지 중에).'],
      ['R', '초기화: 보이는 설정으로 새 가중치에서 시작합니다. 오래 학습한 뒤에는 먼저 묻습니다.'],
      ['P', '프로젝터용 발표자 모드: 전체 화면, 큰 글씨, 고급 설정 숨김.'],
      ['?', '이 도움말.'],
    ] as [string, string][],
    sections: [
      [
        '2D 보기',
        '파란 원은 실제 데이터의 표본이고, 주황 가위표는 생성자 G가 만든 것입니다. 배경 음영은 판별자 D입니다. 진짜라고 믿는 곳은 파랗게, 생성된 것이라고 믿는 곳은 주황으로, 구별하지 못하는 곳은 희게 칠합니다. 짧은 선은 G의 손실이 각 생성 점을 끌어당기는 방향이고, 격자는 규칙적인 잡음 격자를 G가 옮겨 놓은 모양입니다.',
      ],
      [
        '표본 (이미지 데이터)',
        '생성된 이미지를 실제 이미지와 나란히 보여 줍니다. 기록 슬라이더로 학습의 이전 순간으로 돌아갈 수 있습니다.',
      ],
      [
        '손실',
        '반복마다의 L_D와 L_G입니다. 손실이 꼭 줄어들 필요는 없습니다. 건강한 게임에서는 어느 값 근처에 머물고, 한쪽이 다른 쪽에서 멀리 달아나면 문제의 신호입니다.',
      ],
      [
        '판별자 출력',
        '실제 데이터에 대한 D(x)와 생성된 데이터에 대한 D(G(z))입니다. 둘 다 0.5 근처면 D가 둘을 구별하지 못한다는 뜻이고, D(G(z))가 0 근처에 머물면 D가 쉽게 이기고 있다는 뜻입니다. 비평자(WGAN)에서는 점수와 바서슈타인 추정값을 보여 줍니다.',
      ],
      [
        '기울기 크기 (로그 눈금)',
        '각 신경망을 얼마나 세게 미는지입니다. G의 기울기가 0으로 떨어지면 G가 더 배우지 못하는 것이고(기울기 소실), 폭발하면 학습이 불안정한 것입니다.',
      ],
      [
        '모드와 품질',
        '생성된 표본이 데이터의 모드를 몇 개나 덮는지, 그리고 모드 가까이에 있는 표본의 비율입니다. 모드를 한두 개만 덮는 생성자는 붕괴한 것입니다.',
      ],
      [
        '진단',
        '검출기가 실패(모드 붕괴, 기울기 소실, 진동, 너무 강하거나 약한 판별자)를 보면 카드가 나타납니다. 무엇을 보았는지, 어느 차트에서인지(음영), 보통 무엇이 도움이 되는지 알려 줍니다.',
      ],
      [
        '설정',
        '‘즉시’ 표시가 있는 설정은 진행 중인 게임을 바로 바꾸고(차트에 표시가 남습니다), ‘초기화’ 표시가 있는 설정은 초기화할 때 적용됩니다.',
      ],
    ] as [string, string][],
  },
};
