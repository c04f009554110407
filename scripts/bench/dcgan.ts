/**
 * DCGAN training speed on CPU, `npm run bench -- dcgan`: one iteration (one D step, one G step) at
 * batch 64, the default width C = 16, latent 100, Adam 2e-4 / β1 0.5, non-saturating loss, MNIST.
 *
 * The first table is Nash beside PyTorch (issue 17's goal: wasm ≥ 50% of PyTorch's speed on one
 * thread, ≥ 100% when the browser may use two): PyTorch on one CPU thread (and on two, for
 * reference) when `python3 -c 'import torch'` works (Debian: python3-torch), with the BLAS library
 * torch loaded, read from its process's memory map (Debian's torch takes whichever the libblas.so.3
 * alternative points at: `apt-get install -y libopenblas0-pthread` makes it OpenBLAS; the reference
 * BLAS is ~2.5× slower); Nash's trainer in this process on wasm (one thread: Node gets no wasm
 * threads); and the page's training worker in headless Chromium on wasm, built with 1 and with 2
 * wasm threads (VITE_WASM_THREADS, src/worker/wasm-paths.ts). Times are per iteration: median over
 * the run in Node and PyTorch (wall and this process's CPU time), mean over the timed iterations in
 * Chromium (wall). The machine may be shared: read the ratios, with the load printed beside them.
 *
 * Optional rows (BENCH_DCGAN_ROWS): nash-cpu, bare-wasm, bare-cpu (the same model as a bare tfjs
 * loop, tf.layers + tf.train.adam, what a tfjs user would write), and the stock-kernel check. On a
 * machine with a GPU: torch-cuda (PyTorch on CUDA) beside nash-webgpu (Nash's trainer on
 * tfjs-backend-webgpu in Node, through Dawn, the npm package `webgpu`, on the GPU's Vulkan driver;
 * scripts/node/webgpu.ts), both reading the losses back every iteration as the other rows do. A
 * second table puts Nash next to that bare loop with one harness (src/worker/benchmark.ts), in
 * this process and in Chromium on BENCH_DCGAN_BROWSER backends (off by default; SwiftShader's
 * webgl and webgpu are slow here: a warm-up step and two timed ones are enough).
 *
 * Environment: BENCH_DCGAN_SECONDS (time per row, default 8), BENCH_DCGAN_ROWS (comma-separated
 * row ids: torch, torch2, torch-cuda, nash-wasm, nash-webgpu, nash-cpu, bare-wasm, bare-cpu, stock-wasm, ceiling (the heaviest
 * kernels alone in GFLOP/s, wasm vs PyTorch), kernels (Nash's iteration on Node wasm by kernel: each kernel's own time); default torch,torch2,nash-wasm,ceiling), BENCH_DCGAN_THREADS (Chromium wasm thread counts of the first table,
 * default 1,2; empty for none), BENCH_DCGAN_NODE (backends of the second table in this process,
 * default none), BENCH_DCGAN_BROWSER (its Chromium backends, e.g. wasm,cpu,webgl,webgpu; default
 * none), BENCH_DCGAN_BROWSER_SECONDS (budget per Chromium row, default 8),
 * BENCH_DCGAN_BROWSER_TIMEOUT (seconds one Chromium row may take, default 420).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tfl from '@tensorflow/tfjs-layers';
import { registerWasmTrainingKernels } from '../../src/gan/backends/wasm.ts';
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { dcgan as dcganPython } from '../../src/features/share/pytorchParts.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { sampleNoise } from '../../src/gan/latent.ts';
import { createRng } from '../../src/gan/rng.ts';
import * as tf from '../../src/gan/tf.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import type { BackendName } from '../../src/worker/protocol.ts';
import { benchmark, type BenchmarkResult } from '../../src/worker/benchmark.ts';
import { loadMnist } from '../node/mnist.ts';
import { provideWebgpu } from '../node/webgpu.ts';
import { wasmSimdPeakGflops } from './lib/simdPeak.ts';

const BATCH = 64;
const LATENT = 100;
const CHANNELS = defaultConfig().channels;
/** Radford et al. 2015 §4: Adam, learning rate 2e-4, β1 = 0.5. */
const LEARNING_RATE = 2e-4;
const BETA1 = 0.5;
const SECONDS = Number(process.env.BENCH_DCGAN_SECONDS ?? 8);
/** At least this many timed iterations per row, however slow. */
const MIN_ITERATIONS = 2;
const ROWS = (process.env.BENCH_DCGAN_ROWS ?? 'torch,torch2,nash-wasm,ceiling').split(',');
const THREADS = (process.env.BENCH_DCGAN_THREADS ?? '1,2').split(',').filter(Boolean).map(Number);
const NODE = (process.env.BENCH_DCGAN_NODE ?? '').split(',').filter(Boolean) as ('wasm' | 'cpu')[];
const BROWSER = (process.env.BENCH_DCGAN_BROWSER ?? '').split(',').filter(Boolean) as BackendName[];
const BROWSER_SECONDS = Number(process.env.BENCH_DCGAN_BROWSER_SECONDS ?? 8);
const BROWSER_TIMEOUT_MS = 1000 * Number(process.env.BENCH_DCGAN_BROWSER_TIMEOUT ?? 420);

