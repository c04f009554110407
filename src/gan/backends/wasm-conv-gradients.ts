import * as tf from '../tf.ts';
import { mapByIndex, rearrange, registerWasmRearrange } from './wasm-rearrange.ts';

/**
 * Convolution gradients for tfjs-backend-wasm, built from XNNPACK's fast Conv2D and the mapped
 * copies of wasm-rearrange.ts (wasm's own Transpose, PadV2 and StridedSlice move one element at a
 * time), so DCGAN trains on wasm:
 *
 * - Conv2DBackpropFilter, which wasm lacks (tfjs #8474): the filter gradient is itself a
 *   convolution, of the input (batch moved to the channel axis) with the output gradient used as a
 *   filter dilated by the stride.
 * - Conv2DBackpropInput (conv2d's input gradient and conv2dTranspose's forward pass), which wasm
 *   runs as a plain loop ~10× slower than its convolution: split by output phase ("sub-pixel"),
 *   a stride-s transposed convolution is one stride-1 convolution with s² sub-filters, whose
 *   outputs are interleaved (a pixel shuffle).
 *
 * No DOM: the same code serves the worker, Node tests and the CLI. Call
 * `registerWasmConvGradients()` after importing '@tensorflow/tfjs-backend-wasm'.
 */

type Info = tf.backend_util.Conv2DInfo;

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The forward convolution's geometry (tfjs has no gradients for dilated convolutions: dilation 1). */
function conv2dInfo(inShape: number[], filterShape: number[], attrs: Attrs): Info {
  if (attrs.dataFormat !== 'NHWC')
    throw new Error(`wasm conv gradients: data format ${attrs.dataFormat} is not supported (NHWC only)`);
  return tf.backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}

/**
 * dW[ky, kx, ci, co] = Σ_{b, oy, ox} x[b, oy·s + ky − pad, ox·s + kx − pad, ci] · dy[b, oy, ox, co]
 *
 * which is a stride-1 convolution of x with channels and batch swapped, [ci, rows, cols, b], by dy
 * as a filter [oh, ow, b, co] dilated by the stride s.
 */
export function conv2dFilterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, info: Info): tf.Tensor4D {
  return tf.tidy(() => {
    const { strideHeight: sy, strideWidth: sx, outHeight, outWidth, filterHeight, filterWidth, padInfo } = info;
    const rows = (outHeight - 1) * sy + filterHeight; // input rows the forward pass read, padding included
    const cols = (outWidth - 1) * sx + filterWidth;
    const framedShape = [x.shape[0], rows, cols, x.shape[3]];
    const framed = rearrange<tf.Rank.R4>(
      x,
      framedShape,
      `framed ${x.shape} ${[rows, cols, padInfo.top, padInfo.left]}`,
      () => mapByIndex(framedShape, x.shape, ([n, r, q, c]) => [n, r - padInfo.top, q - padInfo.left, c]),
    ); // [b, rows, cols, ci]
    const channelsFirst = tf.transpose(framed, [3, 1, 2, 0]); // [ci, rows, cols, b]
    const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]); // [oh, ow, b, co]
    const grad = tf.conv2d(channelsFirst as tf.Tensor4D, dyAsFilter as tf.Tensor4D, 1, 'valid', 'NHWC', [sy, sx]); // [ci, kh, kw, co]
    return tf.transpose(grad, [1, 2, 0, 3]); // [kh, kw, ci, co]
  });
}

/**
 * dx[b, i, j, ci] = Σ_{ky, kx, co} dy[b, (i + pad − ky)/s, (j + pad − kx)/s, co] · W[ky, kx, ci, co]
 * over the (ky, kx) for which the divisions are exact.
 *
 * For padded row q = i + pad with phase r = q mod s, only ky = r + s·t contribute, from dy row
 * q div s − t: per phase, a stride-1 convolution of dy with the reversed sub-filter W[r::s]. All s²
 * phases read the same window of T = ⌈k/s⌉ dy rows and columns, so they run as one convolution whose
 * s²·ci output channels are then moved into space (a "pixel shuffle") and the padding cut off.
 */
