import * as tf from '../tf.ts';

/**
 * Convolution gradients for tfjs-backend-wasm, built from kernels it runs fast (XNNPACK's Conv2D,
 * Transpose, Reverse, PadV2, StridedSlice), so DCGAN trains on wasm:
 *
 * - Conv2DBackpropFilter, which wasm lacks (tfjs #8474): the filter gradient is itself a
 *   convolution, of the input (batch moved to the channel axis) with the output gradient used as a
 *   filter dilated by the stride.
 * - Conv2DBackpropInput (conv2d's input gradient and conv2dTranspose's forward pass), which wasm
 *   runs as a plain loop ~10× slower than its convolution: split by output phase ("sub-pixel"),
 *   a stride-s transposed convolution is one stride-1 convolution with s² sub-filters, whose
 *   outputs are interleaved (a pixel shuffle).
 *
 * Pure tfjs ops, no DOM: the same code serves the worker, Node tests and the CLI. Call
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
 * Rows [top, top + rows) and columns [left, left + cols) of [b, h, w, c], through wasm's native
 * StridedSlice (its Slice copies one channel vector per JavaScript call: ~10× slower here). With a
 * single channel the tensor goes through as [b, h, w]: wasm's rank-4 kernels move such tensors one
 * element at a time (StridedSlice and PadV2 ~10× slower than at rank 3).
 */
function crop(t: tf.Tensor4D, top: number, rows: number, left: number, cols: number): tf.Tensor4D {
  const [b, h, w, c] = t.shape;
  if (top === 0 && left === 0 && rows === h && cols === w) return t;
  if (c === 1)
    return tf.reshape(tf.slice(tf.reshape(t, [b, h, w]), [0, top, left], [b, rows, cols]), [b, rows, cols, 1]);
  return tf.stridedSlice(t, [0, top, left, 0], [b, top + rows, left + cols, c], [1, 1, 1, 1]) as tf.Tensor4D;
}

/** Pads `top` and `left` zeros, then pads or crops so that rows and columns are exactly `rows` × `cols`. */
function frame(t: tf.Tensor4D, top: number, rows: number, left: number, cols: number): tf.Tensor4D {
  const [b, h, w, c] = t.shape;
  const bottom = Math.max(0, rows - top - h);
  const right = Math.max(0, cols - left - w);
  if (!top && !bottom && !left && !right) return crop(t, 0, rows, 0, cols);
  const padded =
    c === 1
      ? tf.reshape<tf.Rank.R4>(
          tf.pad(tf.reshape(t, [b, h, w]), [
            [0, 0],
            [top, bottom],
            [left, right],
          ]),
          [b, h + top + bottom, w + left + right, 1],
        )
      : tf.pad(t, [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ]);
  return crop(padded, 0, rows, 0, cols);
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
    const framed = frame(x, padInfo.top, rows, padInfo.left, cols); // [b, rows, cols, ci]
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
    // Zero taps beyond the kernel give every phase T taps; index k = t·s + r splits into (t, r).
    const padded = tf.pad(filter, [
      [0, ty * sy - filterHeight],
      [0, tx * sx - filterWidth],
      [0, 0],
      [0, 0],
    ]); // [ty·sy, tx·sx, ci, co]
    const split = tf.reshape(padded, [ty, sy, tx, sx, inChannels, outChannels]);
    const reversed = tf.reverse(split, [0, 2]); // tap t reads dy row m − t: a correlation with taps reversed
    const phaseFilter = tf.reshape(tf.transpose(reversed, [0, 2, 5, 1, 3, 4]), [
      ty,
      tx,
      outChannels,
      sy * sx * inChannels,
    ]); // [ty, tx, co, sy·sx·ci]
    const window = frame(dy, ty - 1, rows + ty - 1, tx - 1, cols + tx - 1); // [b, rows + ty − 1, cols + tx − 1, co]
    const phases = tf.conv2d(window, phaseFilter as tf.Tensor4D, 1, 'valid'); // [b, rows, cols, sy·sx·ci]
    const shuffled = tf.transpose(tf.reshape(phases, [batchSize, rows, cols, sy, sx, inChannels]), [0, 1, 3, 2, 4, 5]); // [b, rows, sy, cols, sx, ci]
    const full = tf.reshape<tf.Rank.R4>(shuffled, [batchSize, rows * sy, cols * sx, inChannels]); // padded rows and columns
    return crop(full, padInfo.top, inHeight, padInfo.left, inWidth);
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