interface Timing {
  iterations: number;
  wallMs: number;
  cpuMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One warm-up iteration, then iterations until the time budget is spent; medians per iteration. */
async function measure(iteration: () => Promise<void>): Promise<Timing> {
  await iteration();
  const wall: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  while (wall.length < MIN_ITERATIONS || performance.now() - started < SECONDS * 1000) {
    const [t, c] = [performance.now(), process.cpuUsage()];
    await iteration();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { iterations: wall.length, wallMs: median(wall), cpuMs: median(cpu) };
}

const config: RunConfig = {
  ...defaultConfig(),
  dataset: 'mnist',
  architecture: 'dcgan',
  objective: 'nonSaturating',
  batchSize: BATCH,
  latentSize: LATENT,
  generatorLearningRate: LEARNING_RATE,
  discriminatorLearningRate: LEARNING_RATE,
  beta1: BETA1,
};

async function nashTrainer(mnist: Dataset): Promise<Timing> {
  const trainer = new Trainer(config, mnist);
  try {
    return await measure(async () => {
      trainer.step();
      await trainer.flushStats(); // one readback per iteration: the worker reads less often
    });
  } finally {
    trainer.dispose();
  }
}

/**
 * The same DCGAN with tf.layers (src/gan/architectures/dcgan.ts): dense → 7×7×2C → BN → ReLU → conv 3×3 → BN → ReLU
 * → convT → BN → ReLU → convT → tanh; conv → LReLU → conv → BN → LReLU → conv 3×3 /2 → BN → LReLU → dense.
 */
function bareModels() {
  const init = () => tfl.initializers.randomNormal({ mean: 0, stddev: 0.02 });
  const norm = () => tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 });
  type Options = Parameters<typeof tfl.layers.conv2d>[0];
  /** A 'same'-padded layer without bias (batch norm follows) unless `extra` says otherwise. */
  const layer = (make: typeof tfl.layers.conv2d, filters: number, kernelSize: number, strides: number, extra = {}) =>
    make({
      filters,
      kernelSize,
      strides,
      padding: 'same',
      useBias: false,
      kernelInitializer: init(),
      ...extra,
    } as Options);
  const conv = (filters: number, kernelSize: number, strides: number, extra?: Partial<Options>) =>
    layer(tfl.layers.conv2d, filters, kernelSize, strides, extra);
  const convT = (filters: number, extra?: Partial<Options>) => layer(tfl.layers.conv2dTranspose, filters, 4, 2, extra);
  const generator = tfl.sequential({
    layers: [
      tfl.layers.dense({
        inputShape: [LATENT],
        units: 7 * 7 * 2 * CHANNELS,
        useBias: false,
        kernelInitializer: init(),
      }),
      tfl.layers.reshape({ targetShape: [7, 7, 2 * CHANNELS] }),
      norm(),
      tfl.layers.reLU(),
      conv(2 * CHANNELS, 3, 1),
      norm(),
      tfl.layers.reLU(),
      convT(CHANNELS),
      norm(),
      tfl.layers.reLU(),
      convT(1, { useBias: true, activation: 'tanh' }),
    ],
  });
  const discriminator = tfl.sequential({
    layers: [
      conv(CHANNELS, 4, 2, { inputShape: [28, 28, 1], useBias: true }),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      conv(2 * CHANNELS, 4, 2),
      norm(),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      conv(4 * CHANNELS, 3, 2),
      norm(),
      tfl.layers.leakyReLU({ alpha: 0.2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 1, kernelInitializer: init() }),
    ],
  });
  return { generator, discriminator };
}

