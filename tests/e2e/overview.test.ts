/**
 * The model overview graph and the slow-motion step in real Chromium (issue 19), on one page at a
 * projector's 1280×720: the graph of the ring's run, a slow-motion walk through every sub-step of D's
 * and G's update with their values, the iteration one higher after it, the batch on the 2D view, the
 * Korean page, CGAN's label node after switching the variant, and the pulse of D's and G's edges
 * while it trains, held still while the graph is out of view. Screenshots go to test-results/overview/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { iteration, openFull } from './playground-page.ts';
import { settledAt, stepRun, waitFor } from './training.ts';

const SHOTS = 'test-results/overview';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const EN_STEPS = ['Sample noise', 'Generate', 'D scores', 'Loss', 'Gradients', 'Update'];
const KO_STEPS = ['잡음 뽑기', '생성', 'D의 점수', '손실', '기울기', '갱신'];

/** The walk's heading: which update, which sub-step. */
const heading = (page: Page) =>
  page.getByRole('group', { name: /^(Slow-motion walk-through|슬로 모션 따라가기)$/ }).getByRole('heading');

test('the overview graph of the ring, a slow-motion walk through D’s and G’s update, and CGAN’s label', {
  timeout: 60_000,
}, async () => {
  const { page, errors } = await openFull(browser, { width: 1280, height: 720 });
  const region = page.getByRole('region', { name: 'Model overview' });
  const graph = region.getByRole('img', { name: 'Model overview graph' });
  await expect.poll(() => graph.count(), { timeout: 10_000 }).toBe(1);
  // The ring's run: noise, G, D and the two losses, no label; each node names itself.
  for (const about of [
    /^Noise z:/,
    /^Generator G \(2 → 64 → 64 → 2\)/,
    /^Discriminator D/,
    /^D’s loss L_D, Non-saturating/,
  ])
    expect(await region.getByLabel(about).count(), String(about)).toBe(1);
  expect(await region.getByLabel(/^Label y:/).count()).toBe(0);
  await region.scrollIntoViewIfNeeded();
  await region.screenshot({ path: `${SHOTS}/graph-en.png` });
  await page.screenshot({ path: `${SHOTS}/page-en.png` });

  // A little training first, so that D's scores differ across the plane (~1 s on wasm).
  await stepRun(page, 150);
  // The run's own count: the readout may still show an iteration of a moment before (notification clock).
  const before = await page.evaluate(() => window.nash!.training.getSnapshot().iteration);
  await region.getByRole('button', { name: 'Slow-motion step' }).click();
  await expect.poll(() => heading(page).textContent()).toBe('D’s update · sub-step 1 of 6: Sample noise');
  const walk = region.getByRole('group', { name: 'Slow-motion walk-through' });
  const next = walk.getByRole('button', { name: 'Next sub-step' });
  await settledAt(page, before + 1);
  // The readout follows on the page's notification clock (at most 10 a second).
  await expect.poll(() => iteration(page), { timeout: 10_000 }).toBe(before + 1);
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    const text = (await heading(page).textContent()) ?? '';
    seen.push(text);
    // Every sub-step shows at least one value: a number in its values list.
    expect(await walk.getByRole('definition').first().textContent(), text).toMatch(/\d/);
    if (text === 'D’s update · sub-step 3 of 6: D scores') {
      expect(await walk.getByText(/^D\(x\)$/).count()).toBe(1);
      await expect.poll(() => page.getByRole('img', { name: 'The traced batch on the 2D view' }).count()).toBe(1);
      await page
        .getByRole('figure')
        .filter({ has: page.getByRole('img', { name: 'Real and generated points' }) })
        .screenshot({ path: `${SHOTS}/plane-d-scores.png` });
      await region.screenshot({ path: `${SHOTS}/walk-d-scores-en.png` });
      // A focused node says what it is and the values it computed so far.
      await region.getByLabel(/^Discriminator D/).focus();
      await expect.poll(() => region.getByText(/D\(x\): shape \[128, 1\], mean \d/).count()).toBe(1);
    }
    if (text.endsWith('Loss') && text.startsWith('G’s'))
      expect(await walk.getByText('L_G', { exact: true }).count()).toBe(1);
    if (i < 11) await next.press('Enter');
  }
  expect(seen).toEqual([
    ...EN_STEPS.map((name, i) => `D’s update · sub-step ${i + 1} of 6: ${name}`),
    ...EN_STEPS.map((name, i) => `G’s update · sub-step ${i + 1} of 6: ${name}`),
  ]);
  await page
    .getByRole('figure')
    .filter({ has: page.getByRole('img', { name: 'Real and generated points' }) })
    .screenshot({ path: `${SHOTS}/plane-g-update.png` });
  // At the end Finish has the keyboard; ← goes back one sub-step.
  const finish = walk.getByRole('button', { name: 'Finish' });
  expect(await finish.evaluate((button) => button === document.activeElement)).toBe(true);
  await finish.press('ArrowLeft');
  expect(await heading(page).textContent()).toBe('G’s update · sub-step 5 of 6: Gradients');
  await finish.click();
  expect(await walk.count()).toBe(0);
  expect(await iteration(page)).toBe(before + 1);

  // Korean: the graph and a sub-step.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const regionKo = page.getByRole('region', { name: '모델 개요' });
  await regionKo.getByRole('button', { name: '슬로 모션 단계' }).click();
  await expect.poll(() => heading(page).textContent()).toBe(`D 갱신 · 세부 단계 6개 중 1번째: ${KO_STEPS[0]}`);
  for (let i = 0; i < 10; i++) await regionKo.getByRole('button', { name: '다음 세부 단계' }).click();
  expect(await heading(page).textContent()).toBe(`G 갱신 · 세부 단계 6개 중 5번째: ${KO_STEPS[4]}`);
  await regionKo.scrollIntoViewIfNeeded();
  await regionKo.screenshot({ path: `${SHOTS}/walk-g-gradients-ko.png` });
  await regionKo.getByRole('button', { name: '마치기' }).click();
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');

  // CGAN: the variant menu, then Reset; the new run's graph has the label going into G and D.
  await page.getByRole('combobox', { name: 'Variant' }).selectOption('cgan');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await waitFor(page, 'ready', 30_000);
  await expect.poll(() => region.getByLabel(/^Label y: one of 8 classes/).count(), { timeout: 10_000 }).toBe(1);
  await region.screenshot({ path: `${SHOTS}/graph-cgan-en.png` });

  // While it trains and the graph is on screen, D's edges and G's take turns (pulse.ts, a few steps a
  // second); with the graph out of view (another tab shown) the pulse holds still.
  // A handle, not the locator: the graph leaves the accessibility tree while another tab is shown.
  const svg = await graph.elementHandle();
  const pulse = () =>
    svg!.evaluate((svg) => ({
      activity: svg.getAttribute('data-activity'),
      pulse: svg.getAttribute('data-pulse'),
      d: getComputedStyle(svg.querySelector('.edge.d-phase') as Element).opacity,
      g: getComputedStyle(svg.querySelector('.edge.g-phase') as Element).opacity,
    }));
  expect(await pulse()).toEqual({ activity: 'idle', pulse: null, d: '1', g: '1' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await graph.scrollIntoViewIfNeeded();
  await expect.poll(pulse, { timeout: 5_000 }).toEqual({ activity: 'playing', pulse: 'g', d: '0.15', g: '1' });
  await expect.poll(pulse, { timeout: 5_000 }).toEqual({ activity: 'playing', pulse: 'd', d: '1', g: '0.15' });
  await page.getByRole('tab', { name: 'Lessons' }).click();
  // The observer hears of the hidden panel within a frame or two.
  await page.waitForTimeout(300);
  const held = await pulse();
  // Longer than one phase (0.8 s): a running pulse would have changed its state by then.
  await page.waitForTimeout(1_200);
  expect(await pulse()).toEqual(held);
  await page.getByRole('tab', { name: 'Playground' }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(errors).toEqual([]);
  await page.close();
});
