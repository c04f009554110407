/**
 * The networks' fixed numbers, in a module without TensorFlow.js: the page's exports (the Python
 * script, the TF.js model file) read them without pulling tfjs into the page's bundle (issue 16),
 * and dcgan.ts and info-head.ts build the networks from them.
 */

/** DCGAN's 4×4 kernels with stride 2: the kernel size divides by the stride, so transposed convolutions overlap evenly (no checkerboard; Odena et al. 2016). */
export const KERNEL_SIZE = 4;
export const STRIDE = 2;
/**
 * The 3×3 kernels of the layers that see a whole digit: G's convolution at its 7×7 grid and D's
 * third, strided one (7×7 → 4×4). TensorFlow's 'same' padding pads both by one on each side, as
 * PyTorch's padding 1 does, so the exported script builds the same layers.
 */
export const SMALL_KERNEL_SIZE = 3;
/** Weights ~ N(0, 0.02) (Radford et al. 2015 §4). */
export const INIT_STD = 0.02;
/** Batch norm's ε and running-average momentum, PyTorch's defaults (running ← 0.9·running + 0.1·batch). */
export const BATCH_NORM_EPSILON = 1e-5;
export const BATCH_NORM_MOMENTUM = 0.1;

/** Hidden units of InfoGAN's Q head (info-head.ts): the 128 of the paper's MNIST and CelebA heads. */
export const Q_HIDDEN = 128;
/**
 * The weight of InfoGAN's continuous codes' term in L_I relative to the categorical code's
 * (conditioning/info-codes.ts): PyTorch-GAN infogan.py's lambda_con = 0.1. At 1 the continuous codes
 * took the digit's identity on MNIST (one slider turned 7s into 4s), leaving the categorical code
 * with styles of the same few digits.
 */
export const CONTINUOUS_CODE_WEIGHT = 0.1;
