/** Compare mode's runs and the page share the machine's cores (issue 18: no main-thread task over 50 ms). */

/**
 * The part of a core left to the page's own threads (main, raster, compositor) while two runs train
 * at full speed. They use ~0.6 of one (`scripts/bench/lib/profile.ts compare`, 2 cores: main 23%,
 * raster 30%, compositors 8%); leaving 0.5 was enough (below).
 */
export const PAGE_CORES = 0.5;

/**
 * Each run's share of the wall time when `runs` train at once on `cores` cores: all of it where the
 * cores leave the page PAGE_CORES, else what does. With no rest, two runs on 2 cores left the page's
 * main thread waiting for a core: tasks of 12–20 ms of CPU took 52–78 ms, one every 18–30 s. Quiet
 * machine, `BENCH_COMPARE_ROUNDS=4 npm run bench -- compare` (24 s of compare mode each): at a share
 * of 0.7 no task over 50 ms, runs at 54% and 45% of a single run's speed; at 0.75 none, 53% and 48%.
 */
export function cpuShare(runs: number, cores: number): number {
  return Math.min(1, Math.max(0, cores - PAGE_CORES) / runs);
}