async function bareLoop(mnist: Dataset): Promise<Timing> {
  const { generator, discriminator } = bareModels();
  const optimizerD = tf.train.adam(LEARNING_RATE, BETA1);
  const optimizerG = tf.train.adam(LEARNING_RATE, BETA1);
  const variablesD = discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
  const variablesG = generator.trainableWeights.map((w) => w.read() as tf.Variable);
  const rng = createRng(1, 'bench');
  const logits = (model: tfl.Sequential, x: tf.Tensor) => model.apply(x, { training: true }) as tf.Tensor;
  const timing = await measure(async () => {
    const losses = tf.tidy(() => {
      const real = tf.tensor4d(mnist.sample(BATCH, rng).x, [BATCH, 28, 28, 1]);
      const noise = () => tf.tensor2d(sampleNoise(rng, BATCH, LATENT, 'gaussian'), [BATCH, LATENT]);
      const fake = logits(generator, noise());
      // D: minimise E[softplus(−D(x))] + E[softplus(D(G(z)))]; G: minimise E[softplus(−D(G(z)))].
      const lossD = optimizerD.minimize(
        () =>
          tf.add(
            tf.mean(tf.softplus(tf.neg(logits(discriminator, real)))),
            tf.mean(tf.softplus(logits(discriminator, fake))),
          ),
        true,
        variablesD,
      );
      const lossG = optimizerG.minimize(
        () => tf.mean(tf.softplus(tf.neg(logits(discriminator, logits(generator, noise()))))),
        true,
        variablesG,
      );
      return tf.stack([lossD as tf.Scalar, lossG as tf.Scalar]);
    });
    await losses.data();
    losses.dispose();
  });
  optimizerD.dispose();
  optimizerG.dispose();
  generator.dispose();
  discriminator.dispose();
  return timing;
}

/**
 * The same model in PyTorch, from the exported script's own layers (src/features/share/pytorchParts.ts,
 * the Python twin of src/gan/architectures/dcgan.ts), so the two sides cannot drift apart; THREADS
 * and DEVICE (cpu or cuda) are replaced per row. Prints the BLAS library torch loaded, on CUDA the
 * GPU's name, and the two networks' parameter counts (checked against Nash's before a row is shown).
 */
const TORCH_SCRIPT = `
import json, os, sys, time, torch, torch.nn as nn
torch.set_num_threads(THREADS)
device = torch.device('DEVICE')
Z, B, SECONDS = ${LATENT}, ${BATCH}, ${SECONDS}
G_INPUT = Z
${dcganPython(config)}
G, D = generator.to(device), discriminator.to(device)
oG = torch.optim.Adam(G.parameters(), ${LEARNING_RATE}, betas=(${BETA1}, 0.999))
oD = torch.optim.Adam(D.parameters(), ${LEARNING_RATE}, betas=(${BETA1}, 0.999))
bce = nn.BCEWithLogitsLoss()
ones, zeros = torch.ones(B, 1, device=device), torch.zeros(B, 1, device=device)
def iteration():
    real = torch.rand(B, 784, device=device) * 2 - 1
    fake = G(torch.randn(B, Z, device=device))
    oD.zero_grad(); lossD = bce(D(real), ones) + bce(D(fake.detach()), zeros); lossD.backward(); oD.step()
    oG.zero_grad(); lossG = bce(D(G(torch.randn(B, Z, device=device))), ones); lossG.backward(); oG.step()
    return lossD.item() + lossG.item()
iteration()
wall, cpu, start = [], [], time.perf_counter()
while len(wall) < ${MIN_ITERATIONS} or time.perf_counter() - start < SECONDS:
    t, c = time.perf_counter(), time.process_time(); iteration()
    wall.append((time.perf_counter() - t) * 1000); cpu.append((time.process_time() - c) * 1000)
median = lambda xs: sorted(xs)[len(xs) // 2]
# The BLAS library this process loaded (libblas.so.3 is an alternative: reference BLAS, OpenBLAS, ...).
blas = sorted({os.path.realpath(line.split()[-1]) for line in open('/proc/self/maps') if 'blas' in line.split()[-1]})
gpu = torch.cuda.get_device_name(device) if device.type == 'cuda' else None
parameters = [sum(p.numel() for p in net.parameters()) for net in (G, D)]
print(json.dumps({"iterations": len(wall), "wallMs": median(wall), "cpuMs": median(cpu), "version": torch.__version__, "blas": blas, "gpu": gpu, "parameters": parameters}))
`;

/** A BLAS library's path in a few words: OpenBLAS (pthread) or the reference BLAS. */
function blasName(paths: string[]): string {
  const path = paths.find((p) => /openblas|blis|mkl|atlas/i.test(p)) ?? paths[0];
  if (!path) return 'BLAS unknown';
  if (/openblas/i.test(path)) return `OpenBLAS (${path})`;
  if (/\/blas\/libblas/.test(path)) return `reference BLAS (${path})`;
  return path;
}

