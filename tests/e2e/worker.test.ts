/**
 * The training worker in real Chromium, launched without --enable-unsafe-webgpu: the state of a
 * browser without WebGPU (worker-webgpu.test.ts covers WebGPU). Names: tests/e2e/README.md.
 */
import { cpus, loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { openPlayground, read, resetRun, settledAt, SMALL, stepRun } from './training.ts';
import { describeBackendNotes, en as backendEn } from '../../src/i18n/backend.ts';
import { describeNotice, en as reliabilityEn } from '../../src/i18n/reliability.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
});

/** A task of the page's main thread, in microseconds: the CPU time it used and the wall time it took. */
interface MainTask {
  cpu: number;
  wall: number;
}

/**
 * The top-level tasks of the busiest renderer main thread in a Chromium trace of the `toplevel`
 * category (ThreadControllerImpl::RunTask, with its thread time as `tdur`): the page's
 * (any other renderer, such as a closed page's, idles).
 */
function mainThreadTasks(trace: Buffer): MainTask[] {
  type TraceEvent = {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string };
  };
  const events: TraceEvent[] = JSON.parse(trace.toString()).traceEvents;
  const mainThreads = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, MainTask[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ph !== 'X' || !mainThreads.has(thread) || e.dur === undefined)
      continue;
    const tasks = byThread.get(thread) ?? [];
    tasks.push({ cpu: e.tdur ?? e.dur, wall: e.dur });
    byThread.set(thread, tasks);
  }
  const cpuOf = (tasks: MainTask[]) => tasks.reduce((sum, t) => sum + t.cpu, 0);
  return [...byThread.values()].sort((a, b) => cpuOf(b) - cpuOf(a))[0] ?? [];
}

const finite = (points: { dLoss: number; gLoss: number }[]) =>
  points.every((p) => Number.isFinite(p.dLoss) && Number.isFinite(p.gLoss));

