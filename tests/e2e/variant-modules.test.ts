/**
 * Issue 16's two new modules in the page, each added as one module, a registry line and its words:
 * the checkerboard in the dataset menu trains with its 8 cells counted as modes, and the hinge loss,
 * chosen under Advanced, gets its formula card (a critic's, with its own TeX) and trains.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, type PageRun, read, waitFor } from './training.ts';

let browser: Browser;
let run: PageRun;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
  run = await openPlayground(browser, 'cpu', '#batchSize=32&generatorWidth=16&discriminatorWidth=16');
});
afterAll(async () => {
  expect(run?.errors).toEqual([]);
  await browser?.close();
});

const button = (name: string) => run.page.getByRole('button', { name, exact: true });

test('the checkerboard is in the dataset menu, trains after Reset, and its 8 cells are counted as modes', async () => {
  const { page } = run;
  const menu = page.getByRole('combobox', { name: 'Dataset' });
  await expect(menu.locator('option[value="checkerboard"]').textContent()).resolves.toBe('Checkerboard');
  await menu.selectOption('checkerboard');
  await page.getByText(/Press Reset to apply: .*Dataset/).waitFor();
  await button('Reset').click();
  await waitFor(page, 'ready', 60_000);
  expect((await read(page)).config.dataset).toBe('checkerboard');
  await button('Train').click();
  await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 60);
  await expect
    .poll(() => page.getByRole('status', { name: 'Modes covered' }).textContent(), { timeout: 10_000 })
    .toMatch(/^\d \/ 8$/);
});

test('the hinge loss, chosen under Advanced, applies live with its formula card', async () => {
  const { page } = run;
  await page.getByText('Advanced', { exact: true }).click();
  const choice = page.getByRole('combobox', { name: 'Objective', exact: true });
  await expect(choice.locator('option[value="hinge"]').textContent()).resolves.toBe('Hinge (SNGAN, BigGAN)');
  await choice.selectOption('hinge');
  await page.waitForFunction(() => window.nash!.training.getSnapshot().config.objective === 'hinge');
  const card = page.getByRole('region', { name: 'Objective' });
  // The card renders on the page's next commit after the change (and its KaTeX loads lazily).
  await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('\\max(0,\\ 1-D(x))');
  await expect(card.textContent()).resolves.toContain('Critic loss');
  const at = (await read(page)).iteration;
  await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration >= n + 30, at);
  const { stats } = await read(page);
  expect(stats.slice(-10).every((p) => Number.isFinite(p.dLoss) && Number.isFinite(p.gLoss))).toBe(true);
});
