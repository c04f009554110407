/**
 * Digits in class time, `npm run bench -- classtime [--seeds 3] [--first-seed 1] [--seconds 120] [--presets a,b]`:
 * issue 17's promise that the MNIST presets show digits the project's classifier reads as ≥ 9
 * classes with a classifier score ≥ 5 within 120 s of Train, in the browser on wasm.
 *
 * Each preset (mnistDefault, dcganMnist, cganMnist by default) at N seeds from --first-seed (1, …, N) runs in a fresh page of
 * a test build in headless Chromium (scripts/bench/lib/playground.ts, the page's training worker on
 * wasm, the page drawing its charts and samples as in class): reset onto the preset at the seed,
 * Train for `--seconds`, Pause. The worker's classifier reads 500 samples on the run's fixed noise
 * every 100 iterations and at the pause (src/worker/digit-metrics.ts); the table gives the reading
 * at the pause (score, classes, iterations reached, iterations per second) and the first reading
 * that met both targets, with its time. Every run goes to test-results/bench-classtime.json, and a
 * picture of the generated samples at the pause to test-results/classtime/<preset>-seed<n>.png. Three
 * presets at three seeds take about 20 minutes: it runs only when named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { PRESETS, type PresetId } from '../../src/gan/presets.ts';
import { cardNames } from '../../tests/e2e/presets.ts';
import { option, runOnlyWhenNamed } from './lib/args.ts';
import { resetOnto, startPlayground } from './lib/playground.ts';

runOnlyWhenNamed('classtime', 'about 20 minutes', '[--seeds N] [--first-seed S] [--seconds S] [--presets a,b]');
const wholeNumber = (name: string, fallback: number, min: number) => {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < min) {
    console.error(`classtime: --${name} must be a whole number ≥ ${min}, not ${option(name)}`);
    process.exit(2);
  }
  return value;
};
const seeds = wholeNumber('seeds', 3, 1);
const firstSeed = wholeNumber('first-seed', 1, 1);
const lastSeed = firstSeed + seeds - 1;
const seconds = wholeNumber('seconds', 120, 1);
/** The targets (issue 17): the classifier's score and the classes it reads. */
const SCORE = 5;
const CLASSES = 9;
const isPreset = (id: string): id is PresetId => Object.hasOwn(PRESETS, id);
const asked = option('presets')?.split(',') ?? ['mnistDefault', 'dcganMnist', 'cganMnist'];
const unknown = asked.filter((id) => !isPreset(id) || PRESETS[id as PresetId].config.dataset !== 'mnist');
if (unknown.length) {
  console.error(`classtime: not an MNIST preset: ${unknown.join(', ')}`);
  process.exit(2);
}
const chosen = asked.filter(isPreset);

interface Reading {
  iteration: number;
  /** Seconds since Train. */
  seconds: number;
  score: number;
  classes: number;
}

interface Run {
  preset: PresetId;
  seed: number;
  backend: string;
  /** The reading at the pause. */
  final?: Reading;
  /** The first reading with score ≥ SCORE and classes ≥ CLASSES, if any. */
  first?: Reading;
  readings: Reading[];
  /** The diagnostics cards the page showed during Train (their headings), none on a healthy run. */
  cards: string[];
  error?: string;
}

declare global {
  interface Window {
    classtime?: { started: number; readings: Reading[] };
  }
}

/**
 * Trains the page's run for `seconds` from Train to Pause and returns every classifier reading, and
 * every diagnostics card that showed meanwhile (looked at each second).
 */