/**
 * Runs a PyTorch script with the first python3 that can import torch and returns its last line of
 * output as JSON. torch.set_num_threads bounds torch's own pool, not OpenBLAS's: the pthread OpenBLAS
 * starts a thread per core unless told, so "1 thread" used 57.5 ms of CPU in 29.3 ms of wall time on
 * 2 cores. OpenBLAS on one thread, torch's pool on `threads` (its parallel regions call BLAS from each).
 */
function runTorch<T>(script: string, threads: number): T | undefined {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: String(threads) };
  for (const python of ['python3', '/usr/bin/python3']) {
    const run = spawnSync(python, ['-c', script], { encoding: 'utf8', env });
    if (run.status === 0) return JSON.parse(run.stdout.trim().split('\n').pop() ?? 'null') as T;
  }
  return undefined;
}

type TorchTiming = Timing & { version: string; blas: string[]; gpu: string | null; parameters: number[] };

/** Nash's generator and discriminator parameter counts, for the side-by-side check against PyTorch's. */
async function nashParameters(): Promise<number[]> {
  await useBackend('cpu');
  const trainer = new Trainer(config, mnist);
  const groups = trainer.variableGroups();
  const counts = [groups.generator, groups.discriminator].map((list) => list.reduce((n, v) => n + v.size, 0));
  trainer.dispose();
  return counts;
}

/** PyTorch on `threads` CPU threads, on the CPU or on CUDA; refused if its model is not Nash's. */
function torchTiming(threads: number, device: 'cpu' | 'cuda', nash: number[]): { timing?: TorchTiming; why?: string } {
  const script = TORCH_SCRIPT.replace('THREADS', String(threads)).replace('DEVICE', device);
  const timing = runTorch<TorchTiming>(script, threads);
  if (timing && `${timing.parameters}` !== `${nash}`) {
    throw new Error(`PyTorch's DCGAN has ${timing.parameters} parameters (G, D), Nash's ${nash}: not the same model`);
  }
  if (timing) return { timing };
  return {
    why:
      device === 'cuda'
        ? 'no python3 with a CUDA torch and a GPU'
        : 'no python3 with torch (Debian: apt-get install -y python3-torch)',
  };
}

