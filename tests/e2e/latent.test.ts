/**
 * The latent-space explorer in real Chromium (wasm, the CPU machines' backend): on the CGAN preset a
 * label re-renders the grid with the same noise, and on the preset's trained start (the shipped model,
 * `npm run pretrain:model -- --preset cganMnist`) the digit classifier reads at least 80% of the
 * label-3 grid as 3; the interpolation slider at 0 and 1 gives the endpoints' pixels exactly; the
 * InfoGAN code slider changes the image. Taps (touch) and clicks (mouse) both drive it. Endpoints and
 * slots set while training survive pause and resume (the same latents at the new weights); Reset
 * re-draws the grid and clears them. Screenshots go to test-results/latent/.
 * That the preset learns its labels live is the learning tests' (tests/unit/conditioning-learning)
 * and the benchmark's (`npm run bench -- cgan`): training it here took CI 1–3 minutes.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { modelIteration, read, resetRun, SMALL, startFromTrainedWeights, stepRun, waitFor } from './training.ts';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../src/gan/tf.ts';
import { classifyDigits, loadDigitClassifier, predictedClasses } from '../../src/gan/metrics/classifier.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import { seededLatents } from '../../src/gan/latent.ts';

const SHOTS = 'test-results/latent';
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
  // A touch screen and a mouse at once: taps and clicks must both work.
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, hasTouch: true });
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await browser?.close();
});

/** An image canvas's pixels as [−1, 1] values (the grey level the page drew, back on G's scale). */
function pixels(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return Array.from({ length: data.length / 4 }, (_, p) => (data[p * 4] / 255) * 2 - 1);
  });
}

const grid = (page: Page) => page.getByRole('group', { name: 'Samples to explore' });
const gridPixels = async (page: Page) =>
  Promise.all(
    Array.from({ length: 16 }, (_, i) => pixels(grid(page).getByRole('img', { name: `Sample ${i + 1}`, exact: true }))),
  );

async function classify(images: number[][]): Promise<Int32Array> {
  const manifest = JSON.parse(await readFile('public/models/digit-classifier.json', 'utf8')) as unknown;
  const weights = await readFile('public/models/digit-classifier.bin');
  const classifier = loadDigitClassifier(
    manifest,
    weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  );
  const predicted = predictedClasses(await classifyDigits(classifier, Float32Array.from(images.flat())));
  classifier.dispose();
  return predicted;
}

