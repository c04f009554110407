/**
 * The latent-space explorer's side of the worker (src/features/latent): each query is answered with
 * G's outputs in inference mode, computed between training chunks. Nothing here draws from the
 * trainer's random streams or touches its weights, so exploring never changes what training does.
 */
import { interpolate, type InterpolationMethod, interpolationPath, meanLatent, weightedSum } from '../gan/latent.ts';
import { MNIST_PIXELS, type MnistDigits, writeSignedDigit } from '../gan/data/mnist.ts';
import type { Trainer } from '../gan/trainer.ts';
import { errorText } from './problem.ts';

type Floats = Float32Array<ArrayBuffer>;

/** What every sample of a query is generated under: a label (CGAN) or the codes (InfoGAN). */
export interface LatentCondition {
  /** CGAN's label, or InfoGAN's categorical code value, in 0..K−1. */
  label?: number;
  /** InfoGAN's continuous codes, one value each. */
  continuous?: number[];
}

export type LatentQuery =
  /** G on n latents [n × latentSize], each with its own condition (rows of a label sweep or a code row). */
  | { kind: 'decode'; latent: Floats; conditions: LatentCondition[] }
  /** A strip of `steps` samples from `from` to `to`, then one more at t = `at` (the slider). */
  | {
      kind: 'interpolate';
      from: Floats;
      to: Floats;
      method: InterpolationMethod;
      steps: number;
      at: number;
      condition: LatentCondition;
    }
  /** Slots A, B, C (each the mean of its latents) and Σ wᵢ·slotᵢ. */
  | {
      kind: 'arithmetic';
      slots: [Floats[], Floats[], Floats[]];
      weights: [number, number, number];
      condition: LatentCondition;
    }
  /** The training images nearest to `image` (one generated sample) in Euclidean distance. */
  | { kind: 'neighbours'; image: Floats; count: number };

export interface LatentAnswer {
  kind: LatentQuery['kind'];
  /** The iteration of the weights that made the answer. */
  iteration: number;
  count: number;
  /** Values per sample: 2 for points, height·width·channels for images. */
  dimension: number;
  imageShape?: [number, number, number];
  /**
   * [count × dimension]. interpolate: the strip's steps, then the slider's sample. arithmetic: Ā, B̄,
   * C̄, wA·Ā + wB·B̄ (the arrow's midpoint), then the result. neighbours: the nearest images, closest first.
   */
  values: Floats;
  /** neighbours: each image's label and distance to the query. */
  labels?: number[];
  distances?: number[];
  /** K: the labels (CGAN) or categorical code values (InfoGAN) the model takes; 0 unconditioned. */
  conditionValues: number;
  /** Time the worker spent on the query. */
  milliseconds: number;
}

/**
 * Why a query was not answered, for the page to word (src/i18n/latent.ts). The page builds every
 * query, so a malformed one is a bug of the page's, named by the part that is wrong.
 */
export type LatentProblem =
  /** `latent`: not whole latent vectors of the run's size; `conditions`: not one per latent; `label`: outside 0..K−1; `image`: not an MNIST image. */
  | { code: 'badQuery'; field: 'latent' | 'conditions' | 'label' | 'image' }
  /** Nearest neighbours on a run whose training images this worker cannot load. */
  | { code: 'noTrainingImages' }
  /** Anything else, with tfjs's or the browser's own text. */
  | { code: 'failed'; detail: string };

class LatentProblemError extends Error {
  constructor(readonly problem: LatentProblem) {
    super(`latent: ${JSON.stringify(problem)}`);
  }
}

const badQuery = (field: Extract<LatentProblem, { code: 'badQuery' }>['field']) =>
  new LatentProblemError({ code: 'badQuery', field });

/** The buffers a query carries, to transfer rather than copy. */
export function queryBuffers(query: LatentQuery): ArrayBuffer[] {
  switch (query.kind) {
    case 'decode':
      return [query.latent.buffer];
    case 'interpolate':
      return [query.from.buffer, query.to.buffer];
    case 'arithmetic':
      return query.slots.flat().map((z) => z.buffer);
    case 'neighbours':
      return [query.image.buffer];
  }
}

/** The most neighbours one query may ask for: a row of them is what the page shows. */
const MAX_NEIGHBOURS = 16;

/** Where the explorer finds the training split (MNIST), if the run has one. */
export type TrainingImages = () => Promise<MnistDigits | undefined>;

/** What the worker says to one query: the answer, or why there is none (protocol.ts sends it as a `latentAnswer` event). */
export interface LatentReply {
  answer?: LatentAnswer;
  error?: LatentProblem;
}

/** The answer to one query; a query that cannot be answered says why instead of stopping the run. */
export async function answerLatent(
  query: LatentQuery,
  trainer: Trainer,
  trainingImages: TrainingImages,
): Promise<LatentReply> {
  try {
    return { answer: await answer(query, trainer, trainingImages) };
  } catch (error) {
    return {
      error: error instanceof LatentProblemError ? error.problem : { code: 'failed', detail: errorText(error) },
    };
  }
}

