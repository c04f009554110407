/**
 * Security in the built app served by `vite preview` (scripts/vite-csp.ts): the Content-Security-
 * Policy holds no 'unsafe-eval' and no remote origin, is enforced in the page and in the training
 * worker, and tfjs still trains under it on every backend; no request leaves the page's origin; text
 * from the URL is shown as text, never parsed as HTML. Hosts that send no headers: static-host.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { noticeText, openPlayground, read, resetRun, SMALL, stepRun } from './training.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Whether code built from a string runs: DevTools' own evaluate is exempt from CSP, so the string goes
 * through setTimeout, which the policy checks (and reports) like eval.
 */
const codeFromStrings = () =>
  new Promise<string>((resolve) => {
    const scope = globalThis as unknown as { ranFromString?: boolean };
    globalThis.addEventListener('securitypolicyviolation', (event) =>
      resolve(`blocked: ${(event as SecurityPolicyViolationEvent).effectiveDirective}`),
    );
    setTimeout('globalThis.ranFromString = true' as unknown as () => void);
    setTimeout(() => resolve(scope.ranFromString ? 'ran' : 'silent'), 1_000);
  });

/**
 * Whether a module from a data: URL runs in the worker. The worker refuses eval and its kin itself
 * (src/worker/refuse-eval.ts), before the policy is asked; a dynamic import is syntax it cannot take
 * away, so this is what shows the policy at work there. A string, so that Vitest leaves the import alone.
 */
const importFromData = `new Promise((resolve) => {
  globalThis.addEventListener('securitypolicyviolation', (event) => resolve('blocked: ' + event.effectiveDirective));
  import('data:text/javascript,globalThis.ranFromData = true').then(() => resolve('ran'), () => setTimeout(() => resolve('failed'), 1000));
})`;

describe('security', () => {
  test('the policy has no unsafe-eval and no remote origin, and is enforced in the page and in the worker', async () => {
    const baseURL = inject('baseURL');
    const html = await (await fetch(baseURL)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    const { page } = await openPlayground(browser, 'wasm');
    expect(await page.evaluate(codeFromStrings)).toBe('blocked: script-src');
    const worker = page.workers().find((w) => w.url().includes('training.worker'));
    expect(worker).toBeDefined();
    const workerPolicy = (await fetch(worker!.url())).headers.get('content-security-policy');
    expect(workerPolicy).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(await worker!.evaluate(importFromData)).toMatch(/^blocked: script-src/);
    await page.close();
  });

  test('tfjs trains under the policy on cpu, wasm and webgl, and no request leaves the origin', async () => {
    const origin = new URL(inject('baseURL')).origin;
    const requests: string[] = [];
    const violations: string[] = [];
    const errors: string[] = [];
    const failures: string[] = [];
    // A fresh page per backend: the policy applies from the page's first load on that backend.
    for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
      const run = await openPlayground(browser, backend);
      const { page } = run;
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
      });
      try {
        expect((await read(page)).backend?.name).toBe(backend);
        await resetRun(page, SMALL, backend, { planeMs: 0 });
        await stepRun(page, 3);
        const { stats } = await read(page);
        expect(stats.at(-1) && Number.isFinite(stats.at(-1)!.dLoss)).toBe(true);
      } catch (error) {
        failures.push(`${backend}: ${String(error).slice(0, 200)} | ${noticeText((await read(page)).notices)}`);
      }
      errors.push(...run.errors);
      await page.close();
    }
    expect(failures).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(
      requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')),
    ).toEqual([]);
  });

  test('markup in the link is shown as text, never inserted as HTML', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const payload = '<img src=x onerror="window.pwned=1">';
    await page.goto(
      `${inject('baseURL')}#seed=${encodeURIComponent(payload)}&dataset=${encodeURIComponent('<svg onload="window.pwned=2">')}`,
    );
    await page.waitForFunction(() => window.nash?.training.getSnapshot().phase === 'ready', undefined, {
      timeout: 60_000,
    });
    const problems = page.getByRole('alert', { name: 'Problems with the link' });
    await expect(problems.textContent()).resolves.toContain(payload);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