async function train(page: Page): Promise<{ readings: Reading[]; cards: string[] }> {
  await page.evaluate(() => {
    const client = window.nash!.training;
    const log = { started: performance.now(), readings: [] as Reading[] };
    window.classtime = log;
    client.onEvent((event) => {
      if (event.type !== 'metrics' || !event.classifier) return;
      log.readings.push({
        iteration: event.evaluation.iteration,
        seconds: (performance.now() - log.started) / 1000,
        score: event.classifier.classifierScore,
        classes: event.classifier.modes,
      });
    });
    client.play();
  });
  const cards = new Set<string>();
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    await page.waitForTimeout(Math.min(1000, until - Date.now()));
    for (const card of await cardNames(page)) cards.add(card);
  }
  await page.evaluate(() => window.nash!.training.pause());
  // The worker reads the classifier once more at the pause; wait for the reading at the last iteration.
  await page.waitForFunction(
    () => {
      const { iteration, state } = window.nash!.training.getSnapshot();
      const last = window.classtime!.readings.at(-1);
      return state === 'paused' && last !== undefined && last.iteration === iteration;
    },
    undefined,
    { timeout: 120_000, polling: 250 },
  );
  return { readings: await page.evaluate(() => window.classtime!.readings), cards: [...cards] };
}

const runs: Run[] = [];
mkdirSync('test-results/classtime', { recursive: true });
const playground = await startPlayground();
console.log(
  `classtime: Chromium ${playground.browser.version()}, wasm, ${seconds} s of Train per run, seeds ${firstSeed}–${lastSeed}, ${chosen.join(', ')}; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
);
try {
  for (const preset of chosen) {
    for (let seed = firstSeed; seed <= lastSeed; seed++) {
      const config: RunConfig = { ...defaultConfig(), ...PRESETS[preset].config, seed };
      const run: Run = { preset, seed, backend: '', readings: [], cards: [] };
      const page = await playground.open();
      try {
        const target = await resetOnto(page, config, 'wasm');
        run.backend = target.backend;
        ({ readings: run.readings, cards: run.cards } = await train(page));
        // What the class sees at the pause: G's samples on the fixed noise.
        await page
          .getByRole('img', { name: 'Generated samples' })
          .screenshot({ path: `test-results/classtime/${preset}-seed${seed}.png`, timeout: 30_000 })
          .catch(() => undefined);
        run.final = run.readings.at(-1);
        run.first = run.readings.find((r) => r.score >= SCORE && r.classes >= CLASSES);
      } catch (error) {
        run.error = (error as Error).message.split('\n')[0].slice(0, 160);
      } finally {
        await page.close();
      }
      runs.push(run);
      const f = run.final;
      console.log(
        `${preset} seed ${seed}: ${f ? `${f.iteration} iterations, score ${f.score.toFixed(2)}, ${f.classes} classes` : run.error}${run.first ? `; targets met at ${run.first.seconds.toFixed(0)} s (${run.first.iteration} its)` : ''} (load ${loadavg()[0].toFixed(1)})`,
      );
    }
  }
} finally {
  await playground.close();
}

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench-classtime.json', JSON.stringify({ seconds, runs }, null, 2));

const met = (r: Run) => r.final !== undefined && r.final.score >= SCORE && r.final.classes >= CLASSES;
console.log(
  `\nDigits in class time: ${seconds} s of Train in headless Chromium on wasm (${cpus().length} cores, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at the end); targets: classifier score ≥ ${SCORE} and ≥ ${CLASSES} classes:`,
);
console.log(
  '| preset | seed | backend | iterations | it/s | classifier score | classes | targets at the pause | first met (s, iteration) | cards shown |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  const f = r.final;
  if (!f) {
    console.log(`| ${r.preset} | ${r.seed} | ${r.backend} | — | — | — | — | ${r.error ?? 'no reading'} | — | — |`);
    continue;
  }
  console.log(
    `| ${r.preset} | ${r.seed} | ${r.backend} | ${f.iteration} | ${(f.iteration / f.seconds).toFixed(1)} | ${f.score.toFixed(2)} | ${f.classes} | ${met(r) ? 'met' : 'not met'} | ${r.first ? `${r.first.seconds.toFixed(0)} s, ${r.first.iteration}` : '—'} | ${r.cards.join(', ') || 'none'} |`,
  );
}
for (const preset of chosen) {
  const mine = runs.filter((r) => r.preset === preset);
  console.log(`${preset}: targets met at the pause at ${mine.filter(met).length} of ${mine.length} seeds`);
}