async function answer(query: LatentQuery, trainer: Trainer, trainingImages: TrainingImages): Promise<LatentAnswer> {
  const start = performance.now();
  const { dimension, imageShape } = trainer.dataset;
  const size = trainer.config.latentSize;
  const base = {
    kind: query.kind,
    iteration: trainer.iteration,
    dimension,
    imageShape,
    conditionValues: trainer.conditioning.values,
  };
  const done = (values: Float32Array, extra: Partial<LatentAnswer> = {}): LatentAnswer => ({
    ...base,
    count: values.length / dimension,
    values: values.slice(),
    ...extra,
    milliseconds: performance.now() - start,
  });
  switch (query.kind) {
    case 'decode': {
      const n = checkedRows(query.latent, size);
      if (query.conditions.length !== n) throw badQuery('conditions');
      return done(await generate(trainer, query.latent, query.conditions));
    }
    case 'interpolate': {
      checkedRows(query.from, size, 1);
      checkedRows(query.to, size, 1);
      const strip = interpolationPath(query.method, query.from, query.to, query.steps);
      const latent = new Float32Array(strip.length + size);
      latent.set(strip);
      latent.set(interpolate(query.method, query.from, query.to, Math.min(1, Math.max(0, query.at))), strip.length);
      return done(await generate(trainer, latent, new Array<LatentCondition>(query.steps + 1).fill(query.condition)));
    }
    case 'arithmetic': {
      const means = query.slots.map((slot) => {
        slot.forEach((z) => checkedRows(z, size, 1));
        return meanLatent(slot);
      });
      const [a, b] = means;
      const rows = [...means, weightedSum([a, b], query.weights.slice(0, 2)), weightedSum(means, query.weights)];
      const latent = new Float32Array(rows.length * size);
      rows.forEach((z, i) => latent.set(z, i * size));
      return done(await generate(trainer, latent, new Array<LatentCondition>(rows.length).fill(query.condition)));
    }
    case 'neighbours': {
      const digits = await trainingImages();
      if (!digits) throw new LatentProblemError({ code: 'noTrainingImages' });
      if (query.image.length !== MNIST_PIXELS) throw badQuery('image');
      const nearest = nearestDigits(
        digits,
        query.image,
        Math.min(MAX_NEIGHBOURS, Math.max(1, Math.floor(query.count))),
      );
      const values = new Float32Array(nearest.length * MNIST_PIXELS);
      nearest.forEach(({ index }, row) => writeSignedDigit(digits, index, values, row));
      return done(values, {
        labels: nearest.map(({ index }) => digits.labels[index]),
        distances: nearest.map((n) => n.distance),
      });
    }
  }
}

function checkedRows(latent: Float32Array, size: number, expected?: number): number {
  const n = latent.length / size;
  if (!Number.isInteger(n) || n < 1 || (expected !== undefined && n !== expected)) throw badQuery('latent');
  return n;
}

/** G on the latents, each row under its condition, filled into the arrays the trainer's conditioning reads. */
function generate(
  trainer: Trainer,
  latent: Float32Array,
  conditions: readonly LatentCondition[],
): Promise<Float32Array> {
  const { conditioning, config } = trainer;
  if (conditioning.id === 'none') return trainer.generate(latent);
  const n = conditions.length;
  // Checked before Int32Array truncates 2.5 to 2, and so the page hears which part was wrong.
  const isLabel = (label = 0) => Number.isInteger(label) && label >= 0 && label < conditioning.values;
  if (!conditions.every((c) => isLabel(c.label))) throw badQuery('label');
  const labels = Int32Array.from(conditions, (c) => c.label ?? 0);
  if (conditioning.id === 'label') return trainer.generate(latent, { labels });
  const codes = config.continuousCodes;
  const continuous = new Float32Array(n * codes);
  conditions.forEach((c, i) => {
    for (let j = 0; j < codes; j++) continuous[i * codes + j] = c.continuous?.[j] ?? 0;
  });
  return trainer.generate(latent, { labels, continuous });
}

/** Maps a signed pixel in [−1, 1] back to the byte scale the training split is stored in. */
const toByte = (value: number) => (value + 1) * 127.5;

/**
 * The `count` training digits nearest to `image`, by squared distance on the byte scale. A plain
 * scan: 9,000 digits × 784 pixels is ~7 M multiply-adds, a few milliseconds. Each digit's sum stops
 * early once it passes the current k-th best, which skips most of the work for a well-formed digit.
 */
export function nearestDigits(
  digits: MnistDigits,
  image: Float32Array,
  count: number,
): { index: number; distance: number }[] {
  const query = Float32Array.from(image, toByte);
  const best: { index: number; squared: number }[] = [];
  let bound = Infinity;
  for (let index = 0; index < digits.count; index++) {
    const offset = index * MNIST_PIXELS;
    let squared = 0;
    for (let j = 0; j < MNIST_PIXELS && squared < bound; j++) {
      const d = digits.pixels[offset + j] - query[j];
      squared += d * d;
    }
    if (squared >= bound) continue;
    best.push({ index, squared });
    best.sort((x, y) => x.squared - y.squared);
    if (best.length > count) best.pop();
    if (best.length === count) bound = best[count - 1].squared;
  }
  // Reported on the signed scale the images are shown on, so 0 means an exact copy of a training digit.
  return best.map(({ index, squared }) => ({ index, distance: Math.sqrt(squared) / 127.5 }));
}
