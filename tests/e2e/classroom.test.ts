/**
 * The page made for the classroom (issue 18), in one page of real Chromium (wasm): a `#preset=` link
 * selects its preset and shows its card; at 1280×720 the live settings are on screen beside the
 * charts; axe-core finds no serious or critical violation on the playground (idle, training,
 * paused), with the help open, in presenter mode and on the explainer, in English and Korean;
 * presenter mode at 1280×720 and 1920×1080 cuts nothing off, makes headline text ≥ 24 px and lines
 * 3 px, and leaving it restores the page; the tablist's keys; R asks before discarding a long run;
 * "?" opens the help; 390 px and 768 px without horizontal scroll. Screenshots under test-results/.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { en as presetsEn } from '../../src/i18n/presets.ts';
import { PALETTES } from '../../src/features/theme/palette.ts';
import { iteration, screenshot, sharePage, shownAfterKey } from './playground-page.ts';
import { LONG_RUN_ITERATIONS, LONG_RUN_SECONDS } from '../../src/features/controls/useRunLength.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core');

let page: Page;
let errors: string[];
sharePage(
  { width: 1280, height: 720 },
  { language: 'en', hash: '#preset=modeCollapseLive', bypassCSP: true },
  (opened) => ({ page, errors } = opened),
);

const button = (name: string) => page.getByRole('button', { name, exact: true });

/** Serious and critical axe-core violations on the page as it is now, one line each. */
async function axe(state: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const run = await (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return run.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations.map((line) => `${state}: ${line}`);
}

/** Visible elements whose box leaves the viewport sideways, unless a scrolling or clipping ancestor holds them. */
function cutOff(): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
        const overflow = getComputedStyle(at).overflowX;
        if (overflow !== 'visible') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if ((box.left < -1 || box.right > width + 1) && !clipped(element))
        out.push(
          `${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
    }
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return out;
  });
}

const fontPx = (selector: string) =>
  page.evaluate((s) => {
    const element = document.querySelector(s);
    return element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0;
  }, selector);

describe('the page made for the classroom', () => {
  const problems: string[] = [];

  test('a #preset= link selects its preset in the menu and shows its card', async () => {
    const name = presetsEn.presets.modeCollapseLive.name;
    const picker = page.getByRole('combobox', { name: 'Preset', exact: true });
    await expect(picker.inputValue()).resolves.toBe('modeCollapseLive');
    await expect(page.getByRole('region', { name: presetsEn.cardTitle(name) }).isVisible()).resolves.toBe(true);
  });

  test('at 1280×720 the live settings are on screen beside the charts, and the keys are shown', async () => {
    const losses = (await page.getByRole('figure', { name: 'Losses', exact: true }).boundingBox())!;
    for (const name of ['Generator learning rate', 'Discriminator learning rate', 'Batch size']) {
      const box = (await page.getByRole('textbox', { name, exact: true }).boundingBox())!;
      expect(box.y + box.height, name).toBeLessThanOrEqual(720);
      expect(box.x + box.width, name).toBeLessThanOrEqual(losses.x);
    }
    expect(losses.y).toBeLessThan(720);
    const keys = await page.locator('kbd').allTextContents();
    for (const key of ['Space', 'S', 'R', 'P', '?']) expect(keys).toContain(key);
    await screenshot(page, 'classroom-1280x720-en');
  });

  test('the tablist moves with the arrow keys, Home and End, each tab controlling its panel', async () => {
    const playground = page.getByRole('tab', { name: 'Playground', exact: true });
    await expect(playground.getAttribute('aria-controls')).resolves.toBe('panel-playground');
    await expect(page.getByRole('tabpanel', { name: 'Playground' }).isVisible()).resolves.toBe(true);
    await playground.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Transposed convolution' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('grid', { name: 'Large map Cᵀ·y' }).waitFor();
    problems.push(...(await axe('explainer (en)')));
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect(playground.getAttribute('aria-selected')).resolves.toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Playground');
  });

  test('axe finds no serious or critical violation idle, training, paused and with the help open', async () => {
    problems.push(...(await axe('idle (en)')));
    // R on a short run resets at once, without asking.
    await page.locator('body').press('r');
    await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
    await button('Train').click();
    const trainedFrom = Date.now();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 40);
    problems.push(...(await axe('training (en)')));
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'What you see' });
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain('Gradient norms');
    problems.push(...(await axe('help (en)')));
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    // Trained long enough for R to ask (LONG_RUN_ITERATIONS or LONG_RUN_SECONDS, whichever comes first).
    await page.waitForFunction(
      ([iterations, until]) => window.nash!.training.getSnapshot().iteration > iterations || Date.now() >= until,
      [LONG_RUN_ITERATIONS, trainedFrom + (LONG_RUN_SECONDS + 1) * 1000] as const,
      { timeout: 60_000 },
    );
    await button('Pause').click();
    problems.push(...(await axe('paused (en)')));
    expect(problems).toEqual([]);
  });

  test('R asks before discarding a long run: Esc keeps it, "Discard and reset" resets', async () => {
    const before = await iteration(page);
    await page.locator('body').press('r');
    const ask = page.getByRole('alertdialog', { name: 'Discard this run?' });
    await shownAfterKey(page, ask);
    await expect(ask.textContent()).resolves.toContain(before.toLocaleString('en'));
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    await expect(iteration(page)).resolves.toBe(before);
    await page.locator('body').press('r');
    await shownAfterKey(page, ask);
    await button('Discard and reset').click();
    await expect.poll(() => iteration(page)).toBe(0);
  });

  test('presenter mode at 1280×720 and 1920×1080: nothing cut off, text ≥ 24 px, 3 px lines; leaving restores', async () => {
    await button('Step').click();
    await expect.poll(() => iteration(page)).toBe(1);
    const normal = await fontPx('output[aria-label="Iteration"]');
    await button('Presenter').click();
    await expect(button('Presenter').getAttribute('aria-pressed')).resolves.toBe('true');
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      expect(await cutOff(), `${width}×${height}`).toEqual([]);
      expect(await fontPx('output[aria-label="Iteration"]')).toBeGreaterThanOrEqual(24);
      expect(await fontPx('section.diagnostics h2')).toBeGreaterThanOrEqual(24);
      expect(await fontPx('figure.chart figcaption')).toBeGreaterThanOrEqual(24);
      await expect
        .poll(() => fontPx('figure.chart .recharts-cartesian-axis-tick-value'), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(24);
      const stroke = await page.evaluate(() =>
        Number.parseFloat(getComputedStyle(document.querySelector('path.stream-line')!).strokeWidth),
      );
      expect(stroke).toBeGreaterThanOrEqual(3);
      // Advanced settings and the latent explorer are hidden; the live settings stay.
      await expect(page.getByRole('region', { name: 'Latent space' }).isVisible()).resolves.toBe(false);
      await expect(page.getByText('Advanced', { exact: true }).isVisible()).resolves.toBe(false);
      await expect(page.getByRole('textbox', { name: 'Generator learning rate' }).isVisible()).resolves.toBe(true);
      await screenshot(page, `classroom-presenter-${width}x${height}-en`);
    }
    problems.push(...(await axe('presenter (en)')));
    await page.locator('body').press('p');
    await expect(button('Presenter').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.evaluate(() => document.documentElement.className)).resolves.not.toContain('presenter');
    await expect(page.evaluate(() => document.fullscreenElement)).resolves.toBeNull();
    expect(await fontPx('output[aria-label="Iteration"]')).toBe(normal);
    await expect(page.getByRole('region', { name: 'Latent space' }).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  test('in Korean: axe on the playground (training, paused, presenter) and the explainer', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('button', { name: '학습', exact: true }).click();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 30);
    problems.push(...(await axe('training (ko)')));
    await page.getByRole('button', { name: '일시정지', exact: true }).click();
    problems.push(...(await axe('paused (ko)')));
    await screenshot(page, 'classroom-1280x720-ko');
    await page.getByRole('button', { name: '발표자 모드', exact: true }).click();
    await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain('presenter');
    problems.push(...(await axe('presenter (ko)')));
    await page.getByRole('button', { name: '발표자 모드', exact: true }).click();
    await page.getByRole('tab', { name: '전치 합성곱' }).click();
    problems.push(...(await axe('explainer (ko)')));
    await page.getByRole('tab', { name: '놀이터' }).click();
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    expect(problems).toEqual([]);
  });

  test('a phone (390 px) and a tablet (768 px) scroll only down; the dark scheme uses the dark palette', async () => {
    for (const width of [390, 768]) {
      await page.setViewportSize({ width, height: 844 });
      await page.waitForTimeout(300);
      expect(await cutOff(), `${width} px`).toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    const losses = (await page.getByRole('figure', { name: 'Losses', exact: true }).boundingBox())!;
    expect(losses.width).toBeGreaterThan(390 - 40);
    await screenshot(page, 'classroom-390x844-en');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('--background')))
      .toBe(PALETTES.dark.background);
    await screenshot(page, 'classroom-1280x720-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(errors).toEqual([]);
  });
});
