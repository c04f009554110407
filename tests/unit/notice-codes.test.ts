/**
 * Issue 16, "the worker and the core speak data, never sentences", and issue 20 part 6: every code
 * the core and the worker report has wording in English and Korean (one sample per code; a new code
 * fails to compile here until it has one), and what the worker posts is codes and numbers, with
 * sentences only in the fields that carry a browser's or tfjs's own text.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { NoticeSubject, PageProblem, RestartCause } from '../../src/client/notices.ts';
import { CONFIG_SCHEMA, defaultConfig, LABELLED_DATASETS, type Refusal, type RunConfig } from '../../src/gan/config.ts';
import type { UpdateNote } from '../../src/gan/trainer.ts';
import { describeBackendReason } from '../../src/i18n/backend.ts';
import * as latent from '../../src/i18n/latent.ts';
import { describeNotice, en, ko } from '../../src/i18n/reliability.ts';
import { loadRunClassifier } from '../../src/worker/digit-metrics.ts';
import type { DivergenceReport } from '../../src/worker/divergence.ts';
import type { LatentProblem } from '../../src/worker/latent-answers.ts';
import {
  type BackendFailure,
  type BackendNote,
  type BackendReason,
  type BackendWarning,
  PROTOCOL_VERSION,
  type RunMismatch,
  type TrainerEvent,
  type WorkerProblem,
  type WorkerWarning,
} from '../../src/worker/protocol.ts';
import { Session } from '../../src/worker/session.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/** One sample per code of a union tagged by `code`: a Record over the codes, so a code without a sample does not compile. */
type ByCode<U extends { code: string }> = { [C in U['code']]: U & { code: C } };

const batch = CONFIG_SCHEMA.batchSize;
const batchRange = { kind: 'number', integer: true, min: batch.min, max: batch.max } as const;
const objectives = { kind: 'enum', values: CONFIG_SCHEMA.objective.values } as const;

const REFUSALS: ByCode<Refusal> = {
  notAllowed: { code: 'notAllowed', field: 'objective', value: '"bogus"', allowed: objectives },
  notANumber: { code: 'notANumber', field: 'batchSize', value: '"many"', allowed: batchRange },
  notFinite: { code: 'notFinite', field: 'batchSize', value: Infinity, allowed: batchRange },
  notInteger: { code: 'notInteger', field: 'batchSize', value: 12.5, allowed: batchRange },
  outOfRange: { code: 'outOfRange', field: 'batchSize', value: 0, allowed: batchRange },
  unknownSetting: { code: 'unknownSetting', field: 'learningRate' },
  unknownSettings: { code: 'unknownSettings', field: 'configuration', count: 5000, examples: ['k0', 'k1', 'k2'] },
  notSettings: { code: 'notSettings', field: 'configuration' },
  needsReset: { code: 'needsReset', field: 'latentSize', why: 'changesModel' },
  conflict: { code: 'conflict', field: 'configuration', conflict: 'labelNeedsLabels' },
};
const MORE_REFUSALS: Refusal[] = [
  { code: 'needsReset', field: 'objective', why: 'criticBatchNorm' },
  { code: 'conflict', field: 'configuration', conflict: 'dcganNeedsImages' },
  { code: 'conflict', field: 'configuration', conflict: 'lsganLabelsEqual' },
];

const UPDATE_NOTES: ByCode<UpdateNote> = {
  optimizerReset: { code: 'optimizerReset', network: 'generator', optimizer: 'sgd' },
};

const BACKEND_NOTES: ByCode<BackendNote> = {
  noWebgpu: { code: 'noWebgpu' },
  noAdapter: { code: 'noAdapter' },
  noOffscreenCanvas: { code: 'noOffscreenCanvas' },
  noWebgl2: { code: 'noWebgl2' },
  plainJavaScript: { code: 'plainJavaScript' },
  failedEarlier: { code: 'failedEarlier' },
  passedGradientCheck: { code: 'passedGradientCheck' },
  adapterRejected: { code: 'adapterRejected', detail: 'AbortError' },
  cannotTrain: { code: 'cannotTrain', detail: 'Kernel Conv2DBackpropFilter not registered' },
  failedToStart: { code: 'failedToStart' },
  softwareAdapter: { code: 'softwareAdapter', adapter: 'swiftshader' },
  softwareRenderer: { code: 'softwareRenderer', renderer: 'llvmpipe' },
  gradientNotFinite: { code: 'gradientNotFinite', check: 'conv' },
  gradientWrong: { code: 'gradientWrong', check: 'dense', got: 1.5, expected: 0.5 },
  calibrated: { code: 'calibrated', iterationsPerSecond: 41.25 },
  notTried: { code: 'notTried', because: { code: 'plainJavaScript' } },
};
const MORE_BACKEND_NOTES: BackendNote[] = [{ code: 'failedToStart', detail: 'no WebGL' }, { code: 'notTried' }];

