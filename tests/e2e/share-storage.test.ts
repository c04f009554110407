/**
 * Saved runs that tell the truth, in real Chromium (issue 20, part 5): a browser that refuses
 * storage says so at the Save button, in the page's language; two tabs of one browser see each
 * other's saves and deletions without a reload; deleting an entry that is already gone says so and
 * refreshes the list; a damaged entry reads as damaged, never NaN or Invalid Date, and can be deleted.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { stepRun, waitFor } from './training.ts';
import { STRINGS } from '../../src/i18n/strings.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const en = STRINGS.en.share;
const ko = STRINGS.ko.share;
const LINK = '#seed=5&dataset=ring&batchSize=32&generatorWidth=16&discriminatorWidth=16';
/** Every message here appears within milliseconds of its click; a missing one fails fast. */
const SOON = 10_000;

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('nash.backend', 'cpu'));
  return context;
}

async function openTab(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${inject('baseURL')}${LINK}`);
  await waitFor(page, 'ready', 60_000);
  return { page, errors };
}

const savedRuns = (page: Page) => page.getByRole('list', { name: en.savedRuns });

/** Changes the stored runs behind the page's back, as a tab in a browser without BroadcastChannel would. */
async function inStorage(page: Page, change: 'clear' | 'addDamaged') {
  await page.evaluate(
    (what) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('nash', 1);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('runs', 'readwrite');
          const store = transaction.objectStore('runs');
          // A row from an older or foreign writer: none of its summary fields is what Nash writes.
          if (what === 'clear') store.clear();
          else store.add({ name: 7, savedAt: 'yesterday', iteration: -1, bytes: null, run: null });
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onabort = () => reject(transaction.error);
        };
      }),
    change,
  );
}

test('with IndexedDB blocked, Save says why at the button, in English and in Korean', async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    // What Chromium does where a page may not store data (an opaque origin, blocked site data).
    IDBFactory.prototype.open = () => {
      throw new DOMException('access to the Indexed Database API is denied in this context.', 'SecurityError');
    };
  });
  const { page, errors } = await openTab(context);
  const save = page.getByRole('button', { name: en.saveRun });
  await save.click();
  const note = page.getByRole('alert').filter({ hasText: en.saveFailed.replace('{reason}', en.storageUnavailable) });
  await note.waitFor({ timeout: SOON });
  expect(await note.getAttribute('id')).toBeTruthy();
  expect(await save.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
  await page.getByRole('region', { name: en.region }).screenshot({ path: 'test-results/share-storage-blocked.png' });
  // The list says it too, at the list.
  await page
    .getByRole('alert')
    .filter({ hasText: en.listFailed.replace('{reason}', en.storageUnavailable) })
    .waitFor({ timeout: SOON });

  await page.getByRole('combobox', { name: STRINGS.en.app.language }).selectOption('ko');
  await page.getByRole('button', { name: ko.saveRun }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: ko.saveFailed.replace('{reason}', ko.storageUnavailable) })
    .waitFor({ timeout: SOON });
  expect(errors).toEqual([]);
  await context.close();
});

test('two tabs of one browser see each other’s saves and deletions without a reload', async () => {
  const context = await newContext();
  const a = await openTab(context);
  const b = await openTab(context);
  await stepRun(a.page, 2);
  await a.page.getByRole('button', { name: en.saveRun }).click();
  await a.page.getByRole('status').filter({ hasText: 'Saved at iteration 2.' }).waitFor({ timeout: SOON });
  const deleteButton = (page: Page) =>
    savedRuns(page).getByRole('button', { name: /^Delete ring · nonSaturating · mlp 2$/ });
  await deleteButton(b.page).waitFor({ timeout: SOON });

  await deleteButton(b.page).click();
  await deleteButton(a.page).waitFor({ state: 'detached', timeout: SOON });
  await deleteButton(b.page).waitFor({ state: 'detached', timeout: SOON });
  expect([...a.errors, ...b.errors]).toEqual([]);
  await context.close();
});

test('deleting an entry that is already gone says so and shows what is stored', async () => {
  const context = await newContext();
  const { page, errors } = await openTab(context);
  await page.getByRole('button', { name: en.saveRun }).click();
  const deleteButton = savedRuns(page).getByRole('button', { name: /^Delete ring · nonSaturating · mlp 0$/ });
  await deleteButton.waitFor({ timeout: SOON });
  await inStorage(page, 'clear');

  await deleteButton.click();
  await page
    .getByRole('alert')
    .filter({ hasText: en.runGone.replace('{name}', 'ring · nonSaturating · mlp · it. 0') })
    .waitFor({ timeout: SOON });
  await deleteButton.waitFor({ state: 'detached', timeout: SOON });
  expect(errors).toEqual([]);
  await context.close();
});

test('a damaged entry says it is damaged, never NaN or Invalid Date, and can be deleted', async () => {
  const context = await newContext();
  const { page, errors } = await openTab(context);
  await inStorage(page, 'addDamaged');
  await page.reload();
  await page.waitForFunction(() => window.nash !== undefined, undefined, { timeout: 60_000 });
  await waitFor(page, 'ready', 60_000);

  const row = savedRuns(page).getByRole('listitem');
  await row.filter({ hasText: en.damagedRun }).waitFor({ timeout: SOON });
  const text = await savedRuns(page).textContent();
  expect(text).not.toMatch(/NaN|Invalid Date|-0 KB/);
  expect(await row.getByRole('button', { name: new RegExp(`^${en.load}`) }).count()).toBe(0);
  await savedRuns(page).screenshot({ path: 'test-results/share-storage-damaged.png' });

  await savedRuns(page).getByRole('button', { name: en.deleteDamaged }).click();
  await row.first().waitFor({ state: 'detached', timeout: SOON });
  const left = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('nash', 1);
        request.onsuccess = () => {
          const count = request.result.transaction('runs').objectStore('runs').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(left).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
