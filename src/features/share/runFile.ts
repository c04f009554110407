/**
 * A run as a file (JSON: configuration, iteration, chart history, weights as base64) and as a
 * stored record, and the checks that decide whether one can be loaded: a damaged file is refused
 * with its reason before anything reaches the worker. Pure: no DOM, no IndexedDB.
 */
import { HISTORY_LIMIT } from '../../client/statHistory.ts';
import { validateConfig } from '../../gan/config.ts';
import { quote } from '../../gan/quote.ts';
import { STAT_FIELDS, type StatPoint } from '../../gan/stats.ts';
import { type RunSnapshot, type SavedTensor, SNAPSHOT_VERSION } from '../../worker/snapshot.ts';

export const RUN_FILE_KIND = 'nash-run';
export const RUN_FILE_VERSION = 1;
/**
 * The largest run file read, 128 MiB, checked on the file's size before any of it is read. Measured
 * (encodeRunFile, weights with Adam's slots, random chart values): an MNIST DCGAN run at its
 * defaults with 3,000 iterations of charts is 1.2 MB (2.7 MB at latent 64), the mnistDefault MLP
 * 9.1 MB, the ring default 0.7 MB; the largest model the schema allows (DCGAN, 128 channels,
 * latent 256) is 65 MB of weights, plus at most ~2 MB for the HISTORY_LIMIT chart points the client keeps.
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

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Refuses a file by its size alone, before it is read: the reason, or undefined when it may be read. */
export function runFileSizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return 'it is empty';
  if (bytes > MAX_RUN_FILE_BYTES) return `it is ${megabytes(bytes)}, more than the ${megabytes(MAX_RUN_FILE_BYTES)} a run file may be`;
  return undefined;
}

/** A run as saved: what the worker restores, and the chart history the page shows for it. */
export interface SavedRun {
  snapshot: RunSnapshot;
  stats: StatPoint[];
}

export type Loaded = { ok: true; run: SavedRun } | { ok: false; error: string };

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let text = '';
  // Chunks keep String.fromCharCode's argument list short of the engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Float32Array<ArrayBuffer> | undefined {
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
const statsForJson = (stats: readonly StatPoint[]) => stats.map((point) => Object.fromEntries(Object.entries(point).map(([k, v]) => [k, Number.isNaN(v) ? null : v])));

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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
const counted = (count: number) => count.toLocaleString('en');
/**
 * A chart value: a finite number, or null (NaN once read) where that network did not step. The
 * page's own history never holds ±∞: the divergence guard rolls those iterations back.
 */
const isStatValue = (value: unknown) => value === null || value === undefined || (typeof value === 'number' && (Number.isFinite(value) || Number.isNaN(value)));
/** Why a count from a file is refused, naming its field and the range. */
const notCount = (field: string, value: unknown) => `${field} is ${quote(value)}, not a whole number from 0 to 2^52 (${counted(MAX_COUNT)})`;

