/**
 * A new version while a tab is open (issue 16): the offline worker installs it beside the running one
 * and waits; the page says "A new version is ready — Reload" and keeps working on its own build (its
 * lazy chunks come from the old cache even once the host has dropped them); only the click switches.
 * A local host serves the e2e build as version 1, then a version 2: a changed sw.js (a new cache
 * name), an index.html that says which version it is, and the explainer's old chunk gone.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { CONTENT_TYPES } from './content-types.ts';
import { read, stepRun, waitFor } from './training.ts';

const DIST = inject('distDir');

let version = 1;
/** The explainer's chunk of version 1, which version 2's host no longer has. */
let droppedChunk = '';

/** What the host sends for `path` in the current version: version 2 differs in sw.js, index.html and the dropped chunk. */
async function body(path: string): Promise<Buffer | undefined> {
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(DIST)) return undefined;
  if (version === 2 && path === `/${droppedChunk}`) return undefined;
  const content = await readFile(file).catch(() => undefined);
  if (!content || version === 1) return content;
  if (path === '/sw.js') {
    const text = content
      .toString()
      .replace(/const CACHE = "(nash-\w+)";/, 'const CACHE = "$1-v2";')
      .replace(`"${droppedChunk}",`, '');
    return Buffer.from(text);
  }
  if (file.endsWith('index.html'))
    return Buffer.from(content.toString().replace('<head>', '<head>\n    <meta name="nash-version" content="2" />'));
  return content;
}

function host(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname));
    void body(path).then((content) =>
      content
        ? response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'text/html' }).end(content)
        : response.writeHead(404).end(),
    );
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

const prompt = (page: Page) => page.getByRole('status', { name: 'Update', exact: true });
const cacheNames = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('nash-')));

let browser: Browser;
let server: Server;
beforeAll(async () => {
  const serviceWorker = await readFile(join(DIST, 'sw.js'), 'utf8');
  droppedChunk = /"(assets\/ExplainerPage-[\w-]+\.js)"/.exec(serviceWorker)?.[1] ?? '';
  expect(droppedChunk).not.toBe('');
  browser = await launchBrowser({ webgpu: false });
  server = await host();
});
afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((closed) => server.close(closed));
});

test('a new version waits for the Reload click; until then the open tab keeps working on its own build', async () => {
  version = 1;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/#batchSize=32`);
  await waitFor(page, 'ready', 60_000);
  // Installed (every file precached), activated, in control of this first page: no prompt for a first install.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  const [oldCache] = await cacheNames(page);
  expect(await prompt(page).count()).toBe(0);
  // Installable: the page links a manifest, and the worker holds it and its icons for offline starts.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
    const cached = await caches.match(link.href);
    return { ...(await cached!.json()), href: link.href } as {
      name: string;
      display: string;
      start_url: string;
      icons: { src: string }[];
      href: string;
    };
  });
  expect(manifest).toMatchObject({ name: 'Nash', display: 'standalone', start_url: './' });
  for (const icon of manifest.icons) {
    expect(
      await page.evaluate(async (src) => (await caches.match(src))?.ok, new URL(icon.src, manifest.href).href),
      icon.src,
    ).toBe(true);
  }

  version = 2;
  await page.evaluate(() => {
    (window as { stillTheOldPage?: boolean }).stillTheOldPage = true;
  });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await prompt(page).waitFor({ timeout: 60_000 });
  expect(await prompt(page).textContent()).toBe('A new version is ready.Reload');
  expect(await cacheNames(page)).toEqual(expect.arrayContaining([oldCache, `${oldCache}-v2`]));

  // The old page is untouched and still works: it trains, and opens the explainer, whose chunk
  // the host has dropped, from its own build's cache.
  expect(await page.evaluate(() => (window as { stillTheOldPage?: boolean }).stillTheOldPage)).toBe(true);
  await stepRun(page, 2);
  expect((await read(page)).iteration).toBe(2);
  await page.getByRole('tab', { name: 'Transposed convolution' }).click();
  await page.getByRole('status').filter({ hasText: 'Matches TensorFlow.js: yes' }).waitFor({ timeout: 30_000 });
  expect(await page.evaluate(() => document.querySelector('meta[name="nash-version"]'))).toBeNull();

  // The click: the waiting worker takes over, the page reloads into version 2, the old cache is gone.
  await Promise.all([
    page.waitForEvent('load', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Reload', exact: true }).click(),
  ]);
  await waitFor(page, 'ready', 60_000);
  expect(await page.evaluate(() => document.querySelector('meta[name="nash-version"]')?.getAttribute('content'))).toBe(
    '2',
  );
  expect(await page.evaluate(() => (window as { stillTheOldPage?: boolean }).stillTheOldPage)).toBeUndefined();
  expect(await cacheNames(page)).toEqual([`${oldCache}-v2`]);
  expect(await prompt(page).count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