describe('the playground page drives the worker', () => {
  test('Train, Pause, Step, Step D, Step G and a learning rate, through the page controls', async () => {
    const { page, errors } = await openPlayground(browser);
    const iterationOutput = page.getByRole('status', { name: 'Iteration', exact: true });
    const backendOutput = page.getByRole('status', { name: 'Backend', exact: true });
    const iterationNow = async () => Number(await iterationOutput.textContent());
    expect(await backendOutput.textContent()).toBe((await read(page)).backend?.name);

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('output[aria-label="Iteration"]')?.textContent) >= 5,
    );
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused');
    // The readout follows the client's state within a notification (at most 100 ms, frameListeners.ts).
    const paused = (await read(page)).iteration;
    await expect.poll(iterationNow).toBe(paused);
    await page.waitForTimeout(500);
    expect(await iterationNow()).toBe(paused); // pause stops the count

    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await settledAt(page, paused + 1);
    await expect.poll(iterationNow).toBe(paused + 1); // exactly one iteration

    const before = await read(page);
    await page.getByRole('button', { name: 'Step D', exact: true }).click();
    await settledAt(page, paused + 2);
    const afterD = await read(page);
    expect(afterD.planeIteration).toBe(paused + 2);
    expect(afterD.fake).toEqual(before.fake); // D alone leaves G(fixed noise) as it was
    await page.getByRole('button', { name: 'Step G', exact: true }).click();
    await settledAt(page, paused + 3);
    expect((await read(page)).fake).not.toEqual(before.fake);

    const rate = page.getByLabel('Discriminator learning rate');
    await rate.fill('0.0002');
    await rate.press('Enter');
    await page.waitForFunction(() => window.nash!.training.getSnapshot().config.discriminatorLearningRate === 0.0002);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await settledAt(page, paused + 4);
    const marked = await read(page);
    expect(marked.markers).toEqual([
      expect.objectContaining({ iteration: paused + 4, field: 'discriminatorLearningRate', from: 0.001, to: 0.0002 }),
    ]);

    const generatorRate = page.getByLabel('Generator learning rate');
    await generatorRate.fill('-1');
    await generatorRate.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Enter a number from' }).textContent()).resolves.toMatch(
      /1e-6|0\.000001/,
    );
    expect((await read(page)).config.generatorLearningRate).toBe(0.001); // the run is untouched
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a learning-rate change while training is acknowledged and marked where it applied', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await page.evaluate(() => window.nash!.training.play());
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration >= 10);
    const ack = await page.evaluate(() => window.nash!.training.update({ generatorLearningRate: 5e-4 }));
    expect(ack.applied).toEqual([{ field: 'generatorLearningRate', from: 0.001, to: 5e-4 }]);
    expect(ack.refused).toEqual([]);
    await page.waitForFunction(
      (n) => window.nash!.training.getSnapshot().stats.some((p) => p.iteration === n),
      ack.iteration,
    );
    await page.evaluate(() => window.nash!.training.pause());
    const { markers, stats } = await read(page);
    expect(markers).toEqual([
      expect.objectContaining({ iteration: ack.iteration, field: 'generatorLearningRate', from: 0.001, to: 5e-4 }),
    ]);
    expect(stats.filter((p) => p.iteration === ack.iteration)).toHaveLength(1);
    await page.close();
  });

  test('each backend that works here trains: webgl (chosen in the page), wasm and cpu', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await page.getByLabel('Backend preference').selectOption('webgl');
    await page
      .getByRole('status', { name: 'Backend', exact: true })
      .filter({ hasText: /^webgl$/ })
      .waitFor({ timeout: 60_000 });
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      await resetRun(page, SMALL, backend);
      const ready = await read(page);
      expect(ready.backend?.name).toBe(backend);
      expect(ready.backend?.reason).toEqual({ code: 'forced' });
      await page.evaluate(() => window.nash!.training.play());
      await page.waitForFunction(() => window.nash!.training.getSnapshot().stats.length >= 3, undefined, {
        timeout: 60_000,
      });
      await page.evaluate(() => window.nash!.training.pause());
      await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused');
      const { iteration, stats } = await read(page);
      expect(iteration, backend).toBeGreaterThanOrEqual(3);
      expect(finite(stats), backend).toBe(true);
    }
    await page.close();
  });

  test('without a WebGPU adapter a forced WebGPU falls back and says so', async () => {
    const { page } = await openPlayground(browser, 'webgpu');
    const { backend, notices, preference } = await read(page);
    expect(preference).toBe('webgpu');
    expect(backend?.name).not.toBe('webgpu');
    expect(backend?.candidates.find((c) => c.backend === 'webgpu')?.notes).toEqual([{ code: 'noAdapter' }]);
    expect(describeBackendNotes([{ code: 'noAdapter' }], backendEn)).toMatch(/no WebGPU adapter/);
    expect(notices.map((n) => [n.kind, describeNotice(n, reliabilityEn)])).toContainEqual([
      'warning',
      expect.stringMatching(/^webgpu cannot be used here/),
    ]);
    await expect(page.getByRole('region', { name: 'Messages' }).textContent()).resolves.toMatch(
      /webgpu cannot be used here/,
    );
    // The note is data, so the page words it in Korean too, and a switch rewords the notice already shown.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.getByRole('region', { name: '알림' }).textContent()).resolves.toMatch(
      /여기서는 webgpu 백엔드를 쓸 수 없어\(브라우저가 WebGPU 어댑터를 내주지 않습니다\)/,
    );
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    await page.close();
  });

  test('latent questions are answered while the ring model trains on wasm (issue 6: within ~100 ms): latency printed', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await page.evaluate(() => window.nash!.training.play());
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration > 50, undefined, {
      timeout: 60_000,
    });
    const result = await page.evaluate(async () => {
      const client = window.nash!.training;
      const latentSize = client.getSnapshot().config.latentSize;
      const row = (value: number) => new Float32Array(latentSize).fill(value);
      const latencies: number[] = [];
      const errors: string[] = [];
      const iterations: number[] = [];
      const computing: number[] = [];
      const i0 = client.getSnapshot().iteration;
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        const event = await client.latent({
          kind: 'interpolate',
          from: row(-1),
          to: row(1),
          method: 'slerp',
          steps: 8,
          at: i / 19,
          condition: {},
        });
        latencies.push(performance.now() - start);
        if (event.error || !event.answer) errors.push(event.error ? JSON.stringify(event.error) : 'no answer');
        else {
          iterations.push(event.answer.iteration);
          computing.push(event.answer.milliseconds);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return {
        latencies,
        computing,
        errors,
        iterations,
        trained: client.getSnapshot().iteration - i0,
        state: client.getSnapshot().state,
      };
    });
    await page.evaluate(() => window.nash!.training.pause());
    const quantile = (values: number[], q: number) =>
      [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
    const { latencies, computing } = result;
    console.log(
      `latent answer latency while training (wasm, ring, ${latencies.length} requests, page to page): median ${quantile(latencies, 0.5).toFixed(1)} ms, ` +
        `p90 ${quantile(latencies, 0.9).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; worker time per answer median ${quantile(computing, 0.5).toFixed(1)} ms; ` +
        `${result.trained} iterations meanwhile; load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    );
    expect(result.errors).toEqual([]);
    expect(result.state).toBe('playing');
    // Training went on between the answers, and each answer came from weights as new as the last.
    expect(result.trained).toBeGreaterThan(20);
    expect(result.iterations.every((n, i) => i === 0 || n >= result.iterations[i - 1])).toBe(true);
    await page.close();
  });

  // Five rounds of the worker's metrics (every 100 iterations) and hundreds of steps: one tensor kept
  // per step shows as hundreds. The soak test trains 60 s (about 2,500 iterations) with Train.
  test('no tensor leak: the worker holds as many tensors after 510 iterations as after 10', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await resetRun(page, { batchSize: 16, generatorWidth: 8, discriminatorWidth: 8 }, 'wasm');
    await stepRun(page, 10);
    const early = await read(page);
    await stepRun(page, 500, 'both', 120_000);
    const late = await read(page);
    expect(late.iteration).toBe(510);
    expect(late.statCount).toBe(510);
    expect(late.tensors).toBeGreaterThan(0);
    expect(late.tensors).toBe(early.tensors);
    await page.close();
  });

  test('training runs off the main thread: the page stays smooth, and the worker keeps training while the page is blocked', async () => {
    const { page } = await openPlayground(browser, 'wasm');
    await page.evaluate(() => {
      const seen: { start: number; duration: number }[] = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => seen.push({ start: entry.startTime, duration: entry.duration })),
      ).observe({ type: 'longtask' });
      Object.assign(window, { longTasks: seen });
    });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => window.nash!.training.getSnapshot().iteration > 50, undefined, {
      timeout: 60_000,
    });
    // 20 s of training the ring model on wasm with the whole playground drawing (charts, 2D view,
    // latent explorer): every task of the page's main thread, from Chromium's trace, with the CPU
    // time it used and the wall time it took.
    await browser.startTracing(page, { categories: ['toplevel'] });
    const smooth = await page.evaluate(async () => {
      const from = performance.now();
      const i0 = window.nash!.training.getSnapshot().iteration;
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      const to = performance.now();
      const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter(
        (t) => t.start >= from && t.start < to,
      );
      return {
        durations: tasks.map((t) => Math.round(t.duration)),
        at: tasks.map((t) => ((t.start - from) / 1000).toFixed(1)),
        iterations: window.nash!.training.getSnapshot().iteration - i0,
      };
    });
    const tasks = mainThreadTasks(await browser.stopTracing());
    const { rate, blocked } = await page.evaluate(async () => {
      const iterationNow = () => window.nash!.training.getSnapshot().iteration;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // The worker's rate with the page free...
      const i0 = iterationNow();
      const t0 = performance.now();
      await sleep(2000);
      const rate = (iterationNow() - i0) / ((performance.now() - t0) / 1000);
      // ...and what it did while the page's only thread was busy for 3 s: a page that trained on
      // its main thread would have done nothing until the 300 ms after.
      const i1 = iterationNow();
      const until = performance.now() + 3000;
      while (performance.now() < until) {
        // busy: no events, no rendering, no timers on the main thread
      }
      await sleep(300);
      return { rate, blocked: iterationNow() - i1 };
    });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const { backend } = await read(page);
    expect(backend?.name).toBe('wasm');
    expect(smooth.iterations).toBeGreaterThan(100);
    expect(rate).toBeGreaterThan(5);
    // 3.3 s at the free rate, with half of it allowed for a busier machine; 0.3 s of it is the most
    // a main-thread trainer could show.
    expect(blocked).toBeGreaterThan(0.5 * 3.3 * rate);
    const load = `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`;
    const ms = (us: number) => Math.round(us / 1000);
    const busiest = [...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, 3);
    const over50 = smooth.durations
      .map((d, i) => `${d} ms at ${smooth.at[i]} s`)
      .filter((_, i) => smooth.durations[i] > 50);
    console.log(
      `main thread, 20 s of training: ${tasks.length} tasks, ${ms(tasks.reduce((sum, t) => sum + t.cpu, 0))} ms of CPU; the most CPU in one task ${busiest.map((t) => `${ms(t.cpu)} ms (${ms(t.wall)} ms wall)`).join(', ')}; ${over50.length} long tasks over 50 ms of wall time (${over50.join(', ')}); ${smooth.iterations} iterations (${load}); worker ${rate.toFixed(1)} it/s, ${blocked} iterations while the page was blocked`,
    );
    // Issue 4: no task over 50 ms. What the page itself does in a task (scripts, style, layout,
    // paint) is its CPU time; on a 2-core machine whose worker holds one core, the wall time of a task
    // also holds the time the thread waited for a core (a loaded CI machine stretched 20–30 ms of
    // work to 50–110 ms), which is the machine's, not the page's.
    expect(tasks.length, 'main-thread tasks in the trace').toBeGreaterThan(100);
    expect(
      tasks.filter((t) => t.cpu > 50_000).map((t) => `${ms(t.cpu)} ms of CPU (${ms(t.wall)} ms wall)`),
      'main-thread tasks over 50 ms of CPU in 20 s of training',
    ).toEqual([]);
    // Nothing near a frame drop even on a loaded machine: the build before the charts' own layer made
    // tasks of 320 ms.
    expect(Math.max(0, ...smooth.durations), 'the longest task (wall time)').toBeLessThan(250);
    await page.close();
  });
});
