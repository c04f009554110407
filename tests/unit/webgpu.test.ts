/**
 * Nash on WebGPU, in Node through Dawn (scripts/node/webgpu.ts), on Chromium's software Vulkan driver
 * SwiftShader where no GPU driver is set (CI installs Debian's chromium, which ships it). The same
 * tfjs-backend-webgpu runs in the page's worker on a teacher's GPU.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { globalNorm } from '../../src/gan/architectures/network.ts';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { createRng } from '../../src/gan/rng.ts';
import { STAT_FIELDS } from '../../src/gan/stats.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { useBackend } from '../../scripts/node/backend.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { provideWebgpu, SWIFTSHADER_ICD } from '../../scripts/node/webgpu.ts';
import { tf, useCpu } from './setup-tf.ts';

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

test('a trainer with four layers a side takes the same first step on WebGPU as on cpu, gradient norms included, and holds its tensors', async () => {
  const config: RunConfig = {
    ...defaultConfig(),
    dataset: 'mnist',
    generatorLayers: 4,
    discriminatorLayers: 4,
    generatorWidth: 32,
    discriminatorWidth: 32,
    batchSize: 16,
  };
  const mnist = loadMnist();
  const firstStep = async (backend: 'cpu' | 'webgpu') => {
    await useBackend(backend);
    const trainer = new Trainer(config, mnist);
    trainer.step();
    const [first] = await trainer.flushStats();
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) trainer.step();
    const later = await trainer.flushStats();
    const held = tf.memory().numTensors;
    trainer.dispose();
    return { first, later, grew: held - tensors };
  };
  const cpu = await firstStep('cpu');
  const gpu = await firstStep('webgpu');
  for (const field of STAT_FIELDS) {
    const [a, b] = [gpu.first[field], cpu.first[field]];
    if (b === null || Number.isNaN(b)) continue;
    expect(Math.abs((a as number) - b), field).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(b)));
  }
  expect(cpu.first.gradNormG).toBeGreaterThan(0);
  expect(gpu.later.every((p) => Number.isFinite(p.gradNormD) && Number.isFinite(p.gradNormG))).toBe(true);
  expect(gpu.grew).toBe(0);
}, 120_000);