const REASONS: ByCode<BackendReason> = {
  forced: { code: 'forced' },
  onlyHardware: { code: 'onlyHardware' },
  onlyFallback: { code: 'onlyFallback', earlier: true },
  fastest: { code: 'fastest', iterationsPerSecond: 120, others: [{ backend: 'wasm', iterationsPerSecond: 80 }] },
};

const FAILURES: ByCode<BackendFailure> = {
  deviceLost: { code: 'deviceLost', detail: 'destroyed' },
  error: { code: 'error', detail: 'injected fault' },
};

const MISMATCHES: ByCode<RunMismatch> = {
  version: { code: 'version', saved: 0, reads: 1 },
  count: { code: 'count', saved: 11, model: 12 },
  missing: { code: 'missing', name: 'generator.3' },
  notFinite: { code: 'notFinite', name: 'generator.3' },
  shape: { code: 'shape', name: 'generator.0', saved: [2, 16], model: [2, 32] },
  size: { code: 'size', name: 'generator.0', values: 31, size: 32 },
};

const memory = {
  backend: 'wasm',
  error: 'Array buffer allocation failed',
  settings: [
    { field: 'batchSize', value: 128 },
    { field: 'generatorWidth', value: 64 },
  ],
} as const;
const PROBLEMS: ByCode<WorkerProblem | PageProblem> = {
  protocol: { code: 'protocol', page: 2, worker: 1 },
  notACommand: { code: 'notACommand', value: '{"type":"nonsense"}' },
  noRun: { code: 'noRun' },
  mnistUnavailable: { code: 'mnistUnavailable' },
  invalidSettings: { code: 'invalidSettings', refusals: [REFUSALS.outOfRange] },
  savedSettingsInvalid: { code: 'savedSettingsInvalid', refusals: [REFUSALS.notAllowed, REFUSALS.conflict] },
  runMismatch: { code: 'runMismatch', mismatch: MISMATCHES.shape },
  noBackend: {
    code: 'noBackend',
    candidates: [{ backend: 'cpu', usable: false, notes: [BACKEND_NOTES.gradientWrong], milliseconds: 3 }],
  },
  failedBeforeSave: { code: 'failedBeforeSave', backend: 'webgpu', cause: FAILURES.deviceLost },
  outOfMemory: { code: 'outOfMemory', memory: { ...memory, settings: [...memory.settings] } },
  unexpected: { code: 'unexpected', detail: 'TypeError: x is undefined' },
  workerFailed: { code: 'workerFailed', detail: 'Uncaught SyntaxError' },
  restoreFailed: { code: 'restoreFailed', problem: { code: 'runMismatch', mismatch: MISMATCHES.count } },
};

const WARNINGS: ByCode<WorkerWarning> = {
  backend: {
    code: 'backend',
    backend: { kind: 'webgpuNotUsed', backend: 'webgpu', notes: [BACKEND_NOTES.softwareAdapter] },
  },
  classifierUnavailable: { code: 'classifierUnavailable', detail: 'HTTP 404' },
};

const LATENT_PROBLEMS: ByCode<LatentProblem> = {
  badQuery: { code: 'badQuery', field: 'label' },
  noTrainingImages: { code: 'noTrainingImages' },
  failed: { code: 'failed', detail: 'TypeError: x is undefined' },
};

const RESTARTS: ByCode<RestartCause> = {
  unresponsive: { code: 'unresponsive' },
  crashed: { code: 'crashed' },
};

const divergence: DivergenceReport = {
  restoredIteration: 10,
  noticedAt: 20,
  networks: ['generator'],
  fields: ['gLoss'],
  advice: [{ network: 'generator', optimizer: 'sgd', learningRate: 10, suggested: 1 }],
  reset: [],
};

const backendWarning = (kind: BackendWarning['kind'], notes: BackendNote[]): NoticeSubject => ({
  about: 'warning',
  warning: { code: 'backend', backend: { kind, backend: 'wasm', notes } },
});