function readStats(raw: unknown): StatPoint[] | string {
  if (!Array.isArray(raw)) return 'the chart history is not a list';
  // The page keeps at most HISTORY_LIMIT points (statHistory.ts thins the rest); so may a file.
  if (raw.length > HISTORY_LIMIT) return `its chart history (stats) has ${counted(raw.length)} points, more than the ${counted(HISTORY_LIMIT)} the page keeps`;
  const points: StatPoint[] = [];
  for (const [i, entry] of raw.entries()) {
    if (!isRecord(entry)) return `chart point stats[${i}] is not an object`;
    if (!isCount(entry.iteration)) return notCount(`stats[${i}].iteration`, entry.iteration);
    const point = { iteration: entry.iteration } as StatPoint;
    for (const field of STAT_FIELDS) {
      const value = entry[field];
      if (!isStatValue(value)) return `stats[${i}].${field} is ${quote(value)}, not a finite number (or null where the network did not step)`;
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
export function checkRun(parts: { config: unknown; iteration: unknown; optimizerSteps: unknown; snapshotVersion: unknown; stats: unknown; tensors: SavedTensor[] | string }): Loaded {
  const checked = validateConfig(parts.config);
  if (!checked.ok) return { ok: false, error: `its settings are not valid: ${checked.errors.join('; ')}` };
  if (!isCount(parts.iteration)) return { ok: false, error: notCount('iteration', parts.iteration) };
  const steps = parts.optimizerSteps;
  if (!isRecord(steps)) return { ok: false, error: 'its optimiser step counts are missing' };
  if (!isCount(steps.generator)) return { ok: false, error: notCount('optimizerSteps.generator', steps.generator) };
  if (!isCount(steps.discriminator)) return { ok: false, error: notCount('optimizerSteps.discriminator', steps.discriminator) };
  if (parts.snapshotVersion !== SNAPSHOT_VERSION) return { ok: false, error: `it was saved in format ${quote(parts.snapshotVersion)}; this version reads ${SNAPSHOT_VERSION}` };
  if (typeof parts.tensors === 'string') return { ok: false, error: parts.tensors };
  const stats = readStats(parts.stats);
  if (typeof stats === 'string') return { ok: false, error: stats };
  return {
    ok: true,
    run: {
      snapshot: { version: SNAPSHOT_VERSION, config: checked.config, iteration: parts.iteration, optimizerSteps: { generator: steps.generator, discriminator: steps.discriminator }, tensors: parts.tensors },
      stats,
    },
  };
}

function readTensors(raw: unknown, decode: (data: unknown) => Float32Array<ArrayBuffer> | undefined): SavedTensor[] | string {
  if (!Array.isArray(raw) || raw.length === 0) return 'it holds no weights';
  if (raw.length > MAX_TENSORS) return `it holds ${counted(raw.length)} weights (tensors), more than the ${counted(MAX_TENSORS)} a run may have`;
  const tensors: SavedTensor[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry.name !== 'string') return 'a weight has no name';
    const { name, shape } = entry;
    if (!Array.isArray(shape)) return `${quote(name)} has no shape`;
    if (shape.length > MAX_RANK) return `${quote(name)} has ${counted(shape.length)} dimensions, more than ${MAX_RANK}`;
    const wrong = shape.findIndex((size) => !isCount(size));
    if (wrong >= 0) return notCount(`${quote(name)}'s shape[${wrong}]`, shape[wrong]);
    const values = decode(entry.data);
    const size = shape.reduce((a: number, b: number) => a * b, 1);
    if (!values || values.length !== size) return `${quote(name)} does not hold the ${size} values of its shape`;
    tensors.push({ name, shape, values });
  }
  return tensors;
}

/** Reads a run file's text; every refusal says what was wrong. */
export function decodeRunFile(text: string): Loaded {
  // Each UTF-16 unit is at least one byte of the file: a text longer than the limit came from a larger file.
  const tooLarge = runFileSizeProblem(text.trim() ? text.length : 0);
  if (tooLarge) return { ok: false, error: tooLarge };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'it is not JSON' };
  }
  if (!isRecord(raw) || raw.kind !== RUN_FILE_KIND) return { ok: false, error: 'it is not a Nash run file' };
  if (raw.version !== RUN_FILE_VERSION) return { ok: false, error: `it is a version ${quote(raw.version)} run file; this version reads ${RUN_FILE_VERSION}` };
  return checkRun({ ...raw, tensors: readTensors(raw.tensors, (data) => (typeof data === 'string' ? fromBase64(data) : undefined)) } as Parameters<typeof checkRun>[0]);
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
  if (!isRecord(stored)) return { ok: false, error: 'the entry is empty' };
  return checkRun({ ...stored, tensors: readTensors(stored.tensors, (data) => (data instanceof Float32Array ? new Float32Array(data) : undefined)) } as Parameters<typeof checkRun>[0]);
}

/** The chart history as CSV: one row per iteration, every signal a column, empty where a network did not step. */
export function statsCsv(stats: readonly StatPoint[]): string {
  const header = ['iteration', ...STAT_FIELDS].join(',');
  const rows = stats.map((point) => [point.iteration, ...STAT_FIELDS.map((field) => (Number.isNaN(point[field]) ? '' : String(point[field])))].join(','));
  return `${[header, ...rows].join('\n')}\n`;
}
