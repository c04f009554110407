/**
 * A kernel density estimate of G's samples: p_g(x) ≈ (1/n) Σ_i N(x; y_i, h²·I), the y_i the fakes.
 * Plain loops; the grid version is separable, and each kernel is summed only within its reach
 * (KERNEL_REACH), so a 64 × 64 grid from 512 samples costs a few thousand exponentials, not 2 million.
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

/**
 * How far a kernel reaches, in bandwidths: beyond 8.5 h it is below e^(−36) ≈ 2e−16 of its peak.
 * Leaving it out changes the estimate by less than 1e−6 of itself wherever the estimate is at least
 * 1e−6 of its peak (tested); further out only far tails remain, where the D* layer is not drawn
 * (theory.ts MIN_CELL_COUNT) and a JS sample's term is log 2 either way. On the plane's grid it
 * makes the estimate about ten times cheaper.
 */
export const KERNEL_REACH = 8.5;

/** The estimate at each query point ([m × 2]), from `samples` ([n × 2]) with bandwidth h: [m]. */
export function kdeAt(samples: ArrayLike<number>, h: number, queries: ArrayLike<number>): Float64Array {
  const n = samples.length / 2;
  const m = queries.length / 2;
  const xs = Float64Array.from({ length: n }, (_, i) => samples[2 * i]);
  const ys = Float64Array.from({ length: n }, (_, i) => samples[2 * i + 1]);
  const out = new Float64Array(m);
  const a = -1 / (2 * h * h);
  const reach = (KERNEL_REACH * h) ** 2;
  const norm = 1 / (n * 2 * Math.PI * h * h);
  for (let j = 0; j < m; j++) {
    const qx = queries[2 * j];
    const qy = queries[2 * j + 1];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const dx = qx - xs[i];
      const dy = qy - ys[i];
      const d2 = dx * dx + dy * dy;
      if (d2 < reach) sum += Math.exp(a * d2);
    }
    out[j] = sum * norm;
  }
  return out;
}

/**
 * The estimate on the cell centres of plane.ts's gridPoints(radius, resolution) (row 0 at y = +radius):
 * [resolution²]. The kernel factors, N(x; y_i, h²) = k(x₁ − y_i1) · k(x₂ − y_i2), and the grid is a
 * product of its columns and rows, so each sample adds k(row) · k(col) over the cells within its
 * reach (KERNEL_REACH): 2 · reach / cell exponentials per axis and a block of products.
 */
export function kdeOnGrid(samples: ArrayLike<number>, h: number, radius: number, resolution: number): Float64Array {
  const n = samples.length / 2;
  const cell = (2 * radius) / resolution;
  const a = -1 / (2 * h * h);
  const reach = KERNEL_REACH * h;
  const out = new Float64Array(resolution * resolution);
  const kx = new Float64Array(resolution);
  const ky = new Float64Array(resolution);
  // Column c's centre is −radius + (c + ½)·cell; row r's is radius − (r + ½)·cell.
  const first = (at: number) => Math.max(0, Math.ceil((at - reach) / cell - 0.5));
  const last = (at: number) => Math.min(resolution - 1, Math.floor((at + reach) / cell - 0.5));
  for (let i = 0; i < n; i++) {
    const x = samples[2 * i];
    const y = samples[2 * i + 1];
    const c0 = first(x + radius);
    const c1 = last(x + radius);
    const r0 = first(radius - y);
    const r1 = last(radius - y);
    if (c0 > c1 || r0 > r1) continue;
    for (let c = c0; c <= c1; c++) {
      const dx = -radius + (c + 0.5) * cell - x;
      kx[c] = Math.exp(a * dx * dx);
    }
    for (let r = r0; r <= r1; r++) {
      const dy = radius - (r + 0.5) * cell - y;
      ky[r] = Math.exp(a * dy * dy);
    }
    for (let r = r0; r <= r1; r++) {
      const wy = ky[r];
      const line = r * resolution;
      for (let c = c0; c <= c1; c++) out[line + c] += wy * kx[c];
    }
  }
  const norm = 1 / (n * 2 * Math.PI * h * h);
  for (let k = 0; k < out.length; k++) out[k] *= norm;
  return out;
}
