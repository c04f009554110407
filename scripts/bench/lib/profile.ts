/**
 * Where the page's main thread spends its time while the playground trains at full speed: a CDP
 * trace (style, layout, paint, scripts) and a JS CPU profile over PROFILE_SECONDS, on an unminified
 * test build, plus each Chromium thread's CPU share from /proc (the training worker, the page's main
 * thread, raster and compositor threads) and the page's frames per second. Not a benchmark (bench.ts
 * does not run it): a tool for finding what costs frames.
 *
 *   npx tsx --import ./scripts/resolve-extensionless.mjs scripts/bench/lib/profile.ts [single|compare] [distDir]
 *
 * distDir (default /tmp/compare/dist-profile) is built once unless PROFILE_BUILD is set, so two builds
 * (an old commit's and a new one's) can be profiled in turn. PROFILE_SECONDS (default 6) of trace;
 * PROFILE_FROM_TRAIN=1 traces from the Train click on (the run's start) instead of a run 2 s in;
 * PROFILE_LONG_MS (default 30) dissects every top-level task using more thread time than that;
 * PROFILE_RENDERS=1 counts React commits and renders per component through the devtools hook (it
 * costs the page time itself); PROFILE_MATCH picks the functions whose inclusive time is listed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { build, preview } from 'vite';
import { launchBrowser } from '../../../tests/e2e/browser.ts';
import type { TrainingClient } from '../../../src/client/TrainingClient.ts';
import { frameRate } from './frames.ts';

/** A trace event as Chromium writes it (only the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}
/** A trace event with a duration, and the thread time it took (its wall time where the trace has none). */
type Timed = TraceEvent & { dur: number; cpu: number };
/** A node of the JS CPU profile. */
/** Tasks using more thread time than this (µs) are dissected. */
const LONG_CPU = Number(process.env.PROFILE_LONG_MS ?? 30) * 1000;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

declare global {
  interface Window {
    nash?: { training: TrainingClient };
    nashCompare?: TrainingClient;
  }
}

