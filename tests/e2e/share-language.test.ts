/**
 * Korean and English in real Chromium: a Korean browser opens in Korean, the toggle switches every
 * string of the Share & save panel, and the choice is remembered on the next visit.
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

test('a ko-KR browser gets Korean; the toggle switches and is remembered across visits', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(inject('baseURL'));
  const ko = STRINGS.ko.share;
  const en = STRINGS.en.share;
  const panel = page.getByRole('region', { name: ko.region });
  await panel.waitFor({ timeout: 60_000 });
  for (const name of [ko.copyLink, ko.exportPython, ko.saveRun, ko.downloadRun, ko.downloadCsv]) {
    expect(await panel.getByRole('button', { name }).isVisible()).toBe(true);
  }
  await page.screenshot({ path: 'test-results/share-korean.png' });

  await page.getByRole('combobox', { name: STRINGS.ko.app.language }).selectOption('en');
  const english = page.getByRole('region', { name: en.region });
  await english.waitFor();
  expect(await english.getByRole('button', { name: en.saveRun }).isVisible()).toBe(true);
  expect(await page.getByRole('region', { name: ko.region }).count()).toBe(0);

  await page.reload();
  await page.getByRole('region', { name: en.region }).waitFor({ timeout: 60_000 });
  expect(await page.getByRole('button', { name: en.exportPython }).isVisible()).toBe(true);
  await context.close();
});
