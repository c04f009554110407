/**
 * Serves tfjs-backend-wasm's binaries from our own origin: Vite copies each `?url` import into the
 * build and hands back its URL, in dev and in `vite build` alike, so nothing is fetched from a CDN.
 * `setWasmPaths` must run before the wasm backend initialises (BROWSER.md).
 */
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '../gan/tf.ts';

/**
 * Threads for the wasm backend: the threaded SIMD build runs XNNPACK's kernels on a pool of
 * pthreads (nested workers sharing the memory), which needs a cross-origin isolated page (COOP and
 * COEP, scripts/vite-csp.ts) and blob: workers in the CSP. A build picks the count with
 * VITE_WASM_THREADS (default 1: the plain SIMD build, no pool), chosen by measurement: DCGAN at
 * batch 64 in Chromium's training worker (`npm run bench -- dcgan`, builds with 1 and 2 threads side
 * by side) took 309, 201 and 340 ms per iteration with one thread, 490, 261 and 224 ms with two, on
 * the 2-core machine the project is built on, at load average 17–19: two threads won once in three,
 * since other processes hold the second core and the pool's pthreads wait for it; and over half of
 * an iteration is small element-wise ops that run on one thread anyway. Threads also need blob: in
 * the CSP (scripts/vite-csp.ts). A build for machines with cores to spare sets it to 2.
 */
export const WASM_THREADS = Math.max(1, Math.floor(Number(import.meta.env.VITE_WASM_THREADS ?? 1)) || 1);
const threaded = WASM_THREADS > 1 && self.crossOriginIsolated === true;
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threaded);
if (threaded) setThreadsCount(WASM_THREADS);

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  // Fetched only where WASM_THREADS > 1 and the page is cross-origin isolated.
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
