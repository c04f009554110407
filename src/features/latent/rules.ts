/**
 * Two rules of the latent explorer, pure so that the unit tests and the models benchmark
 * (scripts/bench/models.ts) read the same ones as the page:
 * - when a model is too young for its latent space to mean anything (youngModel), and
 * - the arithmetic's worked examples, "thicker strokes" and "leaning right" (attributeExample): the
 *   direction of a property in G's latent space found from the explorer's own grid, added to the
 *   selected sample.
 */
import type { DatasetId } from '../../gan/config.ts';
import type { Latent } from '../../gan/latent.ts';

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

/** Latents averaged into each slot of an example: enough that the digits' shapes average out. */
export const EXAMPLE_SLOT_SIZE = 4;
/**
 * An example's weights: ½(A − B) + C. The whole difference of the grid's extremes also carries what
 * is left of their shapes: on the MLP model (score 7.1, 20 grids × 16, npm run bench -- models) the
 * classifier kept C's digit in 42% of "leaning right" results at weight 1, 65% at ½, 75% at 0.3,
 * while 97%, 95% and 96% leaned further right than C; ½ keeps the tilt visible.
 */
export const EXAMPLE_WEIGHTS: [number, number, number] = [0.5, -0.5, 1];

/**
 * A worked example of latent arithmetic on the explorer's grid: A holds the EXAMPLE_SLOT_SIZE
 * latents whose digits measure highest (most ink, most right-leaning), B the lowest, C the selected
 * latent. A − B is then the direction of that property (averaged over several digits, so that their
 * shapes partly cancel), and A − B + C the selected digit with more of it: the transfer Radford et
 * al. show with averaged exemplars (DCGAN §6.3). Needs a grid of at least twice the slot size.
 */
export function attributeExample(
  example: ExampleId,
  latents: readonly Latent[],
  images: readonly Float32Array[],
  selected: Latent,
): [Latent[], Latent[], Latent[]] {
  if (latents.length !== images.length || latents.length < 2 * EXAMPLE_SLOT_SIZE)
    throw new Error(`attributeExample: needs ${2 * EXAMPLE_SLOT_SIZE} latents, each with its image`);
  const measure = EXAMPLES[example];
  const order = images.map((image, i) => ({ i, value: measure(image) })).sort((a, b) => b.value - a.value || a.i - b.i);
  const pick = (rows: typeof order) => rows.map(({ i }) => latents[i].slice());
  return [pick(order.slice(0, EXAMPLE_SLOT_SIZE)), pick(order.slice(-EXAMPLE_SLOT_SIZE)), [selected.slice()]];
}
