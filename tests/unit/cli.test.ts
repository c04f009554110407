import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { parseCli } from '../../scripts/cli/options.ts';

describe('CLI options', () => {
  test.each([
    [['--objective', 'bogus'], '--objective'],
    [['--data', 'cifar'], '--data'],
    [['--lr-g', 'fast'], '--lr-g'],
    [['--lr-d', '-1'], '--lr-d'],
    [['--steps', '0'], '--steps'],
    [['--batch', '2.5'], '--batch'],
    [['--backend', 'tpu'], '--backend'],
    [['--whatever', '1'], '--whatever'],
    [['--seed'], '--seed'],
  ])('%j is refused with a message naming %s', (argv, name) => {
    expect(() => parseCli(argv)).toThrow(name);
  });

  test('an objective brings its recipe; explicit flags win', () => {
    const { config } = parseCli(['--objective', 'wgan', '--k-d', '3']);
    expect(config).toMatchObject({ objective: 'wgan', discriminatorOptimizer: 'rmsprop', clipValue: 0.05, discriminatorSteps: 3 });
  });

  test('a preset sets the configuration and the run length', () => {
    const { config, steps } = parseCli(['--preset', 'vanishingGradients']);
    expect(config.objective).toBe('minimax');
    expect(config.discriminatorSteps).toBe(5);
    expect(steps).toBe(1500);
  });
});

const train = (args: string[]) =>
  spawnSync('npx', ['tsx', '--import', './scripts/resolve-extensionless.mjs', 'scripts/train.ts', ...args], { encoding: 'utf8' });

test('npm run train prints one JSON report per line with every field', () => {
  const run = train(['--objective', 'wganGp', '--steps', '6', '--report-every', '3', '--batch', '16', '--backend', 'wasm']);
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  expect(lines.map((l) => l.iteration)).toEqual([3, 6]);
  for (const key of ['dLoss', 'gLoss', 'dReal', 'dFake', 'gradNormG', 'gradNormD', 'outputGrad', 'modesCovered', 'modesTotal', 'highQuality', 'klUniform', 'wasserstein']) {
    expect(Number.isFinite(lines[1][key]), key).toBe(true);
  }
});

test('a bad option exits non-zero with a one-line message', () => {
  const run = train(['--lr-g', 'fast']);
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain('--lr-g');
});
