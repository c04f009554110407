import * as tf from './tf.ts';
import { discriminate, type Discriminator, type Generator, globalNorm } from './architectures/network.ts';
import { buildNetworks } from './architectures/build.ts';
import { applyLivePatch, type ConfigChange, type RunConfig } from './config.ts';
import type { Dataset } from './data/dataset.ts';
import { sampleNoise } from './latent.ts';
import { METRIC_SAMPLES, type ModeMetrics, modeMetrics } from './metrics/modes.ts';
import { objectiveFor } from './objectives/registry.ts';
import { createOptimizer, type Optimizer, type OptimizerSettings } from './optimizers.ts';
import { createRng, type Rng } from './rng.ts';
import { STAT_FIELDS, type StatField, type StatPoint } from './stats.ts';

export type StepTarget = 'both' | 'discriminator' | 'generator';

export interface UpdateResult {
  applied: ConfigChange[];
  refused: { field: string; reason: string }[];
  /** What else the change did, e.g. an optimiser whose state was reset. */
  notes: string[];
}

export interface Evaluation {
  iteration: number;
  /** Mode metrics where the dataset has known modes. */
  modes?: ModeMetrics;
}

/** Scalars of the latest D or G step, kept on the device until the iteration's stats are stacked. */
type HeldStats = Partial<Record<StatField, tf.Scalar>>;

/**
 * Trains one GAN: an iteration is k_D discriminator (critic) steps, then k_G generator steps.
 * Per-iteration signals stay on the device as one small tensor each and are read back in batches by
 * `flushStats`, never synchronously in the loop.
 */
export class Trainer {
  config: RunConfig;
  readonly dataset: Dataset;
  readonly generator: Generator;
  readonly discriminator: Discriminator;
  iteration = 0;

  private generatorOptimizer: Optimizer;
  private discriminatorOptimizer: Optimizer;
  private readonly noiseRng: Rng;
  private readonly dataRng: Rng;
  private readonly penaltyRng: Rng;
  private readonly evaluationNoise: Float32Array;
  private held: HeldStats = {};
  private pending: { iteration: number; stats: tf.Tensor1D }[] = [];

  constructor(config: RunConfig, dataset: Dataset) {
    this.config = { ...config };
    this.dataset = dataset;
    const { seed } = config;
    const networks = buildNetworks(config, dataset, { generator: createRng(seed, 'init-generator'), discriminator: createRng(seed, 'init-discriminator') });
    this.generator = networks.generator;
    this.discriminator = networks.discriminator;
    this.generatorOptimizer = createOptimizer(config.generatorOptimizer, this.generator.trainable);
    this.discriminatorOptimizer = createOptimizer(config.discriminatorOptimizer, this.discriminator.trainable);
    this.noiseRng = createRng(seed, 'noise');
    this.dataRng = createRng(seed, 'data');
    this.penaltyRng = createRng(seed, 'penalty');
    this.evaluationNoise = sampleNoise(createRng(seed, 'evaluation'), METRIC_SAMPLES, config.latentSize, config.noise);
  }

  private settings(network: 'generator' | 'discriminator'): OptimizerSettings {
    const c = this.config;
    return {
      learningRate: network === 'generator' ? c.generatorLearningRate : c.discriminatorLearningRate,
      beta1: c.beta1,
      beta2: c.beta2,
      momentum: c.momentum,
      rmspropDecay: c.rmspropDecay,
    };
  }

  private noiseBatch(n: number): tf.Tensor2D {
    return tf.tensor2d(sampleNoise(this.noiseRng, n, this.config.latentSize, this.config.noise), [n, this.config.latentSize]);
  }

  private realBatch(n: number): tf.Tensor2D {
    return tf.tensor2d(this.dataset.sample(n, this.dataRng).x, [n, this.dataset.dimension]);
  }

  /** D as a probability (σ of the logit) where the objective has one, else the raw score. */
  private readOutput(scores: tf.Tensor): tf.Scalar {
    return tf.mean(objectiveFor(this.config.objective).output === 'logit' ? tf.sigmoid(scores) : scores);
  }

  private hold(stats: HeldStats) {
    for (const [field, value] of Object.entries(stats) as [StatField, tf.Scalar][]) {
      this.held[field]?.dispose();
      this.held[field] = tf.keep(value);
    }
  }

  /**
   * One discriminator (critic) step: descend L_D (plus the objective's penalty) on a real batch and
   * a fake batch, moving only the discriminator's variables; then the objective's post-step hook.
   */
  stepDiscriminator(): void {
    const c = this.config;
    const objective = objectiveFor(c.objective);
    const n = c.batchSize;
    const variables = this.discriminator.trainable;
    const epsilon = objective.criticPenalty ? this.penaltyRng.fillUniform(new Float32Array(n)) : undefined;
    tf.tidy(() => {
      const real = this.realBatch(n); // [n, dim]
      const fake = this.generator.apply(this.noiseBatch(n), true); // [n, dim]
      let scores: { real: tf.Tensor2D; fake: tf.Tensor2D } | undefined;
      const { value: loss, grads } = tf.variableGrads(() => {
        const realScores = discriminate(this.discriminator, real, true); // [n, 1]
        const fakeScores = discriminate(this.discriminator, fake, true); // [n, 1]
        scores = { real: tf.keep(realScores), fake: tf.keep(fakeScores) };
        const base = objective.discriminatorLoss(realScores, fakeScores, c);
        if (!objective.criticPenalty || !epsilon) return base;
        const critic = (x: tf.Tensor2D) => discriminate(this.discriminator, x, true);
        return tf.add(base, objective.criticPenalty(critic, real, fake, tf.tensor2d(epsilon, [n, 1]), c)) as tf.Scalar;
      }, variables);
      const gradList = variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
      this.discriminatorOptimizer.apply(variables, gradList, this.settings('discriminator'));
      objective.afterCriticStep?.(variables, c);
      if (!scores) throw new Error('discriminator loss was not evaluated');
      this.hold({
        dLoss: loss,
        dReal: this.readOutput(scores.real),
        dFake: this.readOutput(scores.fake),
        gradNormD: globalNorm(gradList),
        wasserstein: tf.sub(tf.mean(scores.real), tf.mean(scores.fake)) as tf.Scalar,
      });
      tf.dispose([scores.real, scores.fake]);
    });
  }

