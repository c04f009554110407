/**
 * Shared by the learning tests (learning-*.test.ts): train a preset at its fixed seed and report
 * what a student would read off the charts. Split over two files so CI's two cores run them side by side.
 */
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import { createDataset } from '../../src/gan/data/registry.ts';
import { PRESETS, type PresetId } from '../../src/gan/presets.ts';
import type { StatPoint } from '../../src/gan/stats.ts';
import { type Evaluation, Trainer } from '../../src/gan/trainer.ts';
import { useBackend } from '../../scripts/node/backend.ts';

export interface Outcome {
  /** The evaluation at the end of the run. */
  evaluation: Evaluation;
  /** Most modes covered at any evaluation along the run (every EVALUATE_EVERY iterations). */
  bestModes: number;
  /** Mean of each signal over the last 100 iterations, smoothing step-to-step noise. */
  recent: Pick<StatPoint, 'dFake' | 'outputGrad'>;
  /** The lowest 100-iteration mean of D(G(z)) at any evaluation: how far D's rejection of the fakes went. */
  lowestFake: number;
}

/** GANs on the ring hop between modes; judging "reaches" on evaluations along the run, as a student watching would. */
const EVALUATE_EVERY = 250;

/**
 * Trains for `iterations`, or until `reached` holds at an evaluation: a test that a recipe *reaches*
 * something stops once it has (the same verdict, sooner); a test of where a run *ends* passes none.
 */
async function train(
  config: RunConfig,
  iterations: number,
  reached?: (outcome: { bestModes: number }) => boolean,
): Promise<Outcome> {
  const trainer = new Trainer(config, createDataset(config.dataset));
  let points: StatPoint[] = [];
  let bestModes = 0;
  let lowestFake = Infinity;
  const mean = (field: 'dFake' | 'outputGrad') => points.reduce((s, p) => s + p[field], 0) / points.length;
  for (let i = 1; i <= iterations; i++) {
    trainer.step();
    if (i % EVALUATE_EVERY === 0) {
      points = points.concat(await trainer.flushStats()).slice(-100);
      lowestFake = Math.min(lowestFake, mean('dFake'));
      bestModes = Math.max(bestModes, (await trainer.evaluate()).modes?.modesCovered ?? 0);
      if (reached?.({ bestModes })) break;
    }
  }
  points = points.concat(await trainer.flushStats()).slice(-100);
  const evaluation = await trainer.evaluate();
  trainer.dispose();
  return {
    evaluation,
    bestModes: Math.max(bestModes, evaluation.modes?.modesCovered ?? 0),
    recent: { dFake: mean('dFake'), outputGrad: mean('outputGrad') },
    lowestFake: Math.min(lowestFake, mean('dFake')),
  };
}

export const runPreset = (id: PresetId, reached?: (outcome: { bestModes: number }) => boolean) =>
  train({ ...defaultConfig(), ...PRESETS[id].config }, PRESETS[id].iterations, reached);

/** A configuration that no preset names (a new objective with its recipe), trained the same way. */
export const runConfig = (
  config: Partial<RunConfig>,
  iterations: number,
  reached?: (outcome: { bestModes: number }) => boolean,
) => train({ ...defaultConfig(), ...config }, iterations, reached);

/** Generous: on two busy cores one preset takes a few minutes; on two free ones well under one. */
export const LEARNING_TIMEOUT = 600_000;

/** Learning runs on wasm: ~4× faster than cpu for these small MLPs, deterministic on one machine. */
export const useWasm = () => useBackend('wasm');
