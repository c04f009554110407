/**
 * Whether this build carries the test hooks (issue 16): the worker's `nashFault` (faults.ts) and the
 * `benchmark` command with its bare loop (benchmark.ts). Vite writes import.meta.env.MODE into each
 * build as a constant, so a production build drops the hooks' code; `vite build --mode test` (the
 * browser tests' global setup, scripts/bench) keeps them. Outside Vite (Node tests, the CLI,
 * benchmarks run by tsx) there is no import.meta.env, and the callers there are tests and benchmarks.
 */
const mode = (import.meta as { env?: { MODE?: string } }).env?.MODE;
export const TEST_HOOKS = mode === undefined || mode === 'test';
