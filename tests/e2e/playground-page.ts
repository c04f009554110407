/**
 * Helpers for the full playground's browser tests: open the page on a backend and save screenshots
 * under test-results/. Loading a preset and reading the Diagnostics cards are in ./presets.ts, which
 * the presets benchmark shares.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { waitFor } from './training.ts';

export interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** Opens the playground at `viewport` on `backend` (wasm skips the calibration of the others). */
export async function openFull(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
  backend = 'wasm',
): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript((preference) => localStorage.setItem('nash.backend', preference), backend);
  await page.goto(inject('baseURL'));
  await waitFor(page, 'ready', 90_000);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await page.screenshot({ path });
  return path;
}

export async function iteration(page: Page): Promise<number> {
  return Number(await page.getByRole('status', { name: 'Iteration', exact: true }).textContent());
}
