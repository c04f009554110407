/**
 * The soak run of issue 9 ("Long runs"), shared by `npm run bench -- soak` (scripts/bench/soak.ts,
 * 30 minutes) and its 1-minute CI version (tests/e2e/soak.test.ts, a reading every 20 s). It trains the ring preset on the
 * real playground page (charts, 2D view and latent explorer drawing as for a user) and, once a
 * minute, forces a garbage collection in the page and in the training worker (CDP
 * `HeapProfiler.collectGarbage`) and reads:
 * - tensors: tf.memory().numTensors in the worker, from its last status (no step in flight);
 * - page heap: the page's used JS heap (`Performance.getMetrics` JSHeapUsedSize), DOM nodes and
 *   event listeners (charts and views leak there first). The chart history (one StatPoint an
 *   iteration, bounded by HISTORY_LIMIT = 6,000 in src/client/statHistory.ts) grows the heap until it is full, so each
 *   reading also measures a point's cost — the heap taken by a structured clone of the last 2,000
 *   points, the form they arrive in from the worker — and the verdict judges the heap net of the
 *   history (raw heap − points × bytes per point) as well as the raw heap;
 * - worker heap: the worker's used JS heap and the ArrayBuffer backing stores outside it
 *   (`Runtime.getHeapUsage` through a browser-level CDP session attached to the worker target);
 * - iterations/s over the minute's playing time.
 * Each reading pauses the run (no chunk in flight, so the worker's heap holds no half-done step),
 * reads, and plays on: a second or so a minute.
 * No vitest import here: the benchmark runs outside vitest.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { TrainingClient } from '../../src/client/TrainingClient.ts';
import { describeNotice, en } from '../../src/i18n/reliability.ts';

declare global {
  interface Window {
    nash?: { training: TrainingClient };
  }
}

export interface SoakReading {
  /** Minutes since training started (0 = just started). */
  minute: number;
  iteration: number;
  /** Iterations per second of the playing time since the previous reading (its own pause excluded). */
  rate: number;
  tensors: number;
  /** Chart history points the page holds (bounded by HISTORY_LIMIT, src/client/statHistory.ts). */
  statPoints: number;
  pageHeap: number;
  /** Heap one chart point takes (median of the readings so far); NaN before there are enough points. */
  bytesPerPoint: number;
  /** pageHeap − statPoints × bytesPerPoint. */
  pageHeapNet: number;
  nodes: number;
  listeners: number;
  workerHeap?: number;
  workerBacking?: number;
  /** 1-minute load average of the machine. */
  load: number;
}

/** JSON-over-CDP to a dedicated worker: browser-level session, non-flat attach (a Page session cannot reach it). */
class WorkerProbe {
  private session?: { targetId: string; sessionId: string };
  private nextId = 1;
  private readonly pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const resolve = message.id === undefined ? undefined : this.pending.get(message.id);
      if (resolve && message.id !== undefined) {
        this.pending.delete(message.id);
        resolve(message);
      }
    });
  }

  static async open(browser: Browser) {
    return new WorkerProbe(await browser.newBrowserCDPSession());
  }

  /** Attaches to the training worker, again if it was replaced (a restarted worker is a new target). */
  private async attach(): Promise<string | undefined> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('training.worker'));
    if (!worker) return undefined;
    if (this.session?.targetId !== worker.targetId) {
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
      this.session = { targetId: worker.targetId, sessionId };
    }
    return this.session.sessionId;
  }

  private async send<T>(method: string, params: object = {}): Promise<T | undefined> {
    const sessionId = await this.attach();
    if (!sessionId) return undefined;
    const id = this.nextId++;
    const answer = new Promise<{ result?: unknown; error?: { message: string } }>((resolve) =>
      this.pending.set(id, resolve),
    );
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 60_000));
    const message = await Promise.race([answer, timeout]);
    if (!message) throw new Error(`worker CDP ${method}: no answer in 60 s`);
    if (message.error) throw new Error(`worker CDP ${method}: ${message.error.message}`);
    return message.result as T;
  }

  /** Forced GC, then the used heap and the backing stores (ArrayBuffers, wasm memory) in bytes. */
  async heap(): Promise<{ used: number; backing: number } | undefined> {
    await this.send('HeapProfiler.collectGarbage');
    const usage = await this.send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
    return usage ? { used: usage.usedSize, backing: usage.backingStorageSize ?? 0 } : undefined;
  }

  async close() {
    await this.cdp.detach().catch(() => undefined);
  }
}

