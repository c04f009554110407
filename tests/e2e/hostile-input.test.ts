/**
 * Hostile input in real Chromium (issue #20): a run file whose seed is a 50 MB string, and one
 * whose seed is an array nested 200,000 deep, dropped on a training page. Each is refused in a
 * short message (it repeated the whole value, and drawing it froze the page for 27 s and 3.9 s),
 * no task on the page takes 100 ms while it is read (reading and parsing a 50 MB file on the page
 * was one task of 0.2 to 0.5 s; runFile.worker.ts does it now), and the run goes on training with
 * its settings unchanged. On a Korean page the refusal is Korean, the file's values quoted in it.
 * A link with a repeated key and 5,000 unknown ones opens with the last usable value and a notice
 * of two sentences.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fill } from '../../src/i18n/fill.ts';
import { STRINGS } from '../../src/i18n/strings.ts';
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

/** A task this long holds the page: clicks and drawing wait for it (issue #20's limit). */
const FROZEN_MS = 100;

/** A long task on the page: when it started, in ms after the file was about to be dropped, and how long it took. */
interface LongTask {
  at: number;
  duration: number;
}

/**
 * Builds the hostile file in the page, then (in a task of its own) starts recording long tasks and
 * drops the file on the run store, as a user dragging it from their desktop. `iteration` is the
 * file's own (JSON text), for a file refused after its settings. The 50 MB seed is written as 50
 * copies of one 1 MB string: a 50 MB string built here would leave the page a collection to do,
 * which on a training page was a task of 140 ms of its own.
 */
async function dropHostile(page: Page, name: string, seed: 'huge' | 'deep' | 'fine', iteration = '1') {
  await page.evaluate(
    ([fileName, kind, count]) => {
      const megabyte = 'x'.repeat(1_000_000);
      const seedJson =
        kind === 'huge'
          ? ['"', ...Array.from({ length: 50 }, () => megabyte), '"']
          : kind === 'deep'
            ? [`${'['.repeat(200_000)}${']'.repeat(200_000)}`]
            : ['5'];
      const parts = [
        '{"kind":"nash-run","version":1,"config":{"seed":',
        ...seedJson,
        `},"iteration":${count},"optimizerSteps":{"generator":1,"discriminator":1},"snapshotVersion":1,"stats":[],"tensors":[]}`,
      ];
      Object.assign(window, { hostileFile: new File(parts, fileName, { type: 'application/json' }) });
    },
    [name, seed, iteration] as const,
  );
  await page.evaluate(() => {
    const from = performance.now();
    const seen: LongTask[] = [];
    new PerformanceObserver((list) =>
      list
        .getEntries()
        .forEach((entry) =>
          seen.push({ at: Math.round(entry.startTime - from), duration: Math.round(entry.duration) }),
        ),
    ).observe({ type: 'longtask' });
    Object.assign(window, { longTasks: seen });
  });
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add((window as unknown as { hostileFile: File }).hostileFile);
    return data;
  });
  await page.locator('.run-store').dispatchEvent('drop', { dataTransfer: transfer });
}

