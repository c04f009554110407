/** Strings of the "Share & save" panel (src/features/share). Accessible names are the UI contract (tests/e2e/README.md). */
import type { WeightsRefusal } from '../features/share/pytorchWeights.ts';
import type { RunRefusal } from '../features/share/runFile.ts';
import * as settings from './settings.ts';

export const en = {
  region: 'Share & save',
  copyLink: 'Copy link',
  linkCopied: 'Link copied: it opens this configuration and seed.',
  linkCopyFailed: 'The browser did not allow copying; copy the address bar instead.',
  linkProblems: 'Problems with the link',
  badValue: 'The link’s “{field}” was “{value}”, which cannot be used ({reason}); the default is used instead.',
  badCombination: 'The link’s settings do not fit together ({reason}); the default configuration is used instead.',
  unknownKey: (field: string, value: string) =>
    `The link’s “${field}” was “${value}”, which is not a setting; it is ignored.`,
  repeatedUsed: (field: string, count: number, values: string, used: string) =>
    `The link gives “${field}” ${count.toLocaleString('en')} times (${values}); the last usable value, “${used}”, is used.`,
  repeatedNone: (field: string, count: number, values: string, reason: string) =>
    `The link gives “${field}” ${count.toLocaleString('en')} times (${values}) and none can be used (${reason}); the default is used instead.`,
  manyBadValues: (count: number, fields: string) =>
    `${count.toLocaleString('en')} values in the link cannot be used, e.g. ${fields}; their defaults are used instead.`,
  manyRepeated: (count: number, fields: string) =>
    `${count.toLocaleString('en')} settings are given more than once, e.g. ${fields}; each takes its last usable value, or its default when none can be used.`,
  manyUnknownKeys: (count: number, fields: string) =>
    `${count.toLocaleString('en')} keys in the link are not settings, e.g. ${fields}; they are ignored.`,
  linkTooLong: (length: number, limit: number) =>
    `The link is ${length.toLocaleString('en')} characters long, more than the ${limit.toLocaleString('en')} a link to a run may be; it is not read, and the default run is used.`,
  /** Why a link's preset, view toggle, theory layer or dataset cannot be used (urlState.ts's LinkRefusal); a setting's value refused is worded by `settings`. */
  linkRefusals: {
    notAPreset: 'not a preset; expected one of {presets}',
    notALesson: 'not a lesson; expected one of {lessons}',
    notAComparison: 'not a comparison; expected 1 or one of {comparisons}',
    notAToggle: 'expected 1 (shown) or 0 (hidden)',
    notATheoryLayer: 'not a theory layer; expected one of {layers}',
    drawnData: 'drawn data cannot travel in a link',
  },
  exportPython: 'Export as Python',
  exportPythonHint: 'A single PyTorch script with this architecture, objective, optimisers, hyperparameters and seed.',
  pythonWritten:
    '{file} saved: run it with python3 {file} --steps 2000 (PyTorch draws other random numbers, so the same experiment, not the same numbers).',
  pythonNoDrawnData: 'Drawn data cannot be exported to Python: pick a built-in dataset.',
  importWeights: 'Import PyTorch weights',
  importWeightsHint:
    'The weights file the exported script writes (….weights.json), trained in PyTorch with this run’s model settings.',
  weightsLoaded:
    'Loaded {source}: the networks PyTorch trained for {iteration} iterations. Training continues from them with fresh optimiser state; the charts start again.',
  /** Why a PyTorch weights file is refused (pytorchWeights.ts's WeightsRefusal), in the "Could not load …" sentence. */
  weightsRefusals: {
    notWeightsFile: 'it is not a weights file written by Nash’s exported Python script',
    runFileGiven: 'it is a Nash run file; import it with “Import run file”',
    weightsVersion: 'it is a version {value} weights file; this version reads {reads}',
    missingWeight: 'it has no {name}',
    unexpectedWeight: 'it holds {name}, which this model does not have',
    weightShape: '{name} is {shape}, not {expected}',
    notFiniteWeight: '{name} holds values that are not finite (did the PyTorch run diverge?)',
    modelDiffers: 'its model is not this run’s: {field}: file {file}, run {run}',
  } satisfies Record<WeightsRefusal['code'], string>,
  saveRun: 'Save run in this browser',
  saved: 'Saved at iteration {iteration}.',
  savedRuns: 'Saved runs',
  load: 'Load',
  delete: 'Delete',
  iterationShort: 'it.',
  loaded: 'Loaded {source}: training continues from iteration {iteration}.',
  loadRefused: 'Could not load {source}: {reason}. Nothing changed.',
  /** The training worker refused a checked run; `{problem}` is its sentence (reliability.ts). */
  loadProblem: 'Could not load {source}. {problem} Nothing changed.',
  /** Why a run file or saved run is refused (runFile.ts's RunRefusal), worded by runRefusal.ts; `{value}` and `{name}` come quoted from the file. */
  runRefusals: {
    empty: 'it is empty',
    tooLarge: 'it is {size} MB, more than the {limit} MB a run file may be',
    unreadable: 'it could not be read ({detail})',
    readerStopped: 'the file reader stopped before it answered',
    notJson: 'it is not JSON',
    notRunFile: 'it is not a Nash run file',
    fileVersion: 'it is a version {value} run file; this version reads {reads}',
    settings: 'its settings are not valid: {reasons}',
    notCount: '{field} is {value}, not a whole number from 0 to 2^{power} ({max})',
    noStepCounts: 'its optimiser step counts are missing',
    snapshotVersion: 'it was saved in format {value}; this version reads {reads}',
    statsNotList: 'the chart history is not a list',
    tooManyPoints: 'its chart history (stats) has {count} points, more than the {limit} the page keeps',
    pointNotObject: 'chart point stats[{index}] is not an object',
    notChartValue: '{field} is {value}, not a finite number (or null where the network did not step)',
    noWeights: 'it holds no weights',
    tooManyWeights: 'it holds {count} weights (tensors), more than the {limit} a run may have',
    unnamedWeight: 'a weight has no name',
    noShape: '{name} has no shape',
    tooManyDimensions: '{name} has {count} dimensions, more than {limit}',
    shapeNotCount: '{name}’s shape[{index}] is {value}, not a whole number from 0 to 2^{power} ({max})',
    wrongSize: '{name} does not hold the {size} values of its shape',
    emptyEntry: 'the entry is empty',
  } satisfies Record<RunRefusal['code'], string>,
  /** A run's settings refused, worded as the settings panel and the CLI word them. */
  settings: settings.en,
  listFailed: 'Saved runs cannot be shown: {reason}.',
  saveFailed: 'Not saved: {reason}.',
  deleteFailed: 'Not deleted: {reason}.',
  storageUnavailable:
    'this browser does not let this page store data (site data may be blocked, or this is a private window)',
  storageFull:
    'the browser’s storage for this site is full; delete a saved run, or download this run as a file instead',
  storageRefused: 'the browser’s storage refused it ({detail})',
  runGone: '“{name}” is no longer stored (deleted in another tab?); the list now shows what is stored.',
  damagedRun: 'Damaged saved run: its name, iteration, size or date cannot be read.',
  damagedRunName: 'damaged saved run',
  deleteDamaged: 'Delete damaged saved run',
  downloadRun: 'Download run (JSON)',
  downloadCsv: 'Download chart data (CSV)',
  importRun: 'Import run file',
  dropHint: 'Or drop a run file (.json) here.',
  downloadGenerator: 'Download generator (tf.js)',
  generatorSaved:
    'Saved {file} and its weights: load them with tf.loadLayersModel (the note inside model.json says what goes in and comes out).',
  generatorUnsupported: 'This generator cannot be written as a tf.js model; it is in the run file (JSON) instead.',
  downloadSamples: 'Download samples (PNG)',
  noSamplesYet: 'No samples yet: they appear once the model is ready.',
  downloadCharts: 'Download charts (PNG)',
  chartsPngFailed: 'The charts could not be drawn as a PNG: {reason}.',
  chartsPngReasons: { noCharts: 'there are no charts on the page', noCanvas: 'the browser gave no 2D canvas' },
};

