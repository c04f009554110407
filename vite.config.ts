import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offline } from './scripts/vite-offline.ts';
import { contentSecurityPolicy, ISOLATION_HEADERS } from './scripts/vite-csp.ts';

export default defineConfig({
  plugins: [react(), offline(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  // `vite preview` sends what the build's _headers file says (scripts/vite-csp.ts).
  server: { headers: ISOLATION_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
