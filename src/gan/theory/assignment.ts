/**
 * The transport view's optimal assignment: n real points matched one to one with n fakes at the
 * least total distance. With equal weights 1/n the optimal coupling of two empirical distributions
 * is a permutation (Birkhoff–von Neumann), so the mean cost of this matching is exactly W₁ between
 * the two point sets: the primal side of what a WGAN critic estimates through its dual.
 */

/**
 * The Hungarian algorithm with potentials (Kuhn 1955, Munkres 1957; the O(n³) form of Jonker–Volgenant
 * style shortest augmenting paths). `cost` is [n × n] row-major; returns, for each row, its column.
 */
export function optimalAssignment(cost: ArrayLike<number>, n: number): Int32Array {
  // 1-based, with row/column 0 as the sentinel the augmenting path starts from.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // rowOf[j]: the row matched to column j, 0 = none
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOf = new Int32Array(n);
  for (let j = 1; j <= n; j++) columnOf[rowOf[j] - 1] = j - 1;
  return columnOf;
}

export interface Transport {
  /** For real point i, the fake it is matched with. */
  assignment: Int32Array<ArrayBuffer>;
  /** (1/n) Σ_i ‖x_i − y_assignment[i]‖: W₁ between the two point sets. */
  meanCost: number;
}

/** The optimal matching of the first n real points with the first n fakes ([≥ n × 2] each), Euclidean cost. */
export function transport(real: ArrayLike<number>, fake: ArrayLike<number>, n: number): Transport {
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      cost[i * n + j] = Math.hypot(real[2 * i] - fake[2 * j], real[2 * i + 1] - fake[2 * j + 1]);
  const assignment = optimalAssignment(cost, n) as Int32Array<ArrayBuffer>;
  let total = 0;
  for (let i = 0; i < n; i++) total += cost[i * n + assignment[i]];
  return { assignment, meanCost: total / n };
}
