/**
 * How reliably the classroom presets show what they promise, `npm run bench -- presets [--seeds 10]
 * [--backend wasm|cpu|webgl|webgpu|auto] [--presets a,b] [--seconds 20] [--cap 180]`: every preset of
 * the menu (MENU_PRESETS) on the production playground page in headless Chromium, at seeds 1…N (typed
 * into the Seed field, then Reset and Train: the menu alone loads seed 1).
 *
 * - A failure is watched until its named card appears or `--seconds` pass; if by then the run has
 *   not reached the preset's `iterations` (cpu and webgl are slower than the wasm the presets were
 *   tuned on), on until it has, or until `--cap` seconds. Its card counts "within the time" if it came
 *   by `--seconds`, and "within its iterations" if it came by the preset's `iterations`.
 * - A fix or a default is watched for the full `--seconds`, and any card at all is a false alarm.
 *
 * Per preset: how often each card fired, the median seconds and iteration to it, and the iterations
 * reached; the last line gives the failure recall and the false alarms. Every run goes to
 * test-results/bench-presets.json. Ten seeds of every preset take about 1.5 hours: it runs only when named.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { MENU_PRESETS, type MenuPresetId } from '../../src/features/presets/menu.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import { BACKEND_NAMES } from '../../src/worker/protocol.ts';
import { launchBrowser } from '../../tests/e2e/browser.ts';
import { loadPreset, namedCards, type Sighting, watchCards } from '../../tests/e2e/presets.ts';
import { median } from '../../tests/e2e/soak.ts';
import { option, runOnlyWhenNamed } from './lib/args.ts';

runOnlyWhenNamed('presets', 'about 1.5 hours', '[--seeds N] [--backend NAME] [--presets a,b] [--seconds S] [--cap S]');
const wholeNumber = (name: string, fallback: number, min: number) => {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < min) {
    console.error(`presets: --${name} must be a whole number ≥ ${min}, not ${option(name)}`);
    process.exit(2);
  }
  return value;
};
const seeds = wholeNumber('seeds', 10, 1);
/** The classroom's promise: a failure shows within 20 s of Play on a 2-core CPU machine. */
const seconds = wholeNumber('seconds', 20, 1);
const cap = Math.max(seconds, wholeNumber('cap', 180, 1));
const backend = option('backend') ?? 'wasm';
if (backend !== 'auto' && !BACKEND_NAMES.some((name) => name === backend)) {
  console.error(`presets: --backend must be auto or one of ${BACKEND_NAMES.join(', ')}, not ${backend}`);
  process.exit(2);
}
const isMenuPreset = (id: string): id is MenuPresetId => MENU_PRESETS.some((menu) => menu === id);
const asked = option('presets')?.split(',') ?? MENU_PRESETS;
const unknown = asked.filter((id) => !isMenuPreset(id));
if (unknown.length) {
  console.error(`presets: not in the menu: ${unknown.join(', ')}; the menu has ${MENU_PRESETS.join(', ')}`);
  process.exit(2);
}
const chosen = asked.filter(isMenuPreset);

interface Run {
  preset: MenuPresetId;
  kind: 'failure' | 'fix' | 'default';
  seed: number;
  /** The cards a failure raises or a fix keeps quiet (English headings). */
  named: string[];
  fired: Record<string, Sighting>;
  seconds: number;
  iterations: number;
  /** The preset's own `iterations`, after which its signature is judged. */
  presetIterations: number;
  error?: string;
}

async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript((preference) => localStorage.setItem('nash.backend', preference), backend);
  // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which wraps named
  // inner functions in a __name helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(url);
  await page.waitForFunction(() => window.nash?.training.getSnapshot().phase === 'ready', undefined, {
    timeout: 300_000,
  });
  return { page, errors };
}

/** One preset at one seed: load, watch, pause. */
async function runOnce(page: Page, id: MenuPresetId, seed: number): Promise<Run> {
  const preset = PRESETS[id];
  const named = namedCards(id);
  const run: Run = {
    preset: id,
    kind: preset.kind,
    seed,
    named,
    fired: {},
    seconds: 0,
    iterations: 0,
    presetIterations: preset.iterations,
  };
  await loadPreset(page, id, 300_000, seed);
  const watched =
    preset.kind === 'failure'
      ? await watchCards(
          page,
          (now) =>
            !named.every((name) => name in now.fired) &&
            now.seconds < cap &&
            (now.seconds < seconds || now.iteration < preset.iterations),
        )
      : await watchCards(page, (now) => now.seconds < seconds);
  await page.evaluate(() => window.nash!.training.pause());
  return { ...run, fired: watched.fired, seconds: Number(watched.seconds.toFixed(1)), iterations: watched.iteration };
}

const namedFired = (run: Run, within: (sighting: Sighting) => boolean) =>
  run.named.every((name) => run.fired[name] !== undefined && within(run.fired[name]));
const inTime = (run: Run) => namedFired(run, (s) => s.seconds <= seconds);
const inIterations = (run: Run) => namedFired(run, (s) => s.iteration <= run.presetIterations);
const falseAlarm = (run: Run) => Object.keys(run.fired).length > 0;