export function conv2dInputGradient(dy: tf.Tensor4D, filter: tf.Tensor4D, info: Info): tf.Tensor4D {
  return tf.tidy(() => {
    const {
      batchSize,
      inHeight,
      inWidth,
      inChannels,
      outChannels,
      strideHeight: sy,
      strideWidth: sx,
      filterHeight,
      filterWidth,
      padInfo,
    } = info;
    const [ty, tx] = [Math.ceil(filterHeight / sy), Math.ceil(filterWidth / sx)]; // taps per phase
    const [rows, cols] = [
      Math.floor((padInfo.top + inHeight - 1) / sy) + 1,
      Math.floor((padInfo.left + inWidth - 1) / sx) + 1,
    ]; // positions per phase
    const phaseShape = [ty, tx, outChannels, sy * sx * inChannels];
    // Tap t of phase r is kernel row (T − 1 − t)·s + r: reversed, since tap t reads dy row m − t;
    // taps past the kernel are zeros.
    const phaseFilter = rearrange<tf.Rank.R4>(filter, phaseShape, `phase filter ${filter.shape} ${[sy, sx]}`, () =>
      mapByIndex(phaseShape, filter.shape, ([tapY, tapX, o, k]) => {
        const [ry, rx, c] = [Math.floor(k / (sx * inChannels)), Math.floor(k / inChannels) % sx, k % inChannels];
        return [(ty - 1 - tapY) * sy + ry, (tx - 1 - tapX) * sx + rx, c, o];
      }),
    ); // [ty, tx, co, sy·sx·ci]
    const windowShape = [batchSize, rows + ty - 1, cols + tx - 1, outChannels];
    const window = rearrange<tf.Rank.R4>(dy, windowShape, `window ${dy.shape} ${windowShape} ${[ty, tx]}`, () =>
      mapByIndex(windowShape, dy.shape, ([n, r, q, o]) => [n, r - (ty - 1), q - (tx - 1), o]),
    ); // dy with T − 1 zero rows and columns before it, cut or padded to the phases' window
    const phases = tf.conv2d(window, phaseFilter, 1, 'valid'); // [b, rows, cols, sy·sx·ci]
    const shape = [batchSize, inHeight, inWidth, inChannels];
    // Input pixel (i, j) is padded position (q, p) = (i + pad top, j + pad left): phase
    // (q mod sy, p mod sx) at position (q div sy, p div sx).
    return rearrange<tf.Rank.R4>(
      phases,
      shape,
      `shuffle ${phases.shape} ${shape} ${[padInfo.top, padInfo.left, sy, sx]}`,
      () =>
        mapByIndex(shape, phases.shape, ([n, i, j, c]) => {
          const [q, p] = [i + padInfo.top, j + padInfo.left];
          return [n, Math.floor(q / sy), Math.floor(p / sx), ((q % sy) * sx + (p % sx)) * inChannels + c];
        }),
    );
  });
}

const BACKEND = 'wasm';

/**
 * Registers both kernels on the wasm backend (idempotent). wasm's own Conv2DBackpropInput stays the
 * fallback for what these do not cover (NCHW layouts).
 */
export function registerWasmConvGradients(): void {
  const native = tf.getKernel('Conv2DBackpropInput', BACKEND);
  if (!native) throw new Error('wasm conv gradients: import @tensorflow/tfjs-backend-wasm first');
  if (native.kernelFunc === inputGradientKernel.kernelFunc) return;
  registerWasmRearrange();
  nativeInputGradient = native;
  if (!tf.getKernel('Conv2DBackpropFilter', BACKEND)) tf.registerKernel(filterGradientKernel);
  tf.unregisterKernel('Conv2DBackpropInput', BACKEND);
  tf.registerKernel({ ...inputGradientKernel, setupFunc: native.setupFunc });
}

let nativeInputGradient: tf.KernelConfig | undefined;

// These kernels are composites of tfjs ops: the engine hands a kernel the op's input Tensors (typed
// as TensorInfo) and takes a returned Tensor as the output; ops run inside a kernel are not recorded
// on the gradient tape, and tf.tidy frees their intermediates.

const filterGradientKernel: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: BACKEND,
  kernelFunc: ({ inputs, attrs }) => {
    const { x, dy } = inputs as unknown as { x: tf.Tensor4D; dy: tf.Tensor4D };
    const a = attrs as unknown as Attrs & { filterShape: [number, number, number, number] };
    return conv2dFilterGradient(x, dy, conv2dInfo(x.shape, a.filterShape, a));
  },
};

const inputGradientKernel: tf.KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: BACKEND,
  kernelFunc: (params) => {
    const { dy, filter } = params.inputs as unknown as { dy: tf.Tensor4D; filter: tf.Tensor4D };
    const a = params.attrs as unknown as Attrs & { inputShape: [number, number, number, number] };
    if (a.dataFormat !== 'NHWC' && nativeInputGradient) return nativeInputGradient.kernelFunc(params);
    return conv2dInputGradient(dy, filter, conv2dInfo(a.inputShape, filter.shape, a));
  },
};
