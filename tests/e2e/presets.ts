/**
 * Loading a classroom preset on the playground page (at any seed) and watching its Diagnostics
 * cards, shared by the browser test (tests/e2e/playground-presets.test.ts, seed 1) and
 * `npm run bench -- presets` (scripts/bench/presets.ts, seeds 1…N).
 * No vitest import here: the benchmark runs outside vitest.
 */
import type { Page } from 'playwright-core';
import type { TrainingClient } from '../../src/client/TrainingClient.ts';
import { PRESETS, type PresetId } from '../../src/gan/presets.ts';
import { en as diagnosticsEn } from '../../src/i18n/diagnostics.ts';

declare global {
  interface Window {
    nash?: { training: TrainingClient };
  }
}

/** The seed every preset loads with: presets leave it at the schema's default. */
export const PRESET_SEED = 1;

/** The English card headings of the detectors a preset raises (a failure) or keeps quiet (a fix). */
export function namedCards(id: PresetId): string[] {
  const preset = PRESETS[id];
  return ('shows' in preset ? preset.shows : []).map((detector) => diagnosticsEn.detectors[detector].name);
}

const currentRun = (page: Page) => page.evaluate(() => window.nash!.training.getSnapshot().run);

/** Waits for a run newer than `before` to be ready, and playing if `play`. */
const newRun = (page: Page, before: number, play: boolean, timeout: number) =>
  page.waitForFunction(
    ([run, play]) => {
      const s = window.nash?.training.getSnapshot();
      return s !== undefined && s.run > run && s.phase === 'ready' && (!play || s.state === 'playing');
    },
    [before, play] as const,
    { timeout, polling: 50 },
  );

/**
 * Chooses a preset from the menu by its value and waits until it trains (the button reads Pause).
 * The menu loads it at seed 1; another seed is typed into the Seed field the way a student would,
 * then Reset and Train start the preset again with it.
 */
export async function loadPreset(page: Page, id: string, timeout = 60_000, seed = PRESET_SEED): Promise<void> {
  let run = await currentRun(page);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(id);
  await newRun(page, run, true, timeout);
  if (seed === PRESET_SEED) return;
  const controls = page.getByRole('group', { name: 'Training controls' });
  run = await currentRun(page);
  await controls.getByRole('button', { name: 'Pause', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'Seed', exact: true });
  await field.fill(String(seed));
  await field.press('Enter');
  await controls.getByRole('button', { name: 'Reset', exact: true }).click();
  await newRun(page, run, false, timeout);
  run = await currentRun(page);
  await controls.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(
    (before) => {
      const s = window.nash?.training.getSnapshot();
      return s?.run === before && s.state === 'playing';
    },
    run,
    { timeout, polling: 50 },
  );
  const config = await page.evaluate(() => window.nash!.training.getSnapshot().config.seed);
  if (config !== seed) throw new Error(`${id}: asked for seed ${seed}, the run has seed ${config}`);
}

/** The headings of the cards in the Diagnostics region. */
export async function cardNames(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Diagnostics', exact: true })
    .getByRole('heading', { level: 3 })
    .allTextContents();
}

/** When a card first appeared: seconds since the watch began (to 0.1 s) and the run's iteration then. */
export interface Sighting {
  seconds: number;
  iteration: number;
}

export interface Watched {
  /** Every card seen, by its heading. */
  fired: Record<string, Sighting>;
  /** How long the watch lasted, and the iteration the run had reached at its end. */
  seconds: number;
  iteration: number;
}

/**
 * Watches the Diagnostics region every 250 ms, noting when each card first appeared, for as long as
 * `keepWatching` says (it sees the cards so far, the seconds since the watch began and the iteration).
 */
export async function watchCards(page: Page, keepWatching: (now: Watched) => boolean): Promise<Watched> {
  const started = Date.now();
  const now: Watched = { fired: {}, seconds: 0, iteration: 0 };
  for (;;) {
    const names = await cardNames(page);
    now.iteration = await page.evaluate(() => window.nash!.training.getSnapshot().iteration);
    now.seconds = (Date.now() - started) / 1000;
    for (const name of names) now.fired[name] ??= { seconds: Number(now.seconds.toFixed(1)), iteration: now.iteration };
    if (!keepWatching(now)) return now;
    await page.waitForTimeout(250);
  }
}