const HEAD = [
  'preset',
  'kind',
  'runs',
  'iterations reached',
  'card',
  'fired',
  'median s',
  'median it',
  `by ${seconds} s`,
  'by its iterations',
];
const WIDTHS = [22, 7, 4, 22, 28, 5, 8, 9, 7, 17];
const row = (cells: string[]) =>
  `| ${cells.map((c, i) => (i < 5 ? c.padEnd(WIDTHS[i]) : c.padStart(WIDTHS[i]))).join(' | ')} |`;
const number = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** One row per card seen (a failure's named card first, even unseen); the preset's columns on the first. */
function presetRows(id: MenuPresetId, runs: Run[]): string[] {
  const ok = runs.filter((r) => !r.error);
  const reached = ok.map((r) => r.iterations);
  const spread = ok.length ? `${number(median(reached))} (${Math.min(...reached)}–${Math.max(...reached)})` : '–';
  const failure = PRESETS[id].kind === 'failure';
  const cards = [...new Set([...(failure ? namedCards(id) : []), ...ok.flatMap((r) => Object.keys(r.fired))])];
  const lines = cards.map((card, i) => {
    const seen = ok.flatMap((r) => (r.fired[card] ? [r.fired[card]] : []));
    const named = failure && namedCards(id).includes(card);
    const count = (test: (s: Sighting, r: Run) => boolean) =>
      `${ok.filter((r) => r.fired[card] && test(r.fired[card], r)).length}/${ok.length}`;
    return row([
      i === 0 ? id : '',
      i === 0 ? PRESETS[id].kind : '',
      i === 0 ? String(runs.length) : '',
      i === 0 ? spread : '',
      card,
      `${seen.length}/${ok.length}`,
      number(median(seen.map((s) => s.seconds)), 1),
      number(median(seen.map((s) => s.iteration))),
      named ? count((s) => s.seconds <= seconds) : '',
      named ? count((s, r) => s.iteration <= r.presetIterations) : '',
    ]);
  });
  if (!lines.length) lines.push(row([id, PRESETS[id].kind, String(runs.length), spread, '(none)', '', '', '', '', '']));
  for (const r of runs.filter((r) => r.error)) lines.push(`  seed ${r.seed}: ${r.error}`);
  return lines;
}

const share = (part: number, whole: number) => `${part}/${whole} (${whole ? ((100 * part) / whole).toFixed(0) : '–'}%)`;

function summary(runs: Run[]): string {
  const ok = runs.filter((r) => !r.error);
  const failures = ok.filter((r) => r.kind === 'failure');
  const fixes = ok.filter((r) => r.kind === 'fix');
  const defaults = ok.filter((r) => r.kind === 'default');
  const alarms = (rs: Run[]) => rs.filter(falseAlarm).length;
  return [
    `failure recall: ${share(failures.filter(inTime).length, failures.length)} of failure runs raised their card within ${seconds} s,`,
    `${share(failures.filter(inIterations).length, failures.length)} within their iterations;`,
    `false alarms: ${share(alarms(fixes) + alarms(defaults), fixes.length + defaults.length)} of fix and default runs raised a card`,
    `(fix ${alarms(fixes)}/${fixes.length}, default ${alarms(defaults)}/${defaults.length})${runs.length > ok.length ? `; ${runs.length - ok.length} runs failed` : ''}`,
  ].join(' ');
}

const outDir = mkdtempSync(join(tmpdir(), 'nash-presets-'));
// A test build: the page is driven through window.nash, which only test builds carry (issue 16).
await build({ logLevel: 'warn', mode: 'test', build: { outDir, emptyOutDir: true } });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await launchBrowser({ webgpu: backend === 'webgpu' || backend === 'auto' });
const runs: Run[] = [];
let chosenBackend: string | undefined;
const errors: string[] = [];
try {
  let opened = await openPage(browser, url);
  chosenBackend = await opened.page.evaluate(() => window.nash!.training.getSnapshot().backend?.name);
  console.log(
    `${chosen.length} presets × seeds 1–${seeds} on ${chosenBackend} (preference ${backend}); failures until their card or ${seconds} s ` +
      `(past it until their iterations, at most ${cap} s), fixes and defaults ${seconds} s; Chromium ${browser.version()}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}`,
  );
  console.log(`${row(HEAD)}\n|${WIDTHS.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const id of chosen) {
    const mine: Run[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      try {
        mine.push(await runOnce(opened.page, id, seed));
      } catch (error) {
        // A run that could not load or train is reported, and the next one gets a fresh page.
        mine.push({
          preset: id,
          kind: PRESETS[id].kind,
          seed,
          named: namedCards(id),
          fired: {},
          seconds: 0,
          iterations: 0,
          presetIterations: PRESETS[id].iterations,
          error: String(error).split('\n')[0],
        });
        errors.push(...opened.errors);
        await opened.page.close().catch(() => undefined);
        opened = await openPage(browser, url);
      }
    }
    runs.push(...mine);
    for (const line of presetRows(id, mine)) console.log(line);
  }
  errors.push(...opened.errors);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
if (errors.length) console.log(`page errors: ${[...new Set(errors)].join(' | ')}`);
mkdirSync('test-results', { recursive: true });
writeFileSync(
  'test-results/bench-presets.json',
  `${JSON.stringify({ backend, chosenBackend, seeds, seconds, cap, runs }, null, 1)}\n`,
);
console.log(summary(runs));
