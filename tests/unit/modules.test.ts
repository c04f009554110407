/**
 * "A variant is one module" (issue 16): every objective and every dataset is its own file, listed
 * once in src/gan/objectives/modules.ts or src/gan/data/modules.ts, and everything else reads it
 * from there. These tests loop over the lists, so a new objective or dataset is checked without new
 * tests: its id, its words in both languages, what it declares against what it does, its reach into
 * the CLI and the Python export, and that the page can load it without TensorFlow.js.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import {
  CONFIG_SCHEMA,
  conflictsOf,
  DATASETS,
  defaultConfig,
  LABELLED_DATASETS,
  OBJECTIVES,
  validateConfig,
} from '../../src/gan/config.ts';
import { DATASET_MODULES } from '../../src/gan/data/modules.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { createRng } from '../../src/gan/rng.ts';
import { objectiveOutput } from '../../src/gan/diagnosis/objectives.ts';
import { isCritic, OBJECTIVE_MODULES } from '../../src/gan/objectives/modules.ts';
import { recipeFor } from '../../src/gan/recipes.ts';
import { isUsed } from '../../src/gan/usedSettings.ts';
import { objectiveTex } from '../../src/features/formulas/tex.ts';
import { exportPyTorch } from '../../src/features/share/pytorch.ts';
import { USAGE } from '../../scripts/cli/options.ts';
import { STRINGS } from '../../src/i18n/strings.ts';

/** The files `file` loads at run time, recursively: every relative import but `import type` (verbatimModuleSyntax keeps `import { type X }`). */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : ts.isExportDeclaration(statement) && statement.isTypeOnly;
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (typeOnly || !specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    runtimeImports(resolve(dirname(file), specifier.text), seen);
  }
  return seen;
}

const TF = resolve('src/gan/tf.ts');

describe('objectives', () => {
  test.each(OBJECTIVES)('%s is listed under its own id, with its name and note in English and Korean', (id) => {
    expect(OBJECTIVE_MODULES[id].id).toBe(id);
    for (const language of ['en', 'ko'] as const) {
      expect(STRINGS[language].controls.objectives[id]).toBeTruthy();
      expect(STRINGS[language].formulas.notes[id]).toBeTruthy();
      // The formula card labels an extra formula exactly where the objective has one.
      const tex = objectiveTex({ ...defaultConfig(), objective: id });
      expect(STRINGS[language].formulas.extras[id] !== undefined, `${language} label for ${id}'s extra formula`).toBe(
        tex.extra !== undefined,
      );
    }
  });

  test.each(OBJECTIVES)(
    '%s: its recipe is valid settings, the fields it reads are shown only under it, and its labels are among them',
    (id) => {
      const module = OBJECTIVE_MODULES[id];
      expect(validateConfig({ ...defaultConfig(), ...recipeFor(id) }).ok).toBe(true);
      for (const field of module.settings) {
        expect(Object.hasOwn(CONFIG_SCHEMA, field)).toBe(true);
        for (const other of OBJECTIVES)
          expect(isUsed(field, { ...defaultConfig(), objective: other }), `${field} under ${other}`).toBe(
            OBJECTIVE_MODULES[other].settings.includes(field),
          );
      }
      for (const label of module.labels ?? []) expect(module.settings).toContain(label);
    },
  );

  test.each(OBJECTIVES)('%s: what D outputs decides how the charts and detectors read it', (id) => {
    const module = OBJECTIVE_MODULES[id];
    const expected = module.output === 'logit' ? 'probability' : module.labels ? 'score' : 'critic';
    expect(objectiveOutput(id)).toBe(expected);
    expect(isCritic(module)).toBe(expected === 'critic');
  });

  test.each(OBJECTIVES)('%s reaches the CLI and the Python export, with its hooks in the training loop', (id) => {
    expect(USAGE).toContain(id);
    const exported = exportPyTorch({ ...defaultConfig(), ...recipeFor(id) });
    if (!exported.ok) throw new Error(exported.refusal);
    expect(exported.script).toContain(OBJECTIVE_MODULES[id].pytorch);
    expect(exported.script.includes('critic_penalty(real, fake)')).toBe(
      OBJECTIVE_MODULES[id].losses.criticPenalty !== undefined,
    );
    expect(exported.script.includes('after_critic_step()\n')).toBe(
      OBJECTIVE_MODULES[id].losses.afterCriticStep !== undefined,
    );
  });

  test.each(OBJECTIVES)(
    '%s: every formula parses, with and without a condition (KaTeX would show an error in red)',
    async (id) => {
      const katex = (await import('katex')).default;
      for (const conditioning of ['none', 'label', 'infoCodes'] as const) {
        const tex = objectiveTex({ ...defaultConfig(), objective: id, conditioning });
        for (const part of [tex.discriminator, tex.generator, tex.extra, tex.information])
          if (part) expect(() => katex.renderToString(part, { throwOnError: true })).not.toThrow();
      }
    },
  );

  test('labels that are equal leave a labelled score nothing to separate', () => {
    expect(conflictsOf({ ...defaultConfig(), objective: 'lsgan', lsganA: 0.5, lsganB: 0.5 })).toEqual([
      'lsganLabelsEqual',
    ]);
    expect(conflictsOf({ ...defaultConfig(), objective: 'wgan', lsganA: 0.5, lsganB: 0.5 })).toEqual([]);
  });
});

