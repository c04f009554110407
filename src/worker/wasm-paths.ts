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
 * VITE_WASM_THREADS (default 1: the plain SIMD build, no pool). Until stop 34 a 2-thread build ran
 * XNNPACK on one thread on a 2-core machine (tfjs's cap, below), and its measurements (no gain) were
 * of one thread. With the pool really at 2 (`npm run bench -- dcgan`, Chromium, idle 2-core machine):
 * the 512³ matMul 29 → 55 GFLOP/s, DCGAN at batch 64 86.5 → 66.7 ms per iteration. The default
 * stays 1: the pool wakes its threads for every kernel, which the MNIST presets' convolutions and
 * matMuls repay and the 2D presets' small kernels do not (`npm run bench -- threads`, stop 35, three
 * runs on 2 cores: the ring, mode collapse and WGAN-GP presets 2–33% slower per iteration with 2
 * threads, the MNIST ones 3–33% faster), and the count is fixed when the backend starts, not per run. A threaded build also
 * widens the CSP (blob: scripts and workers, scripts/vite-csp.ts), and on a 2-core machine under load
 * the pool's pthreads wait for a core that other processes hold. A build for a class that trains the
 * MNIST presets on machines with cores to spare sets it to 2.
 */
export const WASM_THREADS = Math.max(1, Math.floor(Number(import.meta.env.VITE_WASM_THREADS ?? 1)) || 1);
const threaded = WASM_THREADS > 1 && self.crossOriginIsolated === true;
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threaded);
if (threaded) {
  setThreadsCount(WASM_THREADS);
  // tfjs-backend-wasm caps its pool at hardwareConcurrency / 2 whatever setThreadsCount asks (its
  // backend.cc assumes two hyperthreads per core): on a 2-core machine, one thread, and the builds
  // with 2 threads measured before this ran on one. This worker's navigator reports enough cores
  // for the count asked (at most the machine's), before the backend reads it at initialisation.
  const cores = self.navigator.hardwareConcurrency || 1;
  try {
    Object.defineProperty(self.navigator, 'hardwareConcurrency', { value: 2 * Math.min(WASM_THREADS, cores) });
  } catch {
    // A browser whose navigator refuses the property keeps tfjs's cap: fewer threads, nothing else.
  }
}

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  // Fetched only where WASM_THREADS > 1 and the page is cross-origin isolated.
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});
