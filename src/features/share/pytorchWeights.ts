/**
 * "Import PyTorch weights": the weights file the exported script writes (pytorch.ts, write_weights)
 * read, checked and converted to Nash's layouts, then put into the current run. Pure: no DOM, no
 * TensorFlow.js; the file is read in runFile.worker.ts like a run file, with the same bounds.
 *
 * The file is JSON: `kind` 'nash-pytorch-weights', `version` 1, the script's `config`, the
 * `iteration` it trained to, `tensors` (each network's state_dict under torch's names, e.g.
 * `generator.0.weight`, float32 little-endian in base64) and a `check` batch (G's input and its
 * samples in inference mode). Each tensor converts explicitly (the layer order of pytorchParts.ts and
 * pytorchConditioning.ts on one side, of src/gan/architectures on the other):
 *
 *   nn.Linear weight [out, in]                  → dense kernel [in, out]
 *   nn.Conv2d weight [out, in, kH, kW]          → tf.conv2d filter [kH, kW, in, out]
 *   nn.ConvTranspose2d weight [in, out, kH, kW] → tf.conv2dTranspose filter [kH, kW, out, in]
 *   biases, batch norm's γ (weight), β (bias), running mean and variance: as they are
 *   DCGAN's grids: PyTorch flattens them channels-first (index c·cells + p), Nash channels-last
 *   (p·channels + c), so G's projection (onto 7×7×2C) and D's score, CGAN's class embedding V and
 *   class head, and InfoGAN's Q (reading D's 4×4×4C features) read that axis through the permutation.
 */
import {
  CONFIG_SCHEMA,
  criticBatchNorm,
  FIELD_NAMES,
  type FieldName,
  type RunConfig,
  validateConfig,
} from '../../gan/config.ts';
import { KERNEL_SIZE, Q_HIDDEN, SMALL_KERNEL_SIZE } from '../../gan/architectures/constants.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import { quote } from '../../gan/quote.ts';
import type { SavedTensor, SerializedRun } from '../../worker/serialized-run.ts';
import { isUsed } from '../../gan/usedSettings.ts';
import { labelAtDiscriminatorInput, labelClassifier } from './pytorchConditioning.ts';
import {
  isCount,
  isRecord,
  notCount,
  parseFileText,
  RUN_FILE_KIND,
  type RunRefusal,
  readBase64Tensors,
} from './runFile.ts';

export const WEIGHTS_FILE_KIND = 'nash-pytorch-weights';
export const WEIGHTS_FILE_VERSION = 1;

/**
 * Why a weights file cannot go into the run, beyond what any run file can get wrong (RunRefusal):
 * codes the page words (runRefusal.ts, src/i18n/share.ts). Names from the file come quoted (quote.ts).
 */
export type WeightsRefusal =
  | { code: 'notWeightsFile' }
  | { code: 'runFileGiven' }
  | { code: 'weightsVersion'; value: string; reads: number }
  | { code: 'missingWeight'; name: string }
  | { code: 'unexpectedWeight'; name: string }
  | { code: 'weightShape'; name: string; shape: string; expected: string }
  | { code: 'notFiniteWeight'; name: string }
  /** The file's model is not the run's: the first setting that differs, both values. */
  | { code: 'modelDiffers'; field: FieldName; file: string; run: string };

export type ImportRefusal = RunRefusal | WeightsRefusal;

/** A weights file read and converted: its configuration, its iteration, and the networks' tensors under Nash's names and layouts. */
export interface PyTorchWeights {
  config: RunConfig;
  iteration: number;
  /** `generator.i`, `generatorState.i`, `discriminator.i`, `discriminatorState.i` (serialize.ts's groups). */
  tensors: SavedTensor[];
}

export type LoadedWeights = { ok: true; weights: PyTorchWeights } | { ok: false; refusal: ImportRefusal };

/** torch's values [torchShape] → Nash's shape and values. */
type Layout = (values: Float32Array, shape: number[]) => { shape: number[]; values: Float32Array<ArrayBuffer> };
/** Where Nash's feature i sits in torch's order. */
type Order = (i: number) => number;

const identity: Order = (i) => i;

/** A vector (bias, γ, β, running mean and variance): the same in both. */
const same: Layout = (values, shape) => ({ shape, values: Float32Array.from(values) });

/** nn.Linear's weight [out, in] → a dense kernel [in, out]; `order` places Nash's inputs in torch's. */
const linear =
  (order: Order = identity): Layout =>
  (values, [outputs, inputs]) => {
    const out = new Float32Array(inputs * outputs);
    for (let i = 0; i < inputs; i++) {
      const t = order(i);
      for (let o = 0; o < outputs; o++) out[i * outputs + o] = values[o * inputs + t];
    }
    return { shape: [inputs, outputs], values: out };
  };

