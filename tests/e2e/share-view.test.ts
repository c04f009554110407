/**
 * The view in the link and the charts as a picture, in real Chromium: a link with a layer hidden
 * opens with its checkbox off, toggling a layer rewrites the hash, a malformed toggle is named and
 * shows its layer; "Download charts (PNG)" gives a PNG that decodes, with the charts drawn on it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, stepRun } from './training.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const SMALL_RING = 'dataset=ring&batchSize=32&generatorWidth=16&discriminatorWidth=16';

const open = (hash: string) => openPlayground(browser, 'cpu', hash);

const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

test('layer toggles: read from the link, written back on a toggle; a malformed one is named and shows its layer', async () => {
  const { page, errors } = await open(`#seed=3&${SMALL_RING}&showArrows=0&showFake=maybe`);
  const layers = page.getByRole('group', { name: 'Layers' });
  expect(await layers.getByRole('checkbox', { name: 'Gradient arrows' }).isChecked()).toBe(false);
  expect(await layers.getByRole('checkbox', { name: 'Generated points' }).isChecked()).toBe(true);
  expect(await layers.getByRole('checkbox', { name: 'Heatmap of D' }).isChecked()).toBe(true);
  await page
    .getByRole('alert', { name: 'Problems with the link' })
    .filter({ hasText: 'The link’s “showFake” was “maybe”, which cannot be used (expected 1 (shown) or 0 (hidden))' })
    .waitFor();
  // The subscriber rewrote the hash: the bad value became the default, the hidden layer stayed hidden.
  await expect.poll(() => hashParams(page).get('showFake')).toBe('1');
  expect(hashParams(page).get('showArrows')).toBe('0');
  expect(hashParams(page).get('seed')).toBe('3');

  await layers.getByRole('checkbox', { name: 'Heatmap of D' }).uncheck();
  await expect.poll(() => hashParams(page).get('showHeatmap')).toBe('0');
  await layers.getByRole('checkbox', { name: 'Gradient arrows' }).check();
  await expect.poll(() => hashParams(page).get('showArrows')).toBe('1');
  // The legend belongs to the heatmap: hidden with it.
  expect(await page.getByText('D(x): 0 = “fake”, 1 = “real”').count()).toBe(0);

  // The written link opens the same view.
  const { page: again } = await open(new URL(page.url()).hash);
  const layersAgain = again.getByRole('group', { name: 'Layers' });
  expect(await layersAgain.getByRole('checkbox', { name: 'Heatmap of D' }).isChecked()).toBe(false);
  expect(await layersAgain.getByRole('checkbox', { name: 'Gradient arrows' }).isChecked()).toBe(true);
  expect(await again.getByRole('alert', { name: 'Problems with the link' }).count()).toBe(0);
  await again.close();
  expect(errors).toEqual([]);
  await page.close();
});

test('the charts download as a PNG that decodes, with the curves drawn on it', async () => {
  const { page, errors } = await open(`#seed=4&${SMALL_RING}`);
  await stepRun(page, 12);
  // The charts redraw at most every 600 ms: wait for the losses chart's plot.
  await page.getByRole('figure', { name: 'Losses' }).locator('svg .stream-line').first().waitFor({ timeout: 30_000 });
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download charts (PNG)' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('nash-charts-12.png');
  const bytes = await readFile((await file.path())!);
  await writeFile('test-results/share-charts.png', bytes);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(20_000);
  const pixels = await page.evaluate(async (data) => {
    // Decoded from bytes, not fetched: the page's CSP allows no data: URL in connect-src.
    const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([raw], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data: rgba } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let ink = 0;
    let blue = 0; // the D-loss curve, #1c7ed6
    let orange = 0; // the G-loss curve, #e8590c
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      if (r < 200 || g < 200 || b < 200) ink++;
      if (b > 150 && r < 90 && g > 90 && g < 160) blue++;
      if (r > 190 && g > 60 && g < 120 && b < 60) orange++;
    }
    return { width: bitmap.width, height: bitmap.height, ink, blue, orange, total: rgba.length / 4 };
  }, bytes.toString('base64'));
  expect(pixels.width).toBeGreaterThan(800);
  expect(pixels.height).toBeGreaterThan(600); // four charts stacked, at twice the page's pixels
  // Not blank: axes, text and curves; the two loss curves in their colours.
  expect(pixels.ink / pixels.total).toBeGreaterThan(0.01);
  expect(pixels.blue).toBeGreaterThan(50);
  expect(pixels.orange).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/share-view.png' });
  expect(errors).toEqual([]);
  await page.close();
});
