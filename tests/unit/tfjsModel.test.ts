import { beforeAll, expect, test } from 'vitest';
import { loadLayersModel } from '@tensorflow/tfjs';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { generatorModel } from '../../src/features/share/tfjsModel.ts';
import { captureRun } from '../../src/worker/serialize.ts';
import { tf, useCpu } from './setup-tf.ts';

let mnist: Dataset;
beforeAll(() => {
  useCpu();
  mnist = loadMnist();
});

/** Loads the exported files with tf.loadLayersModel, as a user's page would, and compares its output to Nash's G. */
async function compare(config: RunConfig, tolerance = 1e-5) {
  const trainer = new Trainer(config, config.dataset === 'mnist' ? mnist : ring());
  for (let i = 0; i < 3; i++) trainer.step();
  await trainer.flushStats();
  const exported = generatorModel(await captureRun(trainer), 'nash-generator');
  if (!exported.ok) throw new Error(exported.refusal);
  const json = JSON.parse(exported.modelJson) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const model = await loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: exported.weights.buffer,
    }),
  );
  const latent = new Float32Array(5 * config.latentSize).map((_, i) => Math.cos(3 * i));
  // A conditioned G reads noise ⊕ one-hot label; Nash's generate() gives sample i the label i mod K.
  const classes = config.conditioning === 'label' ? 10 : 0;
  const rows = Array.from({ length: 5 }, (_, i) => [
    ...latent.subarray(i * config.latentSize, (i + 1) * config.latentSize),
    ...Array.from({ length: classes }, (_, k) => (k === i % classes ? 1 : 0)),
  ]);
  const input = tf.tensor2d(rows);
  const output = model.predict(input) as tf.Tensor;
  // Nash's G on the same noise, in inference mode (batch norm on its running statistics).
  const mine = await trainer.generate(latent);
  const values = await output.data();
  expect(values.length).toBe(mine.length);
  const worst = Array.from(values).reduce((most, v, i) => Math.max(most, Math.abs(v - mine[i])), 0);
  expect(worst).toBeLessThan(tolerance);
  input.dispose();
  output.dispose();
  model.dispose();
  trainer.dispose();
}

test('the exported MLP generator loads with tf.loadLayersModel and generates what Nash generates', async () => {
  await compare({ ...defaultConfig(), generatorWidth: 8, batchSize: 16 });
  await compare({
    ...defaultConfig(),
    generatorWidth: 8,
    batchSize: 16,
    generatorActivation: 'leakyRelu',
    generatorLayers: 3,
    latentSize: 4,
  });
});

test('the exported DCGAN generator (transposed convolutions, batch norm in inference mode) loads and matches Nash within 1e-4', async () => {
  // A few training steps move batch norm's running statistics off their start (0 and 1), so the check covers them.
  const config: RunConfig = {
    ...defaultConfig(),
    dataset: 'mnist',
    architecture: 'dcgan',
    channels: 4,
    latentSize: 6,
    batchSize: 8,
  };
  await compare(config, 1e-4);
  await compare({ ...config, conditioning: 'label', seed: 3 }, 1e-4); // G reads noise ⊕ one-hot label: 16 inputs
});