async function useBackend(name: 'cpu' | 'wasm' | 'webgpu') {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not initialise`);
  await tf.ready();
}

interface Row {
  implementation: string;
  backend: string;
  timing?: Timing;
  /** Chromium rows: wall time only (the page's benchmark command). */
  wallOnly?: boolean;
  note?: string;
}

const rows: Row[] = [];
const mnist = loadMnist();
// Only the PyTorch rows compare against them.
const nashCounts = ROWS.some((id) => id.startsWith('torch')) ? await nashParameters() : [];
const report = (row: Row) => {
  rows.push(row);
  console.log(
    `${row.implementation} on ${row.backend}: ${row.timing ? `${row.timing.wallMs.toFixed(1)} ms wall per iteration` : row.note}`,
  );
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

for (const [id, threads] of [
  ['torch', 1],
  ['torch2', 2],
] as const) {
  if (!ROWS.includes(id)) continue;
  const { timing, why } = torchTiming(threads, 'cpu', nashCounts);
  report({
    implementation: timing ? `PyTorch ${timing.version}` : 'PyTorch',
    backend: `CPU, ${threads} thread${threads > 1 ? 's' : ''}${timing ? `, ${blasName(timing.blas)}` : ''}`,
    timing,
    note: why,
  });
}
if (ROWS.includes('torch-cuda')) {
  const { timing, why } = torchTiming(1, 'cuda', nashCounts);
  report({
    implementation: timing ? `PyTorch ${timing.version}` : 'PyTorch',
    backend: `CUDA${timing?.gpu ? `, ${timing.gpu}` : ''}`,
    timing,
    note: why,
  });
}
if (ROWS.includes('stock-wasm')) {
  await useBackend('wasm');
  try {
    await nashTrainer(mnist);
    report({ implementation: 'Nash trainer, stock tfjs kernels', backend: 'wasm', note: 'trained (unexpected)' });
  } catch (error) {
    report({
      implementation: 'Nash trainer, stock tfjs kernels',
      backend: 'wasm',
      note: `fails: ${(error as Error).message}`,
    });
  }
}
registerWasmTrainingKernels();
for (const [id, implementation, backend, run] of [
  ['nash-wasm', 'Nash trainer', 'wasm', nashTrainer],
  ['nash-cpu', 'Nash trainer', 'cpu', nashTrainer],
  ['bare-wasm', 'bare tfjs loop (tf.layers)', 'wasm', bareLoop],
  ['bare-cpu', 'bare tfjs loop (tf.layers)', 'cpu', bareLoop],
] as const) {
  if (!ROWS.includes(id)) continue;
  await useBackend(backend);
  report({
    implementation,
    backend: `Node ${backend === 'wasm' ? 'wasm + Nash kernels, 1 thread' : backend}`,
    timing: await run(mnist),
  });
}
if (ROWS.includes('nash-webgpu')) {
  const row: Row = { implementation: 'Nash trainer', backend: 'Node webgpu (Dawn, Vulkan)' };
  try {
    const adapter = await provideWebgpu();
    await useBackend('webgpu');
    report({ ...row, backend: `Node webgpu (Dawn, Vulkan), ${adapter.description}`, timing: await nashTrainer(mnist) });
  } catch (error) {
    report({ ...row, note: `cannot run it: ${(error as Error).message.split('\n')[0].slice(0, 160)}` });
  }
}

/** The page's training worker on wasm, in a build with `threads` wasm threads: Trainer.step back to back. */
async function chromiumRow(threads: number): Promise<Row> {
  const row: Row = {
    implementation: 'Nash trainer',
    backend: `Chromium wasm, ${threads} thread${threads > 1 ? 's' : ''}`,
  };
  const { benchmarkRun, resetOnto, startPlayground } = await import('./lib/playground.ts');
  const playground = await startPlayground({ VITE_WASM_THREADS: String(threads) });
  try {
    const page = await playground.open();
    const target = await resetOnto(page, config, 'wasm');
    if (target.actual !== 'wasm') return { ...row, note: target.note };
    const result = await benchmarkRun(page, 'trainer', BROWSER_SECONDS, BROWSER_TIMEOUT_MS);
    const isolated = await page.evaluate(() => self.crossOriginIsolated);
    const ms = result.milliseconds / result.iterations;
    return {
      ...row,
      timing: { iterations: result.iterations, wallMs: ms, cpuMs: Number.NaN },
      wallOnly: true,
      // Each wasm pthread is a worker of the page's training worker.
      note: `Chromium ${playground.browser.version()}; crossOriginIsolated ${isolated}; ${page.workers().length} workers`,
    };
  } catch (error) {
    return { ...row, note: `cannot run it: ${(error as Error).message.split('\n')[0].slice(0, 140)}` };
  } finally {
    await playground.close();
  }
}
for (const threads of THREADS) report(await chromiumRow(threads));

const torchRow = rows.find(
  (row) => row.implementation.startsWith('PyTorch') && row.backend.includes('1 thread'),
)?.timing;
/** GPU rows are compared with PyTorch on CUDA, the others with PyTorch on one CPU thread. */
const onGpu = (row: Row) => row.backend.startsWith('CUDA') || row.backend.includes('webgpu');
const cudaRow = rows.find((row) => row.implementation.startsWith('PyTorch') && row.backend.startsWith('CUDA'))?.timing;
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : '—');
console.log(
  `\nDCGAN iteration (1 D step + 1 G step), batch ${BATCH}, C = ${CHANNELS}, latent ${LATENT}, ~${SECONDS} s per row (Chromium ${BROWSER_SECONDS} s); load average ${load()} on ${cpus().length} cores at the end:`,
);
console.log(
  '| implementation | runtime, threads, BLAS | iterations timed | ms / iteration (wall) | ms / iteration (CPU) | speed vs PyTorch (wall; CPU rows: 1 thread, GPU rows: CUDA) | (CPU) | note |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const { implementation, backend, timing, wallOnly, note } = row;
  if (!timing) {
    console.log(`| ${implementation} | ${backend} | — | — | — | — | — | ${note ?? ''} |`);
    continue;
  }
  const reference = onGpu(row) ? cudaRow : torchRow;
  const cpu = wallOnly ? '—' : fmt(timing.cpuMs);
  const vsCpu = wallOnly || !reference ? '—' : percent(reference.cpuMs / timing.cpuMs);
  const vsWall = reference ? percent(reference.wallMs / timing.wallMs) : '—';
  console.log(
    `| ${implementation} | ${backend} | ${timing.iterations} | ${fmt(timing.wallMs)} | ${cpu} | ${vsWall} | ${vsCpu} | ${note ?? ''} |`,
  );
}

// ─── The arithmetic ceiling: the heaviest kernels alone, wasm vs PyTorch ────────────────────────

/**
 * Two kernels timed alone, in GFLOP/s: a 512³ matMul and DCGAN D's second convolution at batch 64
 * (14×14×16 → 7×7×32, 4×4, stride 2), the shapes the iteration spends most of its time in. Their
 * ratio bounds what the whole iteration can reach on wasm: wasm's SIMD is 128 bits wide and has no
 * fused multiply-add, while torch's native kernels use the CPU's widest vectors (AVX2/AVX-512).
 * A last row gives wasm SIMD's arithmetic peak on this core, registers only (lib/simdPeak.ts): no
 * wasm kernel, XNNPACK's or one of ours, can beat it.
 */
const KERNELS = [
  { id: 'matMul 512³', flops: 2 * 512 ** 3 },
  { id: 'conv 14×14×16 → 7×7×32', flops: 2 * BATCH * 7 * 7 * 32 * (4 * 4 * 16) },
] as const;
const CEILING_SECONDS = 2;

function wasmKernelMs(): number[] {
  const a = tf.randomNormal([512, 512]);
  const b = tf.randomNormal([512, 512]);
  const x = tf.randomNormal([BATCH, 14, 14, 16]) as tf.Tensor4D;
  const w = tf.randomNormal([4, 4, 16, 32]) as tf.Tensor4D;
  const pad: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
  ];
  const runs = [() => tf.matMul(a, b), () => tf.conv2d(x, w, 2, pad)];
  const times = runs.map((run) => {
    for (let i = 0; i < 3; i++) run().dispose();
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < CEILING_SECONDS * 1000) {
      const out = run();
      out.dataSync();
      out.dispose();
      n++;
    }
    return (performance.now() - start) / n;
  });
  tf.dispose([a, b, x, w]);
  return times;
}

const TORCH_KERNELS = `
import json, time, torch
torch.set_num_threads(1)
a, b = torch.randn(512, 512), torch.randn(512, 512)
x, w = torch.randn(${BATCH}, 16, 14, 14), torch.randn(32, 16, 4, 4)
def ms(f):
    for _ in range(3): f()
    start, n = time.perf_counter(), 0
    while time.perf_counter() - start < ${CEILING_SECONDS}: f(); n += 1
    return (time.perf_counter() - start) / n * 1000
print(json.dumps([ms(lambda: a @ b), ms(lambda: torch.nn.functional.conv2d(x, w, stride=2, padding=1))]))
`;

if (ROWS.includes('ceiling')) {
  await useBackend('wasm');
  const wasm = wasmKernelMs();
  const torch = runTorch<number[]>(TORCH_KERNELS, 1);
  const gflops = (flops: number, ms?: number) => (ms ? (flops / ms / 1e6).toFixed(1) : '—');
  console.log(`\nThe heaviest kernels alone, ${CEILING_SECONDS} s each (load average ${load()}):`);
  console.log('| kernel | Node wasm, 1 thread (GFLOP/s) | PyTorch, 1 thread (GFLOP/s) | wasm / PyTorch |');
  console.log('|---|---|---|---|');
  KERNELS.forEach(({ id, flops }, i) =>
    console.log(
      `| ${id} | ${gflops(flops, wasm[i])} | ${gflops(flops, torch?.[i])} | ${torch ? percent(torch[i] / wasm[i]) : '—'} |`,
    ),
  );
  const peak = wasmSimdPeakGflops(CEILING_SECONDS);
  console.log(`| wasm SIMD's peak: f32x4 multiply + add, no memory | ${peak.toFixed(1)} | — | — |`);
}

