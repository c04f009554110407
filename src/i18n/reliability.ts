/**
 * Strings for faults the app recovers from (src/worker/divergence.ts, worker restarts, refused input),
 * and the functions that word the worker's reports (codes and numbers) in either language: the
 * notices, and the divergence card in the Diagnostics region.
 */
import type { Notice, PageProblem, RestartNotice } from '../client/notices.ts';
import type { DivergenceReport } from '../worker/divergence.ts';
import type {
  BackendWarning,
  FailoverReport,
  MemoryAdvice,
  RunMismatch,
  WorkerProblem,
  WorkerWarning,
} from '../worker/payloads.ts';
import * as backend from './backend.ts';
import * as charts from './charts.ts';
import * as controls from './controls.ts';
import { fill } from './fill.ts';
import * as settings from './settings.ts';

export const en = {
  diverged: 'Training diverged between iterations {from} and {to}.',
  weightsOf: 'The {network}’s weights became NaN or infinite.',
  weightsOfBoth: 'The weights of both networks became NaN or infinite.',
  curve: 'The curve {curves} became infinite.',
  curves: 'The curves {curves} became infinite.',
  lastAnd: ' and ',
  rolledBack:
    'Training is paused and rolled back to iteration {from}, a state known to be finite; the charts keep their history up to there.',
  generator: 'generator',
  discriminator: 'discriminator',
  lowerRate: 'Lower the {network} learning rate ({optimizer}, now {rate}) to {suggested} or less.',
  tryAdam: 'Adam’s steps are bounded by the learning rate, so it diverges less easily than SGD.',
  stateReset:
    'The optimiser was changed after iteration {from}, so its state could not be restored and starts from zero.',
  restarted:
    'The training worker failed ({reason}) and was restarted with the same settings, from the weights saved at iteration {iteration}; the charts keep the history up to there. Press Train to continue.',
  gaveUp:
    'The training worker failed ({reason}) again and again, so it is not restarted. Reload the page; lower the batch size or the network widths if it keeps happening.',
  restartCauses: { unresponsive: 'it stopped answering', crashed: 'it stopped' },
  failover:
    'The {from} backend failed ({reason}). Training continues on {to} from the weights of iteration {iteration}.',
  outOfMemory: 'Out of memory on {backend} ({error}). Lower {settings} and train again.',
  settingNow: '{setting} (now {value})',
  backendWarning: {
    forcedUnusable: '{backend} cannot be used here ({note}); choosing another backend.',
    webgpuNotUsed: 'WebGPU not used: {note}.',
    skipped: '{backend} skipped: {note}.',
  },
  classifierUnavailable: 'Digit classifier unavailable, MNIST metrics are off: {detail}',
  problems: {
    protocol: 'Protocol {page} from the page, {worker} in the worker: reload the page.',
    notACommand: 'The worker received something that is not a command: {value}',
    noRun: 'No run yet: the worker has not been initialised.',
    mnistUnavailable: 'MNIST is not available here.',
    invalidSettings: 'Invalid settings: {refusals}',
    savedSettingsInvalid: 'The saved run’s settings are not valid here: {refusals}',
    runMismatch: 'The saved run does not fit its model: {mismatch}.',
    noBackend: 'No backend can train this model: {candidates}',
    failedBeforeSave: 'The {backend} backend failed ({reason}) before the run’s weights could be saved.',
    unexpected: 'Training stopped on an error: {detail}',
    workerFailed: 'The training worker failed: {detail}',
    workerDidNotStart: 'The training worker failed: it could not start.',
    restoreFailed: 'The run could not be restored in the new worker: {problem}',
  },
  mismatches: {
    version: 'saved with format {saved}, this version reads {reads}',
    count: '{saved} saved tensors, the model has {model}',
    missing: '{name} is missing',
    shape: '{name} is {saved}, the model’s is {model}',
    size: '{name} has {values} values for {size}',
    notFinite: '{name} holds a value that is not a finite number',
  },
  fields: controls.en.fields,
  signals: charts.en.curves,
  backend: backend.en,
  settings: settings.en,
};