describe('datasets', () => {
  /** What a module builds, from what it needs: two drawn points; MNIST is the platform's to load (mnist.test.ts). */
  const built = (id: (typeof DATASETS)[number]) =>
    DATASET_MODULES[id].kind === 'images'
      ? undefined
      : createDataset(id, {
          points: [
            [1, 1],
            [-1, 0],
          ],
        });

  test.each(DATASETS)('%s is listed under its own id, with its name in English and Korean', (id) => {
    expect(DATASET_MODULES[id].id).toBe(id);
    for (const language of ['en', 'ko'] as const) expect(STRINGS[language].controls.datasets[id]).toBeTruthy();
  });

  test.each(DATASETS)('%s: its labels and modes are those of what it builds', (id) => {
    const module = DATASET_MODULES[id];
    expect(LABELLED_DATASETS.includes(id)).toBe(module.labelled);
    const dataset = built(id);
    if (!dataset) return;
    expect(dataset.id).toBe(id);
    expect(dataset.classes > 0).toBe(module.labelled);
    expect(dataset.modes).toEqual(module.modes);
    const { x, labels } = dataset.sample(64, createRng(1, 'data'));
    expect(x).toHaveLength(64 * dataset.dimension);
    expect(labels !== undefined).toBe(module.labelled);
  });

  test.each(DATASETS)(
    '%s reaches the CLI and the Python export unless its points are drawn, and DCGAN only if it is images',
    (id) => {
      const { kind, pytorch } = DATASET_MODULES[id];
      expect(USAGE.includes(`--data ${DATASETS.filter((d) => DATASET_MODULES[d].kind !== 'drawn').join('|')}`)).toBe(
        true,
      );
      expect(new RegExp(`--data \\S*\\b${id}\\b`).test(USAGE)).toBe(kind !== 'drawn');
      const exported = exportPyTorch({ ...defaultConfig(), dataset: id });
      expect(exported.ok).toBe(kind !== 'drawn');
      if (exported.ok) expect(exported.script).toContain(pytorch);
      expect(conflictsOf({ ...defaultConfig(), dataset: id, architecture: 'dcgan' }).includes('dcganNeedsImages')).toBe(
        kind !== 'images',
      );
    },
  );
});

describe('the page loads the modules without TensorFlow.js', () => {
  test('the runtime-import walk finds tf.ts where it is (the trainer), so its silence below means something', () => {
    expect(runtimeImports(resolve('src/gan/objectives/registry.ts')).has(TF)).toBe(true);
  });

  test.each([
    'src/gan/config.ts',
    'src/gan/objectives/modules.ts',
    'src/gan/data/modules.ts',
    'src/features/charts/ChartsPanel.tsx',
    'src/gan/recipes.ts',
    'src/gan/diagnosis/objectives.ts',
    'src/features/formulas/tex.ts',
    'src/features/controls/variants.ts',
    'src/features/share/pytorch.ts',
  ])('%s', (file) => {
    const loaded = runtimeImports(resolve(file));
    expect([...loaded].filter((path) => path === TF)).toEqual([]);
  });
});