/** DCGAN G's projection, nn.Linear [7·7·2C, in] → a kernel [in, 7·7·2C] whose outputs are channels-last. */
const projection =
  (order: Order): Layout =>
  (values, [outputs, inputs]) => {
    const out = new Float32Array(inputs * outputs);
    for (let o = 0; o < outputs; o++) {
      const t = order(o);
      for (let i = 0; i < inputs; i++) out[i * outputs + o] = values[t * inputs + i];
    }
    return { shape: [inputs, outputs], values: out };
  };

/** A matrix [rows, features] whose columns are D's features (CGAN's V): the columns reordered. */
const columns =
  (order: Order): Layout =>
  (values, [rows, features]) => {
    const out = new Float32Array(rows * features);
    for (let r = 0; r < rows; r++)
      for (let f = 0; f < features; f++) out[r * features + f] = values[r * features + order(f)];
    return { shape: [rows, features], values: out };
  };

/** nn.Conv2d's weight [out, in, kH, kW] → tf.conv2d's filter [kH, kW, in, out]; both correlate, so no flip. */
const conv: Layout = (values, [outputs, inputs, height, width]) => {
  const out = new Float32Array(values.length);
  for (let o = 0; o < outputs; o++)
    for (let i = 0; i < inputs; i++)
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          out[((y * width + x) * inputs + i) * outputs + o] = values[((o * inputs + i) * height + y) * width + x];
  return { shape: [height, width, inputs, outputs], values: out };
};

/**
 * nn.ConvTranspose2d's weight [in, out, kH, kW] → tf.conv2dTranspose's filter [kH, kW, out, in]: both
 * are the gradient of the same correlation, so the axes move and nothing flips.
 */
const convTranspose: Layout = (values, [inputs, outputs, height, width]) => {
  const out = new Float32Array(values.length);
  for (let i = 0; i < inputs; i++)
    for (let o = 0; o < outputs; o++)
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          out[((y * width + x) * outputs + o) * inputs + i] = values[((i * outputs + o) * height + y) * width + x];
  return { shape: [height, width, outputs, inputs], values: out };
};

/** A DCGAN grid of `cells` positions: Nash's feature p·channels + c is torch's c·cells + p. */
const channelsFirst =
  (channels: number, cells: number): Order =>
  (i) =>
    (i % channels) * cells + Math.floor(i / channels);

/** One tensor of the file: its torch name and shape, where it goes in Nash, and how it converts. */
interface Entry {
  torch: string;
  nash: string;
  shape: number[];
  layout: Layout;
}

/** Numbers Nash's variables within each group in order, as trainer.variableGroups() lists them. */
function groups() {
  const counts = new Map<string, number>();
  return (group: string) => {
    const index = counts.get(group) ?? 0;
    counts.set(group, index + 1);
    return `${group}.${index}`;
  };
}

/**
 * Every tensor a configuration's networks have, in Nash's order: G (mlp.ts or dcgan.ts), D's own, its
 * conditioning's (CGAN's V and class head), InfoGAN's Q (info-head.ts). `classes` is CGAN's K (the file's V says it).
 */
