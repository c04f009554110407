/**
 * A run as a file (JSON: configuration, iteration, chart history, weights as base64) and as a
 * stored record, and the checks that decide whether one can be loaded: a damaged file is refused
 * with its reason, as a code (RunRefusal), before anything reaches the training worker. Pure: no
 * DOM, no IndexedDB, no TensorFlow.js (an imported file is decoded in runFile.worker.ts).
 */
import { HISTORY_LIMIT } from '../../client/statHistory.ts';
import { type Refusal as SettingRefusal, validateConfig } from '../../gan/config.ts';
import { quote } from '../../gan/quote.ts';
import { STAT_FIELDS, type StatPoint } from '../../gan/stats.ts';
import { type SerializedRun, type SavedTensor, SERIALIZED_RUN_VERSION } from '../../worker/serialized-run.ts';

export const RUN_FILE_KIND = 'nash-run';
export const RUN_FILE_VERSION = 1;
/**
 * The largest run file read, 128 MiB, checked on the file's size before any of it is read. Measured
 * (encodeRunFile of captureRun after one Adam step, so with both slots, and the HISTORY_LIMIT chart
 * points the client keeps, random): an MNIST DCGAN run at its defaults is 2.0 MiB (3.5 MiB at
 * latent 64); the largest run the schema allows, an MNIST DCGAN with 128 channels, latent 256,
 * label conditioning and 3 codes, is 70.8 MiB (the largest MLP, 512 wide and 6 layers deep, 56.2 MiB).
 * The limit leaves 1.8 times that.
 */
export const MAX_RUN_FILE_BYTES = 128 * 1024 * 1024;
/**
 * Iterations and optimiser step counts go up to 2^52: whole numbers that a double holds exactly,
 * with 2^52 more steps to count before n + 1 === n (at 2^53). A file's iteration of 1e300 was
 * accepted, and the counter could not move past it.
 */
export const MAX_COUNT = 2 ** 52;
/** A weight's dimensions at most: a DCGAN kernel's [height, width, in, out]. */
export const MAX_RANK = 4;
/**
 * Weights at most: ten times the 96 of the largest model the schema allows (an MLP of 6 layers
 * each, InfoGAN codes, Adam's slots; tests/unit/runFile.test.ts counts them). A longer list is
 * refused before its entries are decoded.
 */
export const MAX_TENSORS = 1_000;

/**
 * Why a run file or a saved run is refused, as data that the page words in its language and
 * anything else in English (runRefusal.ts, src/i18n/share.ts). A refusal names the part of the
 * file (`field`, a path such as `stats[3].iteration`) and the allowed range where it has them;
 * `value` and a weight's `name` are the file's text as quote.ts repeats it (quoted, cut to 40
 * characters). Plain data, so it crosses from the reader's worker as it is.
 */
export type RunRefusal =
  | { code: 'empty' }
  | { code: 'tooLarge'; bytes: number; limit: number }
  /** The browser could not read the file: its words. */
  | { code: 'unreadable'; detail: string }
  /** The worker that reads a file (readRunFile.ts) failed before it answered. */
  | { code: 'readerStopped' }
  | { code: 'notJson' }
  | { code: 'notRunFile' }
  | { code: 'fileVersion'; value: string; reads: number }
  | { code: 'settings'; refusals: SettingRefusal[] }
  | { code: 'notCount'; field: string; value: string; max: number }
  | { code: 'noStepCounts' }
  | { code: 'snapshotVersion'; value: string; reads: number }
  | { code: 'statsNotList' }
  | { code: 'tooManyPoints'; count: number; limit: number }
  | { code: 'pointNotObject'; index: number }
  | { code: 'notChartValue'; field: string; value: string }
  | { code: 'noWeights' }
  | { code: 'tooManyWeights'; count: number; limit: number }
  | { code: 'unnamedWeight' }
  | { code: 'noShape'; name: string }
  | { code: 'tooManyDimensions'; name: string; count: number; limit: number }
  | { code: 'shapeNotCount'; name: string; index: number; value: string; max: number }
  | { code: 'wrongSize'; name: string; size: number }
  /** A saved run's record (savedRuns.ts) holds nothing. */
  | { code: 'emptyEntry' };

/** Refuses a file by its size alone, before it is read: the refusal, or undefined when it may be read. */
export function runFileSizeProblem(bytes: number): RunRefusal | undefined {
  if (bytes === 0) return { code: 'empty' };
  if (bytes > MAX_RUN_FILE_BYTES) return { code: 'tooLarge', bytes, limit: MAX_RUN_FILE_BYTES };
  return undefined;
}

