/**
 * Offline use in real Chromium: after one visit the service worker holds the app shell, the wasm
 * binaries and public/ data; with the network off, a reload still loads the app and it trains.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { read, stepRun, waitFor } from './training.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

test('load once, go offline, reload: the app loads from the cache and trains on wasm', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${inject('baseURL')}#batchSize=32`);
  await waitFor(page, 'ready', 60_000);
  // Installed and activated means every file is in the cache (install waits for the precache).
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((key) => key.startsWith('nash-'))!);
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
  expect(cached.some((path) => path.endsWith('.wasm'))).toBe(true);
  expect(cached.some((path) => path.endsWith('/data/mnist.bin'))).toBe(true);
  expect(cached.some((path) => path.endsWith('/models/digit-classifier.bin'))).toBe(true);
  // The trained starts' models (issue 17), so 'Start from trained weights' works offline too.
  expect(cached.some((path) => path.endsWith('/models/mnistDefault.bin'))).toBe(true);

  await context.setOffline(true);
  const fromWorker: boolean[] = [];
  page.on('response', (response) => fromWorker.push(response.fromServiceWorker()));
  await page.reload();
  // waitFor reads window.nash, which the reloaded page sets only once its scripts have run.
  await page.waitForFunction(() => window.nash !== undefined, undefined, { timeout: 60_000 });
  await waitFor(page, 'ready', 60_000);
  expect(fromWorker.length).toBeGreaterThan(0);
  expect(fromWorker.every(Boolean)).toBe(true);
  await stepRun(page, 3);
  const state = await read(page);
  expect(state.iteration).toBe(3);
  expect(state.backend?.name).toBe('wasm');
  expect(state.stats.every((p) => Number.isFinite(p.dLoss))).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
