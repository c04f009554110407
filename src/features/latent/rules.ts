/**
 * Two rules of the latent explorer, pure so that the unit tests and the models benchmark
 * (scripts/bench/models.ts) read the same ones as the page:
 * - when a model is too young for its latent space to mean anything (youngModel), and
 * - the arithmetic's worked examples, "thicker strokes" and "leaning right" (attributeExample): the
 *   direction of a property in G's latent space found from a seeded pool of latents drawn with the
 *   explorer's grid (examplePool), added to the selected sample.
 */
import type { DatasetId, NoiseId } from '../../gan/config.ts';
import { type Latent, seededLatents } from '../../gan/latent.ts';

/**
 * Below this many iterations no model's latent space has settled: a 2D GAN is still finding the data
 * (the ring's default covers its 8 modes by ~2,000), an MNIST GAN still draws blobs (issue 17:
 * strokes after ~3,000 iterations of the MLP).
 */
export const YOUNG_ITERATIONS = 1000;
/**
 * On MNIST, the digit classifier's score (1–10) under which G's digits are mostly unreadable: issue
 * 17 counts a model that shows digits in class time from a score of 5; the trained starts reach ≥ 8.
 */
export const YOUNG_SCORE = 5;

export type Youth = { reason: 'iterations'; iteration: number } | { reason: 'score'; score: number };

/**
 * Why the explorer should not be trusted yet, or undefined: too few iterations, or on MNIST a
 * classifier score below YOUNG_SCORE (when one has been measured for this run).
 */
export function youngModel(iteration: number, dataset: DatasetId, classifierScore?: number): Youth | undefined {
  if (iteration < YOUNG_ITERATIONS) return { reason: 'iterations', iteration };
  if (dataset === 'mnist' && classifierScore !== undefined && classifierScore < YOUNG_SCORE)
    return { reason: 'score', score: classifierScore };
  return undefined;
}

/** A digit's ink: the mean brightness of an image in [−1, 1], as a fraction 0–1. */
export function ink(image: Float32Array): number {
  let sum = 0;
  for (const v of image) sum += (v + 1) / 2;
  return image.length ? sum / image.length : 0;
}

/**
 * A digit's slant: the shear of its ink, Σ w·(x − x̄)(y − ȳ) / Σ w·(y − ȳ)² with w a pixel's
 * brightness (0–1), x to the right and y upwards: > 0 leans right (/), < 0 left (\), 0 upright
 * (the moment that deskewing MNIST undoes).
 */
export function slant(image: Float32Array, width = 28): number {
  let total = 0;
  let mx = 0;
  let my = 0;
  image.forEach((v, p) => {
    const w = (v + 1) / 2;
    total += w;
    mx += w * (p % width);
    my -= w * Math.floor(p / width);
  });
  if (total === 0) return 0;
  mx /= total;
  my /= total;
  let cov = 0;
  let vary = 0;
  image.forEach((v, p) => {
    const w = (v + 1) / 2;
    const dy = -Math.floor(p / width) - my;
    cov += w * ((p % width) - mx) * dy;
    vary += w * dy * dy;
  });
  return vary ? cov / vary : 0;
}

/** The explorer's worked examples: what each measures on a digit, and which way the result should move. */
export const EXAMPLES = { thicker: ink, rightward: slant } as const;
export type ExampleId = keyof typeof EXAMPLES;

/**
 * Latents drawn for the worked examples: the grid's 16 and more drawn with them off screen, so that
 * any selected digit has many look-alikes to choose A and B from. With A and B the grid's own 4
 * extremes, "thicker strokes" thickened 94% of the MLP's digits at 20,000 iterations and 88% at
 * 30,000 (npm run bench -- models, draws 1–20, C each of the grid's 16); from a pool of 256 by ink
 * alone 97% and 98%, but the classifier kept C's digit in only 43–45%; from this pool and rule 99%
 * and 98% with 72–74% kept (draws 101–130, not tuned on: 98%, 76%). G decodes it in ~0.2 s (MLP) to
 * ~0.5 s (DCGAN) on Node wasm.
 */
export const EXAMPLE_POOL = 1024;
/**
 * The pool's digits nearest the selected one, pixel by pixel, that A and B are chosen among: mostly
 * the same digit, so that A − B is thick minus thin (or right- minus left-leaning) of that digit and
 * not 0s and 8s minus 1s, which changed what the result read as.
 */
export const EXAMPLE_NEIGHBOURS = 128;
/** Latents averaged into each of slots A and B: enough that the digits' own shapes average out. */
export const EXAMPLE_SLOT_SIZE = 16;
/**
 * An example's weights: ½(A − B) + C. The whole difference also carries what is left of A's and B's
 * shapes: at ¾ the classifier kept C's digit in 65% of the 30,000-iteration MLP's thicker results
 * (74% at ½) for 98.4% thicker either way.
 */
export const EXAMPLE_WEIGHTS: [number, number, number] = [0.5, -0.5, 1];

/**
 * The pool of a draw of the explorer's latents, [EXAMPLE_POOL × size]: the same seeded stream as the
 * grid (gan/latent.ts seededLatents), so its first rows are the grid's own latents.
 */
export function examplePool(seed: number, draw: number, size: number, noise: NoiseId): Latent {
  return seededLatents(seed, draw, EXAMPLE_POOL, size, noise);
}

const squaredDistance = (a: Float32Array, b: Float32Array) => {
  let sum = 0;
  for (let p = 0; p < a.length; p++) sum += (a[p] - b[p]) ** 2;
  return sum;
};

/**
 * A worked example of latent arithmetic on a pool of latents and their images, C the pool's latent
 * `selected`: among the EXAMPLE_NEIGHBOURS images nearest C's, A holds the EXAMPLE_SLOT_SIZE latents
 * whose digits measure highest (most ink, most right-leaning), B the lowest. A − B is then the
 * direction of that property for digits like C (averaged, so that their own shapes cancel), and
 * A − B + C the selected digit with more of it: the transfer Radford et al. show with averaged
 * exemplars (DCGAN §6.3). Ties go to the earlier latent, so the pick is the same on every machine.
 */
export function attributeExample(
  example: ExampleId,
  latents: readonly Latent[],
  images: readonly Float32Array[],
  selected: number,
): [Latent[], Latent[], Latent[]] {
  if (latents.length !== images.length || latents.length < EXAMPLE_NEIGHBOURS)
    throw new Error(`attributeExample: needs ${EXAMPLE_NEIGHBOURS} latents, each with its image`);
  if (!(selected >= 0 && selected < latents.length)) throw new Error(`attributeExample: no latent ${selected}`);
  const measure = EXAMPLES[example];
  const near = images
    .map((image, i) => ({ i, distance: squaredDistance(image, images[selected]) }))
    .sort((a, b) => a.distance - b.distance || a.i - b.i)
    .slice(0, EXAMPLE_NEIGHBOURS);
  const order = near.map(({ i }) => ({ i, value: measure(images[i]) })).sort((a, b) => b.value - a.value || a.i - b.i);
  const pick = (rows: typeof order) => rows.map(({ i }) => latents[i].slice());
  return [pick(order.slice(0, EXAMPLE_SLOT_SIZE)), pick(order.slice(-EXAMPLE_SLOT_SIZE)), [latents[selected].slice()]];
}
