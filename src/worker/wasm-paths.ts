/**
 * Serves tfjs-backend-wasm's binaries from our own origin: Vite copies each `?url` import into the
 * build and hands back its URL, in dev and in `vite build` alike, so nothing is fetched from a CDN.
 * `setWasmPaths` must run before the wasm backend initialises (BROWSER.md).
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '../gan/tf.ts';

/**
 * The threaded build stays off. Its pthreads run a Blob made from the emscripten factory's
 * `toString()` (backend_wasm.js), and once the bundler has minified that function it refers to
 * names that exist only in our bundle: in a production build every pthread died with
 * "ReferenceError: e is not defined". Threads would not help here anyway: tfjs caps them at half of
 * hardwareConcurrency, one thread on the 2-core machines we test on (BROWSER.md).
 */
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  // setWasmPaths wants every binary named; this one is never fetched while threads are off.
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
