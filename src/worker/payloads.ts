/**
 * The payloads that protocol.ts's messages carry, kept apart so that the protocol file holds the
 * two unions and little else: backend names and reports, the view schedule, real samples, live
 * markers. protocol.ts re-exports all of it; import from there.
 */
import type { RunConfig } from '../gan/config.ts';

/** A float array that owns its buffer, so it can be transferred. */
export type Floats = Float32Array<ArrayBuffer>;

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
/** `auto` lets the worker choose by evidence; a name forces that backend where it works. */
export type BackendPreference = 'auto' | BackendName;

/** How often the worker does each kind of work while playing. 0 turns a view off. */
export interface Schedule {
  /** Work per chunk before yielding to the message loop. */
  chunkMs: number;
  /** Stats read-back period: one `stats` event per read. */
  statsMs: number;
  /** Samples on the fixed noise (image datasets; 2D samples travel in the plane). */
  samplesMs: number;
  /** The 2D view (2D datasets only). */
  planeMs: number;
  /** Iterations between evaluations (mode metrics). */
  metricsEvery: number;
}

/**
 * Defaults: 25 ms chunks keep a command's wait under a frame or two; stats at ~7 Hz look live on a
 * chart; the views at 2.5 Hz and metrics every 100 iterations cost a few per cent of the loop.
 */
export const DEFAULT_SCHEDULE: Schedule = { chunkMs: 25, statsMs: 150, samplesMs: 400, planeMs: 400, metricsEvery: 100 };

/** Data that cannot be rebuilt from the config alone. */
export interface Sources {
  /** The user's drawn points for the `custom` dataset. */
  points?: [number, number][];
}

export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

/** What the choice found out about one backend. */
export interface CandidateReport {
  backend: BackendName;
  usable: boolean;
  /** Why it was skipped, or what it measured. */
  note: string;
  /** Calibrated iterations per second, where it was calibrated. */
  iterationsPerSecond?: number;
  /** Time spent starting, checking and calibrating it. */
  milliseconds: number;
}

export interface RealSamples {
  count: number;
  /** [count × dimension] */
  values: Floats;
  imageShape: [number, number, number];
  /** The label of each image, where the data has labels. */
  labels?: number[];
}

/** A live change, at the first iteration that used the new value. */
export interface LiveMarker {
  iteration: number;
  field: keyof RunConfig;
  from: RunConfig[keyof RunConfig];
  to: RunConfig[keyof RunConfig];
  /** Epoch milliseconds (timeOrigin + now) when that iteration had run: latency measurements. */
  time: number;
}

/** A setting that sets how much memory the model takes, with its value when memory ran out. */
export interface MemorySetting {
  field: 'batchSize' | 'channels' | 'generatorWidth' | 'discriminatorWidth' | 'generatorLayers' | 'discriminatorLayers';
  /** The schema's English label. */
  label: string;
  value: number;
}

/** Memory ran out (src/worker/faults.ts): where, what the backend said, and what to lower. */
export interface MemoryAdvice {
  backend: string;
  error: string;
  settings: MemorySetting[];
}

/**
 * Something about the backend choice the user should know, as data, so the page can word it in its
 * language (src/i18n/reliability.ts): a forced backend that cannot be used, WebGPU not used, or a
 * candidate skipped because it failed its gradient check. `note` is the technical detail (English).
 */
export interface BackendWarning {
  kind: 'forcedUnusable' | 'webgpuNotUsed' | 'skipped';
  backend: BackendName;
  note: string;
}

/** A backend failed mid-run and the run moved to another one (src/worker/failover.ts). */
export interface FailoverReport {
  from: BackendName;
  to: BackendName;
  reason: string;
  /** The iteration of the weights it continues from. */
  iteration: number;
}
