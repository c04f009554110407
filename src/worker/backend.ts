/**
 * Chooses the TensorFlow.js backend for one model on this machine, by evidence rather than a fixed
 * list (DESIGN.md, Backends). Each candidate must start and pass a one-step gradient check against a
 * case computed in plain JavaScript (gradient-check.ts); where more than one passes, a calibration
 * of about a second on the model itself picks the fastest.
 *
 * Candidates come in tiers, so that a slow machine does not spend ten seconds proving the obvious:
 * - first: WebGPU and WebGL on real hardware, and wasm;
 * - fallback, tried only when no first-tier backend works:
 *   WebGL on a software renderer, and cpu (tfjs's kernels in plain JavaScript, which wasm's compiled
 *   SIMD kernels beat wherever both run);
 * - only when forced in the backend setting: a software WebGPU adapter (SwiftShader), ~100× slower
 *   than wasm and tens of seconds compiling shaders on the machines we measured (BROWSER.md).
 *
 * Choices are cached in the worker's memory per model shape: a reset to the same shape reuses the
 * choice, a new page (a new worker) measures again, since the machine may have changed (a laptop
 * on battery, another tab holding the GPU). The wasm binaries' locations are set by wasm-paths.ts.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '../gan/tf.ts';
import { registerWasmTrainingKernels } from '../gan/backends/wasm.ts';
import { registerWebgpuKernels } from '../gan/backends/webgpu.ts';
import type { RunConfig } from '../gan/config.ts';
import { type GradientCase, gradientCases } from './gradient-check.ts';
import { ProblemError, errorText } from './problem.ts';
import {
  type AdapterInfo,
  BACKEND_NAMES,
  type BackendName,
  type BackendNote,
  type BackendPreference,
  type BackendReason,
  type BackendWarning,
  type CandidateReport,
} from './protocol.ts';

// wasm lacks Conv2DBackpropFilter (tfjs #8474), multiplies transposed operands ~10× slower than
// plain ones and copies on every Identity; the core's kernels fill those gaps (gan/backends/wasm.ts).
// WebGPU's AddN breaks past 7 inputs (gan/backends/webgpu.ts).
registerWasmTrainingKernels();
registerWebgpuKernels();

export interface BackendChoice {
  backend: BackendName;
  reason: BackendReason;
  adapter?: AdapterInfo;
  candidates: CandidateReport[];
  /** Things the user should know: a forced backend that did not work, a missing GPU, a skipped candidate. */
  warnings: BackendWarning[];
}

/** Measures the model's iterations per second on the active backend within about `budgetMs`. */
export type Calibrate = (budgetMs: number) => Promise<number>;

/** Total time the timed part of a calibration may take, shared by the candidates. */
export const CALIBRATION_BUDGET_MS = 1000;
/** A candidate within this factor of the fastest counts as a tie, and the earlier one in BACKEND_NAMES wins. */
const TIE = 0.9;

const cache = new Map<string, BackendChoice>();

/** Backends whose gradient check is made to fail (the `sanity:<backend>` fault, src/worker/faults.ts). */
const sabotaged = new Set<BackendName>();
export function sabotageGradientCheck(name: BackendName): void {
  sabotaged.add(name);
}

/** What the calibration result depends on: the model's shape, not its live settings. */
export function shapeKey(config: RunConfig): string {
  const c = config;
  return [
    c.architecture,
    c.dataset,
    c.conditioning,
    `z${c.latentSize}`,
    `G${c.generatorLayers}x${c.generatorWidth}`,
    `D${c.discriminatorLayers}x${c.discriminatorWidth}`,
    `ch${c.channels}`,
    `b${c.batchSize}`,
  ].join(' ');
}

type Tier = 'first' | 'fallback' | 'forced-only' | 'unavailable';

/** A backend's tier on this machine, with why it is not first tier. */
type Probe = { adapter?: AdapterInfo } & ({ tier: 'first' } | { tier: Exclude<Tier, 'first'>; note: BackendNote });

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

