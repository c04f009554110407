import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import nash, { findCycles } from '../../scripts/lint/no-import-cycle.js';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

test.each(['src/gan/example.ts', 'src/worker/example.ts'])(
  '%s may not import React, recharts or touch the DOM',
  async (filePath) => {
    expect(await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", filePath)).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { LineChart } from 'recharts';\nexport const c = LineChart;\n", filePath)).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds("import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n", filePath),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('export const el = document.body;\n', filePath)).toContain('no-restricted-globals');
    expect(await ruleIds('export const w = window.innerWidth;\n', filePath)).toContain('no-restricted-globals');
  },
);

test.each(['src/gan/example.ts', 'src/worker/example.ts'])(
  '%s may not import the page’s strings: it sends codes, the page words them',
  async (filePath) => {
    expect(await ruleIds("import { en } from '../i18n/reliability.ts';\nexport const e = en;\n", filePath)).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds("import { STRINGS } from '../../src/i18n/strings.ts';\nexport const s = STRINGS;\n", filePath),
    ).toContain('no-restricted-imports');
  },
);

test('UI code may import React', async () => {
  expect(
    await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", 'src/features/example.tsx'),
  ).toEqual([]);
});

describe('no import cycles (issue 16)', () => {
  const fixtures = 'tests/unit/fixtures/import-cycle';
  // The project's rule, switched on for the fixtures (the project's config applies it to src/ and scripts/).
  const withRule = new ESLint({
    overrideConfig: {
      files: [`${fixtures}/**`],
      plugins: { nash },
      rules: { 'nash/no-import-cycle': ['error', { folders: [`${fixtures}/features/*`] }] },
    },
  });
  const cycleMessages = async (file: string) => {
    const [result] = await withRule.lintFiles([`${fixtures}/${file}`]);
    return result.messages
      .filter((message) => message.ruleId === 'nash/no-import-cycle')
      .map((message) => ({ line: message.line, message: message.message }));
  };

  test('two files that import each other fail lint, on both sides, type imports included', async () => {
    expect(await cycleMessages('a.ts')).toEqual([
      {
        line: 2,
        message: expect.stringContaining(`Import cycle: ${fixtures}/a.ts → ${fixtures}/b.ts → ${fixtures}/a.ts`),
      },
    ]);
    expect(await cycleMessages('b.ts')).toEqual([
      {
        line: 2,
        message: expect.stringContaining(`Import cycle: ${fixtures}/b.ts → ${fixtures}/a.ts → ${fixtures}/b.ts`),
      },
    ]);
    expect(await cycleMessages('leaf.ts')).toEqual([]);
  });

  test('two feature folders that import each other fail lint, through any files', async () => {
    expect(await cycleMessages('features/one/start.ts')).toEqual([
      {
        line: 2,
        message: expect.stringContaining(
          `Folder cycle: ${fixtures}/features/one/start.ts → ${fixtures}/features/two/middle.ts → ${fixtures}/features/one/base.ts`,
        ),
      },
    ]);
    expect(await cycleMessages('features/one/base.ts')).toEqual([]);
  });

  test('the project lints src/ and scripts/ with the rule, and they have no cycle', async () => {
    for (const file of ['src/worker/session.ts', 'src/features/plane2d/PlaneView.tsx', 'scripts/train.ts']) {
      const config = await eslint.calculateConfigForFile(file);
      expect(config.rules['nash/no-import-cycle'], file).toEqual([2, { folders: ['src/features/*'] }]);
    }
    expect(findCycles(['src', 'scripts'])).toEqual([]);
  });
});