/** A run as saved: what the worker restores, and the chart history the page shows for it. */
export interface SavedRun {
  snapshot: SerializedRun;
  stats: StatPoint[];
}

export type Loaded = { ok: true; run: SavedRun } | { ok: false; refusal: RunRefusal };

const refuse = (refusal: RunRefusal): Loaded => ({ ok: false, refusal });

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  // Chunks keep String.fromCharCode's argument list short of the engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Float32Array<ArrayBuffer> | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  if (binary.length % 4 !== 0) return undefined;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** NaN (a network that did not step) has no JSON form: it is written as null and read back as NaN. */
const statsForJson = (stats: readonly StatPoint[]) =>
  stats.map((point) => Object.fromEntries(Object.entries(point).map(([k, v]) => [k, Number.isNaN(v) ? null : v])));

export function encodeRunFile({ snapshot, stats }: SavedRun): string {
  return JSON.stringify({
    kind: RUN_FILE_KIND,
    version: RUN_FILE_VERSION,
    config: snapshot.config,
    iteration: snapshot.iteration,
    optimizerSteps: snapshot.optimizerSteps,
    snapshotVersion: snapshot.version,
    stats: statsForJson(stats),
    tensors: snapshot.tensors.map(({ name, shape, values }) => ({ name, shape, data: toBase64(values) })),
  });
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
/**
 * A chart value: a finite number, or null (NaN once read) where that network did not step. The
 * page's own history never holds ±∞: the divergence guard rolls those iterations back.
 */
const isStatValue = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'number' && (Number.isFinite(value) || Number.isNaN(value)));
/** A count from a file refused, naming its field and the range. */
export const notCount = (field: string, value: unknown): RunRefusal => ({
  code: 'notCount',
  field,
  value: quote(value),
  max: MAX_COUNT,
});

function readStats(raw: unknown): StatPoint[] | RunRefusal {
  if (!Array.isArray(raw)) return { code: 'statsNotList' };
  // The page keeps at most HISTORY_LIMIT points (statHistory.ts thins the rest); so may a file.
  if (raw.length > HISTORY_LIMIT) return { code: 'tooManyPoints', count: raw.length, limit: HISTORY_LIMIT };
  const points: StatPoint[] = [];
  for (const [i, entry] of raw.entries()) {
    if (!isRecord(entry)) return { code: 'pointNotObject', index: i };
    if (!isCount(entry.iteration)) return notCount(`stats[${i}].iteration`, entry.iteration);
    const point = { iteration: entry.iteration } as StatPoint;
    for (const field of STAT_FIELDS) {
      const value = entry[field];
      if (!isStatValue(value)) return { code: 'notChartValue', field: `stats[${i}].${field}`, value: quote(value) };
      point[field] = typeof value === 'number' ? value : Number.NaN;
    }
    points.push(point);
  }
  return points;
}

/**
 * Checks the parts every saved run has, from a file or from storage: a valid configuration, counts,
 * and tensors whose values match their shapes. Whether the tensors fit the model is the worker's
 * check (snapshot.ts), made before it replaces the current run.
 */
export function checkRun(parts: {
  config: unknown;
  iteration: unknown;
  optimizerSteps: unknown;
  snapshotVersion: unknown;
  stats: unknown;
  tensors: SavedTensor[] | RunRefusal;
}): Loaded {
  const checked = validateConfig(parts.config);
  if (!checked.ok) return refuse({ code: 'settings', refusals: checked.refusals });
  if (!isCount(parts.iteration)) return refuse(notCount('iteration', parts.iteration));
  const steps = parts.optimizerSteps;
  if (!isRecord(steps)) return refuse({ code: 'noStepCounts' });
  if (!isCount(steps.generator)) return refuse(notCount('optimizerSteps.generator', steps.generator));
  if (!isCount(steps.discriminator)) return refuse(notCount('optimizerSteps.discriminator', steps.discriminator));
  if (parts.snapshotVersion !== SERIALIZED_RUN_VERSION)
    return refuse({ code: 'snapshotVersion', value: quote(parts.snapshotVersion), reads: SERIALIZED_RUN_VERSION });
  if (!Array.isArray(parts.tensors)) return refuse(parts.tensors);
  const stats = readStats(parts.stats);
  if (!Array.isArray(stats)) return refuse(stats);
  return {
    ok: true,
    run: {
      snapshot: {
        version: SERIALIZED_RUN_VERSION,
        config: checked.config,
        iteration: parts.iteration,
        optimizerSteps: { generator: steps.generator, discriminator: steps.discriminator },
        tensors: parts.tensors,
      },
      stats,
    },
  };
}

