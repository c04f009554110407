/**
 * Closed-form densities of the 2D sets (each set's module names its own: `density` in
 * src/gan/data/sets/), all seen through an optional Gaussian kernel: convolving with N(0, s²·I) adds
 * s² to every Gaussian's variance, so the smoothed density has the same closed form. Plain numbers,
 * no TensorFlow.js.
 */
import type { Density, ModeSpec } from '../data/dataset.ts';

const TWO_PI = 2 * Math.PI;

/**
 * erfc(x) with a fractional error below 1.2e-7 everywhere (Numerical Recipes §6.2, erfcc, a Chebyshev
 * fit): fractional, so the far tails a density divides by keep their precision.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(b) − Φ(a) for a ≤ b, the standard normal's mass on [a, b], from the tail on the side where it is small. */
export function normalMass(a: number, b: number): number {
  if (a >= 0) return 0.5 * (erfc(a / Math.SQRT2) - erfc(b / Math.SQRT2));
  if (b <= 0) return 0.5 * (erfc(-b / Math.SQRT2) - erfc(-a / Math.SQRT2));
  return 1 - 0.5 * (erfc(-a / Math.SQRT2) + erfc(b / Math.SQRT2));
}

/** An equal-weight mixture of isotropic Gaussians N(c_k, σ²·I): p(x) = (1/K) Σ_k N(x; c_k, (σ² + s²)·I). */
export function mixtureDensity({ centres, sigma }: ModeSpec): Density {
  return (x, y, smoothing = 0) => {
    const variance = sigma * sigma + smoothing * smoothing;
    let sum = 0;
    const a = -1 / (2 * variance);
    for (const [cx, cy] of centres) {
      const dx = x - cx;
      const dy = y - cy;
      sum += Math.exp(a * (dx * dx + dy * dy));
    }
    return sum / (centres.length * TWO_PI * variance);
  };
}

/**
 * A point uniform on the segment from `from` to `to`, plus N(0, σ²·I) noise (GAN Lab's line). Along
 * the segment's direction (u, from `from`) and across it (d), with s² = σ² + smoothing² and length L:
 *   p(x) = (1/L) · N(d; 0, s²) · [Φ(u/s) − Φ((u − L)/s)]
 * (the integral over the segment of N(x; point, s²·I), each point weighted 1/L).
 */
export function segmentDensity(from: readonly [number, number], to: readonly [number, number], sigma: number): Density {
  const [ax, ay] = from;
  const length = Math.hypot(to[0] - ax, to[1] - ay);
  const [ux, uy] = [(to[0] - ax) / length, (to[1] - ay) / length];
  return (x, y, smoothing = 0) => {
    const s = Math.sqrt(sigma * sigma + smoothing * smoothing);
    const u = (x - ax) * ux + (y - ay) * uy;
    const d = -(x - ax) * uy + (y - ay) * ux;
    const across = Math.exp(-(d * d) / (2 * s * s)) / (Math.sqrt(TWO_PI) * s);
    return (across * normalMass((u - length) / s, u / s)) / length;
  };
}
