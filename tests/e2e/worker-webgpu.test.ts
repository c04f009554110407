/**
 * The training worker on WebGPU. Here the adapter is SwiftShader (software Vulkan): ~100× slower
 * than wasm and tens of seconds compiling shaders (BROWSER.md), so the model is narrow, the views are
 * off, and the test takes two steps.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, resetRun, stepRun } from './training.ts';
import { describeBackendNotes, en as backendEn } from '../../src/i18n/backend.ts';
import { expectSameStats } from '../stats-agree.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: true });
});
afterAll(async () => {
  await browser?.close();
});

test('a software adapter does not win by default, and a forced WebGPU trains', async () => {
  const { page } = await openPlayground(browser);
  const auto = await read(page);
  expect(auto.backend?.name).not.toBe('webgpu');
  // Not tried: the automatic choice never tries a software adapter.
  expect(auto.backend?.candidates.find((c) => c.backend === 'webgpu')?.notes).toEqual([
    { code: 'notTried', because: expect.objectContaining({ code: 'softwareAdapter' }) },
  ]);
  expect(
    describeBackendNotes(auto.backend?.candidates.find((c) => c.backend === 'webgpu')?.notes ?? [], backendEn),
  ).toMatch(/^not tried: the adapter is software/);

  // Narrow, but four layers a side: more than 7 variables each, so each gradient norm sums more than
  // 7 squares, past the stock AddN's storage-buffer limit (gan/backends/webgpu.ts).
  const narrow = { batchSize: 8, generatorLayers: 4, generatorWidth: 4, discriminatorLayers: 4, discriminatorWidth: 4 };
  await resetRun(page, narrow, 'webgpu', { planeMs: 0, samplesMs: 0, metricsEvery: 0 }, 170_000);
  const ready = await read(page);
  expect(ready.backend?.name).toBe('webgpu');
  expect(
    ready.backend?.adapter?.isFallbackAdapter || /swiftshader/i.test(ready.backend?.adapter?.architecture ?? ''),
  ).toBe(true);
  await stepRun(page, 2, 'both', 170_000);
  const { iteration, stats } = await read(page);
  expect(iteration).toBe(2);
  expect(stats.map((p) => p.iteration)).toEqual([1, 2]);
  expect(stats.every((p) => Number.isFinite(p.dLoss) && Number.isFinite(p.gLoss))).toBe(true);

  // The same run on wasm: the same seed, so the same two iterations, to float32's rounding.
  await resetRun(page, narrow, 'wasm', { planeMs: 0, samplesMs: 0, metricsEvery: 0 });
  await stepRun(page, 2, 'both');
  const wasm = await read(page);
  expect(wasm.backend?.name).toBe('wasm');
  expectSameStats(stats, wasm.stats, 'webgpu');
  await page.close();
}, 240_000);
