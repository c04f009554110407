/**
 * Helpers for the full playground's browser tests: open the page on a backend, load a preset, read
 * the diagnostics cards, and save screenshots under test-results/.
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
export async function openFull(browser: Browser, viewport = { width: 1440, height: 900 }, backend = 'wasm'): Promise<Opened> {
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

/** Chooses a preset from the menu by its value and waits until it trains (the button reads Pause). */
export async function loadPreset(page: Page, id: string, timeout = 60_000): Promise<void> {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(id);
  await page.waitForFunction(() => {
    const s = window.nash?.training.getSnapshot();
    return s?.phase === 'ready' && s.state === 'playing';
  }, undefined, { timeout, polling: 50 });
}

/** The headings of the cards in the Diagnostics region. */
export async function cardNames(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Diagnostics', exact: true }).getByRole('heading', { level: 3 }).allTextContents();
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
