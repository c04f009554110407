/**
 * The full playground in real Chromium (wasm backend): the UI contract's names, keyboard shortcuts,
 * bad input in every numeric setting, live-change markers, variants and reset-only settings, drawing
 * data, MNIST's image grid, the history scrubber, and screenshots at 1440×900 and 1280×720.
 * One browser and one page for the file; names: tests/e2e/README.md.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { iteration, openFull, screenshot } from './playground-page.ts';
import { loadPreset } from './presets.ts';
import { read, waitFor } from './training.ts';

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
  ({ page, errors } = await openFull(browser));
});
afterAll(async () => {
  await browser?.close();
});

const button = (name: string) => page.getByRole('button', { name, exact: true });
/** Pauses through the client: the tests of the Pause button itself click it. */
const pause = async () => {
  await page.evaluate(() => window.nash!.training.pause());
  await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused');
};

describe('the full playground', () => {
  test('names its controls as the UI contract says, and shows charts, views and formulas', async () => {
    for (const name of ['Train', 'Step', 'Step D', 'Step G', 'Reset'])
      await expect(button(name).isVisible()).resolves.toBe(true);
    for (const name of ['Dataset', 'Variant', 'Preset'])
      await expect(page.getByRole('combobox', { name, exact: true }).isVisible()).resolves.toBe(true);
    for (const name of ['Generator learning rate', 'Discriminator learning rate', 'Batch size', 'Seed']) {
      await expect(page.getByRole('textbox', { name, exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByRole('status', { name: 'Backend', exact: true }).textContent()).resolves.toBe('wasm');
    await expect(page.getByRole('status', { name: 'Iteration', exact: true }).textContent()).resolves.toBe('0');
    await expect(page.getByRole('region', { name: 'Diagnostics', exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: 'Real and generated points' }).isVisible()).resolves.toBe(true);
    for (const name of ['Losses', 'Discriminator outputs', 'Gradient norms (log scale)', 'Modes and quality']) {
      await page.getByRole('figure', { name, exact: true }).waitFor();
    }
    await expect(page.getByRole('region', { name: 'Objective' }).textContent()).resolves.toContain('Generator loss');
    await button('Train').click();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 60);
    await pause();
    // Charts drew lines, and "Modes covered" reads k / K once metrics arrived. Both redraw a few
    // times a second (and at low priority), so a loaded machine may show them a moment after the pause.
    const within = { timeout: 10_000 };
    await expect
      .poll(() => page.getByRole('figure', { name: 'Losses', exact: true }).textContent(), within)
      .toMatch(/At iteration \d+: L_D/);
    await expect
      .poll(() => page.getByRole('status', { name: 'Modes covered' }).textContent(), within)
      .toMatch(/^\d \/ 8$/);
    // The lines are drawn, and the pointer at the plot's right end reads the newest point.
    const losses = page.getByRole('figure', { name: 'Losses', exact: true });
    await page.waitForFunction(() => {
      const last = window.nash!.training.getSnapshot().stats.at(-1)?.iteration;
      return document
        .querySelector('figure[aria-label="Losses"] p.visually-hidden')
        ?.textContent?.includes(`At iteration ${last}:`);
    });
    const d = await losses.locator('path.stream-line[data-series="dLoss"]').getAttribute('d');
    expect(d?.match(/L/g)?.length ?? 0).toBeGreaterThan(20);
    const plot = (await losses.locator('svg.recharts-surface').first().boundingBox())!;
    await page.mouse.move(plot.x + plot.width - 25, plot.y + plot.height / 2);
    const readout = await losses.locator('.stream-readout text').allTextContents();
    const last = (await read(page)).stats.at(-1)!;
    expect(readout[0]).toBe(`it ${last.iteration}`);
    // Three significant digits: within 0.5% of the value.
    expect(Math.abs(Number(readout[1].replace('L_D ', '')) / last.dLoss - 1)).toBeLessThan(0.005);
    expect(Math.abs(Number(readout[2].replace('L_G ', '')) / last.gLoss - 1)).toBeLessThan(0.005);
    await page.mouse.move(0, 0);
    await expect(losses.locator('.stream-readout').count()).resolves.toBe(0);
  });

  test('Space plays and pauses, S steps one iteration, R resets', async () => {
    await page.getByRole('heading', { name: 'Diagnostics' }).click(); // focus leaves the controls
    await page.keyboard.press('Space');
    await button('Pause').waitFor();
    await page.keyboard.press('Space');
    await button('Train').waitFor();
    await pause();
    const before = await iteration(page);
    await page.keyboard.press('s');
    await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration === n + 1, before);
    await page.keyboard.press('r');
    await waitFor(page, 'ready', 60_000);
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration === 0);
    // The readout follows on the page's notification clock (at most 10 a second).
    await expect.poll(() => iteration(page), { timeout: 10_000 }).toBe(0);
    // Typing in a field is typing, not a shortcut.
    const seed = page.getByRole('textbox', { name: 'Seed', exact: true });
    await seed.focus();
    await page.keyboard.press('s');
    await page.waitForTimeout(500); // a step the key had started would have shown by now
    expect(await page.evaluate(() => window.nash!.training.getSnapshot().iteration)).toBe(0);
    expect(await iteration(page)).toBe(0);
    await seed.press('Escape');
  });

  test('slow motion trains at the chosen speed, and full speed again after', async () => {
    const speed = page.getByRole('combobox', { name: 'Speed' });
    await speed.selectOption('two');
    const start = await iteration(page);
    await button('Train').click();
    await page.waitForTimeout(2500);
    await pause();
    // 2 iterations a second for 2.5 s: about 5, never the ~100 the ring trains at full speed.
    const slow = (await iteration(page)) - start;
    expect(slow).toBeGreaterThanOrEqual(2);
    expect(slow).toBeLessThanOrEqual(8);
    await speed.selectOption('full');
  });

  test('every numeric setting refuses empty, text, negative and huge input with a message, and the run goes on', async () => {
    await page.getByText('Advanced', { exact: true }).click();
    const settings = page.getByRole('region', { name: 'Settings', exact: true });
    const fields = await settings.getByRole('textbox').all();
    expect(fields.length).toBeGreaterThanOrEqual(20);
    const before = await read(page);
    for (const field of fields) {
      const name = await field.getAttribute('aria-label');
      for (const bad of ['', 'abc', '-5', '1e12']) {
        await field.fill(bad);
        await field.press('Enter');
        await expect(field.getAttribute('aria-invalid'), `${name} = "${bad}"`).resolves.toBe('true');
        const message = await page
          .locator(`[id="${(await field.getAttribute('aria-describedby'))!.split(' ')[1]}"]`)
          .textContent();
        expect(message, `${name} = "${bad}"`).toMatch(/^Enter (a|a whole) number from .+ to .+\.$/);
      }
      await field.press('Escape');
      await expect(field.getAttribute('aria-invalid')).resolves.toBeNull();
    }
    const after = await read(page);
    expect(after.config).toEqual(before.config);
    expect(after.iteration).toBe(before.iteration);
    await expect.poll(() => page.getByText('Press Reset to apply').count(), { timeout: 10_000 }).toBe(0);
    await button('Train').click();
    await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration >= n + 20, before.iteration);
    await pause();
    await page.getByText('Advanced', { exact: true }).click();
  });

  test('a live change is marked on the charts with its label', async () => {
    await button('Train').click();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 30);
    const rate = page.getByRole('textbox', { name: 'Discriminator learning rate', exact: true });
    await rate.fill('0.0001');
    await rate.press('Enter');
    await page
      .getByRole('figure', { name: 'Losses', exact: true })
      .getByText('lr_D 1e-3 → 1e-4')
      .waitFor({ timeout: 15_000 });
    await pause();
    expect((await read(page)).config.discriminatorLearningRate).toBe(1e-4);
  });

  test('a variant sets the objective live; a reset-only change waits for Reset', async () => {
    const objective = page.getByRole('region', { name: 'Objective' });
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('lsgan');
    await page.waitForFunction(() => window.nash!.training.getSnapshot().config.objective === 'lsgan');
    // The card follows the run on the page's notification clock (at most 10 a second).
    await expect.poll(() => objective.textContent(), { timeout: 10_000 }).toContain('\\overset{b}{1}');
    const b = page.getByRole('textbox', { name: 'LSGAN label b (real)', exact: true });
    await b.fill('0.5');
    await b.press('Enter');
    await page.waitForFunction(() => window.nash!.training.getSnapshot().config.lsganB === 0.5);
    await expect.poll(() => objective.textContent(), { timeout: 10_000 }).toContain('\\overset{b}{0.5}');

    await page.getByRole('combobox', { name: 'Variant' }).selectOption('cgan');
    await page.getByText(/Press Reset to apply: .*Conditioning/).waitFor();
    expect((await read(page)).config.conditioning).toBe('none');
    await button('Reset').click();
    await waitFor(page, 'ready', 60_000);
    await page.waitForFunction(() => window.nash!.training.getSnapshot().config.conditioning === 'label');
    await expect.poll(() => page.getByText('Press Reset to apply').count(), { timeout: 10_000 }).toBe(0);
  });

  test('draw your own: mouse and touch add points, Reset trains on them', async () => {
    // The CGAN chosen above needs labelled data: back to the plain GAN, then draw.
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('gan');
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('custom');
    const area = page.getByRole('img', { name: /^Drawing area/ });
    await area.waitFor();
    const count = async () => Number((await page.getByText(/^\d+ points drawn$/).textContent())?.split(' ')[0]);
    const start = await count();
    const box = (await area.boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + 40);
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 60, { steps: 5 });
    await page.mouse.up();
    await area.dispatchEvent('pointerdown', {
      pointerId: 7,
      pointerType: 'touch',
      isPrimary: true,
      clientX: box.x + 300,
      clientY: box.y + 300,
      buttons: 1,
    });
    await area.dispatchEvent('pointerup', {
      pointerId: 7,
      pointerType: 'touch',
      clientX: box.x + 300,
      clientY: box.y + 300,
    });
    expect(await count()).toBeGreaterThanOrEqual(start + 4);
    await button('Reset').click();
    await waitFor(page, 'ready', 60_000);
    expect((await read(page)).config.dataset).toBe('custom');
    await button('Train').click();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 30);
    await pause();
    const plane = await page.evaluate(() => window.nash!.training.getSnapshot().plane?.real.length);
    expect(plane).toBeGreaterThan(0);
  });

  test('MNIST: generated digits beside real ones, and the digit classifier chart', async () => {
    await loadPreset(page, 'mnistDefault', 90_000);
    await page.getByRole('img', { name: 'Generated samples' }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole('img', { name: 'Real samples' }).isVisible()).resolves.toBe(true);
    await page.getByRole('figure', { name: 'Digit classifier' }).waitFor({ timeout: 30_000 });
    await pause();
    // On digits the counter counts the classes the classifier reads, and says so.
    await expect
      .poll(() => page.getByRole('status', { name: 'Digits seen' }).textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ \/ 10$/);
    await expect(page.getByRole('status', { name: 'Modes covered' }).count()).resolves.toBe(0);
  });

  test('the history scrubber shows earlier moments and returns to live', async () => {
    await loadPreset(page, 'vanishingGradients');
    await page.getByRole('slider', { name: 'History' }).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 60);
    await pause();
    const slider = page.getByRole('slider', { name: 'History' });
    await slider.fill('0');
    await expect(page.getByText(/^iteration \d+$/).count()).resolves.toBe(1);
    await button('Live').click();
    await expect(page.getByText(/^live \(iteration \d+\)$/).count()).resolves.toBe(1);
  });

  test('screenshots at 1440×900 and 1280×720 with a failure card showing, and no console errors', async () => {
    await loadPreset(page, 'modeCollapseLive');
    await page
      .getByRole('region', { name: 'Diagnostics', exact: true })
      .getByRole('heading', { name: 'Mode collapse' })
      .waitFor({ timeout: 40_000 });
    await screenshot(page, 'playground-1440x900');
    await pause(); // one training at a time: the second page gets the CPU
    const small = await openFull(browser, { width: 1280, height: 720 });
    await loadPreset(small.page, 'vanishingGradients');
    await small.page
      .getByRole('region', { name: 'Diagnostics', exact: true })
      .getByRole('heading', { name: 'Vanishing gradients' })
      .waitFor({ timeout: 30_000 });
    await screenshot(small.page, 'playground-1280x720');
    await small.page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await small.page
      .getByRole('region', { name: '진단', exact: true })
      .getByRole('heading', { name: '기울기 소멸', exact: true })
      .waitFor();
    await screenshot(small.page, 'playground-1280x720-ko');
    await small.page.close();
    expect(small.errors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
