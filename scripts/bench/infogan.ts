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
 * At the last iteration, what each continuous code does: 100 noise vectors (code values in turn) drawn
 * with that code at −2, −1, 0, 1, 2 and the others at 0 (the latent explorer's rows), and the
 * correlation of the code's value with each digit's slant (the ink's x–y covariance over its y
 * variance: how far x moves per row, + leaning right) and width (the ink's x standard deviation, pixels);
 * and a picture of it, test-results/infogan-codes-seed<N>.png: per continuous code a block of 10 rows
 * (code values 0–9, one noise vector each) by 5 columns (the code at −2…2).
 *
 * Iterations per second are wall time on a shared machine; the load average is printed beside them.
 * Every row goes to test-results/bench-infogan.json. It trains for minutes: it runs only when named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createDataset } from '../../src/gan/data/registry.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { DigitReport } from '../cli/digits.ts';
import { useBackend } from '../node/backend.ts';
import { continuousEffects, describeEffects, writeCodePicture } from './lib/infoCodes.ts';
import { benchArgs, runOnlyWhenNamed } from './lib/args.ts';
import { trainingBench } from './lib/trainingBench.ts';
import { loadMnist } from '../node/mnist.ts';

runOnlyWhenNamed('infogan', 'minutes per seed', '[--seeds 1-3] [--iterations 2000]');

const { seeds, iterations, every, flags, cli } = trainingBench('infogan', benchArgs, {
  preset: 'infoganMnist',
  seeds: '1-3',
  iterations: 2000,
  every: 500,
});
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

const first = cli(seeds[0]);
await useBackend(first.backend);
const mnist = loadMnist();
const { config } = first;
console.log(
  `InfoGAN on MNIST, ${config.architecture}${config.architecture === 'dcgan' ? ` C=${config.channels}` : ` G ${config.generatorLayers}×${config.generatorWidth}, D ${config.discriminatorLayers}×${config.discriminatorWidth}`}, ` +
    `K=${config.categories}, ${config.continuousCodes} continuous, λ=${config.infoLambda}, σ=${config.infoNoiseScale}, batch ${config.batchSize}, ` +
    `lr G ${config.generatorLearningRate} / D ${config.discriminatorLearningRate}, latent ${config.latentSize}, ` +
    `${first.backend}; flags: ${flags.join(' ')}\n`,
);
console.log('| seed | iteration | digits (of 10) | purity | matching | present | it/s | load |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
const rows: Row[] = [];
const codeEffects: string[] = [];
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
  const effects = await continuousEffects(trainer, seeded);
  await writeCodePicture(`test-results/infogan-codes-seed${seed}.png`, trainer, seeded);
  codeEffects.push(`seed ${seed}: ${describeEffects(effects)}`);
  digits.dispose();
  trainer.dispose();
}
const finals = rows.filter((row) => row.iteration === iterations);
const reaching = finals.filter((row) => row.digits >= 8).length;
console.log(
  `\nAt ${iterations} iterations: digits ${finals.map((row) => row.digits).join(', ')} (≥ 8 at ${reaching} of ${finals.length} seeds); ` +
    `matching ${finals.map((row) => row.matching.toFixed(2)).join(', ')}.`,
);
console.log(`Continuous codes at ${iterations} iterations (correlation of the value −2…2 with slant and width):`);
for (const line of codeEffects) console.log(`- ${line}`);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench-infogan.json', JSON.stringify({ config, iterations, rows, codeEffects }, null, 2));
