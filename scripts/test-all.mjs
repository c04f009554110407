// Runs every check the project has and prints one summary line, `N passed, N failed`, for CI.
// Steps: lint (includes the no-DOM rule for src/gan and src/worker), the type check and the formatter's
// check side by side (each is one thread, and CI has two cores), then Vitest: unit and learning tests in Node, then
// browser tests in real Chromium. Ends with each step's and each test file's time, slowest first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const results = { passed: 0, failed: 0, skipped: 0 };
/** [name, seconds] of every step and test file, for the closing table. */
const times = [];
/** What failed, a line each, printed last: CI keeps only the tail of the output. */
const failures = [];

const seconds = (since) => (performance.now() - since) / 1000;
/** The first line of an error message, cut to 300 characters and stripped of colour codes. */
const firstLine = (message = '') => stripVTControlCharacters(message).trim().split('\n')[0].slice(0, 300);

/** Runs a command with its output kept and printed once it ends, so two steps side by side do not interleave. */
function quietStep(name, command, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (status) => {
      const ok = status === 0;
      console.log(
        `\n▶ ${name}: ${command} ${args.join(' ')}\n${Buffer.concat(output).toString()}${ok ? '✓' : '✗'} ${name}`,
      );
      results[ok ? 'passed' : 'failed'] += 1;
      if (!ok) failures.push(`${name} (see ✗ ${name} above)`);
      times.push([name, seconds(started)]);
      resolve(ok);
    });
  });
}

// The formatter's check takes well under a second (Biome is native); it runs beside them.
await Promise.all([
  quietStep('lint', 'npx', ['eslint', '.']),
  quietStep('typecheck', 'npx', ['tsc', '-b']),
  quietStep('format', 'npx', ['biome', 'format', '.']),
]);

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);

/**
 * Node tests first, then the browser tests on their own, which must not share the two cores with the
 * learning tests: first those that check what the page shows and does (two files at a time), then
 * those that time the page (long tasks, steps per second), one file at a time (vitest.config.ts).
 */
for (const project of ['unit', 'e2e', 'e2e-timed']) {
  const report = `test-results/vitest-${project}.json`;
  console.log(`\n▶ vitest --project ${project}`);
  const started = performance.now();
  const vitest = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
      ...extra,
    ],
    { stdio: 'inherit' },
  );
  times.push([`vitest ${project} (wall)`, seconds(started)]);
  if (!existsSync(report)) {
    results.failed += 1;
    failures.push(`vitest ${project}: no report (${vitest.error ?? `exit ${vitest.status}`})`);
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  results.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  if (vitest.status !== 0 && json.numFailedTests === 0 && !json.numRuntimeErrorTestSuites) {
    results.failed += 1;
    failures.push(`vitest ${project}: exit ${vitest.status} with no failed test`);
  }
  for (const file of json.testResults ?? []) {
    const name = file.name.slice(file.name.indexOf('tests/'));
    times.push([name, (file.endTime - file.startTime) / 1000]);
    if (file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'))
      failures.push(`${name}: ${firstLine(file.message)}`);
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') failures.push(`${name} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
}

console.log(
  '\nTime per step and per test file (seconds; unit and e2e files run two at a time, e2e-timed files alone):',
);
for (const [name, s] of [...times].sort((a, b) => b[1] - a[1])) console.log(`${s.toFixed(1).padStart(8)}  ${name}`);

if (failures.length > 0) console.log(`\nFailed (${failures.length}):\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