async function probeWebgpu(): Promise<Probe> {
  if (!('gpu' in navigator)) return { tier: 'unavailable', note: { code: 'noWebgpu' } };
  let adapter: GPUAdapter | null;
  try {
    adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { tier: 'unavailable', note: { code: 'adapterRejected', detail: errorText(error) } };
  }
  if (!adapter) return { tier: 'unavailable', note: { code: 'noAdapter' } };
  const { vendor, architecture, description, isFallbackAdapter } = adapter.info;
  const info: AdapterInfo = { vendor, architecture, description, isFallbackAdapter: isFallbackAdapter === true };
  if (info.isFallbackAdapter || SOFTWARE.test(`${vendor} ${architecture} ${description}`)) {
    return {
      tier: 'forced-only',
      adapter: info,
      note: { code: 'softwareAdapter', adapter: architecture || vendor || 'fallback' },
    };
  }
  return { tier: 'first', adapter: info };
}

/** The WebGL renderer's name, where the browser tells it: a software rasteriser is demoted. */
function probeWebgl(): Probe {
  if (typeof OffscreenCanvas === 'undefined') return { tier: 'unavailable', note: { code: 'noOffscreenCanvas' } };
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { tier: 'unavailable', note: { code: 'noWebgl2' } };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE.test(renderer)
    ? { tier: 'fallback', note: { code: 'softwareRenderer', renderer } }
    : { tier: 'first' };
}

