/**
 * A run's state kept on the device, to roll back to after training diverges. `tf.clone` shares the
 * variable's data (no copy, no read-back); an optimiser step replaces a variable's data by `assign`
 * rather than writing it in place, so the clone keeps the values of the moment it was taken. Unlike
 * src/worker/serialize.ts (plain arrays, to save a run) nothing leaves the device.
 */
import * as tf from './tf.ts';
import type { Trainer } from './trainer.ts';

/** The variable groups that belong to each network, optimiser slots included (see Trainer.variableGroups). */
const NETWORK_GROUPS = {
  generator: ['generator', 'generatorState', 'generatorSlots'],
  discriminator: ['discriminator', 'discriminatorState', 'discriminatorSlots'],
} as const;
export type Network = keyof typeof NETWORK_GROUPS;
export const NETWORKS = Object.keys(NETWORK_GROUPS) as Network[];

export class Checkpoint {
  private constructor(
    readonly iteration: number,
    private readonly steps: { generator: number; discriminator: number },
    private readonly groups: Map<string, tf.Tensor[]>,
  ) {}

  /** Copies every variable of the trainer as it is now; the caller owns the copies until `dispose`. */
  static capture(trainer: Trainer): Checkpoint {
    const groups = new Map(
      Object.entries(trainer.variableGroups()).map(([group, variables]) => [
        group,
        variables.map((v) => tf.keep(tf.clone(v))),
      ]),
    );
    const { generator, discriminator } = trainer.optimizers();
    return new Checkpoint(
      trainer.iteration,
      { generator: generator.steps, discriminator: discriminator.steps },
      groups,
    );
  }

  /**
   * Writes the copies back. A group whose variables no longer match (an optimiser type changed live
   * since the capture, so its slots are others) is zeroed instead: a fresh optimiser's state, which is
   * what changing the type did anyway. Returns the groups so reset.
   */
  restore(trainer: Trainer): string[] {
    const reset: string[] = [];
    for (const [group, variables] of Object.entries(trainer.variableGroups())) {
      const saved = this.groups.get(group);
      const fits =
        saved?.length === variables.length && variables.every((v, i) => v.shape.join() === saved[i].shape.join());
      if (!fits) reset.push(group);
      variables.forEach((v, i) => tf.tidy(() => v.assign(fits ? tf.clone(saved[i]) : tf.zerosLike(v))));
    }
    const { generator, discriminator } = trainer.optimizers();
    generator.steps = reset.includes('generatorSlots') ? 0 : this.steps.generator;
    discriminator.steps = reset.includes('discriminatorSlots') ? 0 : this.steps.discriminator;
    trainer.iteration = this.iteration;
    return reset;
  }

  dispose(): void {
    for (const tensors of this.groups.values()) tf.dispose(tensors);
    this.groups.clear();
  }
}

/**
 * One scalar per network, 1 where every one of its variables (optimiser slots included) is finite,
 * else 0: [generator, discriminator]. A reduction on the device, read back with the stats.
 */
export function finiteFlags(trainer: Trainer): tf.Tensor1D {
  const groups = trainer.variableGroups();
  return tf.tidy(
    () =>
      tf.stack(
        NETWORKS.map((network) => {
          const variables = NETWORK_GROUPS[network].flatMap((group) => [...(groups[group] ?? [])]);
          if (variables.length === 0) return tf.scalar(1);
          return tf.min(tf.stack(variables.map((v) => tf.cast(tf.all(tf.isFinite(v)), 'float32'))));
        }),
      ) as tf.Tensor1D,
  );
}
