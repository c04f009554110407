/**
 * Saved runs and run files in real Chromium: save → reload → load continues the run (iteration,
 * samples, chart history); the JSON file re-imports by drag and drop; the CSV parses; a damaged or
 * incompatible file is refused and changes nothing; PyTorch weights of the run's model continue it,
 * another model's are refused.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, settledAt, stepRun, waitFor } from './training.ts';
import { STAT_FIELDS } from '../../src/gan/stats.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const LINK = '#seed=5&dataset=ring&batchSize=32&generatorWidth=16&discriminatorWidth=16';

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

/**
 * A weights file as the exported script writes it (pytorchWeights.ts) for LINK's model, D `width`
 * units wide: torch's names and shapes (nn.Linear [out, in]), values from a fixed formula.
 */
function weightsFile(name: string, width: number) {
  const layers: [string, number[]][] = [
    ['generator.0', [16, 2]],
    ['generator.2', [16, 16]],
    ['generator.4', [2, 16]],
    ['discriminator.0', [width, 2]],
    ['discriminator.2', [width, width]],
    ['discriminator.4', [1, width]],
  ];
  const data = (size: number, phase: number) =>
    Buffer.from(Float32Array.from({ length: size }, (_, i) => 0.4 * Math.sin(1.7 * i + phase)).buffer).toString(
      'base64',
    );
  const tensors = layers.flatMap(([layer, [outputs, inputs]], k) => [
    { name: `${layer}.weight`, shape: [outputs, inputs], data: data(outputs * inputs, k) },
    { name: `${layer}.bias`, shape: [outputs], data: data(outputs, k + 0.5) },
  ]);
  const config = { dataset: 'ring', seed: 5, batchSize: 32, generatorWidth: 16, discriminatorWidth: width };
  const file = { kind: 'nash-pytorch-weights', version: 1, config, iteration: 300, tensors };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

/** Drops a file with `text` on the run store, as a user dragging it from their desktop. */
async function dropFile(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/json' }));
      return data;
    },
    [name, text] as const,
  );
  await page.locator('.run-store').dispatchEvent('drop', { dataTransfer: transfer });
}

test('save, reload, load and continue; files export, re-import, and bad ones change nothing', async () => {
  const { page, errors } = await openPlayground(browser, 'cpu', LINK);
  await stepRun(page, 8);
  const before = await read(page);

  await page.getByRole('button', { name: 'Save run in this browser' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved at iteration 8.' }).waitFor();
  const runFile = await downloadText(page, 'Download run (JSON)');
  const csv = await downloadText(page, 'Download chart data (CSV)');
  // The samples as a PNG that decodes, at the size it was drawn.
  const [png] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download samples (PNG)' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('nash-samples-8.png');
  const pngBase64 = (await readFile((await png.path())!)).toString('base64');
  const decoded = await page.evaluate(async (data) => {
    // Decoded from bytes, not fetched: the page's CSP allows no data: URL in connect-src.
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    return [bitmap.width, bitmap.height];
  }, pngBase64);
  expect(decoded).toEqual([720, 720]);
  const model: string[] = [];
  page.on('download', (file) => model.push(file.suggestedFilename()));
  await page.getByRole('button', { name: 'Download generator (tf.js)' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved nash-generator-ring-8.json' }).waitFor();
  await expect
    .poll(() => model, { timeout: 30_000 })
    .toEqual(['nash-generator-ring-8.json', 'nash-generator-ring-8.weights.bin']);

  await page.reload();
  await waitFor(page, 'ready', 60_000);
  expect((await read(page)).iteration).toBe(0);
  await page.getByRole('button', { name: /^Load ring · nonSaturating · mlp 8$/ }).click();
  await settledAt(page, 8);
  const loaded = await read(page);
  expect(loaded.config).toEqual(before.config);
  expect(loaded.fake).toEqual(before.fake); // the same G: its samples on the fixed view noise match
  expect(loaded.statCount).toBe(before.statCount);
  await stepRun(page, 2);
  expect((await read(page)).iteration).toBe(10); // continues, not restarts

  // CSV: the expected columns, one row per iteration.
  const rows = csv.text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  expect(rows[0]).toEqual(['iteration', ...STAT_FIELDS]);
  expect(rows.slice(1).map((row) => Number(row[0]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(rows.slice(1).every((row) => Number.isFinite(Number(row[1])) && row[1] !== '')).toBe(true);

  // A damaged file and one whose weights do not fit its settings: refused, the run as it was.
  await page.getByLabel('Import run file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(runFile.text.slice(0, 200)),
  });
  await page
    .getByRole('alert')
    .filter({ hasText: 'Could not load broken.json: it is not JSON. Nothing changed.' })
    .waitFor();
  const misfit = runFile.text.replace('"generatorWidth":16', '"generatorWidth":24');
  await dropFile(page, 'misfit.json', misfit);
  await page
    .getByRole('alert')
    .filter({
      hasText:
        'Could not load misfit.json. The saved run does not fit its model: generator.0 is 2×16, the model’s is 2×24. Nothing changed.',
    })
    .waitFor({ timeout: 60_000 });
  await settledAt(page, 10);
  expect((await read(page)).config).toEqual(before.config);

  // The downloaded file, dropped: back at iteration 8 with the same samples.
  await dropFile(page, runFile.name, runFile.text);
  await page
    .getByRole('status')
    .filter({ hasText: `Loaded ${runFile.name}: training continues from iteration 8.` })
    .waitFor({ timeout: 60_000 });
  await settledAt(page, 8);
  expect((await read(page)).fake).toEqual(before.fake);

  // PyTorch weights for this run's model (as the exported script writes them) continue it from their
  // iteration; another model's are refused by the setting that differs.
  await page.getByLabel('Import PyTorch weights').setInputFiles(weightsFile('pytorch.weights.json', 16));
  await page
    .getByRole('status')
    .filter({ hasText: 'Loaded pytorch.weights.json: the networks PyTorch trained for 300 iterations.' })
    .waitFor({ timeout: 60_000 });
  await settledAt(page, 300);
  expect((await read(page)).fake).not.toEqual(before.fake);
  await page.getByLabel('Import PyTorch weights').setInputFiles(weightsFile('narrow.weights.json', 8));
  await page
    .getByRole('alert')
    .filter({
      hasText:
        'Could not load narrow.weights.json: its model is not this run’s: Discriminator width (discriminatorWidth): file 8, run 16. Nothing changed.',
    })
    .waitFor();
  expect((await read(page)).iteration).toBe(300);
  await page.screenshot({ path: 'test-results/share-runs.png' });

  // Delete empties the list.
  await page.getByRole('button', { name: /^Delete ring · nonSaturating · mlp 8$/ }).click();
  await page.getByRole('button', { name: /^Load ring/ }).waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await page.close();
});
