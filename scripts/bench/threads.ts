/**
 * One wasm thread or two, per preset, `npm run bench -- threads [--presets a,b] [--seconds 6]`: the
 * page's training worker in headless Chromium on wasm, in a test build with 1 and with 2 wasm threads
 * (VITE_WASM_THREADS, src/worker/wasm-paths.ts), each preset's run stepped back to back by the
 * worker's benchmark command (Trainer.step, no drawing) for `--seconds`. The number behind the
 * default of one thread: a pool wakes its threads for every kernel, which the MNIST presets' large
 * convolutions and matMuls repay and the 2D presets' small ones do not. Two builds and every preset
 * of the menu take about 3 minutes: it runs only when named.
 */
import { cpus, loadavg } from 'node:os';
import { presetConfig } from '../../src/features/share/urlState.ts';
import { PRESETS, type PresetId } from '../../src/gan/presets.ts';
import { option, runOnlyWhenNamed } from './lib/args.ts';
import { benchmarkRun, resetOnto, startPlayground } from './lib/playground.ts';

runOnlyWhenNamed('threads', 'about 3 minutes', '[--presets a,b] [--seconds S]');
const DEFAULT_PRESETS: PresetId[] = [
  'ringDefault',
  'modeCollapse',
  'wganGpRing',
  'mnistDefault',
  'dcganMnist',
  'cganMnist',
  'infoganMnist',
];
const isPreset = (id: string): id is PresetId => Object.hasOwn(PRESETS, id);
const asked = option('presets')?.split(',') ?? DEFAULT_PRESETS;
const unknown = asked.filter((id) => !isPreset(id));
const seconds = Number(option('seconds') ?? 6);
if (unknown.length || !(seconds >= 1 && seconds <= 600)) {
  console.error(
    unknown.length
      ? `threads: no such preset: ${unknown.join(', ')}`
      : `threads: --seconds must be a number from 1 to 600, not ${option('seconds')}`,
  );
  process.exit(2);
}
const presets = asked.filter(isPreset);
const THREADS = [1, 2];

/** Milliseconds per iteration, by preset, for each thread count. */
const table = new Map<PresetId, number[]>(presets.map((id) => [id, []]));
for (const threads of THREADS) {
  const playground = await startPlayground({ VITE_WASM_THREADS: String(threads) });
  try {
    const page = await playground.open();
    for (const id of presets) {
      const { actual } = await resetOnto(page, presetConfig(id), 'wasm');
      if (actual !== 'wasm') throw new Error(`${id}: the worker fell back to ${actual}`);
      const result = await benchmarkRun(page, 'trainer', seconds, 300_000);
      const ms = result.milliseconds / result.iterations;
      table.get(id)?.push(ms);
      console.log(`${id}, ${threads} thread${threads > 1 ? 's' : ''}: ${ms.toFixed(2)} ms per iteration`);
    }
  } finally {
    await playground.close();
  }
}

const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
console.log(
  `\nChromium wasm, Trainer.step back to back, ~${seconds} s per preset; load ${load} on ${cpus().length} cores:`,
);
console.log('| preset | 1 thread (ms / iteration) | 2 threads | time with 2 vs 1 |');
console.log('|---|---|---|---|');
for (const [id, [one, two]] of table) {
  const change = (two / one - 1) * 100;
  console.log(`| ${id} | ${one.toFixed(2)} | ${two.toFixed(2)} | ${change > 0 ? '+' : ''}${change.toFixed(0)}% |`);
}
