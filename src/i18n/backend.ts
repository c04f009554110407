/**
 * The backend choice and its failures, worded (src/worker/backend.ts, faults.ts): why a backend is
 * not used or what it measured, why the one in use won, and what made one fail mid-run. Names the
 * browser reports (an adapter, a renderer) and errors' own texts are shown as they came.
 */
import type { BackendFailure, BackendNote, BackendReason, CandidateReport } from '../worker/payloads.ts';
import { fill } from './fill.ts';

export const en = {
  notes: {
    noWebgpu: 'this browser has no WebGPU',
    adapterRejected: 'the WebGPU adapter request was rejected ({detail})',
    noAdapter: 'the browser offers no WebGPU adapter',
    softwareAdapter: 'the adapter is software ({adapter}), far slower than wasm',
    noOffscreenCanvas: 'no OffscreenCanvas in this worker',
    noWebgl2: 'no WebGL2 context',
    softwareRenderer: 'software renderer ({renderer})',
    plainJavaScript: 'plain JavaScript, kept for when nothing faster works',
    failedEarlier: 'it failed earlier in this run',
    failedToStart: 'failed to start',
    cannotTrain: 'cannot train this model: {detail}',
    passedGradientCheck: 'passed the gradient check',
    gradientNotFinite: 'failed the gradient check ({check}: non-finite values)',
    gradientWrong: 'failed the gradient check ({check}: got {got} where {expected} is right)',
    calibrated: '{rate} it/s in calibration',
    notTried: 'not tried: {because}',
  },
  /** failedToStart with the error's text. */
  failedToStartWith: 'failed to start: {detail}',
  fasterWorks: 'a faster backend works',
  checks: { dense: 'dense + ReLU + softplus gradient', conv: 'conv2d filter gradient' },
  reasons: {
    forced: 'chosen in the backend setting',
    onlyHardware: 'the only backend here that passed its checks at hardware speed',
    onlyFallback: 'the only fallback that passed its checks',
    fastest: 'fastest for this model: {rate} it/s ({others} it/s)',
  },
  speedOf: '{backend} {rate}',
  earlier: '{reason} (measured earlier for this model shape)',
  failures: {
    deviceLost: 'the GPU device was lost: {detail}',
    error: '{detail}',
  },
  candidate: '{backend}: {notes}',
  list: ', ',
  notesList: '; ',
};

export const ko: typeof en = {
  notes: {
    noWebgpu: '이 브라우저에는 WebGPU가 없습니다',
    adapterRejected: 'WebGPU 어댑터 요청이 거부되었습니다({detail})',
    noAdapter: '브라우저가 WebGPU 어댑터를 내주지 않습니다',
    softwareAdapter: '어댑터가 소프트웨어 구현({adapter})이라 wasm보다 훨씬 느립니다',
    noOffscreenCanvas: '이 워커에는 OffscreenCanvas가 없습니다',
    noWebgl2: 'WebGL2 컨텍스트를 만들 수 없습니다',
    softwareRenderer: '소프트웨어 렌더러({renderer})입니다',
    plainJavaScript: '순수 JavaScript 구현으로, 더 빠른 백엔드가 모두 안 될 때를 위해 남겨 둡니다',
    failedEarlier: '이 실행에서 앞서 실패했습니다',
    failedToStart: '시작하지 못했습니다',
    cannotTrain: '이 모델을 학습할 수 없습니다: {detail}',
    passedGradientCheck: '기울기 검사를 통과했습니다',
    gradientNotFinite: '기울기 검사를 통과하지 못했습니다({check}: 유한하지 않은 값)',
    gradientWrong: '기울기 검사를 통과하지 못했습니다({check}: 맞는 값 {expected} 대신 {got})',
    calibrated: '보정에서 초당 {rate}회 반복',
    notTried: '시도하지 않음: {because}',
  },
  failedToStartWith: '시작하지 못했습니다: {detail}',
  fasterWorks: '더 빠른 백엔드가 작동합니다',
  checks: { dense: '완전연결 + ReLU + softplus 기울기', conv: 'conv2d 필터 기울기' },
  reasons: {
    forced: '백엔드 설정에서 골랐습니다',
    onlyHardware: '여기서 하드웨어 속도로 검사를 통과한 유일한 백엔드입니다',
    onlyFallback: '검사를 통과한 유일한 대체 백엔드입니다',
    fastest: '이 모델에서 가장 빠릅니다: 초당 {rate}회 반복 (다른 백엔드: {others})',
  },
  speedOf: '{backend} {rate}',
  earlier: '{reason} (이 모델 형태에서 앞서 측정함)',
  failures: {
    deviceLost: 'GPU 장치를 잃었습니다: {detail}',
    error: '{detail}',
  },
  candidate: '{backend}: {notes}',
  list: ', ',
  notesList: '; ',
};

type Strings = typeof en;

const rate = (iterationsPerSecond: number) => iterationsPerSecond.toFixed(1);

/** One thing the choice found out about a backend. */
export function describeBackendNote(note: BackendNote, t: Strings): string {
  switch (note.code) {
    case 'noWebgpu':
    case 'noAdapter':
    case 'noOffscreenCanvas':
    case 'noWebgl2':
    case 'plainJavaScript':
    case 'failedEarlier':
    case 'passedGradientCheck':
      return t.notes[note.code];
    case 'adapterRejected':
    case 'cannotTrain':
      return fill(t.notes[note.code], { detail: note.detail });
    case 'failedToStart':
      return note.detail === undefined ? t.notes.failedToStart : fill(t.failedToStartWith, { detail: note.detail });
    case 'softwareAdapter':
      return fill(t.notes.softwareAdapter, { adapter: note.adapter });
    case 'softwareRenderer':
      return fill(t.notes.softwareRenderer, { renderer: note.renderer });
    case 'gradientNotFinite':
      return fill(t.notes.gradientNotFinite, { check: t.checks[note.check] });
    case 'gradientWrong':
      return fill(t.notes.gradientWrong, {
        check: t.checks[note.check],
        got: note.got.toPrecision(4),
        expected: note.expected.toPrecision(4),
      });
    case 'calibrated':
      return fill(t.notes.calibrated, { rate: rate(note.iterationsPerSecond) });
    case 'notTried':
      return fill(t.notes.notTried, { because: note.because ? describeBackendNote(note.because, t) : t.fasterWorks });
  }
}

/** A backend's notes in order, as one text. */
export function describeBackendNotes(notes: readonly BackendNote[], t: Strings): string {
  return notes.map((note) => describeBackendNote(note, t)).join(t.notesList);
}

/** Every candidate with its notes: why no backend could train the model. */
export function describeCandidates(candidates: readonly CandidateReport[], t: Strings): string {
  return candidates
    .map((c) => fill(t.candidate, { backend: c.backend, notes: describeBackendNotes(c.notes, t) }))
    .join(t.notesList);
}

/** Why the backend in use won, for the badge. */
export function describeBackendReason(reason: BackendReason, t: Strings): string {
  const text =
    reason.code === 'fastest'
      ? fill(t.reasons.fastest, {
          rate: rate(reason.iterationsPerSecond),
          others: reason.others
            .map((other) => fill(t.speedOf, { backend: other.backend, rate: rate(other.iterationsPerSecond) }))
            .join(t.list),
        })
      : t.reasons[reason.code];
  return reason.earlier ? fill(t.earlier, { reason: text }) : text;
}

/** What made a backend fail mid-run. */
export function describeBackendFailure(failure: BackendFailure, t: Strings): string {
  return fill(t.failures[failure.code], { detail: failure.detail });
}
