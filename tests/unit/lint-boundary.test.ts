import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

test.each(['src/gan/example.ts', 'src/worker/example.ts'])('%s may not import React, recharts or touch the DOM', async (filePath) => {
  expect(await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", filePath)).toContain('no-restricted-imports');
  expect(await ruleIds("import { LineChart } from 'recharts';\nexport const c = LineChart;\n", filePath)).toContain('no-restricted-imports');
  expect(await ruleIds("import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n", filePath)).toContain('no-restricted-imports');
  expect(await ruleIds('export const el = document.body;\n', filePath)).toContain('no-restricted-globals');
  expect(await ruleIds('export const w = window.innerWidth;\n', filePath)).toContain('no-restricted-globals');
});

test.each(['src/gan/example.ts', 'src/worker/example.ts'])('%s may not import the page’s strings: it sends codes, the page words them', async (filePath) => {
  expect(await ruleIds("import { en } from '../i18n/reliability.ts';\nexport const e = en;\n", filePath)).toContain('no-restricted-imports');
  expect(await ruleIds("import { STRINGS } from '../../src/i18n/strings.ts';\nexport const s = STRINGS;\n", filePath)).toContain('no-restricted-imports');
});

test('UI code may import React', async () => {
  expect(await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", 'src/features/example.tsx')).toEqual([]);
});
