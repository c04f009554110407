/**
 * The backends a teacher's browser may pick train the same model alike: DCGAN on MNIST (conv and
 * transposed-conv gradients, batch norm, Adam) takes the same first two iterations on WebGL
 * (SwiftShader here), wasm (with the project's own kernels) and cpu, every stat to 1e-3. WebGPU's
 * counterpart is in worker-webgpu.test.ts; Node's in tests/unit/webgpu.test.ts.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, resetRun, stepRun } from './training.ts';
import { expectSameStats } from '../stats-agree.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('DCGAN on MNIST: webgl, wasm and cpu give the same two iterations', async () => {
  const { page } = await openPlayground(browser, 'wasm');
  const dcgan = { dataset: 'mnist', architecture: 'dcgan', batchSize: 16 } as const;
  const runs = [];
  for (const backend of ['wasm', 'webgl', 'cpu'] as const) {
    await resetRun(page, dcgan, backend, { planeMs: 0, samplesMs: 0, metricsEvery: 0 });
    await stepRun(page, 2, 'both');
    const { backend: chosen, stats } = await read(page);
    expect(chosen?.name).toBe(backend);
    expect(stats.map((p) => p.iteration)).toEqual([1, 2]);
    runs.push({ backend, stats });
  }
  const [wasm, ...others] = runs;
  for (const { backend, stats } of others) expectSameStats(stats, wasm.stats, backend);
  await page.close();
});
