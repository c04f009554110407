/**
 * The live check that the matrix form is the real thing: C·x against tf.conv2d and Cᵀ·y against
 * tf.conv2dTranspose, and the fractional-stride view (fractionalStride.ts) against the latter too. The tfjs module is a parameter so that Node tests pass their own cpu-backed
 * instance and the page passes the lazily loaded one (useTfCheck.ts).
 */
import type * as Tf from '../../gan/tf.ts';
import { type ConvSettings, outputSize } from './convMatrix.ts';

export type TfModule = typeof Tf;

export interface TfComparison {
  /** Largest |C·x − tf.conv2d(x)| over the output cells. */
  readonly convDifference: number;
  /** Largest |Cᵀ·y − tf.conv2dTranspose(y)| over the large-map cells. */
  readonly transposedDifference: number;
  /** Largest |fractional-stride result − tf.conv2dTranspose(y)|, where that view was given. */
  readonly fractionalDifference?: number;
  readonly matches: boolean;
}

/**
 * float32 rounding: each output sums at most k² products, so the error grows with the size of the
 * largest product; 1e-5 of that is well above float32's ~6e-8 and far below any real mismatch.
 */
function tolerance(kernel: ArrayLike<number>, values: ArrayLike<number>): number {
  const largest = (xs: ArrayLike<number>) => Array.from(xs).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return 1e-5 * (1 + largest(kernel) * largest(values) * kernel.length);
}

function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

export async function compareWithTf(
  tf: TfModule,
  settings: ConvSettings,
  kernel: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  matrixForm: {
    readonly convolution: ArrayLike<number>;
    readonly transposed: ArrayLike<number>;
    /** The same transposed convolution by the fractional-stride route. */
    readonly fractional?: ArrayLike<number>;
  },
): Promise<TfComparison> {
  const { inputSize: n, kernelSize: k, stride, padding } = settings;
  const o = outputSize(settings);
  const [conv, transposed] = tf.tidy(() => {
    // One channel in, one out: the filter is [k, k, inChannels 1, outChannels 1].
    const filter = tf.tensor4d(Float32Array.from(kernel), [k, k, 1, 1]);
    return [
      tf.conv2d(tf.tensor3d(Float32Array.from(x), [n, n, 1]), filter, stride, padding), // [o, o, 1]
      // conv2dTranspose is conv2d's gradient with respect to its input, i.e. Cᵀ with the same,
      // unflipped kernel; the output shape is given because several n share one o.
      tf.conv2dTranspose(tf.tensor3d(Float32Array.from(y), [o, o, 1]), filter, [n, n, 1], stride, padding), // [n, n, 1]
    ];
  });
  try {
    const [convValues, transposedValues] = await Promise.all([conv.data(), transposed.data()]);
    const convDifference = largestDifference(matrixForm.convolution, convValues);
    const transposedDifference = largestDifference(matrixForm.transposed, transposedValues);
    const fractionalDifference = matrixForm.fractional && largestDifference(matrixForm.fractional, transposedValues);
    return {
      convDifference,
      transposedDifference,
      fractionalDifference,
      matches:
        convDifference <= tolerance(kernel, x) &&
        transposedDifference <= tolerance(kernel, y) &&
        (fractionalDifference ?? 0) <= tolerance(kernel, y),
    };
  } finally {
    conv.dispose();
    transposed.dispose();
  }
}
