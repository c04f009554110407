import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import nash from './scripts/lint/no-import-cycle.js';

/** DOM globals that the training core and the worker must never touch. */
const domGlobals = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'HTMLCanvasElement',
  'HTMLImageElement',
  'Element',
  'Node',
  'requestAnimationFrame',
  'alert',
  'getComputedStyle',
].map((name) => ({ name, message: 'src/gan and src/worker run without a DOM (DESIGN.md).' }));

const uiImports = {
  patterns: [
    {
      group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'recharts', 'recharts/*'],
      message: 'src/gan and src/worker never import React or recharts (DESIGN.md).',
    },
    { group: ['**/features/**', '**/app/**', '**/client/**'], message: 'The core never imports UI code.' },
    {
      group: ['**/i18n', '**/i18n/**'],
      message: 'src/gan and src/worker send codes and numbers; the page words them in its language (src/i18n).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'public', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles, type imports included: files that need each other hold one idea between them
    // (issue 16). Feature folders may not need each other in a circle either.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,mts,js,mjs}'],
    plugins: { nash },
    rules: { 'nash/no-import-cycle': ['error', { folders: ['src/features/*'] }] },
  },
  {
    files: ['src/gan/**', 'src/worker/**'],
    rules: {
      'no-restricted-imports': ['error', uiImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
