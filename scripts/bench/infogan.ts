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
import { Buffer } from 'node:buffer';
import { crc32, deflateSync } from 'node:zlib';
import { loadavg } from 'node:os';
import type { RunConfig } from '../../src/gan/config.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { sampleNoise } from '../../src/gan/latent.ts';
import { createRng } from '../../src/gan/rng.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { DigitReport } from '../cli/digits.ts';
import { slant } from '../../src/features/latent/rules.ts';
import { useBackend } from '../node/backend.ts';
import { trainingBench } from './lib/trainingBench.ts';
import { loadMnist } from '../node/mnist.ts';

const args = process.argv.slice(2);
if (!args.includes('infogan')) {
  console.log(
    'infogan: skipped (minutes per seed); run it by name: npm run bench -- infogan [--seeds 1-3] [--iterations 2000]',
  );
  process.exit(0);
}

const { seeds, iterations, every, flags, cli } = trainingBench('infogan', args, {
  preset: 'infoganMnist',
  seeds: '1-3',
  iterations: 2000,
  every: 500,
});
const SIDE = 28;
const CODE_VALUES = [-2, -1, 0, 1, 2];
/** The picture's pixels per generated pixel. */
const PICTURE_SCALE = 3;

/**
 * A digit's slant (latent/rules.ts, the measure the explorer's "leaning right" example sorts by: Δx
 * per row, + leaning right) and width (the ink's x standard deviation, pixels), pixels in [−1, 1].
 */
function shape(image: Float32Array, side = SIDE): { slant: number; width: number } {
  let mass = 0;
  let mx = 0;
  for (let i = 0; i < side * side; i++) {
    const ink = (image[i] + 1) / 2;
    mass += ink;
    mx += ink * (i % side);
  }
  if (mass === 0) return { slant: 0, width: 0 };
  mx /= mass;
  let xx = 0;
  for (let i = 0; i < side * side; i++) xx += ((image[i] + 1) / 2) * ((i % side) - mx) ** 2;
  return { slant: slant(image, side), width: Math.sqrt(xx / mass) };
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i] - mb);
    aa += (x - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  });
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

/** Per continuous code: the correlation of its value (−2…2) with the digits' slant and width. */
async function continuousEffects(trainer: Trainer, config: RunConfig): Promise<{ slant: number; width: number }[]> {
  const n = 100;
  const noise = sampleNoise(createRng(config.seed, 'infogan-bench-codes'), n, config.latentSize, config.noise);
  const grid = trainer.conditioning.grid(n);
  return Promise.all(
    Array.from({ length: config.continuousCodes }, async (_, j) => {
      const values: number[] = [];
      const slants: number[] = [];
      const widths: number[] = [];
      for (const value of CODE_VALUES) {
        const continuous = new Float32Array(n * config.continuousCodes);
        for (let i = 0; i < n; i++) continuous[i * config.continuousCodes + j] = value;
        const images = await trainer.generate(noise, { labels: grid.labels, continuous });
        for (let i = 0; i < n; i++) {
          const { slant, width } = shape(images.subarray(i * SIDE * SIDE, (i + 1) * SIDE * SIDE));
          values.push(value);
          slants.push(slant);
          widths.push(width);
        }
      }
      return { slant: correlation(values, slants), width: correlation(values, widths) };
    }),
  );
}

/**
 * Writes the continuous codes' picture as a greyscale PNG: for code j, row k is
 * code value k with one noise vector, column v the code at CODE_VALUES[v], the others at 0.
 */
async function writeCodePicture(file: string, trainer: Trainer, config: RunConfig): Promise<void> {
  const rows = config.categories;
  const columns = CODE_VALUES.length;
  const gap = SIDE / 2;
  const blockWidth = columns * SIDE;
  const width = Math.max(1, config.continuousCodes) * (blockWidth + gap) - gap;
  const height = rows * SIDE;
  const pixels = new Uint8Array(width * height).fill(255);
  const noise = sampleNoise(createRng(config.seed, 'infogan-bench-picture'), rows, config.latentSize, config.noise);
  const latents = new Float32Array(rows * columns * config.latentSize);
  const labels = new Int32Array(rows * columns);
  for (let k = 0; k < rows; k++)
    for (let v = 0; v < columns; v++) {
      latents.set(
        noise.subarray(k * config.latentSize, (k + 1) * config.latentSize),
        (k * columns + v) * config.latentSize,
      );
      labels[k * columns + v] = k;
    }
  for (let j = 0; j < config.continuousCodes; j++) {
    const continuous = new Float32Array(rows * columns * config.continuousCodes);
    for (let i = 0; i < rows * columns; i++) continuous[i * config.continuousCodes + j] = CODE_VALUES[i % columns];
    const images = await trainer.generate(latents, { labels, continuous });
    for (let i = 0; i < rows * columns; i++) {
      const [top, left] = [Math.floor(i / columns) * SIDE, j * (blockWidth + gap) + (i % columns) * SIDE];
      for (let p = 0; p < SIDE * SIDE; p++) {
        const ink = (images[i * SIDE * SIDE + p] + 1) / 2; // white digits on black, as MNIST
        pixels[(top + Math.floor(p / SIDE)) * width + left + (p % SIDE)] = Math.round(
          255 * Math.min(1, Math.max(0, ink)),
        );
      }
    }
  }
  writeFileSync(
    file,
    greyPng(enlarged(pixels, width, height, PICTURE_SCALE), width * PICTURE_SCALE, height * PICTURE_SCALE),
  );
}

/** Each pixel as a `scale` × `scale` square, so a 28-pixel digit can be seen. */
function enlarged(pixels: Uint8Array, width: number, height: number, scale: number): Uint8Array {
  const out = new Uint8Array(width * scale * height * scale);
  for (let y = 0; y < height * scale; y++)
    for (let x = 0; x < width * scale; x++)
      out[y * width * scale + x] = pixels[Math.floor(y / scale) * width + Math.floor(x / scale)];
  return out;
}

/** An 8-bit greyscale PNG of `pixels` ([height × width], row-major): each row filter 0, one IDAT chunk. */
function greyPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, filter method 0, no interlace
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
    `K=${config.categories}, ${config.continuousCodes} continuous, λ=${config.infoLambda}, batch ${config.batchSize}, ` +
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
  mkdirSync('test-results', { recursive: true });
  await writeCodePicture(`test-results/infogan-codes-seed${seed}.png`, trainer, seeded);
  codeEffects.push(
    `seed ${seed}: ${effects.map((e, j) => `code ${j + 1} r(slant) ${e.slant.toFixed(2)}, r(width) ${e.width.toFixed(2)}`).join('; ') || 'no continuous codes'}`,
  );
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
