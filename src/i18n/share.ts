/** Strings of the "Share & save" panel (src/features/share). Accessible names are the UI contract (tests/e2e/README.md). */
export const en = {
  region: 'Share & save',
  copyLink: 'Copy link',
  linkCopied: 'Link copied: it opens this configuration and seed.',
  linkCopyFailed: 'The browser did not allow copying; copy the address bar instead.',
  linkProblems: 'Problems with the link',
  badValue: 'The link’s “{field}” was “{value}”, which cannot be used ({reason}); the default is used instead.',
  badCombination: 'The link’s settings do not fit together ({reason}); the default configuration is used instead.',
  exportPython: 'Export as Python',
  exportPythonHint: 'A single PyTorch script with this architecture, objective, optimisers, hyperparameters and seed.',
};

export const ko: typeof en = {
  region: '공유 및 저장',
  copyLink: '링크 복사',
  linkCopied: '링크를 복사했습니다. 이 설정과 시드로 열립니다.',
  linkCopyFailed: '브라우저가 복사를 허용하지 않았습니다. 주소창의 주소를 복사하세요.',
  linkProblems: '링크의 문제',
  badValue: '링크의 “{field}” 값 “{value}”은(는) 쓸 수 없어({reason}) 기본값을 사용합니다.',
  badCombination: '링크의 설정들이 서로 맞지 않아({reason}) 기본 설정을 사용합니다.',
  exportPython: 'Python으로 내보내기',
  exportPythonHint: '이 구조, 목적 함수, 최적화기, 하이퍼파라미터, 시드를 담은 PyTorch 스크립트 한 개입니다.',
};
