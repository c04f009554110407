/**
 * Sample diversity on a fixed batch: the root-mean-square distance of the samples to their centroid
 * (any dimension: 2D points or flattened images). Mode collapse shrinks it, since a collapsed
 * generator maps every noise vector to nearly the same output.
 */
export function spread(samples: ArrayLike<number>, dimension: number): number {
  const n = Math.floor(samples.length / dimension);
  if (n < 2) return 0;
  const centroid = new Float64Array(dimension);
  for (let i = 0; i < n; i++) for (let j = 0; j < dimension; j++) centroid[j] += samples[i * dimension + j] / n;
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < dimension; j++) total += (samples[i * dimension + j] - centroid[j]) ** 2;
  return Math.sqrt(total / n);
}

/** Generated spread over real spread; 0 when the real samples do not spread at all. */
export function diversityRatio(fake: ArrayLike<number>, real: ArrayLike<number>, dimension: number): number {
  const reference = spread(real, dimension);
  return reference > 0 ? spread(fake, dimension) / reference : 0;
}