export interface SoakOptions {
  minutes: number;
  /** Milliseconds between readings; a minute unless a test shortens it. */
  intervalMs?: number;
  /** Called with each reading as it is taken. */
  onReading?(reading: SoakReading): void;
  loadAverage(): number;
}

/** Chooses the ring preset from the page's menu and waits until it trains. */
export async function startRingPreset(page: Page, timeout = 120_000) {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('ringDefault');
  await page.waitForFunction(
    () => {
      const s = window.nash?.training.getSnapshot();
      return s?.phase === 'ready' && s.state === 'playing' && s.iteration > 0;
    },
    undefined,
    { timeout, polling: 200 },
  );
}

/** Trains the already-playing page for `minutes`, reading once per interval. The page keeps playing. */
export async function soak(browser: Browser, page: Page, options: SoakOptions): Promise<SoakReading[]> {
  const interval = options.intervalMs ?? 60_000;
  const pageCdp = await page.context().newCDPSession(page);
  await pageCdp.send('Performance.enable');
  const worker = await WorkerProbe.open(browser);
  const readings: SoakReading[] = [];
  const pointCosts: number[] = [];
  const heap = async () => {
    await pageCdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await pageCdp.send('Performance.getMetrics');
    return { metric: (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN };
  };
  const started = Date.now();
  let previous: { iteration: number; at: number } | undefined;
  try {
    for (let minute = 0; minute <= options.minutes; minute++) {
      const due = started + minute * interval;
      if (Date.now() < due) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const playing = await page.evaluate(() => {
        const s = window.nash!.training.getSnapshot();
        return { phase: s.phase, state: s.state, notices: s.notices };
      });
      if (playing.phase !== 'ready' || playing.state !== 'playing') {
        throw new Error(
          `soak: at minute ${minute} the run is ${playing.phase}/${playing.state}: ${playing.notices.map((n) => describeNotice(n, en)).join(' | ')}`,
        );
      }
      // Readings in a quiet state: paused, no chunk in flight, every view drawn.
      await page.evaluate(() => window.nash!.training.pause());
      await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused', undefined, {
        timeout: 120_000,
        polling: 100,
      });
      const at = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const state = await page.evaluate(() => {
        const s = window.nash!.training.getSnapshot();
        return { iteration: s.iteration, tensors: s.tensors, statPoints: s.stats.length };
      });
      const { metric } = await heap();
      if (state.statPoints >= 1000) {
        const copied = await page.evaluate((n) => {
          const copy = structuredClone(window.nash!.training.getSnapshot().stats.slice(-n));
          (window as unknown as { soakCopy?: unknown }).soakCopy = copy;
          return copy.length;
        }, 2000);
        const withCopy = (await heap()).metric('JSHeapUsedSize');
        await page.evaluate(() => delete (window as unknown as { soakCopy?: unknown }).soakCopy);
        const without = (await heap()).metric('JSHeapUsedSize');
        pointCosts.push((withCopy - without) / copied);
      }
      const bytesPerPoint = median(pointCosts);
      const workerHeap = await worker.heap();
      const reading: SoakReading = {
        minute,
        iteration: state.iteration,
        rate: previous ? (state.iteration - previous.iteration) / ((at - previous.at) / 1000) : NaN,
        tensors: state.tensors,
        statPoints: state.statPoints,
        pageHeap: metric('JSHeapUsedSize'),
        bytesPerPoint,
        pageHeapNet: metric('JSHeapUsedSize') - state.statPoints * bytesPerPoint,
        nodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
        workerHeap: workerHeap?.used,
        workerBacking: workerHeap?.backing,
        load: options.loadAverage(),
      };
      await page.evaluate(() => window.nash!.training.play());
      previous = { iteration: state.iteration, at: Date.now() };
      readings.push(reading);
      options.onReading?.(reading);
    }
  } finally {
    await worker.close();
    await pageCdp.detach().catch(() => undefined);
  }
  return readings;
}

export interface SoakVerdict {
  tensorsFlat: boolean;
  /** Tensors from minute 1 on: min, max. */
  tensors: [number, number];
  /** Last reading's heap over minute 1's, minus 1 (0.05 = 5% growth): raw, and net of the chart history. */
  pageHeapGrowth: number;
  pageHeapNetGrowth: number;
  workerHeapGrowth: number;
  heapOk: boolean;
  /** Last minute's rate over the median of the per-minute rates. */
  lastOverMedian: number;
  throughputOk: boolean;
  medianRate: number;
}

