/**
 * Whether InfoGAN's categorical code finds the digits, `npm run bench -- infogan [--seeds 1-3]
 * [--iterations 2000] [--every 500] [--backend wasm|cpu] [--preset infoganMnist] [any train flag]`:
 * the preset (or any `npm run train` setting on top of it, e.g. `--info-lambda 2`) trained at each
 * seed, and at every `--every` iterations, by the project's digit classifier on 1,000 digits from
 * fixed noise (the code values in turn, scripts/cli/digits.ts):
 *
 * - digits: how many distinct digits the 10 code values' majority digits are (issue 17: ≥ 8 live);
 * - purity: the mean fraction of a value's digits that are its majority digit;
 * - matching: the best one-to-one matching of values to digits, the fraction of digits it gets right
 *   (the InfoGAN paper's 5% error reads 0.95);
 * - present: digits with at least 1% of the samples, whatever the code.
 *
 * Iterations per second are wall time on a shared machine; the load average is printed beside them.
 * Every row goes to test-results/bench-infogan.json. It trains for minutes: it runs only when named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createDataset } from '../../src/gan/data/registry.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { parseCli } from '../cli/options.ts';
import { DigitReport } from '../cli/digits.ts';
import { useBackend } from '../node/backend.ts';
import { loadMnist } from '../node/mnist.ts';

const args = process.argv.slice(2);
if (!args.includes('infogan')) {
  console.log(
    'infogan: skipped (minutes per seed); run it by name: npm run bench -- infogan [--seeds 1-3] [--iterations 2000]',
  );
  process.exit(0);
}

/** This benchmark's own flags; the rest (after the benchmarks' names) go to the trainer's parser. */
const OWN = new Set(['seeds', 'iterations', 'every']);
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

function fail(message: string): never {
  console.error(`infogan: ${message}`);
  process.exit(2);
}

function wholeNumber(flag: string, fallback: number, min: number, max: number): number {
  const raw = own.get(flag) ?? String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    fail(`--${flag} must be a whole number from ${min} to ${max}, not ${raw}`);
  return value;
}

/** "1-3" or "1,4,7": seeds 0 to 2^31 − 1, at most 50 of them. */
function seedList(raw: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(raw);
  const seeds = range
    ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
    : raw.split(',').map(Number);
  if (seeds.length === 0 || seeds.length > 50 || seeds.some((s) => !Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1))
    fail(`--seeds must be a range like 1-3 or a list like 1,4,7 of at most 50 seeds from 0 to 2147483647, not ${raw}`);
  return seeds;
}

const seeds = seedList(own.get('seeds') ?? '1-3');
const iterations = wholeNumber('iterations', 2000, 1, 100_000);
const every = wholeNumber('every', 500, 1, iterations);
const withPreset = trainFlags.includes('--preset') ? trainFlags : ['--preset', 'infoganMnist', ...trainFlags];
const backendFlag = trainFlags.includes('--backend') ? [] : ['--backend', 'wasm'];

interface Row {
  seed: number;
  iteration: number;
  digits: number;
  purity: number;
  matching: number;
  present: number;
  iterationsPerSecond: number;
  load: number;
}

const cli = (seed: number) => {
  try {
    return parseCli([...withPreset, ...backendFlag, '--seed', String(seed), '--steps', String(iterations)]);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
};
const first = cli(seeds[0]);
await useBackend(first.backend);
const mnist = loadMnist();
const { config } = first;
console.log(
  `InfoGAN on MNIST, ${config.architecture}${config.architecture === 'dcgan' ? ` C=${config.channels}` : ` G ${config.generatorLayers}×${config.generatorWidth}, D ${config.discriminatorLayers}×${config.discriminatorWidth}`}, ` +
    `K=${config.categories}, ${config.continuousCodes} continuous, λ=${config.infoLambda}, batch ${config.batchSize}, ` +
    `lr G ${config.generatorLearningRate} / D ${config.discriminatorLearningRate}, latent ${config.latentSize}, ` +
    `${first.backend}; flags: ${[...withPreset, ...backendFlag].join(' ')}\n`,
);
console.log('| seed | iteration | digits (of 10) | purity | matching | present | it/s | load |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
const rows: Row[] = [];
for (const seed of seeds) {
  const { config: seeded } = cli(seed);
  const trainer = new Trainer(seeded, createDataset('mnist', { mnist }));
  const digits = new DigitReport(seeded);
  let started = performance.now();
  let trained = 0;
  for (let i = 1; i <= iterations; i++) {
    trainer.step();
    trained += 1;
    if (i % every !== 0 && i !== iterations) continue;
    await trainer.flushStats();
    const perSecond = trained / ((performance.now() - started) / 1000);
    const figures = await digits.metrics(trainer);
    const row: Row = {
      seed,
      iteration: i,
      digits: figures.codeClasses,
      purity: figures.codePurity,
      matching: figures.codeMatching,
      present: figures.classifierModes,
      iterationsPerSecond: perSecond,
      load: loadavg()[0],
    };
    rows.push(row);
    console.log(
      `| ${seed} | ${i} | ${row.digits} | ${row.purity.toFixed(2)} | ${row.matching.toFixed(2)} | ${row.present} | ${perSecond.toFixed(1)} | ${row.load.toFixed(1)} |`,
    );
    started = performance.now();
    trained = 0;
  }
  digits.dispose();
  trainer.dispose();
}
const finals = rows.filter((row) => row.iteration === iterations);
const reaching = finals.filter((row) => row.digits >= 8).length;
console.log(
  `\nAt ${iterations} iterations: digits ${finals.map((row) => row.digits).join(', ')} (≥ 8 at ${reaching} of ${finals.length} seeds); ` +
    `matching ${finals.map((row) => row.matching.toFixed(2)).join(', ')}.`,
);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench-infogan.json', JSON.stringify({ config, iterations, rows }, null, 2));
