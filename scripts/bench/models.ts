/**
 * The shipped trained models (public/models/<preset>.json + .bin, `npm run pretrain:model`), `npm run
 * bench -- models [--draws 20] [--presets a,b] [--dir public/models]`: each read through the page's own decoder and put into a run of its preset as the
 * page does (weightsIntoRun), then judged by the project's digit classifier on 1,000 digits (issue
 * 17's targets: classifier score ≥ 8 with 10 classes; CGAN label accuracy ≥ 0.97; InfoGAN ≥ 9 digits
 * and one-to-one matching ≥ 85%), with the files' gzip size (≤ 3 MB in all).
 *
 * Then the latent explorer's worked examples, "thicker strokes" and "leaning right"
 * (src/features/latent/rules.ts), as the page builds them: for each of --draws seeded draws (the
 * page's "New latents"), ½(A − B) + C (EXAMPLE_WEIGHTS) with C each of the grid's 16 in turn, A the
 * EXAMPLE_SLOT_SIZE latents that measure highest (ink, slant) among the EXAMPLE_NEIGHBOURS digits of
 * the draw's pool (EXAMPLE_POOL) nearest C's, B the lowest. A clean transfer moves the measure and keeps the digit: the table gives the share of
 * results that measure more than C, the mean and the smallest change, and the share the classifier
 * reads as C's digit. For InfoGAN, each continuous code's correlation with the digits' slant and
 * width (lib/infoCodes.ts, as `npm run bench -- infogan` measures it live) and the codes' picture,
 * test-results/models-<preset>-codes.png. --dir judges a model not yet shipped (pretrain:model's --out).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { decodeTrainedModel } from '../../src/features/presets/trainedModel.ts';
import { TRAINED_PRESETS } from '../../src/features/presets/trainedModels.ts';
import { weightsIntoRun } from '../../src/features/share/pytorchWeights.ts';
import {
  attributeExample,
  EXAMPLE_NEIGHBOURS,
  EXAMPLE_POOL,
  EXAMPLE_SLOT_SIZE,
  EXAMPLE_WEIGHTS,
  EXAMPLES,
  type ExampleId,
  examplePool,
} from '../../src/features/latent/rules.ts';
import type { Condition } from '../../src/gan/conditioning/types.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { type Latent, latentRow } from '../../src/gan/latent.ts';
import { classifyDigits, predictedClasses } from '../../src/gan/metrics/classifier.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { captureRun, restoreRun } from '../../src/worker/serialize.ts';
import { modelFigures } from '../cli/modelFigures.ts';
import { useBackend } from '../node/backend.ts';
import { loadClassifier } from '../node/classifier.ts';
import { loadMnist } from '../node/mnist.ts';
import { continuousEffects, describeEffects, writeCodePicture } from './lib/infoCodes.ts';

/** The explorer's grid (LatentExplorer.tsx GRID): the Cs, the pool's first rows. */
const GRID = 16;
const [wa, wb, wc] = EXAMPLE_WEIGHTS;
const flag = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const DRAWS = Number(flag('draws') ?? 20);
if (!(Number.isInteger(DRAWS) && DRAWS > 0)) throw new Error(`--draws: ${flag('draws')} is not a count`);
const dir = flag('dir') ?? 'public/models';
const presets = flag('presets')?.split(',') ?? TRAINED_PRESETS;
const bytesOf = (path: string) => {
  const buffer = readFileSync(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
};
const mean = (rows: readonly Latent[]) => {
  const out = new Float32Array(rows[0].length);
  for (const row of rows) row.forEach((v, j) => (out[j] += v / rows.length));
  return out;
};

await useBackend('wasm');
const classifier = loadClassifier();
const mnist = loadMnist();
const rows: string[] = [];
let gzipTotal = 0;
for (const preset of presets) {
  const files = { manifest: `${dir}/${preset}.json`, weights: `${dir}/${preset}.bin` };
  let manifestText: string;
  try {
    manifestText = readFileSync(files.manifest, 'utf8');
  } catch {
    rows.push(`| ${preset} | no model shipped | | | | | | | |`);
    continue;
  }
  const weightBytes = bytesOf(files.weights);
  const gzip = gzipSync(manifestText, { level: 9 }).length + gzipSync(Buffer.from(weightBytes), { level: 9 }).length;
  gzipTotal += gzip;
  const started = performance.now();
  const decoded = decodeTrainedModel(JSON.parse(manifestText), weightBytes, preset);
  const decodeMs = performance.now() - started;
  if (!decoded.ok) {
    rows.push(`| ${preset} | refused: ${decoded.refusal.code} | | | | | | | |`);
    continue;
  }
  const { config } = decoded.weights;
  const trainer = new Trainer(config, createDataset('mnist', { mnist }));
  try {
    const merged = weightsIntoRun(decoded.weights, await captureRun(trainer));
    if (!merged.ok) {
      rows.push(`| ${preset} | refused: ${merged.refusal.code} | | | | | | | |`);
      continue;
    }
    restoreRun(trainer, merged.run);
    const f = await modelFigures(trainer, classifier);
    // The worked examples over DRAWS grids; a conditioned G keeps one label (or code value) per grid.
    const condition = (n: number, draw: number): Condition =>
      config.conditioning === 'none'
        ? {}
        : {
            labels: new Int32Array(n).fill(draw % 10),
            ...(config.conditioning === 'infoCodes'
              ? { continuous: new Float32Array(n * config.continuousCodes) }
              : {}),
          };
    const image = (values: Float32Array, i: number) => values.subarray(i * 784, (i + 1) * 784);
    const examples: string[] = [];
    const tally = Object.fromEntries(
      Object.keys(EXAMPLES).map((id) => [id, { more: 0, sameDigit: 0, change: 0, least: Infinity, count: 0 }]),
    ) as Record<ExampleId, { more: number; sameDigit: number; change: number; least: number; count: number }>;
    let poolMs = 0;
    for (let draw = 1; draw <= DRAWS; draw++) {
      const pool = examplePool(config.seed, draw, config.latentSize, config.noise);
      const latents = Array.from({ length: EXAMPLE_POOL }, (_, i) => latentRow(pool, i, config.latentSize));
      const poolStarted = performance.now();
      const images = await trainer.generate(pool, condition(EXAMPLE_POOL, draw));
      poolMs += performance.now() - poolStarted;
      const poolImages = latents.map((_, j) => image(images, j));
      const before = predictedClasses(await classifyDigits(classifier, images.subarray(0, GRID * 784)));
      for (const example of Object.keys(EXAMPLES) as ExampleId[]) {
        const measure = EXAMPLES[example];
        const results = new Float32Array(GRID * config.latentSize);
        for (let i = 0; i < GRID; i++) {
          const [a, b, c] = attributeExample(example, latents, poolImages, i);
          const [ma, mb, mc] = [mean(a), mean(b), mean(c)];
          results.set(
            ma.map((v, j) => wa * v + wb * mb[j] + wc * mc[j]),
            i * config.latentSize,
          );
        }
        const transferred = await trainer.generate(results, condition(GRID, draw));
        const after = predictedClasses(await classifyDigits(classifier, transferred));
        const t = tally[example];
        for (let i = 0; i < GRID; i++) {
          const delta = measure(image(transferred, i)) - measure(image(images, i));
          t.change += delta;
          t.least = Math.min(t.least, delta);
          if (delta > 0) t.more += 1;
          if (after[i] === before[i]) t.sameDigit += 1;
          t.count += 1;
        }
      }
    }
    for (const [example, t] of Object.entries(tally)) {
      const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(3)}`;
      examples.push(
        `${example}: ${((100 * t.more) / t.count).toFixed(1)}% more (mean ${signed(t.change / t.count)}, least ${signed(t.least)}), ${((100 * t.sameDigit) / t.count).toFixed(0)}% same digit`,
      );
    }
    examples.push(`G on the pool in ${(poolMs / DRAWS).toFixed(0)} ms`);
    // InfoGAN: what each continuous code does (the explorer's code sliders), and the codes' picture.
    if (config.conditioning === 'infoCodes') {
      examples.push(`continuous codes: ${describeEffects(await continuousEffects(trainer, config))}`);
      await writeCodePicture(`test-results/models-${preset}-codes.png`, trainer, config);
    }
    const fixed = (v: number | undefined, digits = 2) => (v === undefined ? '–' : v.toFixed(digits));
    rows.push(
      `| ${preset} | ${decoded.weights.iteration} | ${fixed(f.classifierScore)} | ${f.classes} | ${fixed(f.labelAccuracy, 3)} | ${
        f.codeClasses ?? '–'
      } / ${fixed(f.codeMatching, 3)} | ${(gzip / 1024).toFixed(0)} KB, read in ${decodeMs.toFixed(0)} ms | ${examples.join('; ')} |`,
    );
  } finally {
    trainer.dispose();
  }
}
classifier.dispose();
console.log(
  `Trained models (${dir}), judged by the project's digit classifier on 1,000 digits; the arithmetic examples on ${DRAWS} draws (C: each of the grid's ${GRID}; A, B: ${EXAMPLE_SLOT_SIZE} latents each of the ${EXAMPLE_NEIGHBOURS} nearest C of a pool of ${EXAMPLE_POOL}). Load ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')}.\n`,
);
console.log(
  '| preset | iterations | classifier score | classes | label accuracy | InfoGAN digits / matching | gzip, decode | ½(A − B) + C examples: results with more ink (thicker) or more slant (rightward) than C |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\nAll models: ${(gzipTotal / 1024 / 1024).toFixed(2)} MB gzip (issue 17: ≤ 3 MB).`);