export const ko: typeof en = {
  region: '공유 및 저장',
  copyLink: '링크 복사',
  linkCopied: '링크를 복사했습니다. 이 설정과 시드로 열립니다.',
  linkCopyFailed: '브라우저가 복사를 허용하지 않았습니다. 주소창의 주소를 복사하세요.',
  linkProblems: '링크의 문제',
  badValue: '링크의 “{field}” 값 “{value}”은(는) 쓸 수 없어({reason}) 기본값을 사용합니다.',
  badCombination: '링크의 설정들이 서로 맞지 않아({reason}) 기본 설정을 사용합니다.',
  unknownKey: (field, value) => `링크의 “${field}” 값 “${value}”은(는) 설정이 아니어서 무시합니다.`,
  repeatedUsed: (field, count, values, used) =>
    `링크에 “${field}”이(가) ${count.toLocaleString('ko')}번 있습니다(${values}). 쓸 수 있는 마지막 값 “${used}”을(를) 사용합니다.`,
  repeatedNone: (field, count, values, reason) =>
    `링크에 “${field}”이(가) ${count.toLocaleString('ko')}번 있지만(${values}) 쓸 수 있는 값이 없어(${reason}) 기본값을 사용합니다.`,
  manyBadValues: (count, fields) =>
    `링크의 값 ${count.toLocaleString('ko')}개를 쓸 수 없어 기본값을 사용합니다(예: ${fields}).`,
  manyRepeated: (count, fields) =>
    `링크에 설정 ${count.toLocaleString('ko')}개가 여러 번 있습니다(예: ${fields}). 각각 쓸 수 있는 마지막 값을, 없으면 기본값을 사용합니다.`,
  manyUnknownKeys: (count, fields) =>
    `링크의 키 ${count.toLocaleString('ko')}개는 설정이 아니어서 무시합니다(예: ${fields}).`,
  linkTooLong: (length, limit) =>
    `링크가 ${length.toLocaleString('ko')}자로, 실행 링크의 최대 길이 ${limit.toLocaleString('ko')}자보다 깁니다. 링크를 읽지 않고 기본 실행을 사용합니다.`,
  linkRefusals: {
    notAPreset: '프리셋이 아닙니다. {presets} 중 하나여야 합니다',
    notALesson: '수업이 아닙니다. {lessons} 중 하나여야 합니다',
    notAComparison: '비교가 아닙니다. 1 또는 {comparisons} 중 하나여야 합니다',
    notAToggle: '1(표시) 또는 0(숨김)이어야 합니다',
    notATheoryLayer: '이론 층이 아닙니다. {layers} 중 하나여야 합니다',
    drawnData: '직접 그린 데이터는 링크에 담을 수 없습니다',
  },
  exportPython: 'Python으로 내보내기',
  exportPythonHint: '이 구조, 목적 함수, 최적화기, 하이퍼파라미터, 시드를 담은 PyTorch 스크립트 한 개입니다.',
  pythonWritten:
    '{file}을(를) 저장했습니다. python3 {file} --steps 2000 으로 실행하세요 (PyTorch는 다른 난수를 쓰므로 같은 실험이지만 같은 숫자는 아닙니다).',
  pythonNoDrawnData: '직접 그린 데이터는 Python으로 내보낼 수 없습니다. 기본 데이터셋을 고르세요.',
  importWeights: 'PyTorch 가중치 가져오기',
  importWeightsHint:
    '내보낸 스크립트가 쓰는 가중치 파일(….weights.json)입니다. 이 실행과 같은 모델 설정으로 PyTorch에서 학습한 것이어야 합니다.',
  weightsLoaded:
    '{source}을(를) 불러왔습니다. PyTorch에서 {iteration}번 반복 학습한 네트워크입니다. 최적화기 상태를 새로 시작해 여기서부터 학습을 이어 가고, 차트는 처음부터 다시 그립니다.',
  weightsRefusals: {
    notWeightsFile: 'Nash에서 내보낸 Python 스크립트가 쓴 가중치 파일이 아닙니다',
    runFileGiven: 'Nash 실행 파일입니다. “실행 파일 가져오기”로 가져오세요',
    weightsVersion: '버전 {value}의 가중치 파일입니다. 이 버전은 버전 {reads}를 읽습니다',
    missingWeight: '{name}이(가) 없습니다',
    unexpectedWeight: '이 모델에는 없는 {name}이(가) 들어 있습니다',
    weightShape: '{name}의 형태가 {expected}가 아니라 {shape}입니다',
    notFiniteWeight: '{name}에 유한하지 않은 값이 있습니다 (PyTorch 학습이 발산했나요?)',
    modelDiffers: '이 실행과 모델이 다릅니다. {field}: 파일 {file}, 실행 {run}',
  },
  saveRun: '이 브라우저에 실행 저장',
  saved: '반복 {iteration}에서 저장했습니다.',
  savedRuns: '저장된 실행',
  load: '불러오기',
  delete: '삭제',
  iterationShort: '반복',
  loaded: '{source}을(를) 불러왔습니다. 반복 {iteration}부터 학습을 이어 갑니다.',
  loadRefused: '{source}을(를) 불러올 수 없습니다: {reason}. 아무것도 바뀌지 않았습니다.',
  loadProblem: '{source}을(를) 불러올 수 없습니다. {problem} 아무것도 바뀌지 않았습니다.',
  runRefusals: {
    empty: '파일이 비어 있습니다',
    tooLarge: '파일이 {size} MB로, 실행 파일의 최대 크기 {limit} MB보다 큽니다',
    unreadable: '파일을 읽을 수 없습니다 ({detail})',
    readerStopped: '파일을 읽는 작업이 답하기 전에 멈췄습니다',
    notJson: 'JSON 파일이 아닙니다',
    notRunFile: 'Nash 실행 파일이 아닙니다',
    fileVersion: '버전 {value}의 실행 파일입니다. 이 버전은 버전 {reads}를 읽습니다',
    settings: '설정이 올바르지 않습니다: {reasons}',
    notCount: '{field} 값 {value}은(는) 0부터 2^{power}({max})까지의 정수가 아닙니다',
    noStepCounts: '최적화기 단계 수가 없습니다',
    snapshotVersion: '형식 {value}로 저장된 실행입니다. 이 버전은 형식 {reads}를 읽습니다',
    statsNotList: '차트 기록이 목록이 아닙니다',
    tooManyPoints: '차트 기록(stats)의 점이 {count}개로, 페이지가 보관하는 {limit}개보다 많습니다',
    pointNotObject: '차트 점 stats[{index}]이(가) 객체가 아닙니다',
    notChartValue: '{field} 값 {value}은(는) 유한한 수가 아닙니다 (네트워크가 학습하지 않은 반복에서만 null)',
    noWeights: '가중치가 없습니다',
    tooManyWeights: '가중치(텐서)가 {count}개로, 실행 하나가 가질 수 있는 {limit}개보다 많습니다',
    unnamedWeight: '이름이 없는 가중치가 있습니다',
    noShape: '{name}에 형태(shape)가 없습니다',
    tooManyDimensions: '{name}의 차원이 {count}개로, 최대 {limit}개보다 많습니다',
    shapeNotCount: '{name}의 shape[{index}] 값 {value}은(는) 0부터 2^{power}({max})까지의 정수가 아닙니다',
    wrongSize: '{name}에 형태에 맞는 값 {size}개가 들어 있지 않습니다',
    emptyEntry: '저장된 항목이 비어 있습니다',
  },
  settings: settings.ko,
  listFailed: '저장된 실행을 보여 줄 수 없습니다: {reason}.',
  saveFailed: '저장하지 못했습니다: {reason}.',
  deleteFailed: '삭제하지 못했습니다: {reason}.',
  storageUnavailable:
    '이 브라우저가 이 페이지의 데이터 저장을 허용하지 않습니다 (사이트 데이터가 차단되었거나 시크릿 창일 수 있습니다)',
  storageFull: '이 사이트의 브라우저 저장 공간이 가득 찼습니다. 저장된 실행을 삭제하거나 이 실행을 파일로 내려받으세요',
  storageRefused: '브라우저 저장소가 거부했습니다 ({detail})',
  runGone:
    '“{name}”은(는) 더 이상 저장되어 있지 않습니다 (다른 탭에서 삭제했나요?). 목록을 저장된 내용으로 새로 고쳤습니다.',
  damagedRun: '손상된 저장 실행: 이름, 반복, 크기, 날짜를 읽을 수 없습니다.',
  damagedRunName: '손상된 저장 실행',
  deleteDamaged: '손상된 저장 실행 삭제',
  downloadRun: '실행 내려받기 (JSON)',
  downloadCsv: '차트 데이터 내려받기 (CSV)',
  importRun: '실행 파일 가져오기',
  dropHint: '또는 실행 파일(.json)을 여기에 끌어다 놓으세요.',
  downloadGenerator: '생성자 내려받기 (tf.js)',
  generatorSaved:
    '{file}과(와) 가중치를 저장했습니다. tf.loadLayersModel로 불러오세요 (model.json 안의 메모에 입력과 출력이 적혀 있습니다).',
  generatorUnsupported: '이 생성자는 tf.js 모델로 쓸 수 없습니다. 대신 실행 파일(JSON)에 들어 있습니다.',
  downloadSamples: '샘플 내려받기 (PNG)',
  noSamplesYet: '아직 샘플이 없습니다. 모델이 준비되면 나타납니다.',
  downloadCharts: '차트 내려받기 (PNG)',
  chartsPngFailed: '차트를 PNG로 그릴 수 없습니다: {reason}.',
  chartsPngReasons: { noCharts: '페이지에 차트가 없습니다', noCanvas: '브라우저가 2D 캔버스를 주지 않았습니다' },
};
