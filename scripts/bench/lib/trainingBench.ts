/**
 * The flags of a benchmark that trains one preset in Node at several seeds and reads it every so many
 * iterations (`npm run bench -- cgan`, `… -- infogan`): its own `--seeds`, `--iterations` and
 * `--every`, and any `npm run train` flag on top of the preset (e.g. `--lr-g 5e-4`, `--backend cpu`,
 * `--preset another`), checked by the trainer's own parser. A bad flag ends the process with status 2
 * and a one-line message naming the flag and its allowed values.
 */
import { type CliOptions, parseCli } from '../../cli/options.ts';

export interface TrainingBench {
  seeds: number[];
  iterations: number;
  every: number;
  /** The preset trained, and every flag given to the trainer (the benchmark's defaults included). */
  presetId: string;
  flags: string[];
  /** The trainer's options at one seed, for `iterations` steps. */
  cli(seed: number): CliOptions;
  fail(message: string): never;
}

const OWN = new Set(['seeds', 'iterations', 'every']);

export function trainingBench(
  name: string,
  args: readonly string[],
  defaults: { preset: string; seeds: string; iterations: number; every: number },
): TrainingBench {
  const fail = (message: string): never => {
    console.error(`${name}: ${message}`);
    process.exit(2);
  };
  const own = new Map<string, string>();
  const trainFlags: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('--')) continue; // the benchmarks' names
    const flag = args[i].slice(2);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) fail(`--${flag}: missing value`);
    if (OWN.has(flag)) own.set(flag, value);
    else trainFlags.push(args[i], value);
    i += 1;
  }
  const wholeNumber = (flag: string, fallback: number, min: number, max: number): number => {
    const raw = own.get(flag) ?? String(fallback);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max)
      fail(`--${flag} must be a whole number from ${min} to ${max}, not ${raw}`);
    return value;
  };
  /** "1-5" or "1,4,7": seeds 0 to 2^31 − 1, at most 50 of them. */
  const raw = own.get('seeds') ?? defaults.seeds;
  const range = /^(\d+)-(\d+)$/.exec(raw);
  const seeds = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : raw.split(',').map(Number);
  if (seeds.length === 0 || seeds.length > 50 || seeds.some((s) => !Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1))
    fail(`--seeds must be a range like 1-5 or a list like 1,4,7 of at most 50 seeds from 0 to 2147483647, not ${raw}`);
  const iterations = wholeNumber('iterations', defaults.iterations, 1, 100_000);
  const every = wholeNumber('every', defaults.every, 1, iterations);
  const presetAt = trainFlags.indexOf('--preset');
  const presetId = presetAt >= 0 ? trainFlags[presetAt + 1] : defaults.preset;
  const flags = [
    ...(presetAt >= 0 ? [] : ['--preset', defaults.preset]),
    ...trainFlags,
    ...(trainFlags.includes('--backend') ? [] : ['--backend', 'wasm']),
  ];
  const cli = (seed: number): CliOptions => {
    try {
      return parseCli([...flags, '--seed', String(seed), '--steps', String(iterations)]);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  };
  return { seeds, iterations, every, presetId, flags, cli, fail };
}
