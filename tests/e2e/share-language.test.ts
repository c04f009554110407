/**
 * Korean and English in real Chromium: a Korean browser opens in Korean, the toggle switches every
 * string of the Share & save panel (a damaged link's notice included, refusals and all), and the
 * choice is remembered on the next visit.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { STRINGS } from '../../src/i18n/strings.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const HANGUL = /[가-힣]/;

test('a ko-KR browser gets Korean; the toggle switches and is remembered across visits', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${inject('baseURL')}#seed=abc&preset=nope`);
  const ko = STRINGS.ko.share;
  const en = STRINGS.en.share;
  const panel = page.getByRole('region', { name: ko.region });
  await panel.waitFor({ timeout: 60_000 });
  for (const name of [ko.copyLink, ko.exportPython, ko.saveRun, ko.downloadRun, ko.downloadCsv]) {
    expect(await panel.getByRole('button', { name }).isVisible()).toBe(true);
  }
  // The bad seed and the unknown preset: every sentence Korean, no English refusal in it.
  const notice = panel.getByRole('alert', { name: ko.linkProblems });
  const koreanNotice = await notice.getByRole('listitem').allTextContents();
  expect(koreanNotice).toHaveLength(2);
  for (const sentence of koreanNotice) expect(sentence).toMatch(HANGUL);
  expect(koreanNotice.join(' ')).not.toMatch(/not a preset|not a number|expected|Seed/);
  await page.screenshot({ path: 'test-results/share-korean.png' });

  await page.getByRole('combobox', { name: STRINGS.ko.app.language }).selectOption('en');
  const english = page.getByRole('region', { name: en.region });
  await english.waitFor();
  expect(await english.getByRole('button', { name: en.saveRun }).isVisible()).toBe(true);
  expect(await page.getByRole('region', { name: ko.region }).count()).toBe(0);
  // The notice already shown is reworded, not kept in the language it was first shown in.
  const englishNotice = await english
    .getByRole('alert', { name: en.linkProblems })
    .getByRole('listitem')
    .allTextContents();
  expect(englishNotice).toHaveLength(2);
  expect(englishNotice.join(' ')).not.toMatch(HANGUL);
  expect(englishNotice.join(' ')).toMatch(/not a preset.*Seed \(seed\): "abc" is not a number/);

  await page.reload();
  await page.getByRole('region', { name: en.region }).waitFor({ timeout: 60_000 });
  expect(await page.getByRole('button', { name: en.exportPython }).isVisible()).toBe(true);
  await context.close();
});
