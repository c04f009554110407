/**
 * Faults the worker recovers from (issue 9): a backend that fails mid-run (a lost WebGPU device, an
 * error inside a step) and memory that runs out. Also the test-only way to inject them: a test build's
 * worker exposes `nashFault(name)` on its global scope (training.worker.ts, test-hooks.ts), reachable
 * only by a debugger or a test harness evaluating in the worker (Playwright's `worker.evaluate`),
 * never by the page, which speaks to the worker through protocol.ts alone; a production build has
 * no `nashFault`.
 */
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import * as tf from '../gan/tf.ts';
import type { RunConfig } from '../gan/config.ts';
import type { BackendFailure, BackendName, MemoryAdvice, MemorySetting } from './protocol.ts';

/**
 * Injected faults: `device-lost` destroys the WebGPU device (as a driver reset would); `step-error`
 * and `out-of-memory` make the next training step throw what a failing backend or a full heap
 * throws; `sanity:<backend>` makes that backend's gradient check compute a wrong gradient.
 */
export const FAULTS = [
  'device-lost',
  'step-error',
  'out-of-memory',
  'sanity:webgpu',
  'sanity:webgl',
  'sanity:wasm',
  'sanity:cpu',
] as const;
export type Fault = (typeof FAULTS)[number];

export function isFault(value: unknown): value is Fault {
  return typeof value === 'string' && (FAULTS as readonly string[]).includes(value);
}

/** What browsers and tfjs's backends throw when memory runs out, on each backend. */
const OUT_OF_MEMORY = [
  /array buffer allocation failed/i, // a JavaScript heap that cannot hold another typed array (cpu)
  /out of memory/i, // WebAssembly.Memory.grow, WebGPU's GPUOutOfMemoryError, WebGL's OUT_OF_MEMORY
  /cannot enlarge memory|maximum memory size exceeded|could not allocate|failed to allocate|allocation failed/i, // wasm's heap
  /requested texture size .* greater than maximum/i, // WebGL: a tensor larger than a texture can hold
  /invalid typed array length|invalid array length/i,
];

export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return OUT_OF_MEMORY.some((pattern) => pattern.test(text));
}

const setting = (config: RunConfig, field: MemorySetting['field']): MemorySetting => ({ field, value: config[field] });

/** The settings that set a model's memory, largest effect first, with their current values. */
export function memoryAdvice(config: RunConfig, backend: string, error: unknown): MemoryAdvice {
  const settings =
    config.architecture === 'dcgan'
      ? [setting(config, 'batchSize'), setting(config, 'channels')]
      : [
          setting(config, 'batchSize'),
          setting(config, 'generatorWidth'),
          setting(config, 'discriminatorWidth'),
          setting(config, 'generatorLayers'),
          setting(config, 'discriminatorLayers'),
        ];
  return { backend, error: error instanceof Error ? error.message : String(error), settings };
}

/** The WebGPU device of the active backend, where it is WebGPU. */
function webgpuDevice(): GPUDevice | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  return (tf.backend() as WebGPUBackend).device;
}

const watched = new WeakSet<GPUDevice>();

const lostDevice = (info: GPUDeviceLostInfo): BackendFailure => ({
  code: 'deviceLost',
  detail: info.message || info.reason,
});

/** Calls `onLost` once if the active backend's GPU device is lost (WebGPU only; other backends report by throwing). */
export function watchDevice(onLost: (cause: BackendFailure) => void): void {
  const device = webgpuDevice();
  if (!device || watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => onLost(lostDevice(info)));
}

/**
 * Why the active WebGPU device was lost, if it is lost within `ms`: a read that fails on a lost
 * device (mapAsync) may be reported before the device's own `lost` promise settles.
 */
export async function deviceLostWithin(ms: number): Promise<BackendFailure | undefined> {
  const device = webgpuDevice();
  if (!device) return undefined;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
  const info = await Promise.race([device.lost, timeout]);
  return info && lostDevice(info);
}

/** The `device-lost` fault: what a driver reset or a GPU process crash does to the device. */
export function destroyDevice(): boolean {
  const device = webgpuDevice();
  device?.destroy();
  return device !== undefined;
}

/** The error a step throws under an injected fault. */
export function injectedError(fault: 'step-error' | 'out-of-memory', backend: BackendName): Error {
  return fault === 'out-of-memory'
    ? new RangeError('Array buffer allocation failed (injected)')
    : new Error(`injected fault: the ${backend} backend failed inside a step`);
}
