/**
 * A benchmark's command line. `npm run bench -- name --flag value …` hands every benchmark it runs
 * the same words (scripts/bench.ts), so a long benchmark runs only when it is named among them.
 */
export const benchArgs = process.argv.slice(2);

/** The word after `--name`, if the command line has one. */
export function option(name: string): string | undefined {
  const at = benchArgs.indexOf(`--${name}`);
  return at >= 0 ? benchArgs[at + 1] : undefined;
}

/** Ends this process, saying how to run it, unless `name` is on the command line (or `named` says it was). */
export function runOnlyWhenNamed(name: string, duration: string, usage: string, named = benchArgs.includes(name)) {
  if (named) return;
  console.log(`${name}: skipped (${duration}); run it by name: npm run bench -- ${name}${usage ? ` ${usage}` : ''}`);
  process.exit(0);
}
