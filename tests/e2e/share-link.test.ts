/**
 * The run as a link, in real Chromium: a link with a configuration and seed reproduces the same
 * samples on the fixed noise after a few iterations on the cpu backend; a damaged link opens the
 * default run with a notice naming each bad value.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, stepRun, waitFor } from './training.ts';
import { defaultConfig } from '../../src/gan/config.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

/** The playground at `hash` on the cpu backend (deterministic kernels), its run ready. */
const openLink = (hash: string) => openPlayground(browser, 'cpu', hash);

const SMALL_RING = 'dataset=ring&batchSize=32&generatorWidth=16&discriminatorWidth=16&generatorLearningRate=0.002';
const ITERATIONS = 6;

async function samplesAfterTraining(hash: string) {
  const { page, errors } = await openLink(hash);
  await stepRun(page, ITERATIONS);
  const state = await read(page);
  const url = page.url();
  await page.close();
  expect(errors).toEqual([]);
  return { state, url };
}

describe('a link reproduces a run', () => {
  test('same link, same seed: the same fixed-noise samples after a few iterations; another seed differs', async () => {
    const first = await samplesAfterTraining(`#seed=7&${SMALL_RING}`);
    expect(first.state.config).toMatchObject({
      seed: 7,
      batchSize: 32,
      generatorWidth: 16,
      discriminatorWidth: 16,
      generatorLearningRate: 0.002,
    });
    expect(first.state.planeIteration).toBe(ITERATIONS);
    // The subscriber has written the whole configuration into the hash.
    const written = new URLSearchParams(new URL(first.url).hash.slice(1));
    expect(written.get('seed')).toBe('7');
    expect(written.get('objective')).toBe('nonSaturating');
    expect(written.get('beta2')).toBe('0.999');

    const again = await samplesAfterTraining(new URL(first.url).hash);
    expect(again.state.config).toEqual(first.state.config);
    expect(again.state.fake).toEqual(first.state.fake);

    const other = await samplesAfterTraining(`#seed=8&${SMALL_RING}`);
    expect(other.state.fake).toHaveLength(first.state.fake!.length);
    expect(other.state.fake).not.toEqual(first.state.fake);
  });

  test('a damaged link opens the default run and names each bad value', async () => {
    const { page, errors } = await openLink('#seed=banana&batchSize=99999&colour=red');
    const alert = page.getByRole('alert', { name: 'Problems with the link' });
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('“seed” was “banana”');
    expect(text).toContain('“batchSize” was “99999”');
    expect(text).toContain('“colour” was “red”');
    expect((await read(page)).config).toEqual(defaultConfig());
    expect(await page.getByRole('button', { name: 'Train', exact: true }).isVisible()).toBe(true);
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('seed')).toBe('1');
    await page.screenshot({ path: 'test-results/share-link-notice.png' });

    // A link pasted into the open page restarts the run from it, even when the page changes something
    // before the browser's hashchange event (here a layer toggled in the same task): the link wins.
    await page.evaluate(() => {
      location.hash = '#seed=11&discriminatorSteps=3';
      const manifold = [...document.querySelectorAll('label')].find(
        (label) => label.textContent?.trim() === 'Manifold',
      );
      manifold?.querySelector('input')?.click();
    });
    await page.waitForFunction(() => window.nash?.training.getSnapshot().config.seed === 11, undefined, {
      timeout: 60_000,
    });
    await waitFor(page, 'ready', 60_000);
    expect((await read(page)).config).toEqual({ ...defaultConfig(), seed: 11, discriminatorSteps: 3 });
    // The view is the link's too: it names no layers, so the default's, with the manifold on.
    expect(await page.getByRole('checkbox', { name: 'Manifold' }).isChecked()).toBe(true);

    // "Export as Python" downloads the script of the run on screen.
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export as Python' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('nash_nonSaturating_mlp_ring.py');
    const script = await readFile((await file.path())!, 'utf8');
    expect(script).toContain('"seed": 11,');
    expect(script).toContain('"discriminatorSteps": 3,');
    await page.close();
    expect(errors).toEqual([]);
  });
});
