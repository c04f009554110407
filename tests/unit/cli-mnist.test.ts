import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const train = (args: string[]) =>
  spawnSync('npx', ['tsx', '--import', './scripts/resolve-extensionless.mjs', 'scripts/train.ts', ...args], {
    encoding: 'utf8',
  });

test('MNIST in the CLI: classifier metrics on every report line, conditioned samples exported with their labels', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'nash-')), 'samples.json');
  const run = train([
    '--data',
    'mnist',
    '--architecture',
    'dcgan',
    '--channels',
    '4',
    '--conditioning',
    'label',
    '--latent-size',
    '8',
    '--batch',
    '8',
    '--steps',
    '2',
    '--report-every',
    '1',
    '--backend',
    'wasm',
    '--export-samples',
    file,
  ]);
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(lines.map((l) => l.iteration)).toEqual([1, 2]);
  for (const line of lines) {
    expect(line.classifierModes).toBeGreaterThanOrEqual(1);
    expect(line.classifierModes).toBeLessThanOrEqual(10);
    expect(line.classifierScore).toBeGreaterThanOrEqual(1);
    expect(line.classifierScore).toBeLessThanOrEqual(10);
    expect(line.labelAccuracy).toBeGreaterThanOrEqual(0);
  }
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { data: number[][]; labels: number[] };
  expect(exported.data.length).toBeGreaterThanOrEqual(100);
  expect(exported.data.every((row) => row.length === 784 && row.every((v) => v >= -1 && v <= 1))).toBe(true);
  expect(exported.labels).toHaveLength(exported.data.length);
  expect(new Set(exported.labels).size).toBe(10);
});