export const median = (xs: number[]) => {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Tensors flat: no reading after minute 1 above minute 1's count. Heap: the last reading within
 * `heapGrowth` (default 10%) of minute 1's, page and worker alike. Throughput: the last minute at
 * least `throughput` (default 80%) of the median minute.
 */
export function judge(readings: SoakReading[], limits: { heapGrowth?: number; throughput?: number } = {}): SoakVerdict {
  const { heapGrowth = 0.1, throughput = 0.8 } = limits;
  const base = readings.find((r) => r.minute === 1);
  const last = readings[readings.length - 1];
  if (!base || last.minute < 2) throw new Error('soak: at least two minutes of readings are needed');
  const after = readings.filter((r) => r.minute >= 1);
  const tensors: [number, number] = [
    Math.min(...after.map((r) => r.tensors)),
    Math.max(...after.map((r) => r.tensors)),
  ];
  const pageHeapGrowth = last.pageHeap / base.pageHeap - 1;
  // Both net heaps with the last reading's cost per point (the best estimate), not each its own.
  const cost = Number.isFinite(last.bytesPerPoint) ? last.bytesPerPoint : 0;
  const net = (r: SoakReading) => r.pageHeap - r.statPoints * cost;
  const pageHeapNetGrowth = net(last) / net(base) - 1;
  const workerHeapGrowth =
    last.workerHeap !== undefined && base.workerHeap !== undefined ? last.workerHeap / base.workerHeap - 1 : NaN;
  const medianRate = median(after.map((r) => r.rate));
  const lastOverMedian = last.rate / medianRate;
  return {
    tensorsFlat: tensors[1] <= base.tensors,
    tensors,
    pageHeapGrowth,
    pageHeapNetGrowth,
    workerHeapGrowth,
    heapOk: pageHeapNetGrowth < heapGrowth && !(workerHeapGrowth >= heapGrowth),
    lastOverMedian,
    throughputOk: lastOverMedian >= throughput,
    medianRate,
  };
}

const mb = (bytes: number | undefined) =>
  bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 2 ** 20).toFixed(2);
const HEAD = [
  'min',
  'iteration',
  'it/s',
  'tensors',
  'chart points',
  'page heap MB',
  'B/point',
  'page net MB',
  'DOM nodes',
  'listeners',
  'worker heap MB',
  'worker buffers MB',
  'load',
];
const WIDTHS = HEAD.map((h) => Math.max(h.length, 9));
const format = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(WIDTHS[i])).join(' | ')} |`;

export const tableHead = () => `${format(HEAD)}\n|${WIDTHS.map((w) => '-'.repeat(w + 2)).join('|')}|`;

export function tableRow(r: SoakReading): string {
  return format([
    String(r.minute),
    String(r.iteration),
    Number.isFinite(r.rate) ? r.rate.toFixed(1) : '–',
    String(r.tensors),
    String(r.statPoints),
    mb(r.pageHeap),
    Number.isFinite(r.bytesPerPoint) ? r.bytesPerPoint.toFixed(0) : '–',
    mb(r.pageHeapNet),
    String(r.nodes),
    String(r.listeners),
    mb(r.workerHeap),
    mb(r.workerBacking),
    r.load.toFixed(1),
  ]);
}

export function describeVerdict(v: SoakVerdict, limits: { heapGrowth?: number; throughput?: number } = {}): string {
  const { heapGrowth = 0.1, throughput = 0.8 } = limits;
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
  return [
    `tensors flat: ${v.tensorsFlat ? 'yes' : 'NO'} (${v.tensors[0]}..${v.tensors[1]} from minute 1 on)`,
    `heap growth < ${pct(heapGrowth)} (last vs minute 1, after forced GC; page net of the chart history): ${v.heapOk ? 'yes' : 'NO'} (page net ${pct(v.pageHeapNetGrowth)}, worker ${pct(v.workerHeapGrowth)}; page raw ${pct(v.pageHeapGrowth)}${v.pageHeapGrowth < heapGrowth ? '' : ', over the limit'})`,
    `throughput steady (last minute ≥ ${pct(throughput)} of the median ${v.medianRate.toFixed(1)} it/s): ${v.throughputOk ? 'yes' : 'NO'} (${pct(v.lastOverMedian)})`,
  ].join('\n');
}
