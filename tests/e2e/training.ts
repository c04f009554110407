/**
 * Helpers for browser tests of the training worker. The playground page exposes its client as
 * `window.nash.training` (src/features/playground/useTrainingClient.ts); these wrappers read it
 * from the page, copying typed arrays into plain ones so they survive serialisation.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { TrainingClient } from '../../src/client/TrainingClient.ts';
import type { RunConfig } from '../../src/gan/config.ts';
import type { BackendPreference, Schedule } from '../../src/worker/protocol.ts';
import type { Notice } from '../../src/client/notices.ts';
import { describeNotice, en as reliabilityEn } from '../../src/i18n/reliability.ts';

/** The notices in English, for a failing test's message. */
export const noticeText = (notices: readonly Notice[]): string =>
  notices.map((n) => describeNotice(n, reliabilityEn)).join(' | ');

declare global {
  interface Window {
    nash?: { training: TrainingClient };
  }
}

export interface PageRun {
  page: Page;
  /** Uncaught page errors seen so far. */
  errors: string[];
}

/** Opens the playground (at a link's `hash`, if given) with a remembered backend setting and waits for the first run to be ready. */
export async function openPlayground(
  browser: Browser,
  backend: BackendPreference = 'auto',
  hash = '',
  readyTimeout = 60_000,
): Promise<PageRun> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript((preference) => localStorage.setItem('nash.backend', preference), backend);
  await page.goto(`${inject('baseURL')}${hash}`);
  await waitFor(page, 'ready', readyTimeout);
  return { page, errors };
}

/** Waits until the page's client reaches `phase`, and fails early if it failed. */
export async function waitFor(page: Page, phase: 'ready', timeout: number): Promise<void> {
  await page.waitForFunction(() => window.nash?.training.getSnapshot().phase !== 'starting', undefined, {
    timeout,
    polling: 50,
  });
  const state = await page.evaluate(() => window.nash?.training.getSnapshot());
  if (state?.phase !== phase) throw new Error(`The run is ${state?.phase}: ${noticeText(state?.notices ?? [])}`);
}

/** The serialisable part of the snapshot. */
export async function read(page: Page) {
  return page.evaluate(() => {
    const s = window.nash!.training.getSnapshot();
    return {
      phase: s.phase,
      run: s.run,
      backend: s.backend,
      preference: s.preference,
      config: s.config,
      state: s.state,
      iteration: s.iteration,
      tensors: s.tensors,
      stats: s.stats.slice(-200),
      statCount: s.stats.length,
      markers: s.markers,
      notices: s.notices,
      fake: s.plane ? Array.from(s.plane.fake) : undefined,
      planeIteration: s.plane?.iteration,
    };
  });
}

/** Restarts the page's run with `config` on `backend` and waits until it is ready. */
export async function resetRun(
  page: Page,
  config: Partial<RunConfig>,
  backend: BackendPreference,
  schedule: Partial<Schedule> = {},
  timeout = 60_000,
) {
  await page.evaluate(
    ([patch, preference, changes]) => {
      const client = window.nash!.training;
      client.reset({ ...client.getSnapshot().config, ...patch }, { backend: preference, schedule: changes });
    },
    [config, backend, schedule] as const,
  );
  await waitFor(page, 'ready', timeout);
  // The new run's first status (iteration 0, paused) follows its ready event; until it arrives the
  // snapshot may still show where the old run stopped.
  await page.waitForFunction(
    () => {
      const s = window.nash!.training.getSnapshot();
      return s.state === 'paused' && s.iteration === 0;
    },
    undefined,
    { timeout },
  );
}

/** Runs `count` iterations of `which` and waits until the worker has settled after them. */
export async function stepRun(
  page: Page,
  count: number,
  which: 'both' | 'discriminator' | 'generator' = 'both',
  timeout = 60_000,
) {
  const target = (await read(page)).iteration + count;
  await page.evaluate(([n, w]) => window.nash!.training.step(n, w), [count, which] as const);
  await settledAt(page, target, timeout);
}

/** Waits for the paused status at `iteration`: every view and stats read after the last step is in. */
export async function settledAt(page: Page, iteration: number, timeout = 60_000) {
  try {
    await page.waitForFunction(
      (n) => {
        const s = window.nash!.training.getSnapshot();
        return s.state === 'paused' && s.iteration === n;
      },
      iteration,
      { timeout, polling: 50 },
    );
  } catch (error) {
    const s = await page.evaluate(() => {
      const { phase, state, iteration, notices } = window.nash!.training.getSnapshot();
      return { phase, state, iteration, notices };
    });
    throw new Error(
      `Not settled at iteration ${iteration}: ${JSON.stringify({ ...s, notices: noticeText(s.notices) })}`,
      { cause: error },
    );
  }
}

/** A small ring model: fast enough that slow backends finish a few steps in seconds. */
export const SMALL: Partial<RunConfig> = { batchSize: 32, generatorWidth: 16, discriminatorWidth: 16 };

/** A shipped trained model's manifest (public/models/<preset>.json): the iteration it was saved at, the configuration it was trained with. */
export const shippedModel = (preset: string) =>
  JSON.parse(readFileSync(`public/models/${preset}.json`, 'utf8')) as { iteration: number; config: RunConfig };

/** The iteration a shipped trained model was saved at. */
export const modelIteration = (preset: string): number => shippedModel(preset).iteration;

/**
 * Clicks "Start from trained weights" and waits for its status line; the seconds from the click to
 * the line. On a page that already shows the line (a second load), waits for "Loading…" to replace it first.
 */
export async function startFromTrainedWeights(page: Page, timeout = 10_000): Promise<number> {
  const line = page.getByRole('status').filter({ hasText: 'Started from the trained model' });
  const again = (await line.count()) > 0;
  const started = Date.now();
  await page.getByRole('button', { name: 'Start from trained weights' }).click();
  if (again) await line.waitFor({ state: 'detached', timeout });
  await line.waitFor({ timeout });
  return (Date.now() - started) / 1000;
}
