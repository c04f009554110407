import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { defaultConfig } from '../src/gan/config.ts';
import { ring } from '../src/gan/data/toy2d.ts';
import { Trainer } from '../src/gan/trainer.ts';
await tf.setBackend(process.argv[2] ?? 'cpu');
const c = defaultConfig();
c.objective = (process.argv[3] ?? 'nonSaturating') as any;
if (c.objective.startsWith('wgan')) { c.discriminatorSteps = 5; }
const t = new Trainer(c, ring());
const t0 = performance.now();
for (let i = 1; i <= 2000; i++) {
  t.step();
  if (i % 250 === 0) { const s = await t.flushStats(); const e = await t.evaluate(); console.log(i, ((performance.now()-t0)/i).toFixed(1)+'ms', JSON.stringify(s.at(-1)), e.modes?.modesCovered, e.modes?.highQuality.toFixed(3), tf.memory().numTensors); }
}
