/**
 * The exported script's --ema (issue 17's trained starts, scripts/pretrain.ts): it keeps an
 * exponential moving average of G's weights and writes that as G, while training never reads it.
 * The same seeded run with and without --ema has the same D to the bit and another G, and the
 * average's file passes the round trip: Nash's G, given its weights, draws the file's check samples.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { decodeWeightsFile, type PyTorchWeights, weightsIntoRun } from '../../src/features/share/pytorchWeights.ts';
import { fromBase64 } from '../../src/features/share/runFile.ts';
import { describeImportRefusal } from '../../src/features/share/runRefusal.ts';
import { en } from '../../src/i18n/share.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { captureRun, restoreRun } from '../../src/worker/serialize.ts';
import { PYTHON, runJson, torchMissing, writeScript } from './pytorch-run.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const STEPS = 200;
const config: RunConfig = { ...defaultConfig(), batchSize: 64 };

/** The ring default's script trained STEPS iterations (with `extra` flags): its weights file's text. */
function train(name: string, extra: string[]): string {
  const path = writeScript(config);
  const weights = path.replace(/\.py$/, `.${name}.weights.json`);
  runJson(PYTHON, [path, '--steps', String(STEPS), '--weights', weights, ...extra]);
  return readFileSync(weights, 'utf8');
}

const decoded = (text: string): PyTorchWeights => {
  const read = decodeWeightsFile(text);
  if (!read.ok) throw new Error(`refused: ${describeImportRefusal(read.refusal, en)}`);
  return read.weights;
};

/** Each network's tensors, flattened in the file's order. */
const network = (weights: PyTorchWeights, prefix: string) =>
  weights.tensors.filter(({ name }) => name.startsWith(`${prefix}.`)).flatMap(({ values }) => Array.from(values));

describe.skipIf(torchMissing)('the exported script under --ema', () => {
  test("writes G's average as G: the same D to the bit, another G, and Nash draws the file's check samples", async () => {
    const plainText = train('plain', []);
    const averageText = train('average', ['--ema', '0.99']);
    const plain = decoded(plainText);
    const average = decoded(averageText);
    expect(network(average, 'discriminator')).toEqual(network(plain, 'discriminator'));
    const [g, gAverage] = [network(plain, 'generator'), network(average, 'generator')];
    expect(gAverage).toHaveLength(g.length);
    expect(gAverage.some((v, i) => v !== g[i])).toBe(true);

    const trainer = new Trainer(config, ring());
    try {
      const merged = weightsIntoRun(average, await captureRun(trainer));
      if (!merged.ok) throw new Error(`refused: ${describeImportRefusal(merged.refusal, en)}`);
      restoreRun(trainer, merged.run);
      const check = (JSON.parse(averageText) as { check: { noise: string; samples: string } }).check;
      const [noise, theirs] = [fromBase64(check.noise), fromBase64(check.samples)];
      if (!noise || !theirs) throw new Error('check batch: not base64 float32');
      const samples = await trainer.generate(noise);
      expect(samples).toHaveLength(theirs.length);
      expect(Math.max(...Array.from(samples, (v, i) => Math.abs(v - theirs[i])))).toBeLessThan(1e-4);
    } finally {
      trainer.dispose();
    }
  });
});
