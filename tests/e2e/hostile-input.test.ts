/**
 * Hostile input in real Chromium (issue #20): a run file whose seed is a 50 MB string, and one
 * whose seed is an array nested 200,000 deep, dropped on a training page. Each is refused in a
 * short message (it repeated the whole value, and drawing it froze the page for 27 s and 3.9 s),
 * and the run goes on training with its settings unchanged. A link with a repeated key and 5,000
 * unknown ones opens with the last usable value and a notice of two sentences.
 *
 * Not yet checked: no task over 100 ms. The main thread still reads and parses a dropped file in
 * one task (RunStore.tsx: file.text(), then JSON.parse in decodeRunFile), 0.2 to 0.5 s for 50 MB
 * on a busy 2-core machine, and there the page's own drawing has tasks over 100 ms too. So no
 * task may take a second: the refusals took 27 s and 3.9 s.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read } from './training.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const LINK = '#seed=5&dataset=ring&batchSize=32&generatorWidth=16&discriminatorWidth=16';

/** The seed's JSON text in each hostile file, built in the page so that 50 MB need not cross the wire. */
const HOSTILE = {
  'seed.json': 'huge',
  'deep.json': 'deep',
} as const;

/**
 * Builds the hostile file in the page, then (in a task of its own) starts recording long tasks and
 * drops the file on the run store, as a user dragging it from their desktop.
 */
async function dropHostile(page: Page, name: keyof typeof HOSTILE) {
  await page.evaluate(([fileName, kind]) => {
    const seed = kind === 'huge' ? `"${'x'.repeat(50_000_000)}"` : `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const text = `{"kind":"nash-run","version":1,"config":{"seed":${seed}},"iteration":1,"optimizerSteps":{"generator":1,"discriminator":1},"snapshotVersion":1,"stats":[],"tensors":[]}`;
    Object.assign(window, { hostileFile: new File([text], fileName, { type: 'application/json' }) });
  }, [name, HOSTILE[name]] as const);
  await page.evaluate(() => {
    const seen: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({ type: 'longtask' });
    Object.assign(window, { longTasks: seen });
  });
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add((window as unknown as { hostileFile: File }).hostileFile);
    return data;
  });
  await page.locator('.run-store').dispatchEvent('drop', { dataTransfer: transfer });
}

test('a 50 MB seed and a 200,000-deep seed: a short refusal, no frozen page, the run still training as it was', async () => {
  const { page, errors } = await openPlayground(browser, 'cpu', LINK);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration > 5, undefined, { timeout: 20_000 });
  const before = await read(page);

  for (const name of Object.keys(HOSTILE) as (keyof typeof HOSTILE)[]) {
    await dropHostile(page, name);
    const alert = page.getByRole('alert').filter({ hasText: `Could not load ${name}:` });
    await alert.waitFor({ timeout: 10_000 });
    const message = (await alert.textContent()) ?? '';
    expect(message.length).toBeLessThan(300);
    expect(message).toContain('Seed (seed):');
    // Tasks that started before the alert are reported once they end; a frame later all are in.
    const longTasks = await page.evaluate(() => new Promise<number[]>((resolve) => setTimeout(() => resolve((window as unknown as { longTasks: number[] }).longTasks), 100)));
    console.log(`${name}: long tasks of ${longTasks.map((duration) => `${Math.round(duration)} ms`).join(', ') || 'none'}`);
    expect({ name, frozen: longTasks.filter((duration) => duration >= 1_000) }).toEqual({ name, frozen: [] });
  }

  const iteration = (await read(page)).iteration;
  await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration > n, iteration, { timeout: 10_000 });
  const after = await read(page);
  expect(after.state).toBe('playing');
  expect(after.config).toEqual(before.config);
  expect(after.run).toBe(before.run);
  expect(errors).toEqual([]);
  await page.close();
});

test('a link with a repeated seed and 5,000 unknown keys: the last usable seed, and two sentences that say so', async () => {
  const unknown = Array.from({ length: 5_000 }, (_, i) => `k${i}=${i}`).join('&');
  const { page, errors } = await openPlayground(browser, 'cpu', `${LINK}&seed=2&seed=abc&${unknown}`);
  expect((await read(page)).config.seed).toBe(2);
  const items = page.getByRole('alert', { name: 'Problems with the link' }).getByRole('listitem');
  expect(await items.allTextContents()).toEqual([
    'The link gives “seed” 3 times (“5”, “2”, “abc”); the last usable value, “2”, is used.',
    '5,000 keys in the link are not settings, e.g. “k0”, “k1”, “k2”, …; they are ignored.',
  ]);
  expect(errors).toEqual([]);
  await page.close();
});
