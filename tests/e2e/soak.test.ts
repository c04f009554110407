/**
 * Long runs (issue 9), the CI version of `npm run bench -- soak`: one minute of the ring preset on
 * the real playground page (wasm, the CPU machines' backend), a reading every 20 s (tests/e2e/soak.ts).
 * The 30-minute soak with a reading a minute is the benchmark; this short one keeps CI inside its
 * budget and still catches a leak that grows with every chunk or every view drawn (the chart history
 * fills within the first 30 s at the ring's rate, so the readings compared are past it).
 * It asserts the soak's three properties with tolerances for a loaded 2-core machine:
 * - tensors flat: no reading after the first interval's has more worker tensors than it;
 * - heap: the page's heap net of the chart history, and the worker's heap, within 10% of that reading's
 *   after a forced GC (readings are taken paused, so no step is half done);
 * - throughput steady: the last interval at least 40% of the run's own median interval (other processes
 *   on a shared machine swing the rate; a loop that slows as it runs falls far below).
 */
import { loadavg } from 'node:os';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { waitFor } from './training.ts';
import { describeVerdict, judge, soak, startRingPreset, tableHead, tableRow } from './soak.ts';

/** Readings after the first, and the time between them: 3 × 20 s of training. */
const READINGS = 3;
const INTERVAL_MS = 20_000;
const LIMITS = { heapGrowth: 0.1, throughput: 0.4 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

test(`soak: ${(READINGS * INTERVAL_MS) / 1000} s of the ring preset keep tensors flat, heap within 10% and throughput steady`, {
  timeout: 5 * 60_000,
}, async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
  await page.goto(inject('baseURL'));
  await waitFor(page, 'ready', 90_000);
  await startRingPreset(page);
  const rows: string[] = [];
  const readings = await soak(browser, page, {
    minutes: READINGS,
    intervalMs: INTERVAL_MS,
    loadAverage: () => loadavg()[0],
    onReading: (r) => rows.push(tableRow(r)),
  });
  const verdict = judge(readings, LIMITS);
  console.log(
    `soak (${READINGS} readings ${INTERVAL_MS / 1000} s apart, ring preset, wasm)\n${tableHead()}\n${rows.join('\n')}\n${describeVerdict(verdict, LIMITS)}`,
  );
  expect(
    readings.every((r) => r.workerHeap !== undefined),
    'the worker heap was read at every reading',
  ).toBe(true);
  expect(verdict.tensorsFlat, 'tensors flat').toBe(true);
  expect(verdict.pageHeapNetGrowth, 'page heap growth, net of the chart history').toBeLessThan(LIMITS.heapGrowth);
  expect(verdict.workerHeapGrowth, 'worker heap growth').toBeLessThan(LIMITS.heapGrowth);
  expect(verdict.lastOverMedian, 'last interval over the median interval').toBeGreaterThanOrEqual(LIMITS.throughput);
  expect(errors).toEqual([]);
  await page.close();
});
