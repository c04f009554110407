import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

/**
 * Builds the app once and serves it with `vite preview`: a user's production build plus the test
 * hooks (`--mode test`: window.nash, the worker's nashFault and benchmark command; issue 16).
 */
export async function setup(project: TestProject) {
  // Engineers working side by side in one checkout give each run its own folder.
  const outDir = process.env.NASH_E2E_DIST ?? 'dist';
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: the build would be React's
  // development build, several times slower on the main thread than what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'test', build: { outDir } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseURL', url);
  project.provide('distDir', resolve(outDir));
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The folder the build was written to (NASH_E2E_DIST, else dist), for tests that serve it themselves. */
    distDir: string;
  }
}
