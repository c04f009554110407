/**
 * The shipped trained models (public/models/<preset>.json + .bin, `npm run pretrain`), `npm run
 * bench -- models`: each read through the page's own decoder and put into a run of its preset as the
 * page does (weightsIntoRun), then judged by the project's digit classifier on 1,000 digits (issue
 * 17's targets: classifier score ≥ 8 with 10 classes; CGAN label accuracy ≥ 0.97; InfoGAN ≥ 9 digits
 * and one-to-one matching ≥ 85%), with the files' gzip size (≤ 3 MB in all).
 *
 * Then the latent explorer's worked example, "thicker strokes" (src/features/latent/rules.ts), as
 * the page builds it: for each of 20 seeded grids of 16 latents, A − B + C with A the 4 inkiest,
 * B the 4 faintest and C each of the 16 in turn. A clean transfer adds ink and keeps the digit: the
 * table gives the share of results with more ink than C, the mean ink ratio, and the share the
 * classifier reads as C's digit.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { decodeTrainedModel } from '../../src/features/presets/trainedModel.ts';
import { modelFiles, TRAINED_PRESETS } from '../../src/features/presets/trainedModels.ts';
import { weightsIntoRun } from '../../src/features/share/pytorchWeights.ts';
import { EXAMPLE_SLOT_SIZE, ink, thicknessExample } from '../../src/features/latent/rules.ts';
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
    // The worked example over DRAWS grids; a conditioned G keeps one label (or code value) per grid.
    let thicker = 0;
    let sameDigit = 0;
    let ratio = 0;
    let count = 0;
    for (let draw = 1; draw <= DRAWS; draw++) {
      const condition = (n: number): Condition =>
        config.conditioning === 'none'
          ? {}
          : {
              labels: new Int32Array(n).fill(draw % 10),
              ...(config.conditioning === 'infoCodes'
                ? { continuous: new Float32Array(n * config.continuousCodes) }
                : {}),
            };
      const block = seededLatents(config.seed, draw, GRID, config.latentSize, config.noise);
      const latents = Array.from({ length: GRID }, (_, i) => latentRow(block, i, config.latentSize));
      const images = await trainer.generate(block, condition(GRID));
      const image = (values: Float32Array, i: number) => values.subarray(i * 784, (i + 1) * 784);
      const results = new Float32Array(GRID * config.latentSize);
      latents.forEach((latent, i) => {
        const [a, b, c] = thicknessExample(
          latents,
          latents.map((_, j) => image(images, j)),
          latent,
        );
        const [ma, mb, mc] = [mean(a), mean(b), mean(c)];
        results.set(
          ma.map((v, j) => v - mb[j] + mc[j]),
          i * config.latentSize,
        );
      });
      const transferred = await trainer.generate(results, condition(GRID));
      const before = predictedClasses(await classifyDigits(classifier, images));
      const after = predictedClasses(await classifyDigits(classifier, transferred));
      for (let i = 0; i < GRID; i++) {
        const gain = ink(image(transferred, i)) / ink(image(images, i));
        ratio += gain;
        if (gain > 1) thicker += 1;
        if (after[i] === before[i]) sameDigit += 1;
        count += 1;
      }
    }
    const fixed = (v: number | undefined, digits = 2) => (v === undefined ? '–' : v.toFixed(digits));
    rows.push(
      `| ${preset} | ${decoded.weights.iteration} | ${fixed(f.classifierScore)} | ${f.classes} | ${fixed(f.labelAccuracy, 3)} | ${
        f.codeClasses ?? '–'
      } / ${fixed(f.codeMatching, 3)} | ${(gzip / 1024).toFixed(0)} KB, read in ${decodeMs.toFixed(0)} ms | ${(
        (100 * thicker) / count
      ).toFixed(
        0,
      )}% thicker (×${(ratio / count).toFixed(2)} ink), ${((100 * sameDigit) / count).toFixed(0)}% same digit |`,
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
  '| preset | iterations | classifier score | classes | label accuracy | InfoGAN digits / matching | gzip, decode | A − B + C "thicker strokes" |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\nAll models: ${(gzipTotal / 1024 / 1024).toFixed(2)} MB gzip (issue 17: ≤ 3 MB).`);
