import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit files that train for a minute or more on CI's two cores, longest first (stop 27's CI:
 * 118, 110, 104, 42, 33, 33, 31 s). Vitest starts the longest files first only where a cached run
 * says which they are, and CI clones afresh: learning-failures began last and ran alone for a minute.
 */
const LONG_UNIT_FILES = [
  'conditioning-learning',
  'learning-failures',
  'pytorch-export',
  'learning-ring',
  'cli',
  'pytorch-roundtrip',
  'conditioning',
];

/**
 * The browser files that time the page (long tasks, seconds to a card, answers in milliseconds, load
 * time, a minute's throughput): they run one at a time, with the two cores to themselves. The other
 * browser files check what the page shows and does and mostly wait on it, so two run side by side:
 * 249 s here against the 323 s they took one after another in stop 28's CI (four at a time: 232 s,
 * and the drawing tool's 30 s wait timed out).
 */
const TIMED_E2E_FILES = [
  'playground-presets',
  'worker',
  'soak',
  'latent',
  'playground',
  'hostile-input',
  'trained-start',
].map((name) => `tests/e2e/${name}.test.ts`);

/** What both browser projects run with: one build served by the global setup, Chromium's slower pace. */
const browser = {
  environment: 'node',
  globalSetup: 'tests/e2e/global-setup.ts',
  testTimeout: 180_000,
  hookTimeout: 180_000,
};

/** Vitest's order, with the long unit files moved to the front. */
class LongFilesFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = LONG_UNIT_FILES.findIndex((name) => file.moduleId.endsWith(`/tests/unit/${name}.test.ts`));
      return i < 0 ? LONG_UNIT_FILES.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongFilesFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Vitest's default is one worker per core less one: a single worker on CI's two cores.
          // The unit files are independent and mostly single-threaded, so two run side by side.
          maxWorkers: 2,
          execArgv: ['--import', './scripts/resolve-extensionless.mjs'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], exclude: TIMED_E2E_FILES, ...browser, maxWorkers: 2 },
      },
      { test: { name: 'e2e-timed', include: TIMED_E2E_FILES, ...browser, fileParallelism: false } },
    ],
  },
});
