import { beforeAll, expect, test } from 'vitest';
import { loadLayersModel } from '@tensorflow/tfjs';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/toy2d.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { generatorModel } from '../../src/features/share/tfjsModel.ts';
import { captureRun } from '../../src/worker/snapshot.ts';
import { tf, useCpu } from './setup-tf.ts';

beforeAll(useCpu);

/** Loads the exported files with tf.loadLayersModel, as a user's page would, and compares its output to Nash's G. */
async function compare(config: RunConfig) {
  const trainer = new Trainer(config, ring());
  for (let i = 0; i < 3; i++) trainer.step();
  await trainer.flushStats();
  const exported = generatorModel(await captureRun(trainer), 'nash-generator');
  if (!exported.ok) throw new Error(exported.refusal);
  const json = JSON.parse(exported.modelJson) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const model = await loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: exported.weights.buffer }));
  const latent = new Float32Array(5 * config.latentSize).map((_, i) => Math.cos(3 * i));
  const output = model.predict(tf.tensor2d(latent, [5, config.latentSize])) as tf.Tensor;
  const mine = await trainer.generate(latent);
  expect(Array.from(await output.data()).map((v, i) => v - mine[i]).every((d) => Math.abs(d) < 1e-5)).toBe(true);
  output.dispose();
  model.dispose();
  trainer.dispose();
}

test('the exported MLP generator loads with tf.loadLayersModel and generates what Nash generates', async () => {
  await compare({ ...defaultConfig(), generatorWidth: 8, batchSize: 16 });
  await compare({ ...defaultConfig(), generatorWidth: 8, batchSize: 16, generatorActivation: 'leakyRelu', generatorLayers: 3, latentSize: 4 });
});

test('DCGAN generators are refused', () => {
  const snapshot = { version: 1, config: { ...defaultConfig(), dataset: 'mnist', architecture: 'dcgan' } as RunConfig, iteration: 0, optimizerSteps: { generator: 0, discriminator: 0 }, tensors: [] };
  expect(generatorModel(snapshot, 'g')).toEqual({ ok: false, refusal: 'architecture' });
});
