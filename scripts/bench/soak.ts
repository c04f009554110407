/**
 * Long runs (issue 9), `npm run bench -- soak [--minutes 30] [--backend auto|webgpu|webgl|wasm|cpu]`:
 * trains the ring preset on the production playground page in headless Chromium for `--minutes`
 * (default 30) and prints, once a minute, the worker's tf tensor count, the page's and the worker's JS
 * heap after a forced GC, DOM nodes, listeners and iterations/s, then a verdict: tensors flat, heap
 * growth < 10% (last minute vs minute 1), last minute's throughput ≥ 80% of the median minute. The
 * machine may be shared: each row has the load average. Readings go to test-results/soak.json too.
 *
 * Thirty minutes is too long for `npm run bench` with no names: it runs only when named.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launchBrowser } from '../../tests/e2e/browser.ts';
import {
  describeVerdict,
  judge,
  type SoakReading,
  soak,
  startRingPreset,
  tableHead,
  tableRow,
} from '../../tests/e2e/soak.ts';
import { benchArgs, option, runOnlyWhenNamed } from './lib/args.ts';

runOnlyWhenNamed(
  'soak',
  '30 minutes',
  '[--minutes N] [--backend NAME]',
  benchArgs.includes('soak') || option('minutes') !== undefined,
);
const minutes = Number(option('minutes') ?? 30);
const backend = option('backend') ?? 'auto';
if (!Number.isInteger(minutes) || minutes < 2) {
  console.error(
    `soak: --minutes must be a whole number ≥ 2 (the verdict compares minute 1 with the last), not ${option('minutes')}`,
  );
  process.exit(2);
}

const outDir = mkdtempSync(join(tmpdir(), 'nash-soak-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
const browser = await launchBrowser({ webgpu: true });
let readings: SoakReading[] | undefined;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript((preference) => localStorage.setItem('nash.backend', preference), backend);
  await page.goto(server.resolvedUrls?.local[0] ?? '');
  await page.waitForFunction(() => window.nash?.training.getSnapshot().phase === 'ready', undefined, {
    timeout: 300_000,
  });
  await startRingPreset(page, 300_000);
  const chosen = await page.evaluate(() => window.nash!.training.getSnapshot().backend?.name);
  console.log(
    `ring preset (ringDefault) on ${chosen} (preference ${backend}), ${minutes} min, Chromium ${browser.version()}, ${cpus().length} CPUs; one row a minute, heaps after a forced GC`,
  );
  console.log(tableHead());
  readings = await soak(browser, page, {
    minutes,
    loadAverage: () => loadavg()[0],
    onReading: (r) => console.log(tableRow(r)),
  });
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
if (!readings) process.exit(1);
console.log(describeVerdict(judge(readings)));
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/soak.json', `${JSON.stringify({ minutes, backend, readings }, null, 1)}\n`);
