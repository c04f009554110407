import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offline } from './scripts/vite-offline.ts';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';

/** Cross-origin isolation lets tfjs-backend-wasm use threads where the browser allows. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), offline(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
