/**
 * The built app on hosts that send what `dist/_headers` says, and on one that sends no headers at
 * all (issue 20, part 7). The page's policy is its meta tag; the worker's can only come from the
 * response that serves it, so the build ships `_headers` (from the policy the meta tag holds) and
 * `vite preview` sends it; where nothing is sent, the worker itself refuses code from strings
 * (src/worker/refuse-eval.ts), and TensorFlow.js still trains without it.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parseHeadersFile } from '../../scripts/vite-csp.ts';
import { launchBrowser } from './browser.ts';
import { CONTENT_TYPES } from './content-types.ts';
import { noticeText, read, resetRun, SMALL, stepRun, waitFor } from './training.ts';

const DIST = inject('distDir');

/** A static server over dist/ that sends a content type and nothing else: no policy, no isolation. */
function plainServer(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname));
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(DIST)) return void response.writeHead(403).end();
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

/**
 * Code from strings in the worker, each way the language offers, run by Playwright (whose own
 * evaluation is exempt, as DevTools' is under a policy): what each attempt gave.
 */
function codeFromStrings(worker: Worker) {
  return worker.evaluate(`(() => {
    const attempts = {
      eval: () => eval('1 + 1'),
      indirectEval: () => (0, eval)('1 + 1'),
      Function: () => new Function('return 1 + 1')(),
      functionConstructor: () => (function () {}).constructor('return 1 + 1')(),
      asyncFunctionConstructor: () => (async function () {}).constructor('return 1 + 1'),
      generatorFunctionConstructor: () => (function* () {}).constructor('yield 1 + 1'),
      setTimeout: () => setTimeout('globalThis.ranFromString = true'),
      setInterval: () => clearInterval(setInterval('globalThis.ranFromString = true', 10)),
    };
    const results = {};
    for (const [name, attempt] of Object.entries(attempts)) {
      try {
        attempt();
        results[name] = 'ran';
      } catch (error) {
        results[name] = error.name;
      }
    }
    return results;
  })()`);
}

const trainingWorker = (page: Page) => page.workers().find((w) => w.url().includes('training.worker'));

let browser: Browser;
let server: Server;
let plainURL: string;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
  server = await plainServer();
  plainURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

describe('static hosts', () => {
  test('dist/_headers holds the meta tag’s policy and the isolation headers, and vite preview sends exactly those', async () => {
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const rules = parseHeadersFile(await readFile(join(DIST, '_headers'), 'utf8'));
    expect(rules.map((rule) => rule.pattern)).toEqual(['/*']);
    const headers = Object.fromEntries(rules[0].headers);
    expect(headers).toEqual({
      'Content-Security-Policy': meta,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    expect(meta).not.toMatch(/'unsafe-eval'|https?:|\*/);
    // The service worker precaches what the host serves; hosts do not serve _headers.
    expect(await readFile(join(DIST, 'sw.js'), 'utf8')).not.toContain('_headers');

    const page = await browser.newPage();
    await page.goto(inject('baseURL'));
    await waitFor(page, 'ready', 60_000);
    const worker = trainingWorker(page);
    expect(worker).toBeDefined();
    for (const url of [inject('baseURL'), worker!.url()]) {
      const sent = (await fetch(url)).headers;
      for (const [name, value] of Object.entries(headers)) expect(sent.get(name), `${name} on ${url}`).toBe(value);
    }
    await page.close();
  });

  test('a host that sends no headers: the worker still refuses code from strings, and training works on cpu, wasm and webgl', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
    await page.goto(plainURL);
    await waitFor(page, 'ready', 60_000);
    const worker = trainingWorker(page);
    expect(worker).toBeDefined();
    expect((await fetch(worker!.url())).headers.get('content-security-policy')).toBeNull();

    expect(await codeFromStrings(worker!)).toEqual({
      eval: 'EvalError',
      indirectEval: 'EvalError',
      Function: 'EvalError',
      functionConstructor: 'EvalError',
      asyncFunctionConstructor: 'EvalError',
      generatorFunctionConstructor: 'EvalError',
      setTimeout: 'EvalError',
      setInterval: 'EvalError',
    });
    await page.waitForTimeout(100);
    expect(await worker!.evaluate('globalThis.ranFromString')).toBeUndefined();
    // Functions are still functions.
    expect(await worker!.evaluate('(() => 1) instanceof Function && (async () => 1) instanceof Function')).toBe(true);

    // TensorFlow.js needs none of it: each backend trains (it also must under the policy: security.test.ts).
    for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
      await resetRun(page, SMALL, backend, { planeMs: 0 });
      expect((await read(page)).backend?.name).toBe(backend);
      await stepRun(page, 3);
      const { stats, notices } = await read(page);
      expect(stats.at(-1)?.iteration, noticeText(notices)).toBe(3);
      expect(stats.every((point) => Number.isFinite(point.dLoss) && Number.isFinite(point.gLoss))).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
