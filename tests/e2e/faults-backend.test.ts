/**
 * Backend faults and memory, injected into the real worker in Chromium with WebGPU enabled (issue 9).
 * The worker's test-only hook `nashFault(name)` (src/worker/faults.ts) is called through Playwright's
 * `worker.evaluate`; the page itself cannot reach it. Here WebGPU is SwiftShader (software, slow to
 * compile shaders: BROWSER.md), so its model is tiny and its views are off. "WebGPU missing" is
 * tests/e2e/worker.test.ts's "without a WebGPU adapter" test (a browser without the flag).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page, Worker } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, resetRun, settledAt, SMALL, stepRun } from './training.ts';
import { describeBackendNotes, en as backendEn } from '../../src/i18n/backend.ts';
import { describeNotice, en as reliabilityEn } from '../../src/i18n/reliability.ts';

declare global {
  // The worker's test hook (src/worker/training.worker.ts).
  function nashFault(fault: string): boolean;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: true });
});
afterAll(async () => {
  await browser?.close();
});

function trainingWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes('training.worker'));
  if (!worker) throw new Error('no training worker');
  return worker;
}

const messages = (page: Page) => page.getByRole('region', { name: 'Messages' });
const iterationNow = (page: Page) => page.evaluate(() => window.nash!.training.getSnapshot().iteration);

describe('backend faults', () => {
  test('WebGPU device lost mid-run (device.destroy()): training goes on on another backend from the last weights, still playing, with a notice', async () => {
    const { page, errors } = await openPlayground(browser, 'wasm');
    const tiny = { batchSize: 8, generatorLayers: 1, generatorWidth: 4, discriminatorLayers: 1, discriminatorWidth: 4 };
    await resetRun(page, tiny, 'webgpu', { planeMs: 0, samplesMs: 0, metricsEvery: 0 }, 170_000);
    expect((await read(page)).backend?.name).toBe('webgpu');
    await stepRun(page, 3, 'both', 170_000);
    await page.evaluate(() => window.nash!.training.play());
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration > 3, undefined, {
      timeout: 120_000,
      polling: 50,
    });

    expect(await trainingWorker(page).evaluate(() => nashFault('device-lost'))).toBe(true);
    const explain = async (error: unknown) => {
      const s = await read(page);
      throw new Error(
        `${String(error)}: ${JSON.stringify({ state: s.state, iteration: s.iteration, backend: s.backend?.name, notices: s.notices.map((n) => describeNotice(n, reliabilityEn)) })}`,
      );
    };
    await page
      .waitForFunction(
        () => window.nash!.training.getSnapshot().notices.some((n) => n.subject.about === 'failover'),
        undefined,
        { timeout: 60_000, polling: 50 },
      )
      .catch(explain);
    const after = await read(page);
    const subject = after.notices.map((n) => n.subject).find((s) => s.about === 'failover');
    if (subject?.about !== 'failover') throw new Error('no failover notice');
    const report = subject.failover;
    expect(report.from).toBe('webgpu');
    expect(['webgl', 'wasm', 'cpu']).toContain(report.to);
    expect(after.backend?.name).toBe(report.to);
    // Not reset: it continues from a copy taken after the three steps, and keeps playing.
    expect(report.iteration).toBeGreaterThanOrEqual(3);
    await page
      .waitForFunction((n) => window.nash!.training.getSnapshot().iteration > n + 20, report.iteration, {
        timeout: 60_000,
        polling: 50,
      })
      .catch(explain);
    expect((await read(page)).state).toBe('playing');
    await expect(messages(page).textContent()).resolves.toMatch(
      new RegExp(
        `The webgpu backend failed \\(the GPU device was lost: .*\\)\\. Training continues on ${report.to} from the weights of iteration ${report.iteration}\\.`,
      ),
    );
    // The charts hold one point per iteration up to now, with no gap or repeat across the failover.
    await page.evaluate(() => window.nash!.training.pause());
    await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, {
      timeout: 60_000,
      polling: 50,
    });
    await page.waitForTimeout(500); // the settle's stats read
    const iterations = (await read(page)).stats.map((p) => p.iteration);
    expect(iterations).toEqual(Array.from({ length: iterations.length }, (_, i) => iterations[0] + i));
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  test('adapter request rejected: a forced WebGPU falls back to another backend and says why', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await trainingWorker(page).evaluate(() => {
      navigator.gpu.requestAdapter = () => Promise.reject(new Error('injected: adapter request rejected'));
    });
    await resetRun(page, { ...SMALL, batchSize: 40 }, 'webgpu');
    const { backend, notices } = await read(page);
    expect(backend?.name).not.toBe('webgpu');
    expect(
      describeBackendNotes(backend?.candidates.find((c) => c.backend === 'webgpu')?.notes ?? [], backendEn),
    ).toMatch(/adapter request was rejected \(injected/);
    expect(notices.map((n) => describeNotice(n, reliabilityEn))).toContainEqual(
      expect.stringMatching(/^webgpu cannot be used here \(the WebGPU adapter request was rejected/),
    );
    await expect(messages(page).textContent()).resolves.toMatch(/webgpu cannot be used here/);
    await stepRun(page, 3);
    await page.close();
  });

  test('a backend that fails its sanity check (the gradient check) is skipped with a notice', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    expect(await trainingWorker(page).evaluate(() => nashFault('sanity:wasm'))).toBe(true);
    // A shape not measured before in this worker, so the choice is made again.
    await resetRun(page, { ...SMALL, batchSize: 24 }, 'auto');
    const { backend, notices } = await read(page);
    expect(backend?.name).not.toBe('wasm');
    const wasm = backend?.candidates.find((c) => c.backend === 'wasm');
    expect(wasm).toMatchObject({ usable: false, notes: [expect.objectContaining({ code: 'gradientWrong' })] });
    expect(describeBackendNotes(wasm?.notes ?? [], backendEn)).toMatch(
      /failed the gradient check \(.*got .* where .* is right\)/,
    );
    expect(notices.map((n) => describeNotice(n, reliabilityEn))).toContainEqual(
      expect.stringMatching(/^wasm skipped: failed the gradient check/),
    );
    await expect(messages(page).textContent()).resolves.toMatch(/wasm skipped: failed the gradient check/);
    await stepRun(page, 3);
    await page.close();
  });
});

describe('out of memory', () => {
  test('memory running out in a step: a message naming the settings to lower; the page stays usable and a smaller batch trains', async () => {
    const { page, errors } = await openPlayground(browser, 'wasm');
    await page.evaluate(() => window.nash!.training.play());
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration > 10, undefined, {
      timeout: 60_000,
      polling: 50,
    });
    // Injected: no setting the schema allows exhausts memory on this machine's backends (see the report).
    expect(await trainingWorker(page).evaluate(() => nashFault('out-of-memory'))).toBe(true);
    await page.waitForFunction(
      () =>
        window
          .nash!.training.getSnapshot()
          .notices.some((n) => n.subject.about === 'problem' && n.subject.problem.code === 'outOfMemory'),
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, {
      timeout: 30_000,
    });
    // The notice shows on the page's notification clock (at most 10 a second): wait for it.
    await expect.poll(() => messages(page).textContent(), { timeout: 10_000 }).toMatch(/Out of memory/);
    const text = await messages(page).textContent();
    expect(text).toMatch(
      /Out of memory on wasm \(.*\)\. Lower Batch size \(now 128\), Generator width \(now 64\), Discriminator width \(now 64\), Generator hidden layers \(now 2\)/,
    );
    const stopped = await iterationNow(page);
    expect(stopped).toBeGreaterThan(10);
    await page.waitForTimeout(300);
    expect(await iterationNow(page)).toBe(stopped);

    // The user lowers the batch size and trains again, through the page's controls.
    await page.evaluate(() => window.nash!.training.update({ batchSize: 32 }));
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await settledAt(page, stopped + 1);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration > n + 10, stopped, {
      timeout: 60_000,
      polling: 50,
    });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect((await read(page)).config.batchSize).toBe(32);
    expect(errors).toEqual([]);
    await page.close();
  });
});
