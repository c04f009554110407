export const en = {
  title: 'Nash',
  tagline: 'A GAN playground: watch a generator and a discriminator play their game.',
  tabPlayground: 'Playground',
  tabExplainer: 'Transposed convolution',
  tabLessons: 'Lessons',
  language: 'Language',
  /** The offline worker holds a newer build; the page switches to it only when asked (src/app/UpdatePrompt.tsx). */
  updateRegion: 'Update',
  updateReady: 'A new version is ready.',
  updateReload: 'Reload',
};

export const ko: typeof en = {
  title: 'Nash',
  tagline: 'GAN 놀이터: 생성자와 판별자가 겨루는 게임을 지켜보세요.',
  tabPlayground: '놀이터',
  tabExplainer: '전치 합성곱',
  tabLessons: '수업',
  language: '언어',
  updateRegion: '업데이트',
  updateReady: '새 버전이 준비되었습니다.',
  updateReload: '새로고침',
};
