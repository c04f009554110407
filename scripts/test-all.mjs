// Runs every check the project has and prints one summary line, `N passed, N failed`, for CI.
// Steps: lint (includes the no-DOM rule for src/gan and src/worker), type check, then Vitest:
// unit and learning tests in Node, then browser tests in real Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  const ok = run.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  results[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

step('lint', 'npx', ['eslint', '.']);
step('typecheck', 'npx', ['tsc', '-b']);

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);

/**
 * Node tests first, then the browser tests on their own: the browser tests time a page (long tasks,
 * steps per second) and must not share the two cores with the learning tests.
 */
for (const project of ['unit', 'e2e']) {
  const report = `test-results/vitest-${project}.json`;
  console.log(`\n▶ vitest --project ${project}`);
  const vitest = spawnSync(
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...extra],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) {
    results.failed += 1;
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  results.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  if (vitest.status !== 0 && json.numFailedTests === 0 && !json.numRuntimeErrorTestSuites) results.failed += 1;
}

console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed === 0 ? 0 : 1);