export const ko: typeof en = {
  diverged: '반복 {from}에서 {to} 사이에 학습이 발산했습니다.',
  weightsOf: '{network}의 가중치가 NaN 또는 무한대가 되었습니다.',
  weightsOfBoth: '두 신경망의 가중치가 모두 NaN 또는 무한대가 되었습니다.',
  curve: '곡선 {curves}의 값이 무한대가 되었습니다.',
  curves: '곡선 {curves}의 값이 무한대가 되었습니다.',
  lastAnd: ', ',
  rolledBack:
    '학습을 일시정지하고 값이 유한한 것으로 확인된 반복 {from}의 상태로 되돌렸습니다. 차트는 그 시점까지의 기록을 유지합니다.',
  generator: '생성자',
  discriminator: '판별자',
  lowerRate: '{network} 학습률({optimizer}, 현재 {rate})을 {suggested} 이하로 낮추세요.',
  tryAdam: 'Adam은 한 걸음의 크기가 학습률로 제한되므로 SGD보다 덜 발산합니다.',
  stateReset: '반복 {from} 이후에 옵티마이저를 바꾸었으므로 그 상태는 복원할 수 없어 0부터 다시 시작합니다.',
  restarted:
    '학습 워커가 중단되어({reason}) 같은 설정으로 다시 시작했습니다. 반복 {iteration}에 저장된 가중치부터 이어지며, 차트는 그 시점까지의 기록을 유지합니다. 계속하려면 학습을 누르세요.',
  gaveUp:
    '학습 워커가 계속 중단되어({reason}) 더 이상 다시 시작하지 않습니다. 페이지를 새로 고치고, 반복되면 배치 크기나 네트워크 너비를 줄이세요.',
  restartCauses: { unresponsive: '응답이 멈춤', crashed: '멈춤' },
  failover: '{from} 백엔드가 실패했습니다({reason}). 반복 {iteration}의 가중치부터 {to}에서 학습을 이어갑니다.',
  outOfMemory: '{backend}에서 메모리가 부족합니다({error}). {settings}을(를) 줄이고 다시 학습하세요.',
  settingNow: '{setting}(현재 {value})',
  backendWarning: {
    forcedUnusable: '여기서는 {backend} 백엔드를 쓸 수 없어({note}) 다른 백엔드를 고릅니다.',
    webgpuNotUsed: 'WebGPU를 쓰지 않습니다: {note}.',
    skipped: '{backend} 백엔드를 건너뜁니다: {note}.',
  },
  classifierUnavailable: '숫자 분류기를 불러오지 못해 MNIST 지표를 끕니다: {detail}',
  problems: {
    protocol: '페이지의 프로토콜은 {page}, 워커의 프로토콜은 {worker}입니다: 페이지를 새로 고치세요.',
    notACommand: '워커가 명령이 아닌 것을 받았습니다: {value}',
    noRun: '아직 실행이 없습니다: 워커가 초기화되지 않았습니다.',
    mnistUnavailable: '여기서는 MNIST를 쓸 수 없습니다.',
    invalidSettings: '설정이 올바르지 않습니다: {refusals}',
    savedSettingsInvalid: '저장된 실행의 설정이 여기서는 올바르지 않습니다: {refusals}',
    runMismatch: '저장된 실행이 모델에 맞지 않습니다: {mismatch}.',
    noBackend: '이 모델을 학습할 수 있는 백엔드가 없습니다: {candidates}',
    failedBeforeSave: '실행의 가중치를 저장하기 전에 {backend} 백엔드가 실패했습니다({reason}).',
    unexpected: '오류로 학습이 멈췄습니다: {detail}',
    workerFailed: '학습 워커가 실패했습니다: {detail}',
    workerDidNotStart: '학습 워커가 실패했습니다: 시작할 수 없었습니다.',
    restoreFailed: '새 워커에서 실행을 복원하지 못했습니다: {problem}',
  },
  mismatches: {
    version: '형식 {saved}로 저장되었고, 이 버전은 형식 {reads}를 읽습니다',
    count: '저장된 텐서는 {saved}개인데 모델에는 {model}개가 있습니다',
    missing: '{name}이(가) 없습니다',
    shape: '{name}의 모양은 {saved}인데 모델의 모양은 {model}입니다',
    size: '{name}에 값이 {size}개가 아니라 {values}개 있습니다',
    notFinite: '{name}에 유한하지 않은 값이 있습니다',
  },
  fields: controls.ko.fields,
  signals: charts.ko.curves,
  backend: backend.ko,
  settings: settings.ko,
};

type Strings = typeof en;

export function describeRestart(restart: RestartNotice, t: Strings): string {
  const { cause } = restart;
  const reason = cause.code === 'crashed' && cause.detail ? cause.detail : t.restartCauses[cause.code];
  return fill(restart.gaveUp ? t.gaveUp : t.restarted, { reason, iteration: restart.iteration });
}

