/**
 * A preset's trained model as shipped under public/models/ (written by `npm run pretrain:model`,
 * scripts/pretrain.ts): `<preset>.json`, a manifest (the run's configuration, the iteration it
 * trained to, the figures it reached, each network tensor's name, shape and encoding), and
 * `<preset>.bin`, the tensors' bytes one after another. Only G's and D's variables (and the
 * conditioning's, and batch norm's running statistics) are kept, not the optimisers' slots: the run
 * starts them afresh, as "Import PyTorch weights" does (pytorchWeights.ts weightsIntoRun).
 *
 * Large tensors are quantized to 8 bits, each with its own range (value = min + q · step, q an
 * integer 0–255): four models fit the 3 MB the issue allows, where float32 would take ~8 MB. The
 * figures the pretrain command prints are measured on the quantized weights, as shipped. Small
 * tensors (biases, batch norm's statistics) stay float32. Pure: no DOM, no TensorFlow.js.
 */
import { type RunConfig, validateConfig } from '../../gan/config.ts';
import { quote } from '../../gan/quote.ts';
import type { SavedTensor } from '../../worker/serialized-run.ts';
import type { ImportRefusal, PyTorchWeights } from '../share/pytorchWeights.ts';
import { isCount, isRecord, MAX_RANK, MAX_TENSORS, notCount } from '../share/runFile.ts';

export const TRAINED_MODEL_KIND = 'nash-trained-model';
/** Bumped when the manifest's fields or the bytes' layout change; an older file is refused, not misread. */
export const TRAINED_MODEL_VERSION = 1;
/** Tensors with at least this many values are quantized to 8 bits; smaller ones cost little as float32. */
export const QUANTIZE_FROM = 1024;
const LEVELS = 255;

export type TensorEncoding =
  | { encoding: 'float32' }
  /** value = min + q · step for each byte q. */
  | { encoding: 'uint8'; min: number; step: number };

export type TensorEntry = { name: string; shape: number[] } & TensorEncoding;

export interface TrainedModelManifest {
  kind: typeof TRAINED_MODEL_KIND;
  version: number;
  preset: string;
  config: RunConfig;
  iteration: number;
  /** What `npm run pretrain:model` measured on these weights (classifier score, classes, …), for the record. */
  figures: Record<string, number>;
  tensors: TensorEntry[];
}

/** Why a shipped model was refused: a weights file's and run file's reasons, or the model file's own. */
export type TrainedModelRefusal =
  | ImportRefusal
  /** The page could not fetch the model's files (offline before they were cached, or not shipped). */
  | { code: 'fetchFailed'; detail: string }
  | { code: 'notTrainedModel' }
  | { code: 'modelVersion'; value: string; reads: number }
  | { code: 'otherPreset'; value: string; preset: string }
  | { code: 'badEncoding'; name: string }
  | { code: 'weightsLength'; bytes: number; expected: number };

export type LoadedModel = { ok: true; weights: PyTorchWeights } | { ok: false; refusal: TrainedModelRefusal };

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
/** Bytes a tensor takes in the .bin, float32s starting at a multiple of 4. */
const align = (offset: number, entry: TensorEncoding) => (entry.encoding === 'float32' ? (offset + 3) & ~3 : offset);
const bytesOf = (entry: TensorEntry) => size(entry.shape) * (entry.encoding === 'float32' ? 4 : 1);

/** Tensors to a manifest's entries and the .bin's bytes: 8 bits each from QUANTIZE_FROM values. */
export function encodeTensors(tensors: readonly SavedTensor[]): { entries: TensorEntry[]; bytes: Uint8Array } {
  const entries: TensorEntry[] = tensors.map(({ name, shape, values }) => {
    if (values.length < QUANTIZE_FROM) return { name, shape: [...shape], encoding: 'float32' };
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // A constant tensor: any step reads back min.
    return { name, shape: [...shape], encoding: 'uint8', min, step: max > min ? (max - min) / LEVELS : 1 };
  });
  let length = 0;
  for (const entry of entries) length = align(length, entry) + bytesOf(entry);
  const bytes = new Uint8Array(length);
  let offset = 0;
  entries.forEach((entry, i) => {
    offset = align(offset, entry);
    const { values } = tensors[i];
    if (entry.encoding === 'float32') new Float32Array(bytes.buffer, offset, values.length).set(values);
    else for (let j = 0; j < values.length; j++) bytes[offset + j] = Math.round((values[j] - entry.min) / entry.step);
    offset += bytesOf(entry);
  });
  return { entries, bytes };
}

