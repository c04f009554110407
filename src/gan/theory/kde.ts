/**
 * A kernel density estimate of G's samples: p_g(x) ≈ (1/n) Σ_i N(x; y_i, h²·I), the y_i the fakes.
 * Plain loops over Float32Arrays; the grid version is separable, so a 64 × 64 grid from 512 samples
 * costs 512 · 128 exponentials and a 64 × 512 × 64 product instead of 2 million exponentials.
 */

/**
 * The smallest bandwidth used: a guard, not a choice. When every fake sits on one point (total
 * collapse) the rule below gives h = 0 and the estimate would be a sum of spikes.
 */
export const MIN_BANDWIDTH = 1e-3;

/**
 * Scott's rule for a Gaussian kernel in d = 2 dimensions, h = n^(−1/(d+4)) · s = n^(−1/6) · s
 * (Scott 1992, §6.3; in 2D it coincides with Silverman's rule), with s the root mean of the two
 * axes' variances, so the kernel is isotropic: the data's density seen through it keeps its closed
 * form (densities.ts).
 */
export function scottBandwidth(points: ArrayLike<number>): number {
  const n = points.length / 2;
  if (n < 2) return MIN_BANDWIDTH;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += points[2 * i];
    my += points[2 * i + 1];
  }
  mx /= n;
  my /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (points[2 * i] - mx) ** 2 + (points[2 * i + 1] - my) ** 2;
  const s = Math.sqrt(v / (2 * (n - 1)));
  return Math.max(MIN_BANDWIDTH, s * n ** (-1 / 6));
}

/** Candidate bandwidths tried by crossValidatedBandwidth, spaced by this factor. */
const CANDIDATE_STEP = 1.25;

/**
 * The bandwidth in [low, high] that maximises the leave-one-out log-likelihood of `points` ([n × 2])
 * under their own estimate, (1/n) Σ_j log( (1/(n−1)) Σ_{i≠j} N(x_j; x_i, h²·I) ) (likelihood
 * cross-validation, Silverman 1986 §3.4.4), over candidates low·1.25^k. Unlike Scott's rule, which
 * assumes one Gaussian, it follows the data's own scale: about the modes' σ on the ring, not the
 * ring's radius. At most `high`; `low` where even that is too wide.
 */
export function crossValidatedBandwidth(points: ArrayLike<number>, low: number, high: number): number {
  const n = points.length / 2;
  if (n < 2 || !(high > low)) return Math.max(low, MIN_BANDWIDTH);
  const squared = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const dx = points[2 * i] - points[2 * j];
      const dy = points[2 * i + 1] - points[2 * j + 1];
      squared[i * n + j] = squared[j * n + i] = dx * dx + dy * dy;
    }
  let best = low;
  let bestScore = -Infinity;
  for (let h = low; h <= high * (1 + 1e-9); h *= CANDIDATE_STEP) {
    const a = -1 / (2 * h * h);
    let score = 0;
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) if (i !== j) sum += Math.exp(a * squared[j * n + i]);
      score += Math.log(sum / ((n - 1) * 2 * Math.PI * h * h) || Number.MIN_VALUE);
    }
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return best;
}

/** The estimate at each query point ([m × 2]), from `samples` ([n × 2]) with bandwidth h: [m]. */
export function kdeAt(samples: ArrayLike<number>, h: number, queries: ArrayLike<number>): Float64Array {
  const n = samples.length / 2;
  const m = queries.length / 2;
  const xs = Float64Array.from({ length: n }, (_, i) => samples[2 * i]);
  const ys = Float64Array.from({ length: n }, (_, i) => samples[2 * i + 1]);
  const out = new Float64Array(m);
  const a = -1 / (2 * h * h);
  const norm = 1 / (n * 2 * Math.PI * h * h);
  for (let j = 0; j < m; j++) {
    const qx = queries[2 * j];
    const qy = queries[2 * j + 1];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const dx = qx - xs[i];
      const dy = qy - ys[i];
      sum += Math.exp(a * (dx * dx + dy * dy));
    }
    out[j] = sum * norm;
  }
  return out;
}

/**
 * The estimate on the cell centres of plane.ts's gridPoints(radius, resolution) (row 0 at y = +radius):
 * [resolution²]. The kernel factors, N(x; y_i, h²) = k(x₁ − y_i1) · k(x₂ − y_i2), and the grid is a
 * product of its columns and rows, so p(row, col) = Σ_i ky[i][row] · kx[i][col].
 */
export function kdeOnGrid(samples: ArrayLike<number>, h: number, radius: number, resolution: number): Float64Array {
  const n = samples.length / 2;
  const cell = (2 * radius) / resolution;
  const a = -1 / (2 * h * h);
  // Stored per grid line, each a contiguous run over the samples: every cell is then one dot product.
  const kx = new Float64Array(resolution * n); // kx[col][i]
  const ky = new Float64Array(resolution * n); // ky[row][i]
  for (let k = 0; k < resolution; k++) {
    const x = -radius + (k + 0.5) * cell;
    const y = radius - (k + 0.5) * cell;
    for (let i = 0; i < n; i++) {
      const dx = x - samples[2 * i];
      const dy = y - samples[2 * i + 1];
      kx[k * n + i] = Math.exp(a * dx * dx);
      ky[k * n + i] = Math.exp(a * dy * dy);
    }
  }
  const out = new Float64Array(resolution * resolution);
  const norm = 1 / (n * 2 * Math.PI * h * h);
  for (let row = 0; row < resolution; row++) {
    const r = row * n;
    for (let col = 0; col < resolution; col++) {
      const c = col * n;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += ky[r + i] * kx[c + i];
      out[row * resolution + col] = sum * norm;
    }
  }
  return out;
}