/** readTensors over a file's text form: each tensor's data is its float32 values in base64. */
export const readBase64Tensors = (raw: unknown): SavedTensor[] | RunRefusal =>
  readTensors(raw, (data) => (typeof data === 'string' ? fromBase64(data) : undefined));

/**
 * A file's text parsed within the run file's bounds (a run file's, and a weights file's): refused
 * when empty, larger than a run file may be, or not JSON. Each UTF-16 unit is at least one byte of
 * the file: a text longer than the limit came from a larger file.
 */
export function parseFileText(text: string): { ok: true; raw: unknown } | { ok: false; refusal: RunRefusal } {
  const tooLarge = runFileSizeProblem(text.trim() ? text.length : 0);
  if (tooLarge) return { ok: false, refusal: tooLarge };
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch {
    return { ok: false, refusal: { code: 'notJson' } };
  }
}

export function readTensors(
  raw: unknown,
  decode: (data: unknown) => Float32Array<ArrayBuffer> | undefined,
): SavedTensor[] | RunRefusal {
  if (!Array.isArray(raw) || raw.length === 0) return { code: 'noWeights' };
  if (raw.length > MAX_TENSORS) return { code: 'tooManyWeights', count: raw.length, limit: MAX_TENSORS };
  const tensors: SavedTensor[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry.name !== 'string') return { code: 'unnamedWeight' };
    const { name, shape } = entry;
    if (!Array.isArray(shape)) return { code: 'noShape', name: quote(name) };
    if (shape.length > MAX_RANK)
      return { code: 'tooManyDimensions', name: quote(name), count: shape.length, limit: MAX_RANK };
    const wrong = shape.findIndex((size) => !isCount(size));
    if (wrong >= 0)
      return { code: 'shapeNotCount', name: quote(name), index: wrong, value: quote(shape[wrong]), max: MAX_COUNT };
    const values = decode(entry.data);
    const size = shape.reduce((a: number, b: number) => a * b, 1);
    if (!values || values.length !== size) return { code: 'wrongSize', name: quote(name), size };
    tensors.push({ name, shape, values });
  }
  return tensors;
}

/**
 * Reads a run file's text; every refusal says what was wrong. On the page this runs in
 * runFile.worker.ts: JSON.parse of a 50 MB file is one task of 0.1 to 0.5 s.
 */
export function decodeRunFile(text: string): Loaded {
  const parsed = parseFileText(text);
  if (!parsed.ok) return parsed;
  const { raw } = parsed;
  if (!isRecord(raw) || raw.kind !== RUN_FILE_KIND) return refuse({ code: 'notRunFile' });
  if (raw.version !== RUN_FILE_VERSION)
    return refuse({ code: 'fileVersion', value: quote(raw.version), reads: RUN_FILE_VERSION });
  return checkRun({
    ...raw,
    tensors: readBase64Tensors(raw.tensors),
  } as Parameters<typeof checkRun>[0]);
}

/** The stored form keeps the Float32Arrays as they are (IndexedDB clones them): no base64 growth. */
export interface StoredRun {
  config: unknown;
  iteration: unknown;
  optimizerSteps: unknown;
  snapshotVersion: unknown;
  stats: unknown;
  tensors: unknown;
}

export function toStored({ snapshot, stats }: SavedRun): StoredRun {
  return {
    config: snapshot.config,
    iteration: snapshot.iteration,
    optimizerSteps: snapshot.optimizerSteps,
    snapshotVersion: snapshot.version,
    stats,
    tensors: snapshot.tensors.map(({ name, shape, values }) => ({ name, shape, data: values })),
  };
}

export function fromStored(stored: unknown): Loaded {
  if (!isRecord(stored)) return refuse({ code: 'emptyEntry' });
  return checkRun({
    ...stored,
    tensors: readTensors(stored.tensors, (data) => (data instanceof Float32Array ? new Float32Array(data) : undefined)),
  } as Parameters<typeof checkRun>[0]);
}

/** The chart history as CSV: one row per iteration, every signal a column, empty where a network did not step. */
export function statsCsv(stats: readonly StatPoint[]): string {
  const header = ['iteration', ...STAT_FIELDS].join(',');
  const rows = stats.map((point) =>
    [point.iteration, ...STAT_FIELDS.map((field) => (Number.isNaN(point[field]) ? '' : String(point[field])))].join(
      ',',
    ),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
