/**
 * Saved runs on MNIST and the import checks, in real Chromium: save a tiny MNIST run, reload, load
 * it, continue (iteration and samples continue, not restart); a run file over the size limit or of
 * the wrong version is refused before it reaches the worker, and the run stays as it was.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, settledAt, stepRun, waitFor } from './training.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const TINY_MNIST =
  '#seed=6&dataset=mnist&architecture=mlp&latentSize=8&generatorLayers=1&generatorWidth=16&discriminatorLayers=1&discriminatorWidth=16&batchSize=16';

/** The fixed-noise digits the page shows, and the iteration they are from. */
const samples = (page: Page) =>
  page.evaluate(() => {
    const s = window.nash!.training.getSnapshot().samples;
    return s ? { iteration: s.iteration, values: Array.from(s.values) } : undefined;
  });

test('MNIST: save, reload, load and continue; files over the limit or of another version change nothing', async () => {
  // wasm: deterministic like cpu, and fast enough on MNIST that the whole test stays near a minute.
  const { page, errors } = await openPlayground(browser, 'wasm', TINY_MNIST, 90_000);
  await stepRun(page, 6);
  await expect.poll(async () => (await samples(page))?.iteration, { timeout: 30_000 }).toBe(6);
  const before = (await samples(page))!;

  await page.getByRole('button', { name: 'Save run in this browser' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved at iteration 6.' }).waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download run (JSON)' }).click(),
  ]);
  const runText = await (await file.createReadStream())
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const listed = await page.getByRole('list', { name: 'Saved runs' }).textContent();
  console.log(`tiny MNIST run at iteration 6: run file ${runText.length} bytes; saved-run list says "${listed}"`);

  await page.reload();
  await waitFor(page, 'ready', 90_000);
  expect((await read(page)).iteration).toBe(0);
  await page.getByRole('button', { name: /^Load mnist · nonSaturating · mlp 6$/ }).click();
  // The page says what the load did; waiting for its words first tells a refused load (its reason) from
  // a click that never reached the list (nothing said) when this fails (once in CI: iteration 0, no notice).
  const said = page.getByText(/^(Loaded mnist · nonSaturating · mlp|Could not load)/);
  await expect
    .poll(() => said.allTextContents(), { timeout: 60_000 })
    .toEqual(['Loaded mnist · nonSaturating · mlp: training continues from iteration 6.']);
  await settledAt(page, 6);
  await expect.poll(async () => (await samples(page))?.iteration, { timeout: 30_000 }).toBe(6);
  expect((await samples(page))!.values).toEqual(before.values); // the same G on the same fixed noise
  await stepRun(page, 3);
  expect((await read(page)).iteration).toBe(9); // continues, not restarts
  await expect.poll(async () => (await samples(page))?.iteration, { timeout: 30_000 }).toBe(9);
  expect((await samples(page))!.values).not.toEqual(before.values); // and the samples move on from there

  // A file over the 128 MiB limit is refused by its size, before it is read; a later version by its header.
  const dropFile = async (name: string, make: string) => {
    const transfer = await page.evaluateHandle(
      ([fileName, kind]) => {
        const data = new DataTransfer();
        const content =
          kind === 'huge' ? [new Uint8Array(129 * 1024 * 1024)] : [JSON.stringify({ kind: 'nash-run', version: 7 })];
        data.items.add(new File(content, fileName, { type: 'application/json' }));
        return data;
      },
      [name, make] as const,
    );
    await page.locator('.run-store').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await dropFile('huge.json', 'huge');
  await page
    .getByRole('alert')
    .filter({
      hasText: 'Could not load huge.json: it is 129.0 MB, more than the 128.0 MB a run file may be. Nothing changed.',
    })
    .waitFor();
  await page.getByLabel('Import run file').setInputFiles({
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ kind: 'nash-run', version: 7 })),
  });
  await page
    .getByRole('alert')
    .filter({
      hasText: 'Could not load future.json: it is a version 7 run file; this version reads 1. Nothing changed.',
    })
    .waitFor();
  const after = await read(page);
  expect(after.iteration).toBe(9);
  expect(after.config.dataset).toBe('mnist');

  // The downloaded file re-imports: back at iteration 6 with the same digits.
  await page
    .getByLabel('Import run file')
    .setInputFiles({ name: 'mnist-run.json', mimeType: 'application/json', buffer: Buffer.from(runText) });
  await page
    .getByRole('status')
    .filter({ hasText: 'Loaded mnist-run.json: training continues from iteration 6.' })
    .waitFor({ timeout: 60_000 });
  await settledAt(page, 6);
  await expect.poll(async () => (await samples(page))?.values, { timeout: 30_000 }).toEqual(before.values);
  expect(errors).toEqual([]);
  await page.close();
});
