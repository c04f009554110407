/**
 * The shipped trained models (public/models/<preset>.json + .bin, `npm run pretrain:model`), `npm run
 * bench -- models`: each read through the page's own decoder and put into a run of its preset as the
 * page does (weightsIntoRun), then judged by the project's digit classifier on 1,000 digits (issue
 * 17's targets: classifier score ≥ 8 with 10 classes; CGAN label accuracy ≥ 0.97; InfoGAN ≥ 9 digits
 * and one-to-one matching ≥ 85%), with the files' gzip size (≤ 3 MB in all).
 *
 * Then the latent explorer's worked examples, "thicker strokes" and "leaning right"
 * (src/features/latent/rules.ts), as the page builds them: for each of 20 seeded grids of 16
 * latents, ½(A − B) + C (EXAMPLE_WEIGHTS) with A the 4 samples that measure highest (ink, slant), B the 4 lowest and C
 * each of the 16 in turn. A clean transfer moves the measure and keeps the digit: the table gives
 * the share of results that measure more than C, the mean change, and the share the classifier
 * reads as C's digit.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { decodeTrainedModel } from '../../src/features/presets/trainedModel.ts';
import { modelFiles, TRAINED_PRESETS } from '../../src/features/presets/trainedModels.ts';
import { weightsIntoRun } from '../../src/features/share/pytorchWeights.ts';
import {
  attributeExample,
  EXAMPLE_SLOT_SIZE,
  EXAMPLE_WEIGHTS,
  EXAMPLES,
  type ExampleId,
} from '../../src/features/latent/rules.ts';
import type { Condition } from '../../src/gan/conditioning/types.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { type Latent, latentRow, seededLatents } from '../../src/gan/latent.ts';
import { classifyDigits, predictedClasses } from '../../src/gan/metrics/classifier.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { captureRun, restoreRun } from '../../src/worker/serialize.ts';
import { modelFigures } from '../cli/modelFigures.ts';
import { useBackend } from '../node/backend.ts';
import { loadClassifier } from '../node/classifier.ts';
import { loadMnist } from '../node/mnist.ts';

const GRID = 16;
const [wa, wb, wc] = EXAMPLE_WEIGHTS;
const DRAWS = 20;
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
for (const preset of TRAINED_PRESETS) {
  const files = modelFiles(preset);
  let manifestText: string;
  try {
    manifestText = readFileSync(`public/${files.manifest}`, 'utf8');
  } catch {
    rows.push(`| ${preset} | no model shipped | | | | | | | |`);
    continue;
  }
  const weightBytes = bytesOf(`public/${files.weights}`);
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
    for (const example of Object.keys(EXAMPLES) as ExampleId[]) {
      const measure = EXAMPLES[example];
      let more = 0;
      let sameDigit = 0;
      let change = 0;
      let count = 0;
      for (let draw = 1; draw <= DRAWS; draw++) {
        const block = seededLatents(config.seed, draw, GRID, config.latentSize, config.noise);
        const latents = Array.from({ length: GRID }, (_, i) => latentRow(block, i, config.latentSize));
        const images = await trainer.generate(block, condition(GRID, draw));
        const results = new Float32Array(GRID * config.latentSize);
        latents.forEach((latent, i) => {
          const [a, b, c] = attributeExample(
            example,
            latents,
            latents.map((_, j) => image(images, j)),
            latent,
          );
          const [ma, mb, mc] = [mean(a), mean(b), mean(c)];
          results.set(
            ma.map((v, j) => wa * v + wb * mb[j] + wc * mc[j]),
            i * config.latentSize,
          );
        });
        const transferred = await trainer.generate(results, condition(GRID, draw));
        const before = predictedClasses(await classifyDigits(classifier, images));
        const after = predictedClasses(await classifyDigits(classifier, transferred));
        for (let i = 0; i < GRID; i++) {
          const delta = measure(image(transferred, i)) - measure(image(images, i));
          change += delta;
          if (delta > 0) more += 1;
          if (after[i] === before[i]) sameDigit += 1;
          count += 1;
        }
      }
      examples.push(
        `${example}: ${((100 * more) / count).toFixed(0)}% more (mean ${change / count >= 0 ? '+' : ''}${(change / count).toFixed(3)}), ${((100 * sameDigit) / count).toFixed(0)}% same digit`,
      );
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
  `Shipped trained models (public/models), judged by the project's digit classifier on 1,000 digits; the arithmetic example on ${DRAWS} grids of ${GRID} (A, B: ${EXAMPLE_SLOT_SIZE} latents each). Load ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')}.\n`,
);
console.log(
  '| preset | iterations | classifier score | classes | label accuracy | InfoGAN digits / matching | gzip, decode | ½(A − B) + C examples: results with more ink (thicker) or more slant (rightward) than C |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\nAll models: ${(gzipTotal / 1024 / 1024).toFixed(2)} MB gzip (issue 17: ≤ 3 MB).`);
