/**
 * Learning at fixed seeds: each objective really learns the 8-Gaussian ring. Each run stops at the
 * first evaluation with 7 modes covered (at the latest, its preset's iterations).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { recipeFor } from '../../src/gan/recipes.ts';
import { LEARNING_TIMEOUT, runConfig, runPreset, useWasm } from './learning-helpers.ts';

beforeAll(useWasm);

const sevenModes = ({ bestModes }: { bestModes: number }) => bestModes >= 7;

describe('learning on the 8-Gaussian ring', { timeout: LEARNING_TIMEOUT }, () => {
  test('non-saturating GAN reaches at least 7 of 8 modes covered', async () => {
    const { bestModes } = await runPreset('ringDefault', sevenModes);
    expect(bestModes).toBeGreaterThanOrEqual(7);
  });

  test('WGAN-GP reaches at least 7 of 8 modes covered', async () => {
    const { bestModes } = await runPreset('wganGpRing', sevenModes);
    expect(bestModes).toBeGreaterThanOrEqual(7);
  });

  test('the hinge loss, with its recipe, reaches at least 7 of 8 modes covered within 2,000 iterations', async () => {
    const { bestModes } = await runConfig({ dataset: 'ring', ...recipeFor('hinge') }, 2000, sevenModes);
    expect(bestModes).toBeGreaterThanOrEqual(7);
  });
});
