/**
 * The drawing tool's bad input, in real Chromium: too few points (zero, one) → Reset is refused with
 * a message saying how many are needed; thousands of points → the cap is stated when reached; a drag
 * that leaves the plane → its points go on the edge and the view says so.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { read, waitFor } from './training.ts';

let browser: Browser;
let page: Page;
const errors: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => localStorage.setItem('nash.backend', 'cpu'));
  await page.goto(`${inject('baseURL')}#batchSize=32&generatorWidth=16&discriminatorWidth=16`);
  await waitFor(page, 'ready', 60_000);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('custom');
  await area().waitFor();
});
afterAll(async () => {
  expect(errors).toEqual([]);
  await browser?.close();
});

const area = () => page.getByRole('img', { name: /^Drawing area/ });
const count = async () => Number((await page.getByText(/^\d+ points drawn$/).textContent())?.split(' ')[0]);
const reset = () =>
  page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Reset', exact: true }).click();
const tooFew = (drawn: number) =>
  page.getByRole('alert').filter({
    hasText: `Draw at least 2 points to train on your own data (${drawn} drawn): Reset is refused until then.`,
  });

/** Clicks at a fraction (u, v) of the drawing area. */
async function clickAt(u: number, v: number) {
  const box = (await area().boundingBox())!;
  await page.mouse.click(box.x + u * box.width, box.y + v * box.height);
}

test('zero or one point: Reset is refused and the view says 2 are needed; two points train', async () => {
  await page.getByRole('button', { name: 'Clear points' }).click();
  await tooFew(0).waitFor();
  await reset();
  await clickAt(0.3, 0.3);
  await tooFew(1).waitFor();
  expect(await count()).toBe(1);
  await reset();
  // Refused: the run is still the ring it opened with, and nothing restarted it.
  await page.waitForTimeout(1500);
  const refused = await read(page);
  expect(refused.config.dataset).toBe('ring');
  expect(refused.phase).toBe('ready');

  await clickAt(0.7, 0.6);
  await tooFew(1).waitFor({ state: 'detached' });
  await reset();
  await page.waitForFunction(() => window.nash!.training.getSnapshot().config.dataset === 'custom', undefined, {
    timeout: 60_000,
  });
  await waitFor(page, 'ready', 60_000);
});

test('a drag that leaves the plane puts its points on the edge, and says so', async () => {
  const before = await count();
  const box = (await area().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // Pointer capture keeps the drag drawing past the right edge.
  await page.mouse.move(box.x + box.width + 80, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await page
    .getByRole('status')
    .filter({ hasText: /^Points dragged outside the plane are placed on its edge \(x and y within ±\d/ })
    .waitFor();
  expect(await count()).toBeGreaterThan(before + 2);
  // Clear starts a new drawing: the notice goes with the old one.
  await page.getByRole('button', { name: 'Clear points' }).click();
  expect(await page.getByText(/Points dragged outside the plane/).count()).toBe(0);
});

test('thousands of points: the 5,000-point cap is stated once reached', async () => {
  const cap = page
    .getByRole('status')
    .filter({ hasText: 'The drawing holds at most 5,000 points: each new point replaces the oldest.' });
  expect(await cap.count()).toBe(0);
  // 5,200 touches dispatched in one task: React draws them in one render.
  await area().evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    for (let i = 0; i < 5200; i++) {
      const init = {
        pointerId: 100 + i,
        pointerType: 'touch',
        isPrimary: true,
        bubbles: true,
        buttons: 1,
        clientX: box.left + 5 + ((i * 7) % (box.width - 10)),
        clientY: box.top + 5 + ((i * 13) % (box.height - 10)),
      };
      canvas.dispatchEvent(new PointerEvent('pointerdown', init));
      canvas.dispatchEvent(new PointerEvent('pointerup', init));
    }
  });
  await cap.waitFor({ timeout: 30_000 });
  expect(await count()).toBe(5000);
  await page.screenshot({ path: 'test-results/draw-tool.png' });
});
