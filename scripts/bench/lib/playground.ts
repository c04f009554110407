/**
 * The playground in headless Chromium for the browser benchmarks (worker.ts, dcgan.ts): a production
 * build served by `vite preview`, Chromium with SwiftShader WebGPU enabled (BROWSER.md), and the
 * worker's `benchmark` command (src/worker/benchmark.ts) run against the page's current run.
 * This folder holds no benchmark of its own: scripts/bench.ts runs only the .ts files beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { TrainingClient, TrainingState } from '../../../src/client/TrainingClient.ts';
import type { RunConfig } from '../../../src/gan/config.ts';
import type { BackendName } from '../../../src/worker/protocol.ts';
import { launchBrowser } from '../../../tests/e2e/browser.ts';
import { describeNotice, en } from '../../../src/i18n/reliability.ts';

declare global {
  interface Window {
    nash?: { training: TrainingClient };
  }
}

export interface Playground {
  browser: Browser;
  url: string;
  /** A fresh page (its own worker) on the playground, its first run ready on wasm. */
  open(): Promise<Page>;
  close(): Promise<void>;
}

/** `env`: build-time settings for this build only, e.g. { VITE_WASM_THREADS: '2' } (src/worker/wasm-paths.ts). */
export async function startPlayground(env: Record<string, string> = {}): Promise<Playground> {
  const outDir = mkdtempSync(join(tmpdir(), 'nash-bench-'));
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    // A test build: the benchmarks drive the page through window.nash and the benchmark command (issue 16).
    await build({ logLevel: 'warn', mode: 'test', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const browser = await launchBrowser({ webgpu: true });
  const url = server.resolvedUrls?.local[0] ?? '';
  return {
    browser,
    url,
    async open() {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // Start on wasm so the page's first run costs no calibration; a benchmark then resets onto its backend.
      await page.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
      // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which wraps named
      // inner functions in a __name helper the page does not have.
      await page.addInitScript('globalThis.__name = (f) => f;');
      await page.goto(url);
      await ready(page, 120_000);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the run to be built and paused; throws the worker's notices if it failed. */
export async function ready(page: Page, timeout: number) {
  await page.waitForFunction(() => window.nash?.training.getSnapshot().phase !== 'starting', undefined, {
    timeout,
    polling: 100,
  });
  const s = await page.evaluate(() => window.nash!.training.getSnapshot());
  if (s.phase !== 'ready') throw new Error(s.notices.map((n) => describeNotice(n, en)).join(' | '));
  await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, { timeout });
  return s;
}

/**
 * Resets the page's run onto `config` on `backend` and says which backend it got: the requested one,
 * or `requested→actual` when the worker fell back; the note names a WebGPU adapter.
 */
export async function resetOnto(
  page: Page,
  config: RunConfig,
  backend: BackendName,
  timeout = 300_000,
): Promise<{ backend: string; actual: string; note: string; snapshot: TrainingState }> {
  await page.evaluate(([c, preference]) => window.nash!.training.reset(c, { backend: preference }), [
    config,
    backend,
  ] as const);
  const snapshot = await ready(page, timeout);
  const actual = snapshot.backend?.name ?? '?';
  const adapter = snapshot.backend?.adapter;
  const note =
    actual !== backend
      ? `fell back to ${actual}`
      : adapter
        ? `${adapter.vendor} ${adapter.architecture}${adapter.isFallbackAdapter ? ' (software)' : ''}`
        : '';
  return { backend: actual === backend ? backend : `${backend}→${actual}`, actual, note, snapshot };
}

/**
 * The worker's benchmark of the current run: `trainer` (Nash's Trainer.step) or `bare` (the plain
 * tfjs loop), one untimed warm-up step then at least two timed ones within about `seconds`. Rejects
 * with the worker's message if the command fails there, or after `timeoutMs`.
 */
export async function benchmarkRun(
  page: Page,
  mode: 'bare' | 'trainer',
  seconds: number,
  timeoutMs: number,
): Promise<{ iterations: number; milliseconds: number }> {
  return page.evaluate(
    ([m, t, limit]) =>
      new Promise<{ iterations: number; milliseconds: number }>((resolve, reject) => {
        const client = window.nash!.training;
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no result within ${Math.round(limit / 1000)} s`))),
          limit,
        );
        const stop = client.onEvent((e) => {
          if (e.type === 'error') finish(() => reject(new Error(JSON.stringify(e.problem))));
        });
        const finish = (then: () => void) => {
          clearTimeout(timer);
          stop();
          then();
        };
        client
          .benchmark(m, t)
          .then((result) =>
            finish(() => resolve({ iterations: result.iterations, milliseconds: result.milliseconds })),
          );
      }),
    [mode, seconds, timeoutMs] as const,
  );
}
