/**
 * The payloads that protocol.ts's messages carry, kept apart so that the protocol file holds the
 * two unions and little else: backend names and reports, the view schedule, real samples, live
 * markers. protocol.ts re-exports all of it; import from there.
 */
import type { Refusal, RunConfig } from '../gan/config.ts';

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
  /**
   * Share of the wall time the loop trains while playing at full speed, in (0, 1]: below 1 it rests
   * after each chunk for (1/share − 1) times the chunk's length, leaving a core to the page. Compare
   * mode sets it when two runs would otherwise take every core (features/playground/cpuShare.ts).
   */
  share: number;
}

/**
 * Defaults: 25 ms chunks keep a command's wait under a frame or two; stats at ~7 Hz look live on a
 * chart; the views at 2.5 Hz and metrics every 100 iterations cost a few per cent of the loop.
 */
export const DEFAULT_SCHEDULE: Schedule = {
  chunkMs: 25,
  statsMs: 150,
  samplesMs: 400,
  planeMs: 400,
  metricsEvery: 100,
  share: 1,
};

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

/** The gradient cases every candidate backend must pass (gradient-check.ts). */
export type GradientCheckName = 'dense' | 'conv';

/**
 * What the backend choice found out about one backend (backend.ts), as data the page words in its
 * language (src/i18n/backend.ts). `detail` is the browser's or tfjs's own text and `adapter` and
 * `renderer` the names they report, shown as they came.
 */
export type BackendNote =
  | {
      code:
        | 'noWebgpu'
        | 'noAdapter'
        | 'noOffscreenCanvas'
        | 'noWebgl2'
        | 'plainJavaScript'
        | 'failedEarlier'
        | 'passedGradientCheck';
    }
  | { code: 'adapterRejected' | 'cannotTrain'; detail: string }
  | { code: 'failedToStart'; detail?: string }
  | { code: 'softwareAdapter'; adapter: string }
  | { code: 'softwareRenderer'; renderer: string }
  | { code: 'gradientNotFinite'; check: GradientCheckName }
  | { code: 'gradientWrong'; check: GradientCheckName; got: number; expected: number }
  | { code: 'calibrated'; iterationsPerSecond: number }
  /** Not tried, since `because` (absent: a faster backend works). */
  | { code: 'notTried'; because?: BackendNote };

/** Why the backend in use won (the badge's note); `earlier`: the choice was measured earlier for this model shape. */
export type BackendReason = { earlier?: boolean } & (
  | { code: 'forced' | 'onlyHardware' | 'onlyFallback' }
  | { code: 'fastest'; iterationsPerSecond: number; others: { backend: BackendName; iterationsPerSecond: number }[] }
);

/** What made a backend fail mid-run: a lost GPU device, or an error inside a step; `detail` is its own text. */
export interface BackendFailure {
  code: 'deviceLost' | 'error';
  detail: string;
}

/** What the choice found out about one backend. */
export interface CandidateReport {
  backend: BackendName;
  usable: boolean;
  /** Why it was skipped, or what it measured, in order. */
  notes: BackendNote[];
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
 * candidate skipped because it failed its gradient check; `notes` say why.
 */
export interface BackendWarning {
  kind: 'forcedUnusable' | 'webgpuNotUsed' | 'skipped';
  backend: BackendName;
  notes: BackendNote[];
}

/** Something the user should know that does not stop the run. */
export type WorkerWarning =
  | { code: 'backend'; backend: BackendWarning }
  /** MNIST's digit classifier could not be loaded (src/worker/digit-metrics.ts): its metrics are off. */
  | { code: 'classifierUnavailable'; detail: string };

/** A backend failed mid-run and the run moved to another one (src/worker/failover.ts). */
export interface FailoverReport {
  from: BackendName;
  to: BackendName;
  cause: BackendFailure;
  /** The iteration of the weights it continues from. */
  iteration: number;
}

/** Why a saved run does not fit the model its settings build (src/worker/serialize.ts); `name` is a tensor's, e.g. `generator.3`. */
export type RunMismatch =
  | { code: 'version'; saved: number; reads: number }
  | { code: 'count'; saved: number; model: number }
  | { code: 'missing' | 'notFinite'; name: string }
  | { code: 'shape'; name: string; saved: number[]; model: number[] }
  | { code: 'size'; name: string; values: number; size: number };

/**
 * What went wrong in the worker, as data the page words in its language (src/i18n/reliability.ts).
 * `detail` is an error's own text (tfjs's, the browser's), shown as it came; `value` is input
 * quoted and cut short (src/gan/quote.ts).
 */
export type WorkerProblem =
  | { code: 'protocol'; page: number; worker: number }
  | { code: 'notACommand'; value: string }
  | { code: 'noRun' | 'mnistUnavailable' }
  | { code: 'invalidSettings' | 'savedSettingsInvalid'; refusals: Refusal[] }
  | { code: 'runMismatch'; mismatch: RunMismatch }
  | { code: 'noBackend'; candidates: CandidateReport[] }
  | { code: 'failedBeforeSave'; backend: BackendName; cause: BackendFailure }
  | { code: 'outOfMemory'; memory: MemoryAdvice }
  | { code: 'unexpected'; detail: string };
