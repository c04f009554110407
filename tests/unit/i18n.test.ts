import { expect, test } from 'vitest';
import * as explainer from '../../src/i18n/explainer.ts';
import * as latent from '../../src/i18n/latent.ts';
import * as overview from '../../src/i18n/overview.ts';
import { STRINGS } from '../../src/i18n/strings.ts';
import type { BackendWarning } from '../../src/worker/protocol.ts';

/** STRINGS, and the namespaces only a lazily loaded chunk imports (lessonTexts.ts has its own test). */
const ALL = {
  en: { ...STRINGS.en, explainer: explainer.en, latent: latent.en, overview: overview.en },
  ko: { ...STRINGS.ko, explainer: explainer.ko, latent: latent.ko, overview: overview.ko },
};

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

test('English and Korean have the same keys, none empty', () => {
  expect(keys(ALL.ko).sort()).toEqual(keys(ALL.en).sort());
  const empty = (lang: 'en' | 'ko') =>
    keys(ALL[lang]).filter((path) => {
      const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], ALL[lang]);
      return typeof value === 'string' && value.trim() === '';
    });
  expect(empty('en')).toEqual([]);
  expect(empty('ko')).toEqual([]);
});

test('a note on the backend choice reads in either language, with the browser’s detail kept', async () => {
  const { describeBackendWarning, en, ko } = await import('../../src/i18n/reliability.ts');
  const rejected: BackendWarning = {
    kind: 'forcedUnusable',
    backend: 'webgpu',
    notes: [{ code: 'adapterRejected', detail: 'AbortError: injected' }],
  };
  expect(describeBackendWarning(rejected, en)).toBe(
    'webgpu cannot be used here (the WebGPU adapter request was rejected (AbortError: injected)); choosing another backend.',
  );
  expect(describeBackendWarning(rejected, ko)).toBe(
    '여기서는 webgpu 백엔드를 쓸 수 없어(WebGPU 어댑터 요청이 거부되었습니다(AbortError: injected)) 다른 백엔드를 고릅니다.',
  );
  const skipped: BackendWarning = {
    kind: 'skipped',
    backend: 'wasm',
    notes: [{ code: 'gradientWrong', check: 'dense', got: 1.5, expected: 0.5 }],
  };
  expect(describeBackendWarning(skipped, en)).toBe(
    'wasm skipped: failed the gradient check (dense + ReLU + softplus gradient: got 1.500 where 0.5000 is right).',
  );
  expect(describeBackendWarning(skipped, ko)).toBe(
    'wasm 백엔드를 건너뜁니다: 기울기 검사를 통과하지 못했습니다(완전연결 + ReLU + softplus 기울기: 맞는 값 0.5000 대신 1.500).',
  );
});

/** Every string in a namespace tree (functions, which build sentences from these, are skipped). */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(texts);
}

test('the gradient charted beside ‖∇G‖ is named ∂L_G/∂ℓ at D’s logit ℓ, never ∂L_G/∂D (which tends to 1, not 0, as D(G(z)) → 0)', () => {
  for (const language of ['en', 'ko'] as const) {
    const strings = ALL[language];
    expect(texts(strings).filter((text) => text.includes('∂L_G/∂D'))).toEqual([]);
    // ℓ is defined where it is shown: before the sigmoid for the log-losses, the output itself for LSGAN and critics.
    for (const label of [strings.charts.curves.outputGrad, strings.diagnostics.measurements.meanOutputGradient]) {
      expect(label).toContain('|∂L_G/∂ℓ|');
      expect(label).toMatch(/ℓ: .*(sigmoid|시그모이드)/);
    }
  }
});
