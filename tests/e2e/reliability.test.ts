/**
 * Faults injected into the real app in Chromium, each with its recovery and its message (issue 9).
 * Names of controls and regions: tests/e2e/README.md.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, resetRun, SMALL, stepRun } from './training.ts';
import { describeNotice, en } from '../../src/i18n/reliability.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

describe('faults', () => {
  test('NaN: LSGAN with SGD at learning rate 10 pauses, rolls back to finite weights, keeps the charts and says what to lower', async () => {
    const { page, errors } = await openPlayground(browser, 'wasm');
    await resetRun(page, { ...SMALL, objective: 'lsgan' }, 'wasm', { statsMs: 50 });
    await stepRun(page, 30);
    const healthy = await read(page);
    expect(healthy.statCount).toBe(30);

    // The fault: a live change a student could make with the learning-rate fields.
    await page.evaluate(() =>
      window.nash!.training.update({
        generatorOptimizer: 'sgd',
        discriminatorOptimizer: 'sgd',
        generatorLearningRate: 10,
        discriminatorLearningRate: 10,
      }),
    );
    await page.evaluate(() => window.nash!.training.play());
    await page.waitForFunction(
      () => window.nash!.training.getSnapshot().notices.some((n) => n.subject.about === 'divergence'),
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, {
      timeout: 30_000,
    });
    await page.waitForTimeout(500); // the settle after the rollback posts its status and plane

    const after = await read(page);
    const subject = after.notices.map((n) => n.subject).find((s) => s.about === 'divergence');
    if (subject?.about !== 'divergence') throw new Error('no divergence notice');
    const report = subject.divergence;
    expect(after.state).toBe('paused');
    expect(after.iteration).toBe(report.restoredIteration);
    // Back to one of the last two finite reads before the change (see divergence.ts), not to the start.
    expect(report.restoredIteration).toBeGreaterThan(0);
    expect(report.restoredIteration).toBeLessThanOrEqual(30);
    // History up to the rollback is kept (one point per iteration), and nothing after it.
    expect(after.statCount).toBe(report.restoredIteration);
    expect(
      after.stats.every(
        (p) => p.iteration <= report.restoredIteration && Number.isFinite(p.dLoss) && Number.isFinite(p.gLoss),
      ),
    ).toBe(true);
    // The plane drawn after the rollback shows G's finite samples.
    expect(after.planeIteration).toBe(report.restoredIteration);
    expect(after.fake!.every(Number.isFinite)).toBe(true);
    const message = page.getByRole('region', { name: 'Messages' }).getByText(/Training diverged/);
    await expect(message.textContent()).resolves.toMatch(
      /Lower the (generator|discriminator) learning rate \(sgd, now 10\) to 1 or less/,
    );

    // A fix lets training go on from the restored state.
    await page.evaluate(() =>
      window.nash!.training.update({
        generatorOptimizer: 'adam',
        discriminatorOptimizer: 'adam',
        generatorLearningRate: 1e-3,
        discriminatorLearningRate: 1e-3,
      }),
    );
    await stepRun(page, 10).catch(async (error: unknown) => {
      const state = await read(page);
      throw new Error(
        `${String(error)}: ${JSON.stringify({ state: state.state, iteration: state.iteration, notices: state.notices.map((n) => describeNotice(n, en)) })}`,
      );
    });
    const resumed = await read(page);
    expect(resumed.stats.slice(-10).every((p) => Number.isFinite(p.dLoss))).toBe(true);
    expect(resumed.tensors).toBe(healthy.tensors);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('worker crash: an error thrown inside the worker restarts it with the same settings, the saved weights and the charts', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await resetRun(page, SMALL, 'wasm', { statsMs: 50 });
    await stepRun(page, 40);
    // The page copies a moving run's weights every few seconds (src/client/recovery.ts).
    await page.waitForTimeout(6_000);
    const before = await page.evaluate(async () => {
      const run = await window.nash!.training.exportRun();
      return {
        iteration: run.iteration,
        values: run.tensors.map((t) => Array.from(t.values)),
        run: window.nash!.training.getSnapshot().run,
      };
    });
    expect(before.iteration).toBe(40);
    // Picks in the latent explorer: they belong to the run, which the restart continues.
    const explorer = page.getByRole('region', { name: 'Latent space' });
    const pick = async (n: number, button: string) => {
      await explorer
        .getByRole('group', { name: 'Samples to explore' })
        .getByRole('button', { name: `Sample ${n}`, exact: true })
        .click();
      await explorer.getByRole('button', { name: button, exact: true }).click();
    };
    await pick(2, 'Set as start');
    await pick(5, 'Set as end');
    const start = explorer.getByRole('img', { name: 'Start', exact: true });
    await expect.poll(() => start.count(), { timeout: 30_000 }).toBe(1);

    const trainingWorker = page.workers().find((w) => w.url().includes('training.worker'));
    expect(trainingWorker).toBeDefined();
    await trainingWorker!.evaluate(() => {
      setTimeout(() => {
        throw new Error('injected fault');
      });
    });
    await page.waitForFunction(
      () => window.nash!.training.getSnapshot().notices.some((n) => n.subject.about === 'restart'),
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    await page.waitForFunction(
      () => {
        const s = window.nash!.training.getSnapshot();
        return s.phase === 'ready' && s.state === 'paused' && s.iteration === 40 && s.plane?.iteration === 40;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const after = await read(page);
    expect(after.statCount).toBe(40);
    expect(after.config).toMatchObject(SMALL);
    const restored = await page.evaluate(async () =>
      (await window.nash!.training.exportRun()).tensors.map((t) => Array.from(t.values)),
    );
    expect(restored).toEqual(before.values);
    const message = page.getByRole('region', { name: 'Messages' }).getByText(/training worker failed/);
    await expect(message.textContent()).resolves.toMatch(/injected fault.*restarted.*iteration 40/);
    await expect.poll(() => start.count(), { timeout: 30_000 }).toBe(1);
    expect((await read(page)).run).toBe(before.run);
    // The new worker trains on.
    await stepRun(page, 5);
    expect((await read(page)).iteration).toBe(45);
    await page.close();
  });
});
