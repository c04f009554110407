import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offline } from './scripts/vite-offline.ts';
import { contentSecurityPolicy, ISOLATION_HEADERS } from './scripts/vite-csp.ts';
import { wasmThreads } from './scripts/vite-wasm-threads.ts';

export default defineConfig({
  plugins: [react(), offline(), contentSecurityPolicy()],
  base: './',
  // The training worker's bundle: wasmThreads keeps the threaded wasm build's factory intact.
  worker: { format: 'es', plugins: () => [wasmThreads()] },
  // `vite preview` sends what the build's _headers file says (scripts/vite-csp.ts).
  server: { headers: ISOLATION_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
