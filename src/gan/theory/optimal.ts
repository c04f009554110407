/**
 * The optimal discriminator, the Jensen–Shannon divergence and the value of the game (Goodfellow et
 * al. 2014, §4.1): for a fixed G, the D that maximises
 *   V(D, G) = E_x~p_data[log D(x)] + E_z[log(1 − D(G(z)))]
 * is D*(x) = p_data(x) / (p_data(x) + p_g(x)), and then V(D*, G) = −log 4 + 2 · JS(p_data ‖ p_g):
 * −log 4 exactly when p_g = p_data, where D* = ½ everywhere.
 */

/** D* from the two densities at the same points; ½ where both vanish (no evidence either way). */
export function optimalDiscriminator(pData: ArrayLike<number>, pG: ArrayLike<number>): Float32Array<ArrayBuffer> {
  const out = new Float32Array(pData.length);
  for (let i = 0; i < out.length; i++) {
    const sum = pData[i] + pG[i];
    out[i] = sum > 0 ? pData[i] / sum : 0.5;
  }
  return out;
}

/**
 * log(2a / (a + b)), the Jensen–Shannon integrand at a sample whose own density is a. A sample drawn
 * from a density has a > 0; a = 0 can only be underflow, far out in both tails, and counts as 0.
 */
function halfTerm(a: number, b: number): number {
  return a > 0 ? Math.log((2 * a) / (a + b)) : 0;
}

/**
 * JS(p ‖ q) = ½ E_x~p[log(2p(x) / (p(x) + q(x)))] + ½ E_y~q[log(2q(y) / (p(y) + q(y)))], by Monte Carlo:
 * `atP` holds p and q at samples drawn from p, `atQ` holds them at samples drawn from q. Between 0
 * (p = q) and log 2 (disjoint supports) in expectation; a finite sample can stray a little below 0.
 */
export function jensenShannon(
  atP: { p: ArrayLike<number>; q: ArrayLike<number> },
  atQ: { p: ArrayLike<number>; q: ArrayLike<number> },
): number {
  let fromP = 0;
  for (let i = 0; i < atP.p.length; i++) fromP += halfTerm(atP.p[i], atP.q[i]);
  let fromQ = 0;
  for (let i = 0; i < atQ.q.length; i++) fromQ += halfTerm(atQ.q[i], atQ.p[i]);
  return 0.5 * (fromP / atP.p.length) + 0.5 * (fromQ / atQ.q.length);
}

/** log σ(ℓ) = −softplus(−ℓ), written so that a large |ℓ| neither overflows nor loses the tail. */
export function logSigmoid(logit: number): number {
  return logit >= 0 ? -Math.log1p(Math.exp(-logit)) : logit - Math.log1p(Math.exp(logit));
}

/**
 * V(D, G) on a batch, from D's logits ℓ (D = σ(ℓ)) at real points and at fakes:
 *   V = mean_x log σ(ℓ(x)) + mean_z log(1 − σ(ℓ(G(z)))),  with log(1 − σ(ℓ)) = log σ(−ℓ).
 */
export function valueOfGame(realLogits: ArrayLike<number>, fakeLogits: ArrayLike<number>): number {
  let real = 0;
  for (let i = 0; i < realLogits.length; i++) real += logSigmoid(realLogits[i]);
  let fake = 0;
  for (let i = 0; i < fakeLogits.length; i++) fake += logSigmoid(-fakeLogits[i]);
  return real / realLogits.length + fake / fakeLogits.length;
}

/** The value at equilibrium, V(D*, G*) = log ½ + log ½ = −log 4. */
export const EQUILIBRIUM_VALUE = -Math.log(4);
/** JS's upper bound, reached by distributions with disjoint supports. */
export const JS_BOUND = Math.log(2);
