import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  // The explainer runs tfjs on the cpu backend only: no WebGPU adapter needed.
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

const selected = (page: Page, role: 'gridcell' | 'row', name: string | RegExp) =>
  page.getByRole(role, { name, exact: typeof name === 'string' }).getAttribute('aria-selected');

async function openExplainer(errors: string[]) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    // The shell has no favicon (not this page's concern); Chromium's miss is reported as a console error.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      errors.push(`${message.text()} ${message.location().url}`);
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(inject('baseURL'));
  await page.getByRole('heading', { name: 'Nash' }).first().waitFor();
  const beforeTab = scripts.length;
  await page.getByRole('tab', { name: 'Transposed convolution' }).click();
  await page.getByRole('status').filter({ hasText: 'Matches TensorFlow.js: yes' }).waitFor({ timeout: 30_000 });
  return { page, context, lazyScripts: scripts.slice(beforeTab) };
}

test('hovering an output cell highlights its row of C and its receptive field; tfjs agrees', async () => {
  const errors: string[] = [];
  const { page, context, lazyScripts } = await openExplainer(errors);
  // tfjs and its cpu backend arrive only with the explainer tab: the playground never pays for them.
  expect(lazyScripts.length).toBeGreaterThan(0);

  // Default: 4×4 input, 3×3 kernel, stride 1, no padding → 2×2 output, C is 4×16.
  await page.getByRole('gridcell', { name: /^Output cell 1,2:/ }).hover();
  expect(await selected(page, 'row', 'Row 2 of C')).toBe('true');
  expect(await selected(page, 'row', 'Row 1 of C')).toBe('false');
  // Output (1,2) reads input rows 1–3, columns 2–4.
  for (const cell of ['1,2', '1,4', '3,2', '3,4']) {
    expect(await selected(page, 'gridcell', new RegExp(`^Input cell ${cell}:`)), cell).toBe('true');
  }
  for (const cell of ['1,1', '4,2']) {
    expect(await selected(page, 'gridcell', new RegExp(`^Input cell ${cell}:`)), cell).toBe('false');
  }
  await expect(page.getByText(/^Output cell 1,2 = row 2 of C · x = /).isVisible()).resolves.toBe(true);

  // Keyboard focus is the keyboard's hover: arrows move it, and the highlight follows.
  await page.mouse.move(0, 0);
  await page.getByRole('gridcell', { name: /^Output cell 2,1:/ }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await selected(page, 'row', 'Row 4 of C')).toBe('true');
  expect(await selected(page, 'gridcell', /^Input cell 4,4:/)).toBe('true');
  expect(await selected(page, 'gridcell', /^Input cell 1,1:/)).toBe('false');

  // Editing a weight changes C and the check runs again.
  await page.getByLabel('Kernel weight 1,1').fill('2.5');
  await expect(page.getByRole('gridcell', { name: /^C row 1, column 1: 2\.5$/ }).count()).resolves.toBe(1);
  await page.getByRole('status').filter({ hasText: 'Matches TensorFlow.js: yes' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test('the checkerboard: stride 2, kernel 3 stamps overlap 1, 2, 4 times; stepping stamps one cell at a time', async () => {
  const errors: string[] = [];
  const { page, context } = await openExplainer(errors);
  await page.getByRole('button', { name: 'Checkerboard example' }).click();
  await page.getByRole('status').filter({ hasText: 'Matches TensorFlow.js: yes' }).waitFor();
  // All-ones kernel and values: each large-map cell holds its overlap count.
  const large = (cell: string) =>
    page.getByRole('gridcell', { name: new RegExp(`^Large map cell ${cell}:`) }).getAttribute('aria-label');
  expect(await large('1,1')).toBe('Large map cell 1,1: 1');
  expect(await large('1,2')).toBe('Large map cell 1,2: 2');
  expect(await large('2,2')).toBe('Large map cell 2,2: 4');

  // Small-map cell (2,2) spreads over large-map rows 2–4, columns 2–4 (stride 2, padding 1).
  await page.getByRole('gridcell', { name: /^Small map cell 2,2:/ }).hover();
  expect(await selected(page, 'gridcell', /^Large map cell 2,2:/)).toBe('true');
  expect(await selected(page, 'gridcell', /^Large map cell 4,4:/)).toBe('true');
  expect(await selected(page, 'gridcell', /^Large map cell 1,1:/)).toBe('false');
  await page.mouse.move(0, 0);

  // Two step-throughs on the page (the stamping and the fractional-stride slide): each is a named group.
  const stamping = page.getByRole('group', { name: 'Step through the stamping' });
  await stamping.getByRole('button', { name: 'Start over' }).click();
  await page.getByText('Step 0 of 9: nothing stamped yet.').waitFor();
  expect(await large('1,1')).toBe('Large map cell 1,1: 0');
  await stamping.getByRole('button', { name: 'Next step' }).click();
  await page.getByText(/^Step 1 of 9:/).waitFor();
  expect(await large('1,1')).toBe('Large map cell 1,1: 1');
  expect(await large('3,3')).toBe('Large map cell 3,3: 0');
  expect(await selected(page, 'gridcell', /^Large map cell 2,2:/)).toBe('true');

  // The fractional-stride view of the same layer: 3×3 with one zero between cells → 5×5, padded by
  // k − 1 − p = 1 before and 1 + a = 2 after (n + 2p − k = 5 is odd) → 8×8; a 3×3 slide gives 6×6,
  // the same overlap counts as the stamping.
  const result = (cell: string) =>
    page.getByRole('gridcell', { name: new RegExp(`^Result cell ${cell}:`) }).getAttribute('aria-label');
  await expect(page.getByRole('grid', { name: 'Stretched and padded map' }).getByRole('row').count()).resolves.toBe(8);
  expect(await result('1,1')).toBe('Result cell 1,1: 1');
  expect(await result('2,2')).toBe('Result cell 2,2: 4');
  const stretched = (cell: string) =>
    page.getByRole('gridcell', { name: new RegExp(`^Stretched map cell ${cell}:`) }).getAttribute('aria-label');
  expect(await stretched('2,2')).toBe('Stretched map cell 2,2: 1');
  expect(await stretched('2,3')).toBe('Stretched map cell 2,3: 0');
  const slide = page.getByRole('group', { name: 'Step through the slide' });
  await slide.getByRole('button', { name: 'Start over' }).click();
  await page.getByText('Step 0 of 36: the map is stretched and padded; no result cell yet.').waitFor();
  expect(await result('1,1')).toBe('Result cell 1,1: 0');
  await slide.getByRole('button', { name: 'Next step' }).click();
  await page.getByText(/^Step 1 of 36: result cell 1,1 = 1/).waitFor();
  // The window of result cell 1,1 covers stretched rows and columns 1–3.
  expect(await selected(page, 'gridcell', /^Stretched map cell 3,3:/)).toBe('true');
  expect(await selected(page, 'gridcell', /^Stretched map cell 4,4:/)).toBe('false');
  expect(errors).toEqual([]);
  await context.close();
});

test('Korean: the same page and the same check, in Korean', async () => {
  const errors: string[] = [];
  const { page, context } = await openExplainer(errors);
  await page.getByLabel('Language').selectOption('ko');
  await page.getByRole('status').filter({ hasText: 'TensorFlow.js와 일치: 예' }).waitFor();
  await expect(page.getByText('합성곱 연산은 행렬의 곱으로 나타낼 수 있다').first().isVisible()).resolves.toBe(true);
  await page.getByRole('gridcell', { name: /^출력 셀 1,1:/ }).hover();
  expect(await selected(page, 'row', 'C의 1행')).toBe('true');
  expect(errors).toEqual([]);
  await context.close();
});
