/**
 * Chooses the TensorFlow.js backend for one model on this machine, by evidence rather than a fixed
 * list (DESIGN.md, Backends): each candidate must initialise, pass a one-step gradient check against
 * a case computed here in plain JavaScript, and, where more than one passes, win a short calibration
 * on the model itself. A software WebGPU adapter (SwiftShader) is ~100× slower than wasm on the
 * machines we measured (BROWSER.md), so it only runs when the user forces it.
 *
 * Choices are cached in the worker's memory per model shape: a reset to the same shape reuses the
 * choice, a fresh page (a new worker) measures again, since the machine may have changed (a laptop
 * on battery, another tab holding the GPU).
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '../gan/tf.ts';
import type { RunConfig } from '../gan/config.ts';
import { type GradientCase, gradientCases } from './gradient-check.ts';
import { type AdapterInfo, BACKEND_NAMES, type BackendName, type BackendPreference, type CandidateReport } from './protocol.ts';

// Served from our own origin: Vite copies the files and hands back their URLs, in dev and in builds.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});

export interface BackendChoice {
  backend: BackendName;
  reason: string;
  adapter?: AdapterInfo;
  candidates: CandidateReport[];
  /** Things the user should know: a forced backend that did not work, a missing or software GPU. */
  warnings: string[];
}

/** Measures the model's iterations per second on the active backend within about `budgetMs`. */
export type Calibrate = (budgetMs: number) => Promise<number>;

/** Total time the timed part of a calibration may take, shared by the candidates. */
export const CALIBRATION_BUDGET_MS = 1000;
/** A candidate within this factor of the fastest counts as a tie, and the earlier one in BACKEND_NAMES wins. */
const TIE = 0.9;

const cache = new Map<string, BackendChoice>();

/** What the calibration result depends on: the model's shape, not its live settings. */
export function shapeKey(config: RunConfig): string {
  const c = config;
  return [c.architecture, c.dataset, c.conditioning, `z${c.latentSize}`, `G${c.generatorLayers}x${c.generatorWidth}`,
    `D${c.discriminatorLayers}x${c.discriminatorWidth}`, `ch${c.channels}`, `b${c.batchSize}`].join(' ');
}

async function webgpuAdapter(): Promise<{ adapter?: AdapterInfo; problem?: string }> {
  if (!('gpu' in navigator)) return { problem: 'this browser has no WebGPU' };
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter) return { problem: 'the browser offers no WebGPU adapter' };
  const { vendor, architecture, description, isFallbackAdapter } = adapter.info;
  const info: AdapterInfo = { vendor, architecture, description, isFallbackAdapter: isFallbackAdapter === true };
  const software = info.isFallbackAdapter || /swiftshader/i.test(`${vendor} ${architecture} ${description}`);
  return software ? { adapter: info, problem: `the adapter is software (${architecture || vendor || 'fallback'}), far slower than wasm` } : { adapter: info };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-3 + 1e-2 * Math.abs(b);

/** Runs every gradient case on the active backend; returns what went wrong, or undefined. */
async function checkGradients(cases: GradientCase[]): Promise<string | undefined> {
  for (const check of cases) {
    const got = await check.run();
    if (got.some((v) => !Number.isFinite(v))) return `${check.name}: non-finite values`;
    const bad = got.findIndex((v, i) => !close(v, check.expected[i]));
    if (bad >= 0) return `${check.name}: got ${got[bad].toPrecision(4)} where ${check.expected[bad].toPrecision(4)} is right`;
  }
  return undefined;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Makes `name` the active backend and checks it; the report says whether it can train the model. */
async function tryBackend(name: BackendName, convolutional: boolean, forced: boolean, adapterProbe: { adapter?: AdapterInfo; problem?: string } | undefined): Promise<CandidateReport> {
  if (name === 'webgpu') {
    if (!adapterProbe || (adapterProbe.problem && !(forced && adapterProbe.adapter))) {
      return { backend: name, usable: false, note: adapterProbe?.problem ?? 'not probed' };
    }
  }
  let initialised: boolean;
  try {
    initialised = await tf.setBackend(name);
  } catch (error) {
    return { backend: name, usable: false, note: `failed to start: ${errorText(error)}` };
  }
  if (!initialised) return { backend: name, usable: false, note: 'failed to start' };
  try {
    const problem = await checkGradients(gradientCases(convolutional));
    if (problem) return { backend: name, usable: false, note: `failed the gradient check (${problem})` };
  } catch (error) {
    return { backend: name, usable: false, note: `cannot train this model: ${errorText(error)}` };
  }
  return { backend: name, usable: true, note: 'passed the gradient check' };
}

/**
 * Picks and activates a backend for `config`. A forced backend is used when it works; otherwise, and
 * for `auto`, every working candidate is calibrated on the model and the fastest wins.
 */
export async function chooseBackend(preference: BackendPreference, config: RunConfig, calibrate: Calibrate): Promise<BackendChoice> {
  const key = `${preference} ${shapeKey(config)}`;
  const cached = cache.get(key);
  if (cached) {
    await tf.setBackend(cached.backend);
    return { ...cached, reason: `${cached.reason} (measured earlier for this model shape)`, warnings: [] };
  }
  const convolutional = config.architecture === 'dcgan';
  const probe = await webgpuAdapter();
  const warnings: string[] = [];
  const candidates: CandidateReport[] = [];

  if (preference !== 'auto') {
    const report = await tryBackend(preference, convolutional, true, probe);
    if (report.usable) {
      const choice = { backend: preference, reason: 'chosen in the backend setting', adapter: preference === 'webgpu' ? probe.adapter : undefined, candidates: [report], warnings };
      cache.set(key, choice);
      return choice;
    }
    warnings.push(`${preference} is not available here (${report.note}); choosing another backend.`);
    candidates.push(report);
  }

  for (const name of BACKEND_NAMES) {
    if (name === preference) continue;
    const report = await tryBackend(name, convolutional, false, probe);
    if (!report.usable && name !== 'webgpu' && report.note.startsWith('failed the gradient check')) {
      warnings.push(`${name} skipped: it ${report.note}.`);
    }
    candidates.push(report);
  }
  if (preference === 'auto' && probe.problem) warnings.push(`WebGPU not used: ${probe.problem}.`);

  const usable = candidates.filter((c) => c.usable);
  if (usable.length === 0) throw new Error(`No backend can train this model: ${candidates.map((c) => `${c.backend}: ${c.note}`).join('; ')}`);
  let winner = usable[0];
  let reason = 'the only backend that passed its checks';
  if (usable.length > 1) {
    const share = CALIBRATION_BUDGET_MS / usable.length;
    for (const candidate of usable) {
      await tf.setBackend(candidate.backend);
      candidate.iterationsPerSecond = await calibrate(share);
      candidate.note = `${candidate.iterationsPerSecond.toFixed(1)} it/s in calibration`;
    }
    const speed = (c: CandidateReport) => c.iterationsPerSecond ?? 0;
    const best = Math.max(...usable.map(speed));
    winner = usable.find((c) => speed(c) >= TIE * best) ?? winner;
    const others = usable.filter((c) => c !== winner).map((c) => `${c.backend} ${speed(c).toFixed(1)}`).join(', ');
    reason = `fastest for this model: ${speed(winner).toFixed(1)} it/s (${others} it/s)`;
  }
  const backend = winner.backend;
  await tf.setBackend(backend);
  const choice: BackendChoice = { backend, reason, adapter: backend === 'webgpu' ? probe.adapter : undefined, candidates, warnings };
  cache.set(key, { ...choice, warnings: [] });
  return choice;
}
