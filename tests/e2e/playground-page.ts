/**
 * Helpers for the full playground's browser tests: open the page on a backend and save screenshots
 * under test-results/. Loading a preset and reading the Diagnostics cards are in ./presets.ts, which
 * the presets benchmark shares.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { waitFor } from './training.ts';

export interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export interface OpenOptions {
  /** The backend preference stored before the page loads (wasm skips the calibration of the others). */
  backend?: string;
  /** The page's language stored before it loads; by default the browser's. */
  language?: 'en' | 'ko';
  /** A link's hash, e.g. '#preset=modeCollapseLive'. */
  hash?: string;
  /** For axe-core, injected as a script tag, which the page's content security policy would refuse. */
  bypassCSP?: boolean;
}

type Viewport = { width: number; height: number };

/** Opens the playground at `viewport` and waits until it is ready. */
export async function openFull(
  browser: Browser,
  viewport: Viewport = { width: 1440, height: 900 },
  { backend = 'wasm', language, hash = '', bypassCSP = false }: OpenOptions = {},
): Promise<Opened> {
  const page = await browser.newPage({ viewport, bypassCSP });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(
    ([preference, lang]) => {
      localStorage.setItem('nash.backend', preference);
      if (lang) localStorage.setItem('nash.language', lang);
    },
    [backend, language] as const,
  );
  await page.goto(`${inject('baseURL')}${hash}`);
  await waitFor(page, 'ready', 90_000);
  return { page, errors };
}

/**
 * One page for all of a file's tests: before them Chromium starts (without WebGPU) and opens the
 * playground (openFull), `use` receiving the page and its errors for the file's own variables; after
 * them the browser closes.
 */
export function sharePage(viewport: Viewport, options: OpenOptions, use: (opened: Opened) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser({ webgpu: false });
    use(await openFull(browser, viewport, options));
  });
  afterAll(async () => {
    await browser?.close();
  });
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

/**
 * Waits for `shown` (a dialog a key press opens); on timeout the error says what the playground's
 * shortcuts (useShortcuts) would have seen: the run's phase and state, the focus, open dialogs.
 */
export async function shownAfterKey(page: Page, shown: Locator, timeout = 10_000): Promise<void> {
  try {
    await shown.waitFor({ timeout });
  } catch (error) {
    const seen = await page.evaluate(() => {
      const run = window.nash?.training.getSnapshot();
      const focus = document.activeElement;
      return JSON.stringify({
        phase: run?.phase,
        state: run?.state,
        iteration: run?.iteration,
        focus: focus ? `${focus.tagName} ${(focus.textContent ?? '').slice(0, 40)}` : null,
        openDialogs: [...document.querySelectorAll('dialog[open]')].map((dialog) => dialog.className),
      });
    });
    throw new Error(`${(error as Error).message}\nthe page after the key: ${seen}`, { cause: error });
  }
}