describe('latent explorer', () => {
  // One page through the tests: the trained CGAN loaded in the first is explored by the next ones.
  let page: Page;
  let explorer: Locator;
  const errors: string[] = [];
  const sample = (n: number) => grid(page).getByRole('button', { name: `Sample ${n}`, exact: true });
  afterAll(async () => {
    await page?.close();
  });

  test('CGAN: label 3 re-renders the grid with the same noise; on the trained start the classifier reads ≥ 80% of it as 3', {
    timeout: 180_000,
  }, async () => {
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
    await page.goto(`${inject('baseURL')}#preset=cganMnist`);
    await waitFor(page, 'ready', 90_000);
    explorer = page.getByRole('region', { name: 'Latent space' });
    await explorer.scrollIntoViewIfNeeded();
    await expect.poll(() => grid(page).getByRole('img').count(), { timeout: 30_000 }).toBe(16);

    const label = explorer.getByRole('combobox', { name: 'Label', exact: true });
    const beforeLabel = await gridPixels(page);
    await label.selectOption('3');
    await expect
      .poll(async () => JSON.stringify(await gridPixels(page)) !== JSON.stringify(beforeLabel), { timeout: 30_000 })
      .toBe(true);

    const iteration = modelIteration('cganMnist');
    await startFromTrainedWeights(page, 30_000);
    await expect.poll(() => explorer.getByText(`Model at iteration ${iteration}`).count(), { timeout: 30_000 }).toBe(1);
    if ((await label.inputValue()) !== '3') await label.selectOption('3');
    // The grid is redrawn from the loaded weights: poll until the classifier reads it (a read of the
    // young model's grid, drawn before the load, reads few threes).
    let predicted: Int32Array<ArrayBufferLike> = new Int32Array(16);
    await expect
      .poll(
        async () => {
          predicted = await classify(await gridPixels(page));
          return predicted.filter((p) => p === 3).length / 16;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(0.8);
    console.log(
      `CGAN trained start (iteration ${iteration}): classifier read ${predicted.filter((p) => p === 3).length}/16 of the label-3 grid as 3 (${Array.from(predicted).join(' ')})`,
    );
  });

  test('answers in milliseconds; the interpolation slider at 0 and 1 gives the endpoints exactly; arithmetic updates live', async () => {
    // Round trips while paused and while training (the worker answers between chunks).
    const timing = await page.evaluate(async () => {
      const client = window.nash!.training;
      const size = client.getSnapshot().config.latentSize;
      const ask = async () => {
        const t0 = performance.now();
        await client.latent({
          kind: 'decode',
          latent: new Float32Array(16 * size).fill(0.1),
          conditions: Array.from({ length: 16 }, () => ({ label: 3 })),
        });
        return performance.now() - t0;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const paused: number[] = [];
      for (let i = 0; i < 9; i++) paused.push(await ask());
      client.play();
      await new Promise((r) => setTimeout(r, 500));
      const playing: number[] = [];
      for (let i = 0; i < 3; i++) playing.push(await ask());
      client.pause();
      return { paused: median(paused), playing: median(playing) };
    });
    console.log(
      `latent round trip (16 samples): median ${timing.paused.toFixed(1)} ms paused, ${timing.playing.toFixed(1)} ms while training`,
    );
    expect(timing.paused).toBeLessThan(100);
    await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused');
    // The grid shows the paused weights' samples (one more may still come after the pause), which the
    // interpolation's endpoints are compared with.
    await page.waitForFunction(() => {
      const s = window.nash!.training.getSnapshot();
      return s.samples?.iteration === s.iteration;
    });
    // ...and the explorer's grid is decoded at those weights (it follows the run on its own clock).
    const pausedAt = (await read(page)).iteration;
    await expect.poll(() => explorer.getByText(`Model at iteration ${pausedAt}`).count(), { timeout: 30_000 }).toBe(1);

    // Endpoints from the grid, by touch (tap) and by mouse (click).
    await sample(2).tap();
    await expect.poll(() => sample(2).getAttribute('aria-pressed')).toBe('true');
    await explorer.getByRole('button', { name: 'Set as start' }).tap();
    await sample(5).click();
    await explorer.getByRole('button', { name: 'Set as end' }).click();
    const slider = explorer.getByRole('slider', { name: 'Interpolation', exact: true });
    const interpolated = explorer.getByRole('img', { name: 'Interpolated sample' });
    const startPixels = await pixels(grid(page).getByRole('img', { name: 'Sample 2', exact: true }));
    const endPixels = await pixels(grid(page).getByRole('img', { name: 'Sample 5', exact: true }));
    for (const method of ['slerp', 'linear']) {
      await explorer.getByRole('combobox', { name: 'Path' }).selectOption(method);
      await slider.fill('0');
      await expect
        .poll(async () => JSON.stringify(await pixels(interpolated)), { timeout: 30_000 })
        .toBe(JSON.stringify(startPixels));
      await slider.fill('1');
      await expect
        .poll(async () => JSON.stringify(await pixels(interpolated)), { timeout: 30_000 })
        .toBe(JSON.stringify(endPixels));
    }
    await explorer.getByRole('combobox', { name: 'Path' }).selectOption('slerp');
    await slider.fill('0.5');
    await expect
      .poll(async () => JSON.stringify(await pixels(interpolated)) !== JSON.stringify(endPixels), { timeout: 30_000 })
      .toBe(true);
    expect(JSON.stringify(await pixels(interpolated))).not.toBe(JSON.stringify(startPixels));
    await explorer
      .getByRole('heading', { name: 'Interpolation between two latents' })
      .locator('..')
      .screenshot({ path: `${SHOTS}/interpolation.png` });

    // Arithmetic: two latents averaged in A, one each in B and C.
    for (const [n, slot] of [
      [1, 'A'],
      [9, 'A'],
      [3, 'B'],
      [7, 'C'],
    ] as const) {
      await sample(n).click();
      await explorer.getByRole('button', { name: `Set as ${slot}` }).click();
    }
    const result = explorer.getByRole('img', { name: 'Result', exact: true });
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    const first = await pixels(result);
    await explorer.getByRole('slider', { name: 'Weight of B' }).fill('0');
    await expect
      .poll(async () => JSON.stringify(await pixels(result)) !== JSON.stringify(first), { timeout: 30_000 })
      .toBe(true);
    await explorer.getByRole('slider', { name: 'Weight of B' }).fill('-1');
    await expect
      .poll(() => explorer.getByRole('img', { name: /^Training image 1:/ }).count(), { timeout: 30_000 })
      .toBe(1);
    await explorer.screenshot({ path: `${SHOTS}/explorer-cgan.png` });
    expect(errors).toEqual([]);
  });

  test('InfoGAN: the continuous code slider changes the image; 2D data: arithmetic as arrows', {
    timeout: 360_000,
  }, async () => {
    // InfoGAN: a continuous code's slider changes the selected sample.
    // Generous waits: rebuilding on MNIST and the first steps' kernels are slow on a loaded machine.
    await resetRun(
      page,
      { ...PRESETS.cganMnist.config, conditioning: 'infoCodes', categories: 10, continuousCodes: 2 },
      'wasm',
      {},
      120_000,
    );
    await stepRun(page, 20, 'both', 120_000);
    const code = explorer.getByRole('slider', { name: 'Code 1', exact: true });
    const selected = explorer.getByRole('img', { name: 'Selected sample' });
    await expect.poll(() => selected.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => explorer.getByText('Model at iteration 20').count(), { timeout: 30_000 }).toBe(1);
    const atZero = await pixels(selected);
    await code.fill('2');
    await expect
      .poll(async () => JSON.stringify(await pixels(selected)) !== JSON.stringify(atZero), { timeout: 30_000 })
      .toBe(true);
    await explorer.screenshot({ path: `${SHOTS}/explorer-infogan.png` });

    // 2D data: the arithmetic drawn as points and arrows in the data plane.
    await resetRun(
      page,
      { ...SMALL, dataset: 'ring', conditioning: 'none', architecture: 'mlp', latentSize: 2 },
      'wasm',
      {},
      120_000,
    );
    await stepRun(page, 100, 'both', 120_000);
    for (const [n, slot] of [
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
    ] as const) {
      await sample(n).click();
      await explorer.getByRole('button', { name: `Set as ${slot}` }).click();
    }
    const arrows = explorer.getByRole('img', { name: /^G\(A\), G\(B\), G\(C\) as points/ });
    await expect.poll(() => arrows.count(), { timeout: 30_000 }).toBe(1);
    await explorer
      .getByRole('heading', { name: 'Latent arithmetic' })
      .locator('..')
      .screenshot({ path: `${SHOTS}/arithmetic-2d.png` });
    expect(errors).toEqual([]);
  });
});

/** A canvas's grey levels (red channel bytes): what the page drew, exactly. */
function bytes(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return Array.from({ length: data.length / 4 }, (_, p) => data[p * 4]);
  });
}

describe('latent explorer across pause, resume and Reset', () => {
  test('endpoints and slots set while training are the same latents after pause and resume; Reset re-draws the grid and clears them', {
    timeout: 300_000,
  }, async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
    await page.goto(inject('baseURL'));
    await waitFor(page, 'ready', 90_000);
    // A small MNIST MLP: images make exact pixel comparisons meaningful, and it trains fast on wasm.
    await resetRun(
      page,
      {
        dataset: 'mnist',
        architecture: 'mlp',
        conditioning: 'none',
        latentSize: 8,
        generatorLayers: 1,
        generatorWidth: 32,
        discriminatorLayers: 1,
        discriminatorWidth: 32,
        batchSize: 16,
      },
      'wasm',
    );
    await stepRun(page, 3);
    const explorer = page.getByRole('region', { name: 'Latent space' });
    const grid = explorer.getByRole('group', { name: 'Samples to explore' });
    const tile = (n: number) => grid.getByRole('img', { name: `Sample ${n}`, exact: true });
    const image = (name: string) => explorer.getByRole('img', { name, exact: true });
    await explorer.scrollIntoViewIfNeeded();
    await expect.poll(() => grid.getByRole('img').count(), { timeout: 30_000 }).toBe(16);

    /**
     * Which seeded draw the grid shows: each draw's 16 latents decoded afresh at the current weights
     * (the page's client, outside the explorer) and drawn as the page draws them, against the tiles.
     */
    const gridDraw = async () => {
      const { config } = await read(page);
      const shown = await Promise.all(Array.from({ length: 16 }, (_, i) => bytes(tile(i + 1))));
      for (let draw = 0; draw < 12; draw++) {
        const latents = Array.from(seededLatents(config.seed, draw, 16, config.latentSize, config.noise));
        const fresh = await page.evaluate(async (z) => {
          const event = await window.nash!.training.latent({
            kind: 'decode',
            latent: Float32Array.from(z),
            conditions: Array.from({ length: 16 }, () => ({})),
          });
          const values = Array.from(event.answer!.values);
          return values.map((v) => Math.round(((Math.max(-1, Math.min(1, v)) + 1) / 2) * 255));
        }, latents);
        if (JSON.stringify(fresh) === JSON.stringify(shown.flat())) return draw;
      }
      return -1;
    };
    /** Pauses with the Pause button and waits until the explorer shows the paused weights. */
    const pause = async () => {
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, {
        timeout: 30_000,
      });
      const { iteration } = await read(page);
      await expect
        .poll(() => explorer.getByText(`Model at iteration ${iteration}`).count(), { timeout: 20_000 })
        .toBe(1);
      return iteration;
    };
    /** Each endpoint and slot image is its grid sample's image at the same (paused) weights. */
    const pairs: [string, number][] = [
      ['Start', 2],
      ['End', 5],
      ['Mean of slot A', 1],
      ['Mean of slot B', 3],
      ['Mean of slot C', 7],
    ];
    const sameAsGrid = async () => {
      for (const [name, n] of pairs) {
        await expect
          .poll(async () => JSON.stringify(await bytes(image(name))) === JSON.stringify(await bytes(tile(n))), {
            timeout: 20_000,
          })
          .toBe(true);
      }
    };

    // Picks made while the model trains, in slow motion (2 it/s): at full speed on a loaded 2-core
    // machine the page's main thread, drawing every chart, can take seconds to take a click.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('two');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'playing', undefined, {
      timeout: 30_000,
    });
    const pick = async (n: number, button: string) => {
      await grid.getByRole('button', { name: `Sample ${n}`, exact: true }).click();
      await explorer.getByRole('button', { name: button, exact: true }).click();
    };
    await pick(2, 'Set as start');
    await pick(5, 'Set as end');
    await pick(1, 'Set as A');
    await pick(3, 'Set as B');
    await pick(7, 'Set as C');
    const first = await pause();
    const drawBefore = await gridDraw();
    expect(drawBefore).toBeGreaterThanOrEqual(0);
    await sameAsGrid();
    const before = await bytes(tile(2));

    // Resume at full speed long enough for the weights (and so the images) to change, pause again.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('full');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction((n) => window.nash!.training.getSnapshot().iteration >= n + 30, first, {
      timeout: 60_000,
    });
    const second = await pause();
    console.log(`latent picks across pause/resume: iterations ${first} → ${second}, grid draw ${drawBefore}`);
    expect(JSON.stringify(await bytes(tile(2)))).not.toBe(JSON.stringify(before));
    expect(await gridDraw()).toBe(drawBefore);
    await sameAsGrid();

    // Reset: new weights, a new draw of latents, endpoints and slots cleared.
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitFor(page, 'ready', 60_000);
    await expect.poll(() => grid.getByRole('img').count(), { timeout: 30_000 }).toBe(16);
    await expect
      .poll(() => explorer.getByText('Choose a start and an end (from the samples, or random).').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    for (const name of ['Start', 'End', 'Mean of slot A', 'Mean of slot B', 'Mean of slot C'])
      expect(await image(name).count()).toBe(0);
    for (const slot of ['A', 'B', 'C'])
      await expect.poll(() => explorer.getByRole('button', { name: `Clear ${slot}` }).isDisabled()).toBe(true);
    if ((await read(page)).state === 'playing') await pause();
    // Until the new grid is in, the tiles match no draw at the new weights (-1).
    let redrawn = -1;
    await expect.poll(async () => (redrawn = await gridDraw()), { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
    expect(redrawn).not.toBe(drawBefore);
    expect(errors).toEqual([]);
    await page.close();
  });
});
