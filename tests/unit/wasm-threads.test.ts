/**
 * A build with wasm threads (VITE_WASM_THREADS > 1): the worker bundle's threaded factory is the
 * package's own source as a string (scripts/vite-wasm-threads.ts), and the CSP allows the blob:
 * workers and scripts its pthreads start from (scripts/vite-csp.ts); a build without threads keeps
 * the stricter policy and the package's code as it is.
 */
import type { Plugin, TransformResult } from 'vite';
import { describe, expect, test } from 'vitest';
import { CSP_DIRECTIVES, wasmThreadDirectives } from '../../scripts/vite-csp.ts';
import { wasmThreads } from '../../scripts/vite-wasm-threads.ts';

const ID = '/x/node_modules/@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js';
const CODE = 'const blob = new Blob([`var WasmBackendModuleThreadedSimd = ` + wasmFactoryThreadedSimd.toString()]);';

function transform(plugin: Plugin, code: string, id: string) {
  const hook = plugin.transform as (code: string, id: string) => TransformResult | undefined;
  return hook.call({} as never, code, id);
}

describe('wasm threads in a build', () => {
  test('the factory becomes a string literal of a self-contained function that runs where the pthread runs it', () => {
    const result = transform(wasmThreads(), CODE, ID);
    const code = typeof result === 'object' && result ? (result.code ?? '') : '';
    expect(code).not.toContain('toString()');
    const literal = code.slice(code.indexOf('+ ') + 2, code.lastIndexOf(']'));
    const source = JSON.parse(literal) as string;
    expect(source.startsWith('function(WasmBackendModuleThreadedSimd)')).toBe(true);
    // The pthread's script is `var WasmBackendModuleThreadedSimd = <source>`, run with no bundle around it.
    const factory = new Function(
      `var WasmBackendModuleThreadedSimd = ${source}; return WasmBackendModuleThreadedSimd;`,
    )();
    expect(typeof factory).toBe('function');
  });

  test('other modules are left alone', () => {
    expect(transform(wasmThreads(), CODE, '/x/src/worker/backend.ts')).toBeUndefined();
  });

  test('only a build with threads applies the plugin', () => {
    const apply = wasmThreads().apply as (config: object, env: { command: string }) => boolean;
    const threads = process.env.VITE_WASM_THREADS;
    try {
      delete process.env.VITE_WASM_THREADS;
      expect(apply({}, { command: 'build' })).toBe(false);
      process.env.VITE_WASM_THREADS = '2';
      expect(apply({}, { command: 'build' })).toBe(true);
      expect(apply({}, { command: 'serve' })).toBe(false);
    } finally {
      if (threads === undefined) delete process.env.VITE_WASM_THREADS;
      else process.env.VITE_WASM_THREADS = threads;
    }
  });

  test('the CSP allows blob: workers and scripts only with threads', () => {
    expect(wasmThreadDirectives(CSP_DIRECTIVES, 1)).toEqual(CSP_DIRECTIVES);
    const threaded = wasmThreadDirectives(CSP_DIRECTIVES, 2);
    expect(threaded['script-src']).toBe("'self' 'wasm-unsafe-eval' blob:");
    expect(threaded['worker-src']).toBe("'self' blob:");
    expect({ ...threaded, 'script-src': '', 'worker-src': '' }).toEqual({
      ...CSP_DIRECTIVES,
      'script-src': '',
      'worker-src': '',
    });
  });
});
