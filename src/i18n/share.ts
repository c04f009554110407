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
  pythonWritten: '{file} saved: run it with python3 {file} --steps 2000 (PyTorch draws other random numbers, so the same experiment, not the same numbers).',
  pythonNoConditioning: 'The Python export builds unconditioned GANs only for now: set Conditioning to none to export.',
  pythonNoDrawnData: 'Drawn data cannot be exported to Python: pick a built-in dataset.',
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
  pythonWritten: '{file}을(를) 저장했습니다. python3 {file} --steps 2000 으로 실행하세요 (PyTorch는 다른 난수를 쓰므로 같은 실험이지만 같은 숫자는 아닙니다).',
  pythonNoConditioning: 'Python 내보내기는 아직 조건 없는 GAN만 만듭니다. 조건을 none으로 두고 내보내세요.',
  pythonNoDrawnData: '직접 그린 데이터는 Python으로 내보낼 수 없습니다. 기본 데이터셋을 고르세요.',
};