/** Every notice the page can show, by what it is about and the code it carries. */
const SUBJECTS: [string, NoticeSubject][] = [
  ...[...Object.values(REFUSALS), ...MORE_REFUSALS].map((refusal): [string, NoticeSubject] => [
    `refusal ${refusal.code}`,
    { about: 'refusal', refusal },
  ]),
  ...Object.values(UPDATE_NOTES).map((update): [string, NoticeSubject] => [
    `update ${update.code}`,
    { about: 'update', update },
  ]),
  ...[...Object.values(BACKEND_NOTES), ...MORE_BACKEND_NOTES].map((note): [string, NoticeSubject] => [
    `backend note ${note.code}`,
    backendWarning('skipped', [note]),
  ]),
  ...(['forcedUnusable', 'webgpuNotUsed', 'skipped'] as const).map((kind): [string, NoticeSubject] => [
    `backend warning ${kind}`,
    backendWarning(kind, [BACKEND_NOTES.noWebgpu]),
  ]),
  ...Object.values(FAILURES).map((cause): [string, NoticeSubject] => [
    `failover ${cause.code}`,
    { about: 'failover', failover: { from: 'webgpu', to: 'wasm', cause, iteration: 40 } },
  ]),
  ...Object.values(MISMATCHES).map((mismatch): [string, NoticeSubject] => [
    `mismatch ${mismatch.code}`,
    { about: 'problem', problem: { code: 'runMismatch', mismatch } },
  ]),
  ...Object.values(PROBLEMS).map((problem): [string, NoticeSubject] => [
    `problem ${problem.code}`,
    { about: 'problem', problem },
  ]),
  ['problem workerFailed, no detail', { about: 'problem', problem: { code: 'workerFailed' } }],
  ...Object.values(WARNINGS).map((warning): [string, NoticeSubject] => [
    `warning ${warning.code}`,
    { about: 'warning', warning },
  ]),
  ...Object.values(RESTARTS).flatMap((cause): [string, NoticeSubject][] => [
    [`restart ${cause.code}`, { about: 'restart', restart: { cause, iteration: 40 } }],
    [`gave up ${cause.code}`, { about: 'restart', restart: { cause, iteration: 40, gaveUp: true } }],
  ]),
  ['divergence', { about: 'divergence', divergence }],
];

const HANGUL = /[가-힣]/;

function expectWorded(english: string, korean: string) {
  expect(english.trim()).not.toBe('');
  expect(english).not.toMatch(/\{\w+\}/);
  expect(english).not.toMatch(HANGUL);
  expect(korean).not.toMatch(/\{\w+\}/);
  expect(korean).toMatch(HANGUL);
  expect(korean).not.toBe(english);
}

describe('every code is worded in English and Korean', () => {
  test.each(SUBJECTS)('%s', (_, subject) => {
    expectWorded(describeNotice({ subject }, en), describeNotice({ subject }, ko));
  });

  test.each(Object.values(REASONS))('backend reason $code', (reason) => {
    expectWorded(describeBackendReason(reason, en.backend), describeBackendReason(reason, ko.backend));
  });

  test.each(Object.values(LATENT_PROBLEMS))('latent explorer $code', (problem) => {
    expectWorded(latent.describeLatentProblem(problem, latent.en), latent.describeLatentProblem(problem, latent.ko));
  });

  test('English says what it said before the codes (the CLI, links and logs read it)', () => {
    const text = (subject: NoticeSubject) => describeNotice({ subject }, en);
    expect(
      text({ about: 'update', update: { code: 'optimizerReset', network: 'discriminator', optimizer: 'sgd' } }),
    ).toBe('Discriminator optimiser is now SGD: its state starts from zero.');
    expect(text({ about: 'refusal', refusal: REFUSALS.outOfRange })).toBe(
      'Batch size (batchSize): 0 is out of range; expected an integer from 1 to 1024',
    );
    expect(text({ about: 'refusal', refusal: REFUSALS.conflict })).toBe(
      `Conditioning (conditioning): label needs a labelled dataset (${LABELLED_DATASETS.join(', ')})`,
    );
    expect(LABELLED_DATASETS).toEqual(expect.arrayContaining(['ring', 'grid', 'gaussian', 'moons', 'mnist']));
    expect(text(backendWarning('webgpuNotUsed', [BACKEND_NOTES.softwareAdapter]))).toBe(
      'WebGPU not used: the adapter is software (swiftshader), far slower than wasm.',
    );
    expect(text({ about: 'warning', warning: WARNINGS.classifierUnavailable })).toBe(
      'Digit classifier unavailable, MNIST metrics are off: HTTP 404',
    );
    expect(describeBackendReason(REASONS.fastest, en.backend)).toBe(
      'fastest for this model: 120.0 it/s (wasm 80.0 it/s)',
    );
  });

  test('Korean reads the same data in Korean, keeping the browser’s own text', () => {
    const text = (subject: NoticeSubject) => describeNotice({ subject }, ko);
    expect(text({ about: 'update', update: UPDATE_NOTES.optimizerReset })).toBe(
      '생성자 최적화기가 이제 SGD입니다: 상태가 0부터 다시 시작합니다.',
    );
    expect(text({ about: 'refusal', refusal: REFUSALS.needsReset })).toBe(
      '잠재 공간 크기 (latentSize)은(는) 모델을 바꿉니다: 초기화를 눌러야 적용됩니다',
    );
    expect(text(backendWarning('webgpuNotUsed', [BACKEND_NOTES.softwareAdapter]))).toBe(
      'WebGPU를 쓰지 않습니다: 어댑터가 소프트웨어 구현(swiftshader)이라 wasm보다 훨씬 느립니다.',
    );
    expect(
      text({ about: 'failover', failover: { from: 'webgpu', to: 'wasm', cause: FAILURES.deviceLost, iteration: 40 } }),
    ).toContain('GPU 장치를 잃었습니다: destroyed');
  });
});

