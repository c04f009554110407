/**
 * Nash on WebGPU, in Node through Dawn (scripts/node/webgpu.ts), on Chromium's software Vulkan driver
 * SwiftShader where no GPU driver is set (CI installs Debian's chromium, which ships it). The same
 * tfjs-backend-webgpu runs in the page's worker on a teacher's GPU.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { globalNorm } from '../../src/gan/architectures/network.ts';
import { defaultConfig, OBJECTIVES, type RunConfig } from '../../src/gan/config.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { createRng } from '../../src/gan/rng.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { useBackend } from '../../scripts/node/backend.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { provideWebgpu, SWIFTSHADER_ICD } from '../../scripts/node/webgpu.ts';
import { tf, useCpu } from './setup-tf.ts';
import { expectSameStats } from '../stats-agree.ts';

process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;

beforeAll(async () => {
  await provideWebgpu();
});
afterAll(useCpu);

const random = (n: number, seed: number) => createRng(seed).fillNormal(new Float32Array(n));

/** Runs `compute` on a backend with fresh tensors from the same numbers and reads the result. */
async function on(backend: 'cpu' | 'webgpu', inputs: Float32Array[], compute: (t: tf.Tensor[]) => tf.Tensor) {
  await useBackend(backend);
  const tensors = inputs.map((values) => tf.tensor(values));
  const output = compute(tensors);
  const values = await output.data();
  tf.dispose([...tensors, output]);
  return [...values];
}

test('the sum of 12 tensors and the global norm of 12 gradients match the cpu backend (the stock AddN binds 13 buffers, past the limit of 8)', async () => {
  const inputs = Array.from({ length: 12 }, (_, i) => random(5 + i, i));
  const sumOf = (t: tf.Tensor[]) => tf.addN(t.map((x) => tf.slice(x, 0, 5)));
  const cpuSum = await on('cpu', inputs, sumOf);
  const gpuSum = await on('webgpu', inputs, sumOf);
  gpuSum.forEach((v, i) => expect(v).toBeCloseTo(cpuSum[i], 4));
  const [cpuNorm] = await on('cpu', inputs, globalNorm);
  const [gpuNorm] = await on('webgpu', inputs, globalNorm);
  expect(cpuNorm).toBeGreaterThan(5);
  expect(gpuNorm).toBeCloseTo(cpuNorm, 3);
}, 120_000);

/** The trainer on one backend: two iterations' stats, and how many tensors the second left behind. */
async function twoSteps(backend: 'cpu' | 'webgpu', config: RunConfig, dataset: Dataset) {
  await useBackend(backend);
  const trainer = new Trainer(config, dataset);
  trainer.step();
  await trainer.flushStats();
  const before = tf.memory().numTensors;
  trainer.step();
  const [second] = await trainer.flushStats();
  const grew = tf.memory().numTensors - before;
  trainer.dispose();
  return { second, grew };
}

const mnist = loadMnist();
const CASES: [string, Partial<RunConfig>][] = [
  ...OBJECTIVES.map((objective): [string, Partial<RunConfig>] => [objective, { objective }]),
  ['a four-layer MLP on MNIST', { dataset: 'mnist', generatorLayers: 4, discriminatorLayers: 4, batchSize: 16 }],
  ['CGAN on MNIST', { dataset: 'mnist', conditioning: 'label', batchSize: 16 }],
  [
    'InfoGAN on MNIST',
    { dataset: 'mnist', conditioning: 'infoCodes', categories: 10, continuousCodes: 2, batchSize: 16 },
  ],
];

test.each(CASES)(
  "%s: two iterations on WebGPU give cpu's losses, outputs and gradient norms, and hold their tensors",
  async (_, patch) => {
    const config: RunConfig = { ...defaultConfig(), ...patch };
    const dataset = config.dataset === 'mnist' ? mnist : createDataset(config.dataset);
    const cpu = await twoSteps('cpu', config, dataset);
    const gpu = await twoSteps('webgpu', config, dataset);
    expectSameStats([gpu.second], [cpu.second], 'webgpu');
    expect(cpu.second.gradNormG).toBeGreaterThan(0);
    expect(gpu.grew).toBe(0);
  },
  60_000,
);