/** A list in the language's way: "a, b and c" / "a, b, c". */
function list(items: readonly string[], t: Strings): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}${t.lastAnd}${items.at(-1)}`;
}

/**
 * What became NaN or infinite, one sentence per kind: the networks' weights, then the run's signals
 * under the names their charts give them.
 */
export function divergenceEvidence(report: DivergenceReport, t: Strings): string[] {
  const sentences: string[] = [];
  const [network, ...more] = report.networks;
  if (network) sentences.push(more.length ? t.weightsOfBoth : fill(t.weightsOf, { network: t[network] }));
  if (report.fields.length)
    sentences.push(
      fill(report.fields.length > 1 ? t.curves : t.curve, {
        curves: list(
          report.fields.map((field) => t.signals[field]),
          t,
        ),
      }),
    );
  return sentences;
}

/** What to try: a lower learning rate for each network involved, and Adam where SGD diverged. */
export function divergenceAdvice(report: DivergenceReport, t: Strings): string[] {
  const sentences = report.advice.map((advice) =>
    fill(t.lowerRate, {
      network: t[advice.network],
      optimizer: advice.optimizer,
      rate: advice.learningRate,
      suggested: advice.suggested,
    }),
  );
  if (report.advice.some((advice) => advice.optimizer === 'sgd')) sentences.push(t.tryAdam);
  return sentences;
}

/** What diverged, where, what was done about it and what to try, as one message. */
export function describeDivergence(report: DivergenceReport, t: Strings): string {
  const from = report.restoredIteration;
  const diverged = fill(t.diverged, { from, to: report.noticedAt });
  const reset = report.reset.length ? [fill(t.stateReset, { from })] : [];
  return [
    diverged,
    ...divergenceEvidence(report, t),
    fill(t.rolledBack, { from }),
    ...reset,
    ...divergenceAdvice(report, t),
  ].join(' ');
}

/** A backend that failed mid-run and the one the run moved to (src/worker/session.ts). */
export function describeFailover(report: FailoverReport, t: Strings): string {
  return fill(t.failover, {
    from: report.from,
    to: report.to,
    iteration: report.iteration,
    reason: backend.describeBackendFailure(report.cause, t.backend),
  });
}

/** Memory ran out: the settings to lower, with their values, in the page's language. */
export function describeMemory(memory: MemoryAdvice, t: Strings): string {
  const settings = memory.settings
    .map((s) => fill(t.settingNow, { setting: t.fields[s.field], value: s.value }))
    .join(', ');
  return fill(t.outOfMemory, { backend: memory.backend, error: memory.error, settings });
}

/** A note on the backend choice (src/worker/backend.ts) in the page's language; the detail stays as the browser gave it. */
export function describeBackendWarning(warning: BackendWarning, t: Strings): string {
  return fill(t.backendWarning[warning.kind], {
    backend: warning.backend,
    note: backend.describeBackendNotes(warning.notes, t.backend),
  });
}

/** Something the user should know that does not stop the run. */
export function describeWarning(warning: WorkerWarning, t: Strings): string {
  switch (warning.code) {
    case 'backend':
      return describeBackendWarning(warning.backend, t);
    case 'classifierUnavailable':
      return fill(t.classifierUnavailable, { detail: warning.detail });
  }
}

function describeMismatch(mismatch: RunMismatch, t: Strings): string {
  switch (mismatch.code) {
    case 'shape':
      return fill(t.mismatches.shape, {
        name: mismatch.name,
        saved: mismatch.saved.join('×'),
        model: mismatch.model.join('×'),
      });
    case 'version':
    case 'count':
    case 'missing':
    case 'size':
    case 'notFinite':
      return fill(t.mismatches[mismatch.code], { ...mismatch });
  }
}

/** What went wrong in the worker (or with it), in one message. */
export function describeProblem(problem: WorkerProblem | PageProblem, t: Strings): string {
  const p = t.problems;
  switch (problem.code) {
    case 'protocol':
      return fill(p.protocol, { page: problem.page, worker: problem.worker });
    case 'notACommand':
      return fill(p.notACommand, { value: problem.value });
    case 'noRun':
    case 'mnistUnavailable':
      return p[problem.code];
    case 'invalidSettings':
    case 'savedSettingsInvalid':
      return fill(p[problem.code], { refusals: settings.describeRefusals(problem.refusals, t.settings) });
    case 'runMismatch':
      return fill(p.runMismatch, { mismatch: describeMismatch(problem.mismatch, t) });
    case 'noBackend':
      return fill(p.noBackend, { candidates: backend.describeCandidates(problem.candidates, t.backend) });
    case 'failedBeforeSave':
      return fill(p.failedBeforeSave, {
        backend: problem.backend,
        reason: backend.describeBackendFailure(problem.cause, t.backend),
      });
    case 'outOfMemory':
      return describeMemory(problem.memory, t);
    case 'unexpected':
      return fill(p.unexpected, { detail: problem.detail });
    case 'workerFailed':
      return problem.detail ? fill(p.workerFailed, { detail: problem.detail }) : p.workerDidNotStart;
    case 'restoreFailed':
      return fill(p.restoreFailed, { problem: describeProblem(problem.problem, t) });
  }
}

/** A notice in the page's language, from the data it carries; switching the language rewords it. */
export function describeNotice({ subject }: Pick<Notice, 'subject'>, t: Strings): string {
  switch (subject.about) {
    case 'divergence':
      return describeDivergence(subject.divergence, t);
    case 'restart':
      return describeRestart(subject.restart, t);
    case 'failover':
      return describeFailover(subject.failover, t);
    case 'problem':
      return describeProblem(subject.problem, t);
    case 'warning':
      return describeWarning(subject.warning, t);
    case 'refusal':
      return settings.describeRefusal(subject.refusal, t.settings);
    case 'update':
      return settings.describeUpdateNote(subject.update, t.settings);
  }
}
