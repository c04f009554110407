/**
 * What `npm run build` ships (issue 16): the page's first download holds no TensorFlow.js and stays
 * small, and no test hook (window.nash, the worker's nashFault, the benchmark command's bare loop)
 * is left in any file. Builds the production app once into a temporary folder (a few seconds).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as explainer from '../../src/i18n/explainer.ts';
import * as latent from '../../src/i18n/latent.ts';
import * as lessonTexts from '../../src/i18n/lessonTexts.ts';
import * as overview from '../../src/i18n/overview.ts';

/** The page's first screen must not wait for more than this much script, gzipped. */
const ENTRY_GZIP_LIMIT = 250_000;

/**
 * Strings tfjs-core carries in any build, minified or not: the global its engine lives in and the
 * URL flag it reads. Our own code names neither.
 */
const TFJS_MARKERS = ['_tfengine', 'tfjsflags'];

/** Each test hook, as it reads in a build that has it (`vite build --mode test`), and the source that holds it. */
const HOOKS: { name: string; pattern: RegExp; source: string }[] = [
  { name: 'window.nash', pattern: /\bwindow\.nash\b/, source: 'src/features/playground/useTrainingClient.ts' },
  { name: 'nashFault', pattern: /nashFault/, source: 'src/worker/training.worker.ts' },
  { name: 'the bare benchmark loop', pattern: /bare benchmark loop covers/, source: 'src/worker/benchmark.ts' },
];

/** Namespaces that only a lazily loaded chunk imports (the tabs, the overview, the latent explorer). */
const LAZY_WORDS = { explainer, latent, lessonTexts, overview };

/** Every string in a namespace tree. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(texts);
}

let outDir = '';
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'nash-production-'));
  // Vitest sets NODE_ENV=test, which Vite would keep: the build would hold React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
});
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(outDir, file), 'utf8');

/** Static imports of a built chunk (`import{a}from"./x.js"`, `import"./x.js"`), not dynamic `import("./x.js")`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (match) => match[1],
  );
}

/** The entry chunk that index.html loads and every chunk it imports statically: what runs before the first paint. */
function entryChunks(): string[] {
  const entry = /<script type="module"[^>]*\bsrc="\.\/(assets\/[^"]+\.js)"/.exec(read('index.html'))?.[1];
  if (!entry) throw new Error('index.html loads no module script');
  const found = new Set([entry]);
  for (const chunk of found) for (const imported of staticImports(read(chunk))) found.add(join('assets', imported));
  return [...found];
}

function builtScripts(directory = outDir): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
}

describe('the production build', () => {
  test('the page’s entry chunk holds no TensorFlow.js', () => {
    for (const chunk of entryChunks()) {
      for (const marker of TFJS_MARKERS) expect(read(chunk).includes(marker), `${marker} in ${chunk}`).toBe(false);
    }
    // The markers do name tfjs: the worker's chunk holds them.
    const worker = builtScripts().find((file) => file.includes('training.worker'));
    for (const marker of TFJS_MARKERS) expect(read(worker!).includes(marker), `${marker} in ${worker}`).toBe(true);
  });

  test(`the page’s entry chunk is at most ${ENTRY_GZIP_LIMIT / 1000} kB gzipped`, () => {
    const gzipped = entryChunks().reduce((sum, chunk) => sum + gzipSync(readFileSync(join(outDir, chunk))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(ENTRY_GZIP_LIMIT);
  });

  test('the lazily loaded features’ words are not in the entry chunk, and are in a chunk of their own', () => {
    const entry = entryChunks().map(read).join('\n');
    const scripts = builtScripts().map(read);
    for (const [name, words] of Object.entries(LAZY_WORDS)) {
      // A few long sentences of each, with nothing a minifier would escape: it writes them as they are.
      const samples = texts(words.en)
        .filter((text) => text.length >= 40 && !/[`\\$\n]/.test(text))
        .slice(0, 3);
      expect(samples.length, name).toBe(3);
      for (const text of samples) {
        expect(entry.includes(text), `${name}: ${text}`).toBe(false);
        expect(
          scripts.some((script) => script.includes(text)),
          `${name}: ${text}`,
        ).toBe(true);
      }
    }
  });

  test('no test hook is left in any script', () => {
    const scripts = builtScripts();
    expect(scripts.length).toBeGreaterThan(2);
    for (const hook of HOOKS) {
      // The pattern still names the hook in its source, so this test cannot pass by a rename.
      expect(readFileSync(hook.source, 'utf8'), hook.source).toMatch(hook.pattern);
      for (const file of scripts) expect(hook.pattern.test(read(file)), `${hook.name} in ${file}`).toBe(false);
    }
  });
});
