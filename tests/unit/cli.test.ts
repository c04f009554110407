import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseCli, USAGE } from '../../scripts/cli/options.ts';
import { OBJECTIVES } from '../../src/gan/config.ts';
import { recipeFor } from '../../src/gan/recipes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'nash-cli-'));

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

  // Names every object inherits: a lookup with `in` or a plain index finds them (issue #20).
  test.each([
    [['--__proto__', '1'], 'unknown option --__proto__'],
    [['--constructor', '1'], 'unknown option --constructor'],
    [['--toString', '1'], 'unknown option --toString'],
    [['--preset', 'toString'], '--preset: "toString" is not one of ringDefault'],
    [['--conditioning', 'constructor'], '"constructor" is not allowed; expected one of none, label, infoCodes'],
  ])('the inherited name in %j is refused: %s', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });

  test('customDefault is refused: its points are drawn in the app; with --data it runs on that data', () => {
    expect(() => parseCli(['--preset', 'customDefault'])).toThrow(
      /^--preset: customDefault trains on points drawn in the app.*expected one of ring, grid/,
    );
    expect(parseCli(['--preset', 'customDefault', '--data', 'ring']).config.dataset).toBe('ring');
  });

  test('the export file is checked before training: its folder must exist and it must not be a folder', () => {
    expect(() => parseCli(['--export-samples', '/nonexistent/dir/x.json'])).toThrow(
      '--export-samples: "/nonexistent/dir/x.json" cannot be written: the folder /nonexistent/dir does not exist',
    );
    expect(() => parseCli(['--export-samples', scratch])).toThrow('is a folder');
    const file = join(scratch, 'a=b.json');
    expect(parseCli([`--export-samples=${file}`]).exportSamples).toBe(file);
  });

  test('an objective brings its recipe; explicit flags win', () => {
    const { config } = parseCli(['--objective', 'wgan', '--k-d', '3']);
    expect(config).toMatchObject({
      objective: 'wgan',
      discriminatorOptimizer: 'rmsprop',
      clipValue: 0.05,
      discriminatorSteps: 3,
    });
  });

  test.each(OBJECTIVES)("--objective %s is listed in the help and brings its module's recipe", (objective) => {
    expect(USAGE).toMatch(new RegExp(`--objective \\S*\\b${objective}\\b`));
    expect(parseCli(['--objective', objective]).config).toMatchObject(recipeFor(objective));
  });

  test('--data checkerboard is listed in the help and trains on the checkerboard', () => {
    expect(USAGE).toMatch(/--data \S*\bcheckerboard\b/);
    expect(parseCli(['--data', 'checkerboard']).config.dataset).toBe('checkerboard');
  });

  test('a preset sets the configuration and the run length', () => {
    const { config, steps } = parseCli(['--preset', 'vanishingGradients']);
    expect(config.objective).toBe('minimax');
    expect(config.discriminatorSteps).toBe(5);
    expect(steps).toBe(1500);
  });
});

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Runs the CLI as `npm run train` does (without npm's startup); `nodeArgs` go before the script. */
const train = (args: string[], { nodeArgs = [] as string[], env = {} } = {}) =>
  new Promise<Run>((resolve) => {
    const argv = [TSX, '--import', './scripts/resolve-extensionless.mjs', ...nodeArgs, 'scripts/train.ts', ...args];
    execFile(
      process.execPath,
      argv,
      { encoding: 'utf8', env: { ...process.env, NASH_DEBUG: undefined, ...env } },
      (error, stdout, stderr) => {
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });

/** A stack trace's frame: never shown unless NASH_DEBUG=1. */
const STACK_FRAME = /^\s+at /m;

test.concurrent('npm run train prints one JSON report per line with every field', async () => {
  const run = await train([
    '--objective',
    'wganGp',
    '--steps',
    '6',
    '--report-every',
    '3',
    '--batch',
    '16',
    '--backend',
    'wasm',
  ]);
  expect(run.status).toBe(0);
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(lines.map((l) => l.iteration)).toEqual([3, 6]);
  for (const key of [
    'dLoss',
    'gLoss',
    'dReal',
    'dFake',
    'gradNormG',
    'gradNormD',
    'outputGrad',
    'modesCovered',
    'modesTotal',
    'highQuality',
    'klUniform',
    'wasserstein',
  ]) {
    expect(Number.isFinite(lines[1][key]), key).toBe(true);
  }
});

test.concurrent('--help lists the options, but not a preset the CLI cannot run', async () => {
  const run = await train(['--help']);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^Usage: npm run train -- \[options\]/);
  expect(run.stdout).toContain('--preset ringDefault|');
  expect(run.stdout).not.toContain('customDefault');
});

// The parse cases above cover each refusal; these check what the shell sees, one spawn per path
// through scripts/train.ts (each costs seconds of tfjs loading).
test.concurrent.each([
  [['--constructor', '1'], 'unknown option --constructor'],
  [
    ['--export-samples', '/nonexistent/dir/x.json', '--steps', '2'],
    '--export-samples: "/nonexistent/dir/x.json" cannot be written',
  ],
])('%j exits with status 2 and a one-line message before training: %s', async (args, message) => {
  const run = await train(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`train: ${message}`)]);
});

describe('a failure at run time', () => {
  // The disk fills up while the samples are written: a stand-in for any error the CLI cannot foresee.
  const diskFull = join(scratch, 'disk-full.mjs');
  writeFileSync(
    diskFull,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const write = fs.writeFileSync;
fs.writeFileSync = (file, ...rest) => {
  if (String(file).endsWith('samples.json')) throw new Error('ENOSPC: no space left on device, write');
  return write(file, ...rest);
};
syncBuiltinESMExports();
`,
  );
  const args = ['--steps', '1', '--batch', '8', '--export-samples', join(scratch, 'samples.json')];

  test.concurrent('ends in one line and status 1, without a stack', async () => {
    const run = await train(args, { nodeArgs: ['--import', diskFull] });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    // The last line is ours; tfjs's cpu backend may print its banner before it.
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'train: --export-samples: ENOSPC: no space left on device, write',
    );
  });

  test.concurrent('prints the stack with NASH_DEBUG=1', async () => {
    const run = await train(args, { nodeArgs: ['--import', diskFull], env: { NASH_DEBUG: '1' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(STACK_FRAME);
  });
});
