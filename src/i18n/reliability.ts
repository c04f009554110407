/**
 * Strings for faults the app recovers from (src/worker/divergence.ts, worker restarts, refused input),
 * and the functions that word the worker's reports (codes and numbers) in either language: the
 * notices, and the divergence card in the Diagnostics region.
 */
import type { DivergenceReport } from '../worker/divergence.ts';
import type { BackendWarning, FailoverReport, MemoryAdvice } from '../worker/payloads.ts';
import * as charts from './charts.ts';
import * as controls from './controls.ts';

export const en = {
  diverged: 'Training diverged between iterations {from} and {to}.',
  weightsOf: 'The {network}’s weights became NaN or infinite.',
  weightsOfBoth: 'The weights of both networks became NaN or infinite.',
  curve: 'The curve {curves} became infinite.',
  curves: 'The curves {curves} became infinite.',
  lastAnd: ' and ',
  rolledBack: 'Training is paused and rolled back to iteration {from}, a state known to be finite; the charts keep their history up to there.',
  generator: 'generator',
  discriminator: 'discriminator',
  lowerRate: 'Lower the {network} learning rate ({optimizer}, now {rate}) to {suggested} or less.',
  tryAdam: 'Adam’s steps are bounded by the learning rate, so it diverges less easily than SGD.',
  stateReset: 'The optimiser was changed after iteration {from}, so its state could not be restored and starts from zero.',
  restarted: 'The training worker failed ({reason}) and was restarted with the same settings, from the weights saved at iteration {iteration}; the charts keep the history up to there. Press Train to continue.',
  gaveUp: 'The training worker failed ({reason}) again and again, so it is not restarted. Reload the page; lower the batch size or the network widths if it keeps happening.',
  failover: 'The {from} backend failed ({reason}). Training continues on {to} from the weights of iteration {iteration}.',
  outOfMemory: 'Out of memory on {backend} ({error}). Lower {settings} and train again.',
  settingNow: '{setting} (now {value})',
  backendWarning: {
    forcedUnusable: '{backend} cannot be used here ({note}); choosing another backend.',
    webgpuNotUsed: 'WebGPU not used: {note}.',
    skipped: '{backend} skipped: it {note}.',
  },
  fields: controls.en.fields,
  signals: charts.en.curves,
};

export const ko: typeof en = {
  diverged: '반복 {from}에서 {to} 사이에 학습이 발산했습니다.',
  weightsOf: '{network}의 가중치가 NaN 또는 무한대가 되었습니다.',
  weightsOfBoth: '두 신경망의 가중치가 모두 NaN 또는 무한대가 되었습니다.',
  curve: '곡선 {curves}의 값이 무한대가 되었습니다.',
  curves: '곡선 {curves}의 값이 무한대가 되었습니다.',
  lastAnd: ', ',
  rolledBack: '학습을 일시정지하고 값이 유한한 것으로 확인된 반복 {from}의 상태로 되돌렸습니다. 차트는 그 시점까지의 기록을 유지합니다.',
  generator: '생성자',
  discriminator: '판별자',
  lowerRate: '{network} 학습률({optimizer}, 현재 {rate})을 {suggested} 이하로 낮추세요.',
  tryAdam: 'Adam은 한 걸음의 크기가 학습률로 제한되므로 SGD보다 덜 발산합니다.',
  stateReset: '반복 {from} 이후에 옵티마이저를 바꾸었으므로 그 상태는 복원할 수 없어 0부터 다시 시작합니다.',
  restarted: '학습 워커가 중단되어({reason}) 같은 설정으로 다시 시작했습니다. 반복 {iteration}에 저장된 가중치부터 이어지며, 차트는 그 시점까지의 기록을 유지합니다. 계속하려면 학습을 누르세요.',
  gaveUp: '학습 워커가 계속 중단되어({reason}) 더 이상 다시 시작하지 않습니다. 페이지를 새로 고치고, 반복되면 배치 크기나 네트워크 너비를 줄이세요.',
  failover: '{from} 백엔드가 실패했습니다({reason}). 반복 {iteration}의 가중치부터 {to}에서 학습을 이어갑니다.',
  outOfMemory: '{backend}에서 메모리가 부족합니다({error}). {settings}을(를) 줄이고 다시 학습하세요.',
  settingNow: '{setting}(현재 {value})',
  backendWarning: {
    forcedUnusable: '여기서는 {backend} 백엔드를 쓸 수 없어({note}) 다른 백엔드를 고릅니다.',
    webgpuNotUsed: 'WebGPU를 쓰지 않습니다: {note}.',
    skipped: '{backend} 백엔드를 건너뜁니다: 기울기 검사를 통과하지 못했습니다({note}).',
  },
  fields: controls.ko.fields,
  signals: charts.ko.curves,
};

type Strings = typeof en;

/** A worker restarted by the page (src/client/recovery.ts), or given up on. */
export interface RestartNotice {
  reason: string;
  /** The iteration of the weights it continues from (0: none had been saved yet). */
  iteration: number;
  gaveUp?: boolean;
}

export function describeRestart(restart: RestartNotice, t: Strings): string {
  return fill(restart.gaveUp ? t.gaveUp : t.restarted, { reason: restart.reason, iteration: restart.iteration });
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
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
  if (report.fields.length) sentences.push(fill(report.fields.length > 1 ? t.curves : t.curve, { curves: list(report.fields.map((field) => t.signals[field]), t) }));
  return sentences;
}

/** What to try: a lower learning rate for each network involved, and Adam where SGD diverged. */
export function divergenceAdvice(report: DivergenceReport, t: Strings): string[] {
  const sentences = report.advice.map((advice) =>
    fill(t.lowerRate, { network: t[advice.network], optimizer: advice.optimizer, rate: advice.learningRate, suggested: advice.suggested }),
  );
  if (report.advice.some((advice) => advice.optimizer === 'sgd')) sentences.push(t.tryAdam);
  return sentences;
}

/** What diverged, where, what was done about it and what to try, as one message. */
export function describeDivergence(report: DivergenceReport, t: Strings): string {
  const from = report.restoredIteration;
  const diverged = fill(t.diverged, { from, to: report.noticedAt });
  const reset = report.reset.length ? [fill(t.stateReset, { from })] : [];
  return [diverged, ...divergenceEvidence(report, t), fill(t.rolledBack, { from }), ...reset, ...divergenceAdvice(report, t)].join(' ');
}

/** A backend that failed mid-run and the one the run moved to (src/worker/session.ts). */
export function describeFailover(report: FailoverReport, t: Strings): string {
  return fill(t.failover, { ...report });
}

/** Memory ran out: the settings to lower, with their values, in the page's language. */
export function describeMemory(memory: MemoryAdvice, t: Strings): string {
  const settings = memory.settings.map((s) => fill(t.settingNow, { setting: t.fields[s.field], value: s.value })).join(', ');
  return fill(t.outOfMemory, { backend: memory.backend, error: memory.error, settings });
}

/** A note on the backend choice (src/worker/backend.ts) in the page's language; the detail stays as the browser gave it. */
export function describeBackendWarning(warning: BackendWarning, t: Strings): string {
  return fill(t.backendWarning[warning.kind], { backend: warning.backend, note: warning.note });
}
