import * as tf from '../tf.ts';

/**
 * Moving elements without arithmetic (pad, crop, transpose, reverse, pixel shuffle, and any chain of
 * them) as one pass over the wasm heap in JavaScript, by a precomputed map: out[i] = x[source[i]], or
 * 0 where source[i] < 0, copied run by run (a run: consecutive sources to consecutive outputs, such as
 * one pixel's channels). wasm's own Transpose, Reverse, PadV2, StridedSlice and GatherV2 move one
 * element at a time through generic index arithmetic. Measured here (Node wasm, 1 thread): the phase
 * filter of DCGAN's 4×4×16×32 convT (a reverse and a rank-6 transpose) 1.1–2.0 ms, mapped 0.16–0.18;
 * the pixel shuffle and crop of its 64×8×8×64 phases (a rank-6 transpose and a strided slice) 3.4–3.9
 * ms, as a gather 8–16, mapped 0.65–1.5. A map depends only on the shapes, so each is built once.
 */

const KERNEL = 'NashRearrange';
const BACKEND = 'wasm';
/** Maps kept at most (a few per convolution layer and batch size; ~1 MB for DCGAN's largest). */
const CACHE_LIMIT = 64;

interface HeapBackend {
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

interface RearrangeAttrs {
  shape: number[];
  /** (output index, source index or −1 for zeros, length) triples. */
  runs: Int32Array;
}

const rearrangeKernel: tf.KernelConfig = {
  kernelName: KERNEL,
  backendName: BACKEND,
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { x } = inputs as unknown as { x: tf.TensorInfo };
    const { shape, runs } = attrs as unknown as RearrangeAttrs;
    const heap = backend as unknown as HeapBackend;
    const out = heap.makeOutput(shape, 'float32');
    // Views after makeOutput: allocating may grow the heap, which detaches views taken before.
    const from = heap.typedArrayFromHeap(x) as Float32Array;
    const to = heap.typedArrayFromHeap(out) as Float32Array;
    const memory = new Float32Array(to.buffer);
    const fromStart = from.byteOffset >> 2;
    const toStart = to.byteOffset >> 2;
    for (let r = 0; r < runs.length; r += 3) {
      const at = toStart + runs[r];
      const source = runs[r + 1];
      const length = runs[r + 2];
      if (source < 0) memory.fill(0, at, at + length);
      else if (length === 1) memory[at] = memory[fromStart + source];
      else memory.copyWithin(at, fromStart + source, fromStart + source + length);
    }
    return out;
  },
};

const maps = new Map<string, Int32Array>();

/**
 * x's elements arranged into `shape` by the map that `build` makes (one source index per output
 * element, row-major; −1 for a zero), built once per `key`. The key must name every shape the map
 * depends on. float32 tensors on the wasm backend only.
 */
export function rearrange<R extends tf.Rank>(
  x: tf.Tensor,
  shape: number[],
  key: string,
  build: () => Int32Array,
): tf.Tensor<R> {
  let runs = maps.get(key);
  if (!runs) {
    const source = build();
    if (source.length !== shape.reduce((a, b) => a * b, 1))
      throw new Error(`wasm rearrange: a map of ${source.length} for shape [${shape}] (${key})`);
    if (maps.size >= CACHE_LIMIT) maps.clear();
    maps.set(key, (runs = toRuns(source)));
  }
  const attrs = { shape, runs } as unknown as tf.NamedAttrMap;
  return tf.engine().runKernel(KERNEL, { x }, attrs) as tf.Tensor<R>;
}

/** The map as runs of consecutive sources (or of zeros) to consecutive outputs: one copy per run. */
function toRuns(source: Int32Array): Int32Array {
  const runs: number[] = [];
  for (let i = 0; i < source.length; ) {
    let length = 1;
    const zeros = source[i] < 0;
    while (i + length < source.length && (zeros ? source[i + length] < 0 : source[i + length] === source[i] + length))
      length++;
    runs.push(i, zeros ? -1 : source[i], length);
    i += length;
  }
  return Int32Array.from(runs);
}

/** Registers the kernel (idempotent); import '@tensorflow/tfjs-backend-wasm' first. */
export function registerWasmRearrange(): void {
  if (!tf.getKernel(KERNEL, BACKEND)) tf.registerKernel(rearrangeKernel);
}

/**
 * A source map from index arithmetic: the output element at multi-index o (of `outShape`) reads x at
 * `from(o)`, a multi-index of `inShape`; a zero where that is outside x or undefined. Slow (one
 * closure call per element), which is fine for a map built once.
 */
export function mapByIndex(
  outShape: number[],
  inShape: number[],
  from: (o: number[]) => number[] | undefined,
): Int32Array {
  const size = outShape.reduce((a, b) => a * b, 1);
  const strides = inShape.map((_, axis) => inShape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const source = new Int32Array(size);
  const o = outShape.map(() => 0);
  for (let i = 0; i < size; i++) {
    const at = from(o);
    source[i] =
      at && at.every((v, axis) => v >= 0 && v < inShape[axis])
        ? at.reduce((s, v, axis) => s + v * strides[axis], 0)
        : -1;
    for (let axis = outShape.length - 1; axis >= 0; axis--) {
      if (++o[axis] < outShape[axis]) break;
      o[axis] = 0;
    }
  }
  return source;
}