/** Keys whose strings are data: an error's or the browser's own text, a quoted input, names and ids. */
const DATA_KEYS = new Set(['detail', 'value', 'adapter', 'renderer', 'name', 'error']);

/** Every string in an event that is not a code, an id or a name, with where it is. */
function sentences(value: unknown, path = ''): string[] {
  if (typeof value === 'string')
    return /\s/.test(value) && !DATA_KEYS.has(path.split('.').at(-1) ?? '') ? [`${path}: ${value}`] : [];
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => sentences(inner, path ? `${path}.${key}` : key));
}

describe('the worker and the core send codes, not sentences', () => {
  const tiny: RunConfig = { ...defaultConfig(), batchSize: 16, generatorWidth: 8, discriminatorWidth: 8 };

  test('a session refused, updated and stepped posts no sentence outside its data fields', async () => {
    const events: TrainerEvent[] = [];
    const session = new Session({
      post: (event) => events.push(event),
      yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
      chooseBackend: async () => ({
        backend: 'cpu',
        reason: { code: 'onlyFallback' },
        candidates: [],
        warnings: [{ kind: 'webgpuNotUsed', backend: 'webgpu', notes: [{ code: 'noWebgpu' }] }],
      }),
    });
    await session.handle({ type: 'init', version: PROTOCOL_VERSION + 1, config: tiny, backend: 'auto' });
    await session.handle({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: { ...tiny, dataset: 'mnist' },
      backend: 'auto',
    });
    await session.handle({
      type: 'init',
      version: PROTOCOL_VERSION,
      config: { ...tiny, batchSize: 0 },
      backend: 'auto',
    });
    await session.handle({ type: 'init', version: PROTOCOL_VERSION, config: tiny, backend: 'auto' });
    const patch: Record<string, unknown> = { generatorOptimizer: 'sgd', latentSize: 8, beta1: 'high', bogus: 1 };
    await session.handle({ type: 'update', requestId: 1, patch });
    await session.handle({ type: 'step', count: 2, which: 'both' });
    await session.handle({
      type: 'importRun',
      requestId: 2,
      run: { version: 0, config: tiny, iteration: 0, optimizerSteps: { generator: 0, discriminator: 0 }, tensors: [] },
    });
    await session.handle({ type: 'dispose' });

    expect(events.filter((e) => e.type === 'error').map((e) => e.problem.code)).toEqual([
      'protocol',
      'mnistUnavailable',
      'invalidSettings',
    ]);
    const updated = events.find((e) => e.type === 'updated');
    expect(updated?.notes).toEqual([{ code: 'optimizerReset', network: 'generator', optimizer: 'sgd' }]);
    expect(updated?.refused.map((r) => r.code)).toEqual(['needsReset', 'notANumber', 'unknownSetting']);
    expect(events.find((e) => e.type === 'warning')).toEqual({
      type: 'warning',
      warning: {
        code: 'backend',
        backend: { kind: 'webgpuNotUsed', backend: 'webgpu', notes: [{ code: 'noWebgpu' }] },
      },
    });
    expect(events.find((e) => e.type === 'runImported')).toMatchObject({
      error: { code: 'runMismatch', mismatch: { code: 'version', saved: 0 } },
    });
    expect(events.flatMap((event) => sentences(event))).toEqual([]);
  });

  test('a digit classifier that cannot be loaded is a warning code with the loader’s own text', async () => {
    const warnings: WorkerWarning[] = [];
    const loaded = await loadRunClassifier(
      () => Promise.reject(new Error('HTTP 404')),
      defaultConfig(),
      (warning) => warnings.push(warning),
    );
    expect(loaded).toEqual({});
    expect(warnings).toEqual([{ code: 'classifierUnavailable', detail: 'HTTP 404' }]);
  });
});