async function probe(name: BackendName): Promise<Probe> {
  switch (name) {
    case 'webgpu':
      return probeWebgpu();
    case 'webgl':
      return probeWebgl();
    case 'wasm':
      return { tier: 'first' };
    case 'cpu':
      return { tier: 'fallback', note: { code: 'plainJavaScript' } };
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-3 + 1e-2 * Math.abs(b);

/** Runs every gradient case on the active backend; returns what went wrong, or undefined. */
async function checkGradients(cases: GradientCase[], sabotage: boolean): Promise<BackendNote | undefined> {
  for (const check of cases) {
    const got = await check.run();
    if (sabotage) got[0] += 1;
    if (got.some((v) => !Number.isFinite(v))) return { code: 'gradientNotFinite', check: check.name };
    const bad = got.findIndex((v, i) => !close(v, check.expected[i]));
    if (bad >= 0) return { code: 'gradientWrong', check: check.name, got: got[bad], expected: check.expected[bad] };
  }
  return undefined;
}

const failedGradientCheck = (note: BackendNote) => note.code === 'gradientNotFinite' || note.code === 'gradientWrong';

/** Makes `name` the active backend and checks that it can train the model. */
async function tryBackend(name: BackendName, convolutional: boolean): Promise<CandidateReport> {
  const start = performance.now();
  const report = (usable: boolean, note: BackendNote): CandidateReport => ({
    backend: name,
    usable,
    notes: [note],
    milliseconds: performance.now() - start,
  });
  try {
    if (!(await tf.setBackend(name))) return report(false, { code: 'failedToStart' });
  } catch (error) {
    return report(false, { code: 'failedToStart', detail: errorText(error) });
  }
  try {
    const problem = await checkGradients(gradientCases(convolutional), sabotaged.has(name));
    return problem ? report(false, problem) : report(true, { code: 'passedGradientCheck' });
  } catch (error) {
    return report(false, { code: 'cannotTrain', detail: errorText(error) });
  }
}

/** Calibrates the usable candidates on the model and returns the fastest, with the speeds that made it win. */
async function fastest(
  usable: CandidateReport[],
  calibrate: Calibrate,
): Promise<{ winner: CandidateReport; reason: BackendReason }> {
  const share = CALIBRATION_BUDGET_MS / usable.length;
  for (const candidate of usable) {
    const start = performance.now();
    await tf.setBackend(candidate.backend);
    candidate.iterationsPerSecond = await calibrate(share);
    candidate.milliseconds += performance.now() - start;
    candidate.notes = [{ code: 'calibrated', iterationsPerSecond: candidate.iterationsPerSecond }];
  }
  const speed = (c: CandidateReport) => c.iterationsPerSecond ?? 0;
  const best = Math.max(...usable.map(speed));
  const winner = usable.find((c) => speed(c) >= TIE * best) ?? usable[0];
  const others = usable.filter((c) => c !== winner).map((c) => ({ backend: c.backend, iterationsPerSecond: speed(c) }));
  return { winner, reason: { code: 'fastest', iterationsPerSecond: speed(winner), others } };
}

/**
 * Picks and activates a backend for `config`: a forced one when it works, else the fastest working
 * candidate of the best tier that has one. `failed` backends broke earlier in this worker (a lost
 * device, an error inside a step) and are not tried again.
 */
export async function chooseBackend(
  preference: BackendPreference,
  config: RunConfig,
  calibrate: Calibrate,
  failed: ReadonlySet<BackendName> = new Set(),
): Promise<BackendChoice> {
  const key = `${preference} ${shapeKey(config)} ${[...failed].join(',')}`;
  const cached = cache.get(key);
  if (cached && (await tf.setBackend(cached.backend))) {
    return { ...cached, reason: { ...cached.reason, earlier: true }, warnings: [] };
  }
  const convolutional = config.architecture === 'dcgan';
  const probes = new Map<BackendName, Probe>();
  for (const name of BACKEND_NAMES)
    probes.set(name, failed.has(name) ? { tier: 'unavailable', note: { code: 'failedEarlier' } } : await probe(name));
  const warnings: BackendWarning[] = [];
  const candidates: CandidateReport[] = [];
  const remember = (choice: BackendChoice) => {
    cache.set(key, { ...choice, warnings: [] });
    return choice;
  };

  if (preference !== 'auto') {
    const forced = probes.get(preference);
    const report =
      forced?.tier === 'unavailable'
        ? { backend: preference, usable: false, notes: [forced.note], milliseconds: 0 }
        : await tryBackend(preference, convolutional);
    if (report.usable) {
      return remember({
        backend: preference,
        reason: { code: 'forced' },
        adapter: forced?.adapter,
        candidates: [report],
        warnings,
      });
    }
    warnings.push({ kind: 'forcedUnusable', backend: preference, notes: report.notes });
    candidates.push(report);
  }

  const webgpu = probes.get('webgpu');
  if (preference === 'auto' && webgpu && webgpu.tier !== 'first')
    warnings.push({ kind: 'webgpuNotUsed', backend: 'webgpu', notes: [webgpu.note] });

  let usable: CandidateReport[] = [];
  let tierUsed: Tier = 'first';
  for (const tier of ['first', 'fallback'] as const) {
    tierUsed = tier;
    for (const name of BACKEND_NAMES) {
      const found = probes.get(name);
      if (name === preference || found?.tier !== tier) continue;
      const report = await tryBackend(name, convolutional);
      if (found.tier !== 'first') report.notes.unshift(found.note);
      if (!report.usable && report.notes.some(failedGradientCheck))
        warnings.push({ kind: 'skipped', backend: name, notes: report.notes });
      candidates.push(report);
    }
    usable = candidates.filter((c) => c.usable);
    if (usable.length > 0) break;
  }
  for (const name of BACKEND_NAMES) {
    const found = probes.get(name);
    if (name !== preference && found && !candidates.some((c) => c.backend === name)) {
      const because = found.tier === 'first' ? undefined : found.note;
      candidates.push({ backend: name, usable: false, notes: [{ code: 'notTried', because }], milliseconds: 0 });
    }
  }
  if (usable.length === 0) throw new ProblemError({ code: 'noBackend', candidates });

  const only: BackendReason = { code: tierUsed === 'first' ? 'onlyHardware' : 'onlyFallback' };
  const { winner, reason } = usable.length > 1 ? await fastest(usable, calibrate) : { winner: usable[0], reason: only };
  await tf.setBackend(winner.backend);
  return remember({
    backend: winner.backend,
    reason,
    adapter: probes.get(winner.backend)?.adapter,
    candidates,
    warnings,
  });
}