/** CPU ticks (1/100 s) per Chromium thread, keyed by process type and thread name, of this process's descendants. */
function cpuByThread(): Map<string, number> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the folder was read.
    }
  }
  const out = new Map<string, number>();
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      try {
        const cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8');
        const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? (cmd.includes('chrom') ? 'browser' : 'other');
        for (const tid of readdirSync(`/proc/${child}/task`)) {
          const stat = readFileSync(`/proc/${child}/task/${tid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          const comm = readFileSync(`/proc/${child}/task/${tid}/comm`, 'utf8').trim().replace(/\d+$/, '#');
          const key = `${type}${type === 'renderer' ? child : ''}/${comm}`;
          out.set(key, (out.get(key) ?? 0) + Number(fields[11]) + Number(fields[12]));
        }
      } catch {
        // The process ended while it was read.
      }
      visit(child);
    }
  };
  visit(process.pid);
  return out;
}

const mode = process.argv[2] ?? 'single';
const outDir = process.argv[3] ?? '/tmp/compare/dist-profile';
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 6);
process.env.NODE_ENV = 'production';
if (!existsSync(`${outDir}/index.html`) || process.env.PROFILE_BUILD)
  await build({ logLevel: 'warn', mode: 'test', build: { outDir, emptyOutDir: true, minify: false } });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
const browser = await launchBrowser({ webgpu: false });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('nash.backend', 'wasm'));
  await page.addInitScript('globalThis.__name = (f) => f;');
  // React's devtools hook (PROFILE_RENDERS=1; it costs the page time of its own): counts commits and, per component, the renders in them (fiber flag PerformedWork = 1).
  if (process.env.PROFILE_RENDERS)
    await page.addInitScript(`
    window.renders_ = { on: false, commits: 0, by: {}, seen: undefined };
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {},
      onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
      onCommitFiberRoot(id, root) {
        const r = window.renders_;
        if (!r.on) return;
        r.commits++;
        // A fiber rendered in this commit is a different object from the one in the last committed tree (double buffering) and did work.
        const before = r.seen || new WeakSet();
        const now = new WeakSet();
        r.seen = now;
        const stack = [root.current];
        while (stack.length) {
          const f = stack.pop();
          now.add(f);
          if ((f.tag === 0 || f.tag === 11 || f.tag === 14 || f.tag === 15 || f.tag === 1) && (f.flags & 1) && !before.has(f)) {
            const t = f.type && (f.type.type || f.type.render || f.type);
            const name = (t && (t.displayName || t.name)) || '?';
            r.by[name] = (r.by[name] || 0) + 1;
          }
          if (f.sibling) stack.push(f.sibling);
          if (f.child) stack.push(f.child);
        }
      },
    };`);
  await page.goto(server.resolvedUrls?.local[0] ?? '');
  await page.waitForFunction(() => window.nash?.training.getSnapshot().phase === 'ready', undefined, {
    timeout: 120_000,
  });
  if (mode === 'compare') {
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForFunction(() => window.nashCompare?.getSnapshot().phase === 'ready', undefined, {
      timeout: 120_000,
    });
  }
  // PROFILE_FROM_TRAIN=1 traces the Train click and the run's first seconds; otherwise a run already 2 s in.
  const fromTrain = process.env.PROFILE_FROM_TRAIN === '1';
  const trainButton = page.getByRole('button', { name: 'Train' });
  if (!fromTrain) {
    await trainButton.click();
    await page.waitForTimeout(2000);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; counting_: boolean };
    w.frames_ = [];
    w.counting_ = true;
    const count = (at: number) => {
      w.frames_.push(at);
      if (w.counting_) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await page.evaluate(() => {
    const w = window as unknown as { renders_?: { on: boolean } };
    if (w.renders_) w.renders_.on = true;
  });
  const cpu0 = cpuByThread();
  const from = await page.evaluate(() => performance.now());
  const its0 = await page.evaluate(() => [
    window.nash!.training.getSnapshot().iteration,
    window.nashCompare?.getSnapshot().iteration ?? 0,
  ]);
  if (fromTrain) await trainButton.click();
  await page.waitForTimeout(SECONDS * 1000);
  const to = await page.evaluate(() => performance.now());
  const cpu1 = cpuByThread();
  const its1 = await page.evaluate(() => [
    window.nash!.training.getSnapshot().iteration,
    window.nashCompare?.getSnapshot().iteration ?? 0,
  ]);
  const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_);
  const renders = await page.evaluate(() => {
    const r = (window as unknown as { renders_?: { commits: number; by: Record<string, number> } }).renders_;
    return { commits: r?.commits ?? 0, by: r?.by ?? {} };
  });
  console.log(`React commits ${(renders.commits / SECONDS).toFixed(1)}/s; renders per second by component:`);
  console.log(
    '  ' +
      Object.entries(renders.by)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([k, v]) => `${k} ${(v / SECONDS).toFixed(1)}`)
        .join(', '),
  );
  const { profile } = await cdp.send('Profiler.stop');
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  console.log(
    `mode ${mode}; load ${loadavg()[0].toFixed(1)}; frames/s`,
    frameRate(frames, from, to),
    'it/s',
    its1.map((v, i) => ((v - its0[i]) / SECONDS).toFixed(0)),
  );

  const used = [...cpu1].map(([k, v]) => [k, v - (cpu0.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
  const total = used.reduce((a, [, v]) => a + v, 0);
  console.log(`browser CPU ${(total / SECONDS).toFixed(0)}% of one core (${SECONDS} s):`);
  for (const [k, v] of used.sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${(v / SECONDS).toFixed(0).padStart(4)}%  ${k}`);
  // The renderer's main thread: the thread named CrRendererMain of the page's process.
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'),
  );
  // Thread time (tdur), not wall time: on a loaded machine a task's wall time includes the time the thread waited for a core.
  const mine = events
    .filter(
      (e): e is TraceEvent & { dur: number } =>
        e.pid === main?.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
    )
    .map((e): Timed => ({ ...e, cpu: e.tdur ?? e.dur }));
  mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time per event name (children subtracted).
  const self = new Map<string, number>();
  const stack: Timed[] = [];
  let busy = 0;
  const longTasks: number[] = [];
  const heavy: Timed[] = [];
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.cpu);
    else {
      busy += e.cpu;
      if (e.dur > 50_000) longTasks.push(e.dur / 1000);
      if (e.cpu > LONG_CPU || e.dur > 50_000) heavy.push(e);
    }
    self.set(e.name, (self.get(e.name) ?? 0) + e.cpu);
    stack.push(e);
  }
  console.log(
    `main thread CPU ${(busy / 1000).toFixed(0)} ms of ${SECONDS * 1000} (top-level); long tasks`,
    longTasks.map((d) => d.toFixed(0)),
  );
  for (const gc of ['MajorGC', 'MinorGC']) {
    const runs = mine.filter((e) => e.name === gc);
    console.log(
      `${gc}: ${runs.length} in ${SECONDS} s, wall ${runs.map((e) => (e.dur / 1000).toFixed(0)).join(' ')} ms (thread ${runs.map((e) => (e.cpu / 1000).toFixed(0)).join(' ')})`.slice(
        0,
        400,
      ),
    );
  }
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);

  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const pattern = new RegExp(
    process.env.PROFILE_MATCH ??
      '^[A-Z][A-Za-z]+ |drawPlane|paintField|commitRoot|performWorkOnRoot|minMaxBuckets|mergeRuns|appendThinned|reduceTraining|useQuality|qualityChart|flushSync|renderRootSync|commitMutation|recharts|runHistory|receive|diagnose',
  );
  // The heaviest top-level tasks, each with its events' self time and the JS functions sampled inside it.
  const sampleTimes: { at: number; id: number }[] = [];
  let clock = profile.startTime;
  profile.samples!.forEach((id: number, i: number) => {
    clock += profile.timeDeltas![i] ?? 0;
    sampleTimes.push({ at: clock, id });
  });
  for (const task of heavy.sort((a, b) => b.cpu - a.cpu).slice(0, 8)) {
    const end = task.ts + task.dur;
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
    const own = new Map<string, number>();
    for (const e of inside) own.set(e.name, (own.get(e.name) ?? 0) + e.dur);
    const fns = new Map<string, number>();
    for (const { at, id } of sampleTimes) {
      if (at < task.ts || at >= end) continue;
      for (let k: number | undefined = id, depth = 0; k !== undefined && depth < 60; k = parentOf.get(k), depth++) {
        const n = nodes.get(k)!;
        if (!pattern.test(label(n))) continue;
        fns.set(label(n), (fns.get(label(n)) ?? 0) + 1);
      }
    }
    console.log(
      `task ${task.name} at ${((task.ts - mine[0].ts) / 1e6).toFixed(1)} s: wall ${(task.dur / 1000).toFixed(0)} ms, thread ${(task.cpu / 1000).toFixed(0)} ms`,
    );
    console.log(
      '   events (wall, inclusive): ' +
        [...own]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`)
          .join(', '),
    );
    console.log(
      '   JS samples (x0.2 ms): ' +
        [...fns]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 14)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );
  }

  // JS: self and inclusive time per function.
  const dt = new Map<number, number>();
  profile.samples!.forEach((id: number, i: number) =>
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i + 1] ?? 0)),
  );
  const selfT = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of dt) {
    const n = nodes.get(id)!;
    selfT.set(label(n), (selfT.get(label(n)) ?? 0) + t);
    const seen = new Set<string>();
    for (let k: number | undefined = id; k !== undefined; k = parentOf.get(k)) {
      const l = label(nodes.get(k)!);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + t);
    }
  }
  console.log('JS self time (top 25):');
  for (const [l, t] of [...selfT].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${(t / 1000).toFixed(0).padStart(6)} ms  ${l}`);
  console.log('JS inclusive (matching):');
  for (const [l, t] of [...incl]
    .filter(([l]) => pattern.test(l))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 45))
    console.log(`  ${(t / 1000).toFixed(0).padStart(6)} ms  ${l}`);
} finally {
  await browser.close();
  await server.close();
}