/**
 * Where Nash's iteration spends its time on Node wasm: every wasm kernel wrapped in a timer for
 * KERNEL_ITERATIONS iterations, each kernel's own time (less the kernels it runs inside it, as the
 * convolution gradients run Conv2D), by kernel name; what is left of the wall time is JavaScript
 * outside the kernels (the tape, the engine's bookkeeping). The kernels are restored after.
 */
const KERNEL_ITERATIONS = 20;

interface KernelTime {
  calls: number;
  ms: number;
  /** Convolutions: multiply-adds × 2 over all calls. */
  flops: number;
}

/** A Conv2D call by its shapes (the gradients' convolutions are named by theirs), and its arithmetic. */
function convolution({ inputs, attrs }: Parameters<tf.KernelFunc>[0], out: tf.TensorInfo) {
  const [x, filter] = [inputs.x, inputs.filter] as tf.TensorInfo[];
  const { strides, dilations } = attrs as unknown as { strides: number | number[]; dilations: number | number[] };
  // Attributes come as a number or a pair, as the op that ran the kernel passed them: a pair of equals is one number.
  const both = (v: number | number[]) => {
    const [rows, cols = rows] = [v].flat();
    return rows === cols ? `${rows}` : `${rows},${cols}`;
  };
  const [kh, kw, ci] = filter.shape;
  const flops = 2 * tf.util.sizeFromShape(out.shape) * kh * kw * ci;
  return {
    name: `${x.shape.join('×')} ∗ ${filter.shape.join('×')}, stride ${both(strides)}, dilation ${both(dilations)}`,
    flops,
  };
}

