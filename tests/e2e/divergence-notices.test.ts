/**
 * Issue 20, part 6, in Korean in Chromium: a run that diverges shows its card in the Diagnostics
 * region (not "no failure detected") and a message in Korean that names only the run's signals by
 * their chart names; WebGPU's note is shown once however many times the backend is chosen again.
 * The worker's notes travel as codes (issue 16): WebGPU's note and the optimiser changes read in
 * Korean, and switching the language rewords them. Names of regions: tests/e2e/README.md.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { read, resetRun, SMALL, stepRun, waitFor } from './training.ts';
import { inject } from 'vitest';

let browser: Browser;
beforeAll(async () => {
  // WebGPU on: here it is a software adapter, so the automatic choice says why it is not used.
  browser = await launchBrowser({ webgpu: true });
});
afterAll(async () => {
  await browser?.close();
});

test('Korean: the divergence is a card in 진단 and a Korean message; the WebGPU note comes once', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => localStorage.setItem('nash.language', 'ko'));
  await page.goto(inject('baseURL'));
  await waitFor(page, 'ready', 90_000);
  // A new model shape makes the worker choose a backend again, and find WebGPU software again.
  await resetRun(page, { ...SMALL, objective: 'lsgan' }, 'auto', { statsMs: 50, planeMs: 0 });
  const webgpuNotes = (await read(page)).notices.filter(
    (n) =>
      n.subject.about === 'warning' &&
      n.subject.warning.code === 'backend' &&
      n.subject.warning.backend.kind === 'webgpuNotUsed',
  );
  expect(webgpuNotes).toHaveLength(1);
  const messages = page.getByRole('region', { name: '알림' });
  // The adapter's name (SwiftShader's architecture) is the browser's; every word around it is Korean.
  const webgpuNote = (await messages.getByText(/^WebGPU를 쓰지 않습니다: /).textContent()) ?? '';
  expect(webgpuNote).toMatch(/^WebGPU를 쓰지 않습니다: 어댑터가 소프트웨어 구현\((.+)\)이라 wasm보다 훨씬 느립니다\.$/);

  const diagnostics = page.getByRole('region', { name: '진단', exact: true });
  await expect(diagnostics.textContent()).resolves.toContain('아직 발견된 실패가 없습니다');
  await stepRun(page, 20);
  await page.evaluate(() =>
    window.nash!.training.update({
      generatorOptimizer: 'sgd',
      discriminatorOptimizer: 'sgd',
      generatorLearningRate: 10,
      discriminatorLearningRate: 10,
    }),
  );
  await messages
    .getByText('생성자 최적화기가 이제 SGD입니다: 상태가 0부터 다시 시작합니다.')
    .waitFor({ timeout: 5_000 });
  await messages
    .getByText('판별자 최적화기가 이제 SGD입니다: 상태가 0부터 다시 시작합니다.')
    .waitFor({ timeout: 5_000 });
  // The notices are data: the language switch rewords those already shown.
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  const english = page.getByRole('region', { name: 'Messages' });
  await english.getByText('Generator optimiser is now SGD: its state starts from zero.').waitFor({ timeout: 5_000 });
  await english
    .getByText(/^WebGPU not used: the adapter is software \(.+\), far slower than wasm\.$/)
    .waitFor({ timeout: 5_000 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await messages
    .getByText('생성자 최적화기가 이제 SGD입니다: 상태가 0부터 다시 시작합니다.')
    .waitFor({ timeout: 5_000 });
  await page.evaluate(() => window.nash!.training.play());
  await page.waitForFunction(
    () => window.nash!.training.getSnapshot().notices.some((n) => n.subject.about === 'divergence'),
    undefined,
    { timeout: 60_000, polling: 50 },
  );

  const card = diagnostics.getByRole('heading', { level: 3, name: '학습 발산' });
  await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
  const region = (await diagnostics.textContent()) ?? '';
  expect(region).not.toContain('아직 발견된 실패가 없습니다');
  expect(region).toContain('지금 일어나는 중');

  const message = (await messages.getByText(/학습이 발산했습니다/).textContent()) ?? '';
  expect(message).toMatch(/반복 \d+에서 \d+ 사이에 학습이 발산했습니다\./);
  expect(message).toMatch(/학습률\(sgd, 현재 10\)을 1 이하로 낮추세요/);
  // No field names (wasserstein on an LSGAN run least of all), no English beyond symbols and the optimisers.
  expect(message).not.toMatch(/dLoss|gLoss|dReal|dFake|gradNorm|outputGrad|wasserstein|mutualInformation/);
  expect(
    (message.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !['NaN', 'sgd', 'Adam', 'SGD'].includes(word)),
  ).toEqual([]);

  // Training on from the restored state: the card stays, no longer happening now.
  await page.evaluate(() =>
    window.nash!.training.update({
      generatorOptimizer: 'adam',
      discriminatorOptimizer: 'adam',
      generatorLearningRate: 1e-3,
      discriminatorLearningRate: 1e-3,
    }),
  );
  await stepRun(page, 5);
  await expect
    .poll(async () => (await diagnostics.textContent()) ?? '', { timeout: 5_000 })
    .toContain('상태로 되돌린 뒤 학습을 이어감');
  expect(errors).toEqual([]);
  await page.close();
});
