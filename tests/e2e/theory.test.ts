/**
 * The theory layers and charts (src/gan/theory) in real Chromium on wasm, one page for the file: on
 * the ring, the D* layer and D − D* repaint the 2D view and describe it, and the JS and V(D, G)
 * charts draw points; on WGAN-GP, the Lipschitz chart and the transport layer. Screenshots under
 * test-results/theory-*.png. Names: tests/e2e/README.md.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, sharePage } from './playground-page.ts';
import { loadPreset } from './presets.ts';

let page: Page;
let errors: string[];
sharePage({ width: 1280, height: 720 }, {}, (opened) => ({ page, errors } = opened));

const within = { timeout: 10_000 };
const plane = () => page.getByRole('img', { name: 'Real and generated points' });
const pixels = async () => (await plane().screenshot()).toString('base64');
const checkbox = (name: string) => page.getByRole('checkbox', { name, exact: true });
const figure = (name: string) => page.getByRole('figure', { name, exact: true });
/** Trains until the run has `n` more iterations and a plane with theory after them, then pauses. */
async function trainFor(n: number) {
  const start = await page.evaluate(() => window.nash!.training.getSnapshot().iteration);
  await page.evaluate(() => window.nash!.training.play());
  await page.waitForFunction(
    (target) =>
      window.nash!.training.getSnapshot().plane?.theory
        ? window.nash!.training.getSnapshot().iteration >= target
        : false,
    start + n,
    { timeout: 20_000 },
  );
  await page.evaluate(() => window.nash!.training.pause());
  await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused');
}

describe('the theory layers and charts', () => {
  test('on the ring: D* and D − D* repaint the view and say what D = ½ means; JS and V(D, G) are charted', async () => {
    await trainFor(150);
    // A pause re-sends the plane: wait for the canvas to settle before comparing pixels.
    await page.waitForTimeout(300);
    const trained = await pixels();
    await checkbox('Optimal discriminator (D*)').check();
    await expect.poll(pixels, within).not.toBe(trained);
    const described = await plane().getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toContain(
      'D = ½ everywhere is D* at equilibrium',
    );
    await screenshot(page, 'theory-optimal');
    const optimal = await pixels();
    await checkbox('Show D − D*').check();
    await expect.poll(pixels, within).not.toBe(optimal);
    await checkbox('Show D − D*').uncheck();
    await checkbox('Optimal discriminator (D*)').uncheck();
    await expect(plane().getAttribute('aria-describedby')).resolves.toBeNull();

    await expect
      .poll(() => figure('Jensen–Shannon divergence').textContent(), within)
      .toMatch(/At iteration \d+: JS\(p_data ‖ p_g\) [\d.e-]+/);
    await expect
      .poll(() => figure('Value of the game V(D, G)').textContent(), within)
      .toMatch(/At iteration \d+: V\(D, G\) -[\d.]+/);
    const points = await page.evaluate(() => window.nash!.training.getSnapshot().theory);
    expect(points.length).toBeGreaterThanOrEqual(2);
    for (const point of points) {
      expect(point.jensenShannon).toBeGreaterThan(-0.05);
      expect(point.jensenShannon).toBeLessThan(Math.log(2) + 0.05);
      expect(point.value).toBeLessThan(0);
    }
    await expect(page.getByRole('checkbox', { name: 'Transport (optimal matching)' }).count()).resolves.toBe(0);
  });

  test('on WGAN-GP: the critic’s Lipschitz chart, V(D, G) undefined, and the transport layer', async () => {
    await loadPreset(page, 'wganGpRing');
    await page.evaluate(() => window.nash!.training.pause());
    await trainFor(40);
    await expect
      .poll(() => figure('Critic’s Lipschitz constant').textContent(), within)
      .toMatch(/At iteration \d+: largest slope [\d.e-]+/);
    await expect(page.getByRole('note', { name: 'Value of the game V(D, G)' }).textContent()).resolves.toContain(
      'not defined for this objective',
    );
    await page.waitForTimeout(300);
    const before = await pixels();
    await checkbox('Transport (optimal matching)').check();
    await expect.poll(pixels, within).not.toBe(before);
    const described = await plane().getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`).textContent()).resolves.toMatch(
      /Mean distance moved \(W₁ between the two sets\): [\d.]+; the critic’s W estimate .* on the same points: -?[\d.e-]+\./,
    );
    await screenshot(page, 'theory-transport');
    expect(errors).toEqual([]);
  });
});
