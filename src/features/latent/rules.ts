/**
 * Two rules of the latent explorer, pure so that the unit tests and the models benchmark
 * (scripts/bench/models.ts) read the same ones as the page:
 * - when a model is too young for its latent space to mean anything (youngModel), and
 * - the arithmetic's worked example, "thicker strokes" (thicknessExample): the thickness direction
 *   of G's latent space found from the explorer's own grid, added to the selected sample.
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

/** Latents averaged into each slot of the example: enough that the digits' shapes average out. */
export const EXAMPLE_SLOT_SIZE = 4;

/**
 * The "thicker strokes" example on the explorer's grid: A holds the EXAMPLE_SLOT_SIZE latents whose
 * digits carry the most ink, B the ones with the least, C the selected latent. A − B is then the
 * direction from thin to thick strokes (averaged over several digits, so that their shapes mostly
 * cancel), and A − B + C the selected digit drawn thicker: the transfer Radford et al. show with
 * averaged exemplars (DCGAN §6.3). Needs a grid of at least twice the slot size.
 */
export function thicknessExample(
  latents: readonly Latent[],
  images: readonly Float32Array[],
  selected: Latent,
): [Latent[], Latent[], Latent[]] {
  if (latents.length !== images.length || latents.length < 2 * EXAMPLE_SLOT_SIZE)
    throw new Error(`thicknessExample: needs ${2 * EXAMPLE_SLOT_SIZE} latents, each with its image`);
  const order = images.map((image, i) => ({ i, ink: ink(image) })).sort((a, b) => b.ink - a.ink || a.i - b.i);
  const pick = (rows: typeof order) => rows.map(({ i }) => latents[i].slice());
  return [pick(order.slice(0, EXAMPLE_SLOT_SIZE)), pick(order.slice(-EXAMPLE_SLOT_SIZE)), [selected.slice()]];
}
