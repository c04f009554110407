/**
 * Vite plugin: lets tfjs-backend-wasm's threaded build start its pthreads from a minified bundle.
 * Each pthread runs a Blob that tfjs makes from the emscripten factory's `toString()`
 * (backend_wasm.js); once the bundler has minified that function it refers to names that exist only
 * in our bundle, and every pthread died with "ReferenceError: e is not defined". This plugin puts
 * the factory's original source text, read from the package's own file, in place of the
 * `toString()` call: a string literal, which minification leaves alone (55 kB, 12 kB gzipped). It
 * applies to the worker's bundle (vite.config.ts lists it under `worker.plugins`) of a build with
 * threads; the dev server does not minify.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const CALL = 'wasmFactoryThreadedSimd.toString()';

/** The `function(WasmBackendModuleThreadedSimd) {…}` that the package's factory file returns. */
function factorySource(): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('function(WasmBackendModuleThreadedSimd)');
  const end = text.lastIndexOf('\n);\n})();');
  if (start < 0 || end < start) throw new Error(`nash-wasm-threads: the factory's layout in ${file} changed`);
  return text.slice(start, end);
}

export function wasmThreads(): Plugin {
  return {
    name: 'nash-wasm-threads',
    // Only a build with threads (VITE_WASM_THREADS > 1, src/worker/wasm-paths.ts) starts pthreads.
    apply: (_, { command }) => command === 'build' && Number(process.env.VITE_WASM_THREADS ?? 1) > 1,
    transform(code, id) {
      if (!/tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/.test(id.split('?')[0])) return undefined;
      if (!code.includes(CALL)) throw new Error(`nash-wasm-threads: ${CALL} not found in ${id}`);
      return { code: code.replace(CALL, JSON.stringify(factorySource())), map: null };
    },
  };
}
