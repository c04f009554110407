/**
 * `npm run bench [-- name ...]`: runs every benchmark in scripts/bench/ (or the named ones) one after
 * another, each in its own process, and lets each print its own table. Benchmarks measure; they
 * never fail on a number (targets are judged by a person reading the table).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = join(import.meta.dirname, 'bench');
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((file) => file.endsWith('.ts'))
  .sort();
const chosen = wanted.length ? all.filter((file) => wanted.includes(basename(file, '.ts'))) : all;
if (chosen.length === 0) {
  console.error(`bench: none of ${wanted.join(', ')} in ${all.map((f) => basename(f, '.ts')).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${basename(file, '.ts')} ===`);
  const run = spawnSync('npx', ['tsx', '--import', './scripts/resolve-extensionless.mjs', join(dir, file), ...wanted], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
