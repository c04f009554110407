/**
 * The Lessons tab's own words (src/features/lessons/LessonsPage.tsx). Each lesson's words are in
 * lessonTexts.ts, which only the tab's lazily loaded chunk imports: they stay off the page's first
 * download (tests/unit/production-build.test.ts).
 */

export const en = {
  region: 'Lessons',
  list: 'Lessons in the order of the course notes',
  of: (index: number, total: number) => `Lesson ${index} of ${total}`,
  progress: (opened: number, answered: number, total: number) =>
    `${opened} of ${total} opened, ${answered} answered (kept on this device)`,
  opened: 'opened',
  answered: 'answered',
  formula: 'Formula',
  tryIt: 'Try it',
  load: (name: string) => `Load “${name}”`,
  loadHint: 'Loads the preset into the Playground tab, resets and starts training there.',
  openExplainer: 'Open the Transposed convolution tab',
  lookAt: 'What to look at',
  question: 'Question',
  showAnswer: 'Show answer',
  hideAnswer: 'Hide answer',
  answer: 'Answer',
  noteOnNotes: 'A note on the notes',
  previous: 'Previous lesson',
  next: 'Next lesson',
};

export const ko: typeof en = {
  region: '수업',
  list: '강의 노트 순서의 수업',
  of: (index, total) => `수업 ${total}개 중 ${index}번째`,
  progress: (opened, answered, total) => `${total}개 중 ${opened}개 열어 봄, ${answered}개 답 확인 (이 기기에 저장)`,
  opened: '열어 봄',
  answered: '답 확인',
  formula: '수식',
  tryIt: '해 보기',
  load: (name) => `“${name}” 불러오기`,
  loadHint: '프리셋을 놀이터 탭에 불러와 초기화하고 학습을 시작합니다.',
  openExplainer: '전치 합성곱 탭 열기',
  lookAt: '볼 곳',
  question: '질문',
  showAnswer: '답 보기',
  hideAnswer: '답 숨기기',
  answer: '답',
  noteOnNotes: '노트에 대한 메모',
  previous: '이전 수업',
  next: '다음 수업',
};
