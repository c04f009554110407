/** Learning at fixed seeds: the recipes fail where the textbook says they fail, and their fixes do not. */
import { beforeAll, describe, expect, test } from 'vitest';
import { LEARNING_TIMEOUT, runPreset, useWasm } from './learning-helpers.ts';

beforeAll(useWasm);

describe('failure recipes on the 8-Gaussian ring', { timeout: LEARNING_TIMEOUT }, () => {
  // The classroom recipe (600 iterations); the slower modeCollapse preset runs in `npm run bench -- presets`.
  test('the mode-collapse recipe ends with at most 4 modes covered', async () => {
    const { evaluation } = await runPreset('modeCollapseLive');
    expect(evaluation.modes?.modesCovered).toBeLessThanOrEqual(4);
    // KL(q‖U) of the surviving modes: collapse onto m of 8 equal modes gives ln(8/m) ≥ ln 2.
    expect(evaluation.modes?.klUniform).toBeGreaterThan(Math.log(2));
  });

  test('the saturating loss against a strong D vanishes; the non-saturating loss does not', async () => {
    // D(G(z)) sinks below 0.05 along the run (at seed 1 by iteration ~300) and hovers there.
    const saturating = await runPreset('vanishingGradients');
    expect(saturating.lowestFake).toBeLessThan(0.05);
    expect(saturating.recent.dFake).toBeLessThan(0.1);
    expect(saturating.evaluation.modes?.highQuality).toBeLessThan(0.1);

    const nonSaturating = await runPreset('vanishingGradientsFix');
    const vanished = nonSaturating.recent.dFake < 0.05 && (nonSaturating.evaluation.modes?.highQuality ?? 0) < 0.1;
    expect(vanished).toBe(false);
    // The signal the UI charts: the gradient at D's output stays an order of magnitude larger.
    expect(nonSaturating.recent.outputGrad).toBeGreaterThan(10 * saturating.recent.outputGrad);
  });
});
