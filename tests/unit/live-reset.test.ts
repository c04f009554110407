import { beforeAll, describe, expect, test } from 'vitest';
import { buildNetworks } from '../../src/gan/architectures/build.ts';
import {
  applyLivePatch,
  criticBatchNorm,
  defaultConfig,
  OBJECTIVES,
  resetReason,
  type RunConfig,
} from '../../src/gan/config.ts';
import type { Dataset } from '../../src/gan/data/dataset.ts';
import { createRng } from '../../src/gan/rng.ts';
import { Trainer } from '../../src/gan/trainer.ts';
import { loadMnist } from '../../scripts/node/mnist.ts';
import { useCpu } from './setup-tf.ts';

/**
 * The objective is a live setting, but on DCGAN it decides whether the critic has batch norm: none
 * under WGAN-GP's per-sample penalty (objectives/wganGp.ts). Switching to or from WGAN-GP live kept
 * the critic that was built, batch norm and all; such a change must wait for Reset.
 */
let mnist: Dataset;
beforeAll(async () => {
  await useCpu();
  mnist = loadMnist();
});

const dcgan = (patch: Partial<RunConfig> = {}): RunConfig => ({
  ...defaultConfig(),
  dataset: 'mnist',
  architecture: 'dcgan',
  channels: 4,
  batchSize: 4,
  latentSize: 8,
  ...patch,
});

describe('an objective change that adds or removes the critic’s batch norm needs Reset', () => {
  test.each([
    ['nonSaturating', 'wganGp'],
    ['wganGp', 'wgan'],
    ['minimax', 'wganGp'],
  ] as const)('DCGAN %s → %s: refused live, with the reason', (from, to) => {
    const current = dcgan({ objective: from });
    const { config, applied, refused } = applyLivePatch(current, { objective: to, discriminatorLearningRate: 2e-4 });
    expect(config.objective).toBe(from);
    expect(applied.map((change) => change.field)).toEqual(['discriminatorLearningRate']);
    expect(refused).toEqual([{ code: 'needsReset', field: 'objective', why: 'criticBatchNorm' }]);
    expect(resetReason(current, 'objective', to)).toBe('criticBatchNorm');
  });

  test('objective changes that keep the critic as it is still apply live', () => {
    expect(applyLivePatch(dcgan({ objective: 'nonSaturating' }), { objective: 'lsgan' }).config.objective).toBe(
      'lsgan',
    );
    expect(applyLivePatch(dcgan({ objective: 'wgan' }), { objective: 'minimax' }).config.objective).toBe('minimax');
    // The MLP critic never has batch norm.
    const mlp = { ...defaultConfig(), objective: 'nonSaturating' as const };
    expect(resetReason(mlp, 'objective', 'wganGp')).toBeUndefined();
    expect(applyLivePatch(mlp, { objective: 'wganGp' }).config.objective).toBe('wganGp');
  });

  test('every objective builds the DCGAN critic the rule says: batch norm state exactly where criticBatchNorm', () => {
    for (const objective of OBJECTIVES) {
      const config = dcgan({ objective });
      const { generator, discriminator } = buildNetworks(config, mnist, {
        generator: createRng(1),
        discriminator: createRng(2),
      });
      expect(discriminator.state.length > 0, objective).toBe(criticBatchNorm(config));
      expect(criticBatchNorm(config)).toBe(objective !== 'wganGp');
      generator.dispose();
      discriminator.dispose();
    }
  });

  test('trainer: the live update leaves the batch-norm critic in place; after Reset the WGAN-GP critic has none', () => {
    const trainer = new Trainer(dcgan({ objective: 'nonSaturating' }), mnist);
    const result = trainer.update({ objective: 'wganGp' });
    expect(result.applied).toEqual([]);
    expect(result.refused.map((r) => r.field)).toEqual(['objective']);
    expect(trainer.config.objective).toBe('nonSaturating');
    expect(trainer.discriminator.state.length).toBeGreaterThan(0);
    trainer.step('both');

    // Reset: a fresh trainer on the settings with the waiting change applied, as the worker builds it.
    const reset = new Trainer({ ...trainer.config, objective: 'wganGp' }, mnist);
    trainer.dispose();
    expect(reset.discriminator.state).toEqual([]);
    expect(reset.discriminator.trainable.some((v) => v.name.includes('_bn'))).toBe(false);
    reset.step('both');
    reset.dispose();
  });
});