function plan(config: RunConfig, classes: number): Entry[] {
  const next = groups();
  const entries: Entry[] = [];
  const add = (torch: string, group: string, shape: number[], layout: Layout) =>
    entries.push({ torch, nash: next(group), shape, layout });
  const { dimension } = DATASET_MODULES[config.dataset];
  const { conditioning, latentSize } = config;
  const codes = config.categories + config.continuousCodes;
  const generatorInput = latentSize + (conditioning === 'label' ? classes : conditioning === 'infoCodes' ? codes : 0);
  // A conditioned D wraps its Sequential as trunk (all but the last layer) and score (pytorchConditioning.ts).
  const trunk = conditioning === 'none' ? 'discriminator.' : 'discriminator.trunk.';
  const score = (index: number) => (conditioning === 'none' ? `discriminator.${index}.` : 'discriminator.score.');
  let features: number;
  let order: Order = identity;
  if (config.architecture === 'mlp') {
    // nn.Sequential(Linear, activation, …, Linear[, Tanh]): linear layer i at index 2i (pytorchParts.ts mlp).
    const stack = (
      prefix: string,
      last: string,
      group: string,
      input: number,
      layers: number,
      width: number,
      output: number,
    ) => {
      let inputs = input;
      for (let i = 0; i < layers; i++) {
        add(`${prefix}${2 * i}.weight`, group, [width, inputs], linear());
        add(`${prefix}${2 * i}.bias`, group, [width], same);
        inputs = width;
      }
      add(`${last}weight`, group, [output, inputs], linear());
      add(`${last}bias`, group, [output], same);
    };
    const { generatorLayers: gLayers, discriminatorLayers: dLayers } = config;
    stack(
      'generator.',
      `generator.${2 * gLayers}.`,
      'generator',
      generatorInput,
      gLayers,
      config.generatorWidth,
      dimension,
    );
    const discriminatorInput = dimension + (labelAtDiscriminatorInput(config) ? classes : 0);
    stack(trunk, score(2 * dLayers), 'discriminator', discriminatorInput, dLayers, config.discriminatorWidth, 1);
    features = config.discriminatorWidth;
  } else {
    const c = config.channels;
    const wide = 2 * c;
    const widest = 4 * c;
    const k = KERNEL_SIZE;
    const small = SMALL_KERNEL_SIZE;
    features = 16 * widest; // D's 4×4×4C
    order = channelsFirst(widest, 16);
    const batchNorm = (prefix: string, group: string, state: string, channels: number) => {
      add(`${prefix}weight`, group, [channels], same); // γ
      add(`${prefix}bias`, group, [channels], same); // β
      add(`${prefix}running_mean`, state, [channels], same);
      add(`${prefix}running_var`, state, [channels], same);
    };
    // G (pytorchParts.ts dcgan): 0 Linear, 1 Reshape, 2 BN, 3 ReLU, 4 Conv, 5 BN, 6 ReLU, 7 ConvT, 8 BN,
    // 9 ReLU, 10 ConvT, 11 Tanh, 12 Reshape.
    add('generator.0.weight', 'generator', [49 * wide, generatorInput], projection(channelsFirst(wide, 49)));
    batchNorm('generator.2.', 'generator', 'generatorState', wide);
    add('generator.4.weight', 'generator', [wide, wide, small, small], conv);
    batchNorm('generator.5.', 'generator', 'generatorState', wide);
    add('generator.7.weight', 'generator', [wide, c, k, k], convTranspose);
    batchNorm('generator.8.', 'generator', 'generatorState', c);
    add('generator.10.weight', 'generator', [c, 1, k, k], convTranspose);
    add('generator.10.bias', 'generator', [1], same);
    // D: 0 Reshape, 1 Conv, 2 LeakyReLU, then Conv, BN, LeakyReLU twice and the score at 10, or
    // (WGAN-GP, no BN) Conv with its bias, LeakyReLU twice and the score at 8.
    const normalised = criticBatchNorm(config);
    add(`${trunk}1.weight`, 'discriminator', [c, 1, k, k], conv);
    add(`${trunk}1.bias`, 'discriminator', [c], same);
    const step = normalised ? 3 : 2; // modules per strided layer after the first
    const layers: [number, number, number][] = [
      [c, wide, k],
      [wide, widest, small],
    ];
    layers.forEach(([inputs, outputs, size], i) => {
      const at = 3 + i * step;
      add(`${trunk}${at}.weight`, 'discriminator', [outputs, inputs, size, size], conv);
      if (normalised) batchNorm(`${trunk}${at + 1}.`, 'discriminator', 'discriminatorState', outputs);
      else add(`${trunk}${at}.bias`, 'discriminator', [outputs], same);
    });
    const last = score(3 + layers.length * step + 1);
    add(`${last}weight`, 'discriminator', [1, features], linear(order));
    add(`${last}bias`, 'discriminator', [1], same);
  }
  if (conditioning === 'label') {
    add('discriminator.embedding', 'discriminator', [classes, features], columns(order));
    if (labelClassifier(config)) {
      add('classifier.weight', 'discriminator', [classes, features], linear(order)); // AC-GAN's class head (label.ts)
      add('classifier.bias', 'discriminator', [classes], same);
    }
  }
  if (conditioning === 'infoCodes') {
    add('q_head.0.weight', 'discriminator', [Q_HIDDEN, features], linear(order));
    add('q_head.0.bias', 'discriminator', [Q_HIDDEN], same);
    add('q_head.2.weight', 'discriminator', [codes, Q_HIDDEN], linear());
    add('q_head.2.bias', 'discriminator', [codes], same);
  }
  return entries;
}

const refuse = (refusal: ImportRefusal): LoadedWeights => ({ ok: false, refusal });
const shapeText = (shape: readonly number[]) => shape.join('×');

