/**
 * Divergence guard: notices when training produced NaN or ±∞ and rolls the run back to the last state
 * known to be finite. It adds no synchronous read-back to the loop: next to each (asynchronous) stats
 * read it captures a device-side checkpoint and a reduction "is every weight finite", read back in the
 * same round trip as the stats. A read that comes back finite keeps its checkpoint; one that does not
 * restores the older of the last two kept, because the newest finite state can already be on its way to
 * overflow (a learning rate of 10 turns weights of 1e30 into ∞ in the next steps) and would diverge again.
 */
import * as tf from '../gan/tf.ts';
import { Checkpoint, finiteFlags, type Network, NETWORKS } from '../gan/checkpoint.ts';
import type { OptimizerId, RunConfig } from '../gan/config.ts';
import { recordedSignals, type StatField, type StatPoint } from '../gan/stats.ts';
import type { Trainer } from '../gan/trainer.ts';

/** Which network each signal comes from, to say where a non-finite value arose. */
const FIELD_NETWORK: Record<StatField, Network> = {
  dLoss: 'discriminator',
  dReal: 'discriminator',
  dFake: 'discriminator',
  gradNormD: 'discriminator',
  wasserstein: 'discriminator',
  mutualInformation: 'discriminator',
  gLoss: 'generator',
  gradNormG: 'generator',
  outputGrad: 'generator',
};

/** Finite checkpoints kept; a rollback returns to the oldest. */
const KEPT = 2;

/** How much lower a suggested learning rate is than the one that diverged: one order of magnitude. */
const SUGGESTED_FACTOR = 0.1;

export interface LearningRateAdvice {
  network: Network;
  optimizer: OptimizerId;
  learningRate: number;
  suggested: number;
}

export interface DivergenceReport {
  /** The iteration the run was rolled back to (its weights and optimiser state). */
  restoredIteration: number;
  /** The last iteration read back when it was noticed: the divergence happened after restoredIteration and by this one. */
  noticedAt: number;
  /** Networks with a NaN or ±∞ weight (optimiser slots included). */
  networks: Network[];
  /**
   * Signals of this run that were ±∞ (a NaN signal is also a place-holder for a network that did not
   * step). Only those the run records (recordedSignals): never the Wasserstein estimate of a GAN
   * that has no critic.
   */
  fields: StatField[];
  /** Lower learning rates to try, one per network involved. */
  advice: LearningRateAdvice[];
  /** Variable groups that could not be restored (an optimiser changed since) and start from zero. */
  reset: string[];
}

/** A checkpoint and the finite flags taken together, next to one stats read. */
export interface Reading {
  checkpoint: Checkpoint;
  flags: tf.Tensor1D;
}

export class DivergenceGuard {
  /** Finite states, oldest first. */
  private kept: Checkpoint[] = [];

  /** A fresh, restored or loaded run: its current state is the one to return to until a read says otherwise. */
  reset(trainer: Trainer): void {
    this.dispose();
    this.kept = [Checkpoint.capture(trainer)];
  }

  /** Synchronously, in the same moment as the stats read starts (the loop may step before it returns). */
  begin(trainer: Trainer): Reading {
    return { checkpoint: Checkpoint.capture(trainer), flags: finiteFlags(trainer) };
  }

  /**
   * After the read's stats came back: undefined when all is finite (its checkpoint becomes the one to
   * return to), else the run is rolled back and the report says what diverged.
   */
  async judge(trainer: Trainer, reading: Reading, points: readonly StatPoint[]): Promise<DivergenceReport | undefined> {
    const flags = await reading.flags.data();
    reading.flags.dispose();
    const networks = NETWORKS.filter((_, i) => flags[i] !== 1);
    const fields = infiniteFields(points, recordedSignals(trainer.config));
    if (networks.length === 0 && fields.length === 0) {
      this.kept.push(reading.checkpoint);
      while (this.kept.length > KEPT) this.kept.shift()?.dispose();
      return undefined;
    }
    reading.checkpoint.dispose();
    const [oldest, ...newer] = this.kept;
    if (!oldest) throw new Error('Training diverged before a finite state was recorded');
    for (const checkpoint of newer) checkpoint.dispose();
    this.kept = [oldest];
    const noticedAt = trainer.iteration;
    const reset = oldest.restore(trainer);
    const involved = NETWORKS.filter((n) => networks.includes(n) || fields.some((f) => FIELD_NETWORK[f] === n));
    return {
      restoredIteration: oldest.iteration,
      noticedAt,
      networks,
      fields,
      advice: involved.map((n) => advise(trainer.config, n)),
      reset,
    };
  }

  dispose(): void {
    for (const checkpoint of this.kept) checkpoint.dispose();
    this.kept = [];
  }
}

/** The `signals` that were ±∞ in any of the points, in STAT_FIELDS order. */
export function infiniteFields(points: readonly StatPoint[], signals: readonly StatField[]): StatField[] {
  return signals.filter((field) => points.some((point) => point[field] === Infinity || point[field] === -Infinity));
}

function advise(config: RunConfig, network: Network): LearningRateAdvice {
  const learningRate = network === 'generator' ? config.generatorLearningRate : config.discriminatorLearningRate;
  const optimizer = network === 'generator' ? config.generatorOptimizer : config.discriminatorOptimizer;
  return { network, optimizer, learningRate, suggested: Number((learningRate * SUGGESTED_FACTOR).toPrecision(2)) };
}