  /** One generator step: descend L_G through the (fixed) discriminator, moving only G's variables. */
  stepGenerator(): void {
    const c = this.config;
    const objective = objectiveFor(c.objective);
    const n = c.batchSize;
    const variables = this.generator.trainable;
    tf.tidy(() => {
      const latent = this.noiseBatch(n); // [n, latentSize]
      let fakeScores: tf.Tensor2D | undefined;
      const { value: loss, grads } = tf.variableGrads(() => {
        const scores = discriminate(this.discriminator, this.generator.apply(latent, true), true); // [n, 1]
        fakeScores = tf.keep(scores);
        return objective.generatorLoss(scores, c);
      }, variables);
      const gradList = variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
      this.generatorOptimizer.apply(variables, gradList, this.settings('generator'));
      if (!fakeScores) throw new Error('generator loss was not evaluated');
      // Per-sample ∂L_G/∂score: the mean's 1/n undone so the value reads like the textbook's.
      const outputGradient = tf.grad((s: tf.Tensor) => objective.generatorLoss(s, c))(fakeScores);
      this.hold({
        gLoss: loss,
        gradNormG: globalNorm(gradList),
        outputGrad: tf.mean(tf.abs(tf.mul(outputGradient, n))) as tf.Scalar,
      });
      fakeScores.dispose();
    });
  }

  /** One iteration: k_D discriminator steps and/or k_G generator steps, then its stats are queued. */
  step(target: StepTarget = 'both'): void {
    if (target !== 'generator') for (let i = 0; i < this.config.discriminatorSteps; i++) this.stepDiscriminator();
    if (target !== 'discriminator') for (let i = 0; i < this.config.generatorSteps; i++) this.stepGenerator();
    this.iteration += 1;
    const stats = tf.tidy(() => tf.stack(STAT_FIELDS.map((field) => this.held[field] ?? tf.scalar(Number.NaN))) as tf.Tensor1D);
    tf.dispose(Object.values(this.held));
    this.held = {};
    this.pending.push({ iteration: this.iteration, stats });
  }

  /** Reads back every queued iteration's stats in one transfer and frees them. */
  async flushStats(): Promise<StatPoint[]> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return [];
    const stacked = tf.stack(pending.map((p) => p.stats));
    tf.dispose(pending.map((p) => p.stats));
    const values = await stacked.data();
    stacked.dispose();
    const width = STAT_FIELDS.length;
    return pending.map(({ iteration }, row) => {
      const point = { iteration } as StatPoint;
      STAT_FIELDS.forEach((field, j) => {
        point[field] = values[row * width + j];
      });
      return point;
    });
  }

  /** G(z) in inference mode for the given latents ([n × latentSize]); returns [n × dimension]. */
  async generate(latent: Float32Array): Promise<Float32Array> {
    const n = latent.length / this.config.latentSize;
    const samples = tf.tidy(() => this.generator.apply(tf.tensor2d(latent, [n, this.config.latentSize]), false));
    const values = (await samples.data()) as Float32Array;
    samples.dispose();
    return values;
  }

  /** Metrics on METRIC_SAMPLES samples from a fixed noise set, so successive values are comparable. */
  async evaluate(): Promise<Evaluation> {
    const iteration = this.iteration;
    const samples = await this.generate(this.evaluationNoise);
    const modes = this.dataset.modes ? modeMetrics(samples, this.dataset.dimension, this.dataset.modes) : undefined;
    return { iteration, modes };
  }

  /**
   * Applies live settings without losing weights. Changing an optimiser's type builds a fresh one
   * for that network (its moments mean nothing to the new rule) and says so.
   */
  update(patch: Record<string, unknown>): UpdateResult {
    const { config, applied, refused } = applyLivePatch(this.config, patch);
    this.config = config;
    const notes: string[] = [];
    for (const change of applied) {
      if (change.field === 'generatorOptimizer') {
        this.generatorOptimizer.dispose();
        this.generatorOptimizer = createOptimizer(config.generatorOptimizer, this.generator.trainable);
        notes.push(`Generator optimiser is now ${config.generatorOptimizer}: its state starts from zero`);
      }
      if (change.field === 'discriminatorOptimizer') {
        this.discriminatorOptimizer.dispose();
        this.discriminatorOptimizer = createOptimizer(config.discriminatorOptimizer, this.discriminator.trainable);
        notes.push(`Discriminator optimiser is now ${config.discriminatorOptimizer}: its state starts from zero`);
      }
    }
    return { applied, refused, notes };
  }

  dispose(): void {
    tf.dispose(Object.values(this.held));
    tf.dispose(this.pending.map((p) => p.stats));
    this.pending = [];
    this.generator.dispose();
    this.discriminator.dispose();
    this.generatorOptimizer.dispose();
    this.discriminatorOptimizer.dispose();
  }
}