async function kernelTimes(): Promise<{
  wallMs: number;
  kernels: [string, KernelTime][];
  convolutions: [string, KernelTime][];
}> {
  await useBackend('wasm');
  const own = new Map<string, KernelTime>();
  const convolutions = new Map<string, KernelTime>();
  const add = (table: Map<string, KernelTime>, name: string, ms: number, flops = 0) => {
    const entry = table.get(name) ?? { calls: 0, ms: 0, flops: 0 };
    table.set(name, { calls: entry.calls + 1, ms: entry.ms + ms, flops: entry.flops + flops });
  };
  const inner: number[] = []; // time of the kernels run inside the one running, one entry per nesting level
  const originals = tf.getKernelsForBackend('wasm');
  for (const kernel of originals) {
    tf.unregisterKernel(kernel.kernelName, 'wasm');
    tf.registerKernel({
      ...kernel,
      kernelFunc: (args) => {
        const start = performance.now();
        inner.push(0);
        const out = kernel.kernelFunc(args);
        const ms = performance.now() - start;
        const nested = inner.pop() ?? 0;
        if (inner.length) inner[inner.length - 1] += ms;
        add(own, kernel.kernelName, ms - nested);
        if (kernel.kernelName === 'Conv2D') {
          const { name, flops } = convolution(args, out as tf.TensorInfo);
          add(convolutions, name, ms - nested, flops);
        }
        return out;
      },
    });
  }
  const trainer = new Trainer(config, mnist);
  try {
    const iteration = async () => {
      trainer.step();
      await trainer.flushStats();
    };
    for (let i = 0; i < 3; i++) await iteration();
    own.clear();
    convolutions.clear();
    const start = performance.now();
    for (let i = 0; i < KERNEL_ITERATIONS; i++) await iteration();
    return {
      wallMs: (performance.now() - start) / KERNEL_ITERATIONS,
      kernels: [...own].sort((a, b) => b[1].ms - a[1].ms),
      convolutions: [...convolutions].sort((a, b) => b[1].ms - a[1].ms),
    };
  } finally {
    trainer.dispose();
    for (const kernel of originals) {
      tf.unregisterKernel(kernel.kernelName, 'wasm');
      tf.registerKernel(kernel);
    }
  }
}

if (ROWS.includes('kernels')) {
  const { wallMs, kernels, convolutions } = await kernelTimes();
  const perIteration = (x: number) => (x / KERNEL_ITERATIONS).toFixed(2);
  const callsPerIteration = (calls: number) => String(Math.round((10 * calls) / KERNEL_ITERATIONS) / 10);
  const inKernels = kernels.reduce((sum, [, k]) => sum + k.ms, 0) / KERNEL_ITERATIONS;
  console.log(
    `\nNash's iteration on Node wasm by kernel, ${KERNEL_ITERATIONS} iterations timed kernel by kernel: ${wallMs.toFixed(1)} ms each (load average ${load()}):`,
  );
  console.log('| kernel | calls / iteration | ms / iteration (its own) | share of the iteration |');
  console.log('|---|---|---|---|');
  for (const [name, k] of kernels.filter(([, k]) => k.ms / KERNEL_ITERATIONS >= 0.2)) {
    console.log(
      `| ${name} | ${callsPerIteration(k.calls)} | ${perIteration(k.ms)} | ${percent(k.ms / KERNEL_ITERATIONS / wallMs)} |`,
    );
  }
  const rest = kernels.filter(([, k]) => k.ms / KERNEL_ITERATIONS < 0.2);
  const restMs = rest.reduce((sum, [, k]) => sum + k.ms, 0);
  const restCalls = rest.reduce((sum, [, k]) => sum + k.calls, 0);
  console.log(
    `| ${rest.length} other kernels | ${callsPerIteration(restCalls)} | ${perIteration(restMs)} | ${percent(restMs / KERNEL_ITERATIONS / wallMs)} |`,
  );
  console.log(
    `| JavaScript outside the kernels | — | ${(wallMs - inKernels).toFixed(2)} | ${percent(1 - inKernels / wallMs)} |`,
  );
  console.log(`\nIts Conv2D calls by shape (x ∗ filter; the gradients' convolutions are named by their own shapes):`);
  console.log('| convolution | calls / iteration | ms / iteration | GFLOP/s |');
  console.log('|---|---|---|---|');
  for (const [name, k] of convolutions) {
    console.log(
      `| ${name} | ${callsPerIteration(k.calls)} | ${perIteration(k.ms)} | ${(k.flops / k.ms / 1e6).toFixed(1)} |`,
    );
  }
}