function readEntry(raw: unknown): TensorEntry | TrainedModelRefusal {
  if (!isRecord(raw) || typeof raw.name !== 'string') return { code: 'unnamedWeight' };
  const name = quote(raw.name);
  const { shape } = raw;
  if (!Array.isArray(shape)) return { code: 'noShape', name };
  if (shape.length > MAX_RANK) return { code: 'tooManyDimensions', name, count: shape.length, limit: MAX_RANK };
  const wrong = shape.findIndex((n) => !isCount(n));
  if (wrong >= 0) return { code: 'shapeNotCount', name, index: wrong, value: quote(shape[wrong]), max: 2 ** 52 };
  const entry = { name: raw.name, shape: shape as number[] };
  if (raw.encoding === 'float32') return { ...entry, encoding: 'float32' };
  const { min, step } = raw;
  if (raw.encoding === 'uint8' && Number.isFinite(min) && Number.isFinite(step) && (step as number) > 0)
    return { ...entry, encoding: 'uint8', min: min as number, step: step as number };
  return { code: 'badEncoding', name };
}

/**
 * Reads a shipped model (the manifest's parsed JSON and the .bin's bytes) for `preset`: every
 * refusal says what is wrong, and nothing is half-read. The result goes into the run like a PyTorch
 * weights file (weightsIntoRun), which refuses a model whose settings or shapes are not the run's.
 */
export function decodeTrainedModel(raw: unknown, bytes: ArrayBuffer, preset: string): LoadedModel {
  const refuse = (refusal: TrainedModelRefusal): LoadedModel => ({ ok: false, refusal });
  if (!isRecord(raw) || raw.kind !== TRAINED_MODEL_KIND) return refuse({ code: 'notTrainedModel' });
  if (raw.version !== TRAINED_MODEL_VERSION)
    return refuse({ code: 'modelVersion', value: quote(raw.version), reads: TRAINED_MODEL_VERSION });
  if (raw.preset !== preset) return refuse({ code: 'otherPreset', value: quote(raw.preset), preset });
  const checked = validateConfig(raw.config);
  if (!checked.ok) return refuse({ code: 'settings', refusals: checked.refusals });
  if (!isCount(raw.iteration)) return refuse(notCount('iteration', raw.iteration));
  if (!Array.isArray(raw.tensors) || raw.tensors.length === 0) return refuse({ code: 'noWeights' });
  if (raw.tensors.length > MAX_TENSORS)
    return refuse({ code: 'tooManyWeights', count: raw.tensors.length, limit: MAX_TENSORS });
  const entries: TensorEntry[] = [];
  for (const item of raw.tensors as unknown[]) {
    const entry = readEntry(item);
    if ('code' in entry) return refuse(entry);
    entries.push(entry);
  }
  let expected = 0;
  for (const entry of entries) expected = align(expected, entry) + bytesOf(entry);
  if (bytes.byteLength !== expected) return refuse({ code: 'weightsLength', bytes: bytes.byteLength, expected });
  const tensors: SavedTensor[] = [];
  let offset = 0;
  for (const entry of entries) {
    offset = align(offset, entry);
    const count = size(entry.shape);
    let values: Float32Array<ArrayBuffer>;
    if (entry.encoding === 'float32') values = new Float32Array(bytes.slice(offset, offset + count * 4));
    else {
      const quantized = new Uint8Array(bytes, offset, count);
      values = new Float32Array(count);
      for (let j = 0; j < count; j++) values[j] = entry.min + quantized[j] * entry.step;
    }
    if (!values.every(Number.isFinite)) return refuse({ code: 'notFiniteWeight', name: quote(entry.name) });
    tensors.push({ name: entry.name, shape: entry.shape, values });
    offset += bytesOf(entry);
  }
  return { ok: true, weights: { config: checked.config, iteration: raw.iteration, tensors } };
}