test('a 50 MB seed and a 200,000-deep seed: a short refusal, no task of 100 ms, the run as it was and still training', async () => {
  const { page, errors } = await openPlayground(browser, 'cpu', LINK);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration > 5, undefined, { timeout: 20_000 });
  // Paused while the files are read, so that the long tasks seen are the import's: a training page
  // draws in tasks of its own, which on a loaded 2-core machine reach 50 to 125 ms with no file in
  // sight (worker.test.ts holds those to issue 4's 50 ms).
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, {
    timeout: 10_000,
  });
  const before = await read(page);

  for (const [name, seed] of Object.entries(HOSTILE)) {
    // On a loaded 2-core machine the scheduler now and then stretches a short task past 100 ms (once
    // in some fifteen imports here; worker.test.ts measures its windows again for the same reason):
    // an import that saw one is made again, and one of the two must see none. Reading the file on
    // the page took 0.17 to 0.5 s each time.
    let frozen: LongTask[] = [];
    for (const fileName of [name, `again-${name}`]) {
      await dropHostile(page, fileName, seed);
      const alert = page.getByRole('alert').filter({ hasText: `Could not load ${fileName}:` });
      await alert.waitFor({ timeout: 10_000 });
      const message = (await alert.textContent()) ?? '';
      expect(message.length).toBeLessThan(300);
      expect(message).toContain('Seed (seed):');
      // Tasks that started before the alert are reported once they end; a frame later all are in.
      const longTasks = await page.evaluate(
        () =>
          new Promise<LongTask[]>((resolve) =>
            setTimeout(() => resolve((window as unknown as { longTasks: LongTask[] }).longTasks), 100),
          ),
      );
      console.log(
        `${fileName}: long tasks of ${longTasks.map(({ at, duration }) => `${duration} ms at +${at} ms`).join(', ') || 'none'}`,
      );
      frozen = longTasks.filter(({ duration }) => duration >= FROZEN_MS);
      if (frozen.length === 0) break;
    }
    expect({ name, frozen }).toEqual({ name, frozen: [] });
  }

  const refused = await read(page);
  expect(refused.iteration).toBe(before.iteration);
  expect(refused.config).toEqual(before.config);
  expect(refused.run).toBe(before.run);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration > n, before.iteration, {
    timeout: 10_000,
  });
  const after = await read(page);
  expect(after.state).toBe('playing');
  expect(after.config).toEqual(before.config);
  expect(after.run).toBe(before.run);
  expect(errors).toEqual([]);
  await page.close();
});

test('on a Korean page a run file is refused in Korean, its values quoted', async () => {
  const { page, errors } = await openPlayground(browser, 'cpu', LINK);
  await page.getByRole('combobox', { name: STRINGS.en.app.language }).selectOption('ko');
  const ko = STRINGS.ko.share;
  const refused = (source: string, reason: string) => fill(ko.loadRefused, { source, reason });
  const cases = [
    // The run file's own check: a count past 2^52.
    {
      name: 'count.json',
      seed: 'fine',
      iteration: '1e300',
      reason: 'iteration 값 1e+300은(는) 0부터 2^52(4,503,599,627,370,496)까지의 정수가 아닙니다',
    },
    // Its settings, worded as the settings panel words them: the 200,000-deep seed.
    {
      name: 'deep.json',
      seed: 'deep',
      iteration: '1',
      reason: `설정이 올바르지 않습니다: 시드 (seed): ${'['.repeat(40)}…은(는) 숫자가 아닙니다. 0에서 2147483647 사이의 정수여야 합니다`,
    },
  ] as const;
  for (const { name, seed, iteration, reason } of cases) {
    await dropHostile(page, name, seed, iteration);
    const alert = page.getByRole('alert').filter({ hasText: `${name}을(를) 불러올 수 없습니다` });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toBe(refused(name, reason));
    // Korean throughout: no English clause of the old refusals.
    expect(await alert.textContent()).not.toMatch(/\b(is|not|number|settings|valid|expected)\b/);
  }
  expect(errors).toEqual([]);
  await page.close();
});

test('the run-file reader is its own small chunk, without TensorFlow.js, precached for offline use', async () => {
  const base = inject('baseURL');
  const serviceWorker = await (await fetch(`${base}sw.js`)).text();
  const chunk = serviceWorker.match(/"(assets\/runFile\.worker-[\w-]+\.js)"/)?.[1];
  expect(chunk).toBeDefined();
  const source = await (await fetch(`${base}${chunk}`)).text();
  console.log(`${chunk}: ${source.length} bytes`);
  // 8.6 kB when written (the checks and the settings' schema); tfjs-core alone is over 300 kB.
  expect(source.length).toBeLessThan(32_000);
  expect(source).not.toMatch(/tensorflow|registerGradient/i);
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
