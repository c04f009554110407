/**
 * Each objective on the 8-Gaussian ring with its recipe (src/gan/recipes.ts), 2,000 iterations on
 * the wasm and cpu backends: modes covered, %HQ, KL and wall time. The numbers the foundation issue
 * asks for; run with `npm run bench -- objectives`.
 */
import { defaultConfig, OBJECTIVES } from '../../src/gan/config.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { recipeFor } from '../../src/gan/recipes.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { type NodeBackend, useBackend } from '../node/backend.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const backends: NodeBackend[] = (process.env.BENCH_BACKENDS?.split(',') as NodeBackend[] | undefined) ?? ['wasm'];

const rows: string[] = [];
for (const backend of backends) {
  await useBackend(backend);
  for (const objective of OBJECTIVES) {
    const config = { ...defaultConfig(), ...recipeFor(objective) };
    const trainer = new Trainer(config, ring());
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) {
      trainer.step();
      if (i % 200 === 199) await trainer.flushStats(); // as the worker does: read back in batches
    }
    await trainer.flushStats();
    const seconds = (performance.now() - started) / 1000;
    const { modes } = await trainer.evaluate();
    trainer.dispose();
    rows.push(
      `| ${backend} | ${objective} | ${config.discriminatorSteps} | ${modes?.modesCovered}/${modes?.modesTotal} | ${(100 * (modes?.highQuality ?? 0)).toFixed(1)}% | ${modes?.klUniform.toFixed(3)} | ${seconds.toFixed(1)} s | ${((1000 * seconds) / ITERATIONS).toFixed(1)} ms |`,
    );
    console.log(rows[rows.length - 1]);
  }
}
console.log(`\nRing, ${ITERATIONS} iterations, seed ${defaultConfig().seed}, each objective's recipe:`);
console.log('| backend | objective | k_D | modes | %HQ | KL(q‖U) | wall time | per iteration |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