/** Reads a weights file's text: every tensor present, of its shape, finite, and converted; or why not. */
export function decodeWeightsFile(text: string): LoadedWeights {
  // The run file's bounds (runFile.ts): its size, JSON, counts, at most MAX_TENSORS weights of rank 4 or less.
  const parsed = parseFileText(text);
  if (!parsed.ok) return parsed;
  const { raw } = parsed;
  if (!isRecord(raw) || raw.kind !== WEIGHTS_FILE_KIND)
    return refuse({ code: isRecord(raw) && raw.kind === RUN_FILE_KIND ? 'runFileGiven' : 'notWeightsFile' });
  if (raw.version !== WEIGHTS_FILE_VERSION)
    return refuse({ code: 'weightsVersion', value: quote(raw.version), reads: WEIGHTS_FILE_VERSION });
  const checked = validateConfig(raw.config);
  if (!checked.ok) return refuse({ code: 'settings', refusals: checked.refusals });
  const { config } = checked;
  if (!isCount(raw.iteration)) return refuse(notCount('iteration', raw.iteration));
  const tensors = readBase64Tensors(raw.tensors);
  if (!Array.isArray(tensors)) return refuse(tensors);
  const given = new Map<string, SavedTensor>();
  for (const tensor of tensors) {
    if (given.has(tensor.name)) return refuse({ code: 'unexpectedWeight', name: quote(tensor.name) });
    given.set(tensor.name, tensor);
  }
  const embedding = given.get('discriminator.embedding');
  if (config.conditioning === 'label' && !embedding)
    return refuse({ code: 'missingWeight', name: quote('discriminator.embedding') });
  const converted: SavedTensor[] = [];
  for (const entry of plan(config, embedding?.shape[0] ?? 0)) {
    const tensor = given.get(entry.torch);
    const name = quote(entry.torch);
    if (!tensor) return refuse({ code: 'missingWeight', name });
    if (shapeText(tensor.shape) !== shapeText(entry.shape))
      return refuse({ code: 'weightShape', name, shape: shapeText(tensor.shape), expected: shapeText(entry.shape) });
    if (!tensor.values.every(Number.isFinite)) return refuse({ code: 'notFiniteWeight', name });
    converted.push({ name: entry.nash, ...entry.layout(tensor.values, tensor.shape) });
    given.delete(entry.torch);
  }
  const [extra] = given.keys();
  if (extra !== undefined) return refuse({ code: 'unexpectedWeight', name: quote(extra) });
  return { ok: true, weights: { config, iteration: raw.iteration, tensors: converted } };
}

/**
 * The first setting that builds the model (not live, not the seed, read by the run's settings:
 * isUsed) and differs between the file and the run; or the critic's batch norm, which the objective
 * decides (config.ts criticBatchNorm). Undefined when the file's networks are the run's.
 */
export function modelDifference(file: RunConfig, run: RunConfig): WeightsRefusal | undefined {
  const differs = (field: FieldName): WeightsRefusal => ({
    code: 'modelDiffers',
    field,
    file: String(file[field]),
    run: String(run[field]),
  });
  for (const field of FIELD_NAMES) {
    if (CONFIG_SCHEMA[field].live || field === 'seed' || !isUsed(field, run)) continue;
    if (file[field] !== run[field]) return differs(field);
  }
  if (criticBatchNorm(file) !== criticBatchNorm(run)) return differs('objective');
  return undefined;
}

/** serialize.ts's groups of optimiser state: a loaded network starts them afresh (zeros, step 0). */
const OPTIMIZER_GROUPS: ReadonlySet<string> = new Set(['generatorSlots', 'discriminatorSlots']);

/**
 * The current run (client.exportRun()) with the file's networks in it: the run's settings, the
 * file's weights and iteration, fresh optimiser state. Refused, with nothing changed, when the
 * models differ or a tensor does not fit the run's.
 */
export function weightsIntoRun(
  weights: PyTorchWeights,
  run: SerializedRun,
): { ok: true; run: SerializedRun } | { ok: false; refusal: WeightsRefusal } {
  const differs = modelDifference(weights.config, run.config);
  if (differs) return { ok: false, refusal: differs };
  const given = new Map(weights.tensors.map((tensor) => [tensor.name, tensor]));
  const tensors: SavedTensor[] = [];
  for (const tensor of run.tensors) {
    if (OPTIMIZER_GROUPS.has(tensor.name.split('.')[0])) {
      tensors.push({ ...tensor, values: new Float32Array(tensor.values.length) });
      continue;
    }
    const imported = given.get(tensor.name);
    if (!imported) return { ok: false, refusal: { code: 'missingWeight', name: quote(tensor.name) } };
    if (shapeText(imported.shape) !== shapeText(tensor.shape))
      return {
        ok: false,
        refusal: {
          code: 'weightShape',
          name: quote(tensor.name),
          shape: shapeText(imported.shape),
          expected: shapeText(tensor.shape),
        },
      };
    tensors.push(imported);
    given.delete(tensor.name);
  }
  const [extra] = given.keys();
  if (extra !== undefined) return { ok: false, refusal: { code: 'unexpectedWeight', name: quote(extra) } };
  return {
    ok: true,
    run: { ...run, iteration: weights.iteration, optimizerSteps: { generator: 0, discriminator: 0 }, tensors },
  };
}