// ─── Nash vs a bare tfjs loop, one harness, in Node and in Chromium ─────────────────────────────

interface Pair {
  runtime: string;
  backend: string;
  nash?: BenchmarkResult;
  bare?: BenchmarkResult;
  note: string;
}

const pairs: Pair[] = [];
const why = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 140);
const perIteration = (r?: BenchmarkResult) => (r ? r.milliseconds / r.iterations : NaN);

for (const backend of NODE) {
  await useBackend(backend);
  const pair: Pair = { runtime: 'Node', backend, note: backend === 'wasm' ? 'Nash kernels registered' : '' };
  for (const mode of ['trainer', 'bare'] as const) {
    try {
      pair[mode === 'trainer' ? 'nash' : 'bare'] = await benchmark(mode, config, mnist, SECONDS * 1000);
    } catch (error) {
      pair.note = [pair.note, `${mode}: ${why(error)}`].filter(Boolean).join('; ');
    }
  }
  pairs.push(pair);
  console.log(
    `Node ${backend}: Nash ${fmt(perIteration(pair.nash))} ms, bare ${fmt(perIteration(pair.bare))} ms per iteration`,
  );
}

if (BROWSER.length) {
  const { benchmarkRun, resetOnto, startPlayground } = await import('./lib/playground.ts');
  const playground = await startPlayground();
  try {
    console.log(
      `Chromium ${playground.browser.version()}: ${BROWSER.join(', ')}, ~${BROWSER_SECONDS} s per column after a warm-up step`,
    );
    for (const backend of BROWSER) {
      // A fresh page per backend: a backend that hangs or breaks its worker cannot spoil the next row.
      const page = await playground.open();
      const pair: Pair = { runtime: 'Chromium', backend, note: '' };
      try {
        const target = await resetOnto(page, config, backend);
        pair.backend = target.backend;
        pair.note = target.note;
        for (const mode of ['trainer', 'bare'] as const) {
          try {
            pair[mode === 'trainer' ? 'nash' : 'bare'] = await benchmarkRun(
              page,
              mode,
              BROWSER_SECONDS,
              BROWSER_TIMEOUT_MS,
            );
          } catch (error) {
            pair.note = [pair.note, `${mode}: ${why(error)}`].filter(Boolean).join('; ');
            if (/no result within/.test(String(error))) break; // the worker is still busy with it
          }
        }
      } catch (error) {
        pair.note = `cannot run it: ${why(error)}`;
      } finally {
        await page.close();
      }
      pairs.push(pair);
      console.log(
        `Chromium ${pair.backend}: Nash ${fmt(perIteration(pair.nash))} ms, bare ${fmt(perIteration(pair.bare))} ms per iteration ${pair.note}`,
      );
    }
  } finally {
    await playground.close();
  }
}

if (pairs.length) {
  const nodeCpu = perIteration(pairs.find((p) => p.runtime === 'Node' && p.backend === 'cpu')?.nash);
  const cell = (r?: BenchmarkResult) => (r ? `${fmt(perIteration(r))} (${r.iterations})` : '—');
  const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
  console.log(
    `\nDCGAN iteration, batch ${BATCH}, C = ${CHANNELS}, latent ${LATENT}: Nash's Trainer vs the same model as a bare tfjs loop (src/worker/benchmark.ts), wall time:`,
  );
  console.log(
    '| runtime | backend | Nash ms / it (timed its) | bare tfjs ms / it (timed its) | Nash speed ÷ bare | Nash it/s | vs Nash on Node cpu | note |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const p of pairs) {
    const n = perIteration(p.nash);
    console.log(
      `| ${p.runtime} | ${p.backend} | ${cell(p.nash)} | ${cell(p.bare)} | ${ratio(perIteration(p.bare) / n)} | ${Number.isFinite(n) ? (1000 / n).toFixed(3) : '—'} | ${ratio(nodeCpu / n)} | ${p.note} |`,
    );
  }
}
