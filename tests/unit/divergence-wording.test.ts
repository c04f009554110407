/**
 * Issue 20, part 6: a divergence and the backend's notes reach the page as codes and numbers and
 * are worded there, in English and Korean, naming only the signals the run records, by the names
 * its charts give them; a backend note repeated by a later choice is shown once. The Diagnostics
 * region's card for it is tested in Chromium (tests/e2e/divergence-notices.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TrainingClient } from '../../src/client/TrainingClient.ts';
import { defaultConfig } from '../../src/gan/config.ts';
import { STAT_FIELDS, type StatPoint } from '../../src/gan/stats.ts';
import { describeDivergence, describeNotice, en, ko } from '../../src/i18n/reliability.ts';
import { recordedSignals } from '../../src/gan/stats.ts';
import { type DivergenceReport, infiniteFields } from '../../src/worker/divergence.ts';
import { type BackendWarning, PROTOCOL_VERSION, type TrainerEvent } from '../../src/worker/protocol.ts';

const config = defaultConfig();

/** What the worker reported for an LSGAN run with SGD at learning rate 10 (seen in Chromium). */
const report: DivergenceReport = {
  restoredIteration: 11,
  noticedAt: 22,
  networks: ['generator', 'discriminator'],
  fields: ['gLoss', 'gradNormD', 'outputGrad'],
  advice: [
    { network: 'generator', optimizer: 'sgd', learningRate: 10, suggested: 1 },
    { network: 'discriminator', optimizer: 'sgd', learningRate: 10, suggested: 1 },
  ],
  reset: ['generatorSlots', 'discriminatorSlots'],
};

describe('the signals a divergence names', () => {
  test('only those the run records: the W estimate with a critic, the mutual information with InfoGAN codes', () => {
    expect(recordedSignals({ ...config, objective: 'lsgan' })).not.toContain('wasserstein');
    expect(recordedSignals({ ...config, objective: 'nonSaturating' })).not.toContain('wasserstein');
    expect(recordedSignals({ ...config, objective: 'wgan' })).toContain('wasserstein');
    expect(recordedSignals({ ...config, objective: 'wganGp' })).toContain('wasserstein');
    // The hinge loss's D is an unbounded score too, but not a Lipschitz critic: no Wasserstein estimate.
    expect(recordedSignals({ ...config, objective: 'hinge' })).not.toContain('wasserstein');
    expect(recordedSignals({ ...config, conditioning: 'none' })).not.toContain('mutualInformation');
    expect(recordedSignals({ ...config, conditioning: 'infoCodes' })).toContain('mutualInformation');
  });

  test('an infinite E[D(x)] − E[D(G(z))] of an LSGAN run is not reported as a Wasserstein estimate', () => {
    const point = Object.fromEntries(STAT_FIELDS.map((field) => [field, 0.5])) as StatPoint;
    const points = [
      { ...point, iteration: 1 },
      { ...point, iteration: 2, wasserstein: Infinity, gLoss: -Infinity },
    ];
    expect(infiniteFields(points, recordedSignals({ ...config, objective: 'lsgan' }))).toEqual(['gLoss']);
    expect(infiniteFields(points, recordedSignals({ ...config, objective: 'wgan' }))).toEqual(['gLoss', 'wasserstein']);
  });
});

describe('the divergence message', () => {
  test('reads as sentences in English: chart names, not field names, and no repeated "weights and the"', () => {
    const text = describeDivergence(report, en);
    expect(text).toContain('Training diverged between iterations 11 and 22.');
    expect(text).toContain('The weights of both networks became NaN or infinite.');
    expect(text).toContain('The curves L_G, ‖∇D‖ and |∂L_G/∂ℓ| (ℓ: D’s output before any sigmoid) became infinite.');
    expect(text).toMatch(/Lower the generator learning rate \(sgd, now 10\) to 1 or less\./);
    expect(text).not.toMatch(/\b(gLoss|gradNormD|outputGrad|wasserstein)\b/);
    expect(text.match(/weights/g)).toHaveLength(1);
    expect(text).not.toMatch(/ and the .* and the /);
    expect(describeDivergence({ ...report, networks: ['generator'], fields: ['dLoss'] }, en)).toContain(
      'The generator’s weights became NaN or infinite. The curve L_D became infinite.',
    );
  });

  test('reads in Korean with no English beyond symbols and the optimiser names', () => {
    const text = describeDivergence(report, ko);
    expect(text).toContain('반복 11에서 22 사이에 학습이 발산했습니다.');
    expect(text).toContain('곡선 L_G, ‖∇D‖, |∂L_G/∂ℓ| (ℓ: 시그모이드 전 판별자 출력)의 값이 무한대가 되었습니다.');
    expect(text).toMatch(/학습률\(sgd, 현재 10\)을 1 이하로/);
    const words = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !['NaN', 'sgd', 'Adam', 'SGD'].includes(word));
    expect(words).toEqual([]);
  });
});

describe('the worker sends codes and data', () => {
  /** The relative imports of a source file, resolved. */
  const importsOf = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.[^']+)'/g)].map(([, specifier]) =>
      resolve(dirname(file), specifier),
    );

  test('nothing under src/worker imports src/i18n, directly or through another module', () => {
    const root = resolve('src');
    const seen = new Set<string>();
    const queue = readdirSync(join(root, 'worker'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(root, 'worker', name));
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...importsOf(file).filter((path) => path.endsWith('.ts')));
    }
    expect([...seen].map((file) => relative(root, file)).filter((path) => path.startsWith('i18n'))).toEqual([]);
  });

  test('a backend note the worker repeats for a new model shape is shown once, worded on the page', () => {
    const worker = Object.assign(new EventTarget(), {
      postMessage: () => undefined,
      terminate: () => undefined,
    }) as unknown as Worker;
    const client = new TrainingClient({ createWorker: () => worker });
    const emit = (event: TrainerEvent) => worker.dispatchEvent(new MessageEvent('message', { data: event }));
    const backend: BackendWarning = {
      kind: 'webgpuNotUsed',
      backend: 'webgpu',
      notes: [{ code: 'softwareAdapter', adapter: 'swiftshader' }],
    };
    const reason = { code: 'onlyHardware' } as const;
    emit({ type: 'ready', version: PROTOCOL_VERSION, backend: 'wasm', reason, candidates: [], config, planar: true });
    emit({ type: 'warning', warning: { code: 'backend', backend } });
    client.reset({ ...config, batchSize: 64 });
    emit({ type: 'ready', version: PROTOCOL_VERSION, backend: 'wasm', reason, candidates: [], config, planar: true });
    emit({ type: 'warning', warning: { code: 'backend', backend } });
    const notices = client.getSnapshot().notices;
    expect(notices.map((n) => describeNotice(n, en))).toEqual([
      'WebGPU not used: the adapter is software (swiftshader), far slower than wasm.',
    ]);
    client.dispose();
  });
});
