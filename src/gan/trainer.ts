import * as tf from './tf.ts';
import { type Discriminator, type Generator, globalNorm } from './architectures/network.ts';
import { buildNetworks } from './architectures/build.ts';
import { createConditioning } from './conditioning/registry.ts';
import type { Condition, Conditioning } from './conditioning/types.ts';
import { applyLivePatch, type ConfigChange, type OptimizerId, type Refusal, type RunConfig } from './config.ts';
import type { Dataset } from './data/dataset.ts';
import { sampleNoise } from './latent.ts';
import { type ConditionalMetrics, conditionalMetrics, nearestModes } from './metrics/conditional.ts';
import { METRIC_SAMPLES, type ModeMetrics, modeMetrics } from './metrics/modes.ts';
import { objectiveFor } from './objectives/registry.ts';
import { createOptimizer, type Optimizer, type OptimizerSettings } from './optimizers.ts';
import { createRng, type Rng } from './rng.ts';
import { STAT_FIELDS, type StatField, type StatPoint } from './stats.ts';

export type StepTarget = 'both' | 'discriminator' | 'generator';

/** What a live change did besides applying: a network's optimiser rebuilt with its state from zero. */
export interface UpdateNote {
  code: 'optimizerReset';
  network: 'generator' | 'discriminator';
  optimizer: OptimizerId;
}

/** A live change's result, as data the page words (src/i18n/settings.ts). */
export interface UpdateResult {
  applied: ConfigChange[];
  refused: Refusal[];
  notes: UpdateNote[];
}

export interface Evaluation {
  iteration: number;
  /** Mode metrics where the dataset has known modes. */
  modes?: ModeMetrics;
  /** Label accuracy (CGAN) or code separation (InfoGAN), by nearest mode where the dataset has modes. */
  conditional?: ConditionalMetrics;
}

/**
 * One D or G step's tensors after its gradients and before its update, for a probe (src/gan/trace.ts).
 * They live only during the call (the step's tidy frees them): a probe keeps what it needs.
 */
export interface StepParts {
  /** G's input: noise ⊕ the conditioning's inputs, [n, latentSize + extra]. */
  latent: tf.Tensor2D;
  /** G's samples, [n, dimension]. */
  fake: tf.Tensor2D;
  /** The real batch, [n, dimension] (D's step only). */
  real?: tf.Tensor2D;
  /** D's raw outputs on the real batch, [n, 1] (D's step only). */
  realScores?: tf.Tensor2D;
  /** D's raw outputs on the fakes, [n, 1]. */
  fakeScores: tf.Tensor2D;
  /** The loss the step descends (with WGAN-GP's penalty, CGAN's class term and InfoGAN's λ·L_I where they apply), []. */
  loss: tf.Scalar;
  /** What the step moves, and its gradient, in the same order. */
  variables: readonly tf.Variable[];
  grads: readonly tf.Tensor[];
  condition: Condition;
}

/** Sees every step of an iteration (see StepParts); the trainer itself never reads what it is given. */
export type StepProbe = (network: 'discriminator' | 'generator', parts: StepParts) => void;

/** Scalars of the latest D or G step, kept on the device until the iteration's stats are stacked. */
type HeldStats = Partial<Record<StatField, tf.Scalar>>;

/**
 * Trains one GAN: an iteration is k_D discriminator (critic) steps, then k_G generator steps.
 * Per-iteration signals stay on the device as one small tensor each and are read back in batches by
 * `flushStats`, never synchronously in the loop. The conditioning (conditioning/*.ts) says what G and
 * D see besides noise and samples; its own variables (CGAN's projection and class head, InfoGAN's Q
 * head) train in D's step.
 */
export class Trainer {
  config: RunConfig;
  readonly dataset: Dataset;
  readonly generator: Generator;
  readonly discriminator: Discriminator;
  readonly conditioning: Conditioning;
  iteration = 0;

  private generatorOptimizer: Optimizer;
  private discriminatorOptimizer: Optimizer;
  private readonly noiseRng: Rng;
  private readonly dataRng: Rng;
  private readonly penaltyRng: Rng;
  private readonly conditionRng: Rng;
  /** What D's optimiser moves: D, then the conditioning's critic and head variables. */
  private readonly discriminatorVariables: tf.Variable[];
  /** The part of those that makes D's score: what WGAN clips (never the Q head). */
  private readonly criticVariables: tf.Variable[];
  private readonly evaluationNoise: Float32Array;
  private readonly evaluationCondition: Condition;
  private held: HeldStats = {};
  private pending: { iteration: number; stats: tf.Tensor1D }[] = [];

  constructor(config: RunConfig, dataset: Dataset) {
    this.config = { ...config };
    this.dataset = dataset;
    const { seed } = config;
    const networks = buildNetworks(config, dataset, {
      generator: createRng(seed, 'init-generator'),
      discriminator: createRng(seed, 'init-discriminator'),
    });
    this.generator = networks.generator;
    this.discriminator = networks.discriminator;
    this.conditioning = createConditioning(config, dataset, this.discriminator, createRng(seed, 'init-conditioning'));
    this.criticVariables = [...this.discriminator.trainable, ...this.conditioning.criticVariables];
    this.discriminatorVariables = [...this.criticVariables, ...this.conditioning.headVariables];
    this.generatorOptimizer = createOptimizer(config.generatorOptimizer, this.generator.trainable);
    this.discriminatorOptimizer = createOptimizer(config.discriminatorOptimizer, this.discriminatorVariables);
    this.noiseRng = createRng(seed, 'noise');
    this.dataRng = createRng(seed, 'data');
    this.penaltyRng = createRng(seed, 'penalty');
    this.conditionRng = createRng(seed, 'condition');
    this.evaluationNoise = sampleNoise(createRng(seed, 'evaluation'), METRIC_SAMPLES, config.latentSize, config.noise);
    this.evaluationCondition = this.conditioning.grid(METRIC_SAMPLES);
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

  /** G's input for n fresh noise vectors under `condition`: [n, latentSize + the conditioning's inputs]. */
  private latentBatch(n: number, condition: Condition): tf.Tensor2D {
    const noise = tf.tensor2d(sampleNoise(this.noiseRng, n, this.config.latentSize, this.config.noise), [
      n,
      this.config.latentSize,
    ]);
    return this.conditioning.generatorInput(noise, condition);
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
   * One discriminator (critic) step: descend L_D (plus the objective's penalty and InfoGAN's λ·L_I)
   * on a real batch and a fake batch, moving only D's variables (with the conditioning's: CGAN's
   * projection, InfoGAN's Q head); then the objective's post-step hook on D's score variables.
   */
  stepDiscriminator(probe?: StepProbe): void {
    const c = this.config;
    const objective = objectiveFor(c.objective);
    const n = c.batchSize;
    const variables = this.discriminatorVariables;
    const batch = this.dataset.sample(n, this.dataRng);
    const condition = this.conditioning.forDiscriminatorStep(batch, n, this.conditionRng);
    const epsilon = objective.criticPenalty ? this.penaltyRng.fillUniform(new Float32Array(n)) : undefined;
    tf.tidy(() => {
      const real = tf.tensor2d(batch.x, [n, this.dataset.dimension]); // [n, dim]
      const latent = this.latentBatch(n, condition); // [n, latentSize + conditioning inputs]
      const fake = this.generator.apply(latent, true); // [n, dim]
      const judge = (x: tf.Tensor2D) => this.conditioning.judge(this.discriminator, x, condition, true);
      let scores: { real: tf.Tensor2D; fake: tf.Tensor2D } | undefined;
      let mutualInformation: tf.Scalar | undefined;
      const { value: loss, grads } = tf.variableGrads(() => {
        const realJudged = judge(real); // scores [n, 1]
        const fakeJudged = judge(fake); // scores [n, 1], features [n, featureSize]
        scores = { real: tf.keep(realJudged.scores), fake: tf.keep(fakeJudged.scores) };
        let total = objective.discriminatorLoss(realJudged.scores, fakeJudged.scores, c);
        if (objective.criticPenalty && epsilon) {
          const critic = (x: tf.Tensor2D) => judge(x).scores;
          total = tf.add(total, objective.criticPenalty(critic, real, fake, tf.tensor2d(epsilon, [n, 1]), c));
        }
        // CGAN's class head learns the labels from the real batch (AC-GAN, label.ts).
        const classification = this.conditioning.classification?.(realJudged.features, condition, 'discriminator');
        if (classification) total = tf.add(total, classification);
        const information = this.conditioning.information?.(fakeJudged.features, condition, c);
        if (!information) return total;
        mutualInformation = tf.keep(information.mutualInformation);
        return tf.add(total, information.loss) as tf.Scalar;
      }, variables);
      const gradList = variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
      if (!scores) throw new Error('discriminator loss was not evaluated');
      probe?.('discriminator', {
        latent,
        fake,
        real,
        realScores: scores.real,
        fakeScores: scores.fake,
        loss,
        variables,
        grads: gradList,
        condition,
      });
      this.discriminatorOptimizer.apply(variables, gradList, this.settings('discriminator'));
      objective.afterCriticStep?.(this.criticVariables, c);
      if (mutualInformation) this.hold({ mutualInformation });
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

  /**
   * One generator step: descend L_G (plus InfoGAN's λ·L_I) through the fixed discriminator and Q
   * head on fresh conditions, moving only G's variables.
   */
  stepGenerator(probe?: StepProbe): void {
    const c = this.config;
    const objective = objectiveFor(c.objective);
    const n = c.batchSize;
    const variables = this.generator.trainable;
    const condition = this.conditioning.sample(n, this.conditionRng);
    tf.tidy(() => {
      const latent = this.latentBatch(n, condition); // [n, latentSize + conditioning inputs]
      let fake: tf.Tensor2D | undefined;
      let fakeScores: tf.Tensor2D | undefined;
      let mutualInformation: tf.Scalar | undefined;
      const { value: loss, grads } = tf.variableGrads(() => {
        fake = tf.keep(this.generator.apply(latent, true)); // [n, dim]
        const judged = this.conditioning.judge(this.discriminator, fake, condition, true); // scores [n, 1]
        fakeScores = tf.keep(judged.scores);
        let adversarial = objective.generatorLoss(judged.scores, c);
        // CGAN: G draws what the class head reads as the asked-for label (AC-GAN, label.ts).
        const classification = this.conditioning.classification?.(judged.features, condition, 'generator');
        if (classification) adversarial = tf.add(adversarial, classification);
        const information = this.conditioning.information?.(judged.features, condition, c);
        if (!information) return adversarial;
        mutualInformation = tf.keep(information.mutualInformation);
        return tf.add(adversarial, information.loss) as tf.Scalar;
      }, variables);
      const gradList = variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
      if (!fake || !fakeScores) throw new Error('generator loss was not evaluated');
      probe?.('generator', { latent, fake, fakeScores, loss, variables, grads: gradList, condition });
      this.generatorOptimizer.apply(variables, gradList, this.settings('generator'));
      if (mutualInformation) this.hold({ mutualInformation });
      // Per-sample ∂L_G/∂score: the mean's 1/n undone so the value reads like the textbook's.
      const outputGradient = tf.grad((s: tf.Tensor) => objective.generatorLoss(s, c))(fakeScores);
      this.hold({
        gLoss: loss,
        gradNormG: globalNorm(gradList),
        outputGrad: tf.mean(tf.abs(tf.mul(outputGradient, n))) as tf.Scalar,
      });
      tf.dispose([fake, fakeScores]);
    });
  }

  /**
   * One iteration: k_D discriminator steps and/or k_G generator steps, then its stats are queued.
   * `probe` sees each step's tensors (a traced iteration, src/gan/trace.ts).
   */
  step(target: StepTarget = 'both', probe?: StepProbe): void {
    if (target !== 'generator') for (let i = 0; i < this.config.discriminatorSteps; i++) this.stepDiscriminator(probe);
    if (target !== 'discriminator') for (let i = 0; i < this.config.generatorSteps; i++) this.stepGenerator(probe);
    this.iteration += 1;
    const stats = tf.tidy(
      () => tf.stack(STAT_FIELDS.map((field) => this.held[field] ?? tf.scalar(Number.NaN))) as tf.Tensor1D,
    );
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

  /**
   * G(z, c) in inference mode for the given noise ([n × latentSize]); returns [n × dimension]. Parts
   * of the condition left out come from the sample grid's (label i mod K, continuous codes 0), so
   * `generate(z, { labels })` draws the chosen labels (CGAN) or categorical code values (InfoGAN).
   */
  async generate(latent: Float32Array, condition: Partial<Condition> = {}): Promise<Float32Array> {
    const n = latent.length / this.config.latentSize;
    if (condition.labels && condition.labels.length !== n)
      throw new Error(`generate: ${condition.labels.length} labels for ${n} noise vectors`);
    const full = { ...this.conditioning.grid(n), ...condition };
    const samples = tf.tidy(() => {
      const noise = tf.tensor2d(latent, [n, this.config.latentSize]); // [n, latentSize]
      return this.generator.apply(this.conditioning.generatorInput(noise, full), false); // [n, dimension]
    });
    const values = (await samples.data()) as Float32Array;
    samples.dispose();
    return values;
  }

  /**
   * Metrics on METRIC_SAMPLES samples from a fixed noise set and the grid's condition (every label
   * or code value equally often), so successive values are comparable.
   */
  async evaluate(): Promise<Evaluation> {
    const iteration = this.iteration;
    const { dimension, modes } = this.dataset;
    // Images have no modes to count (their figures are the digit classifier's): no samples drawn.
    if (!modes) return { iteration };
    const samples = await this.generate(this.evaluationNoise, this.evaluationCondition);
    const requested = this.evaluationCondition.labels;
    const conditional = requested
      ? conditionalMetrics(
          this.conditioning.id,
          requested,
          nearestModes(samples, dimension, modes),
          this.conditioning.values,
          modes.centres.length,
        )
      : undefined;
    return { iteration, modes: modeMetrics(samples, dimension, modes), conditional };
  }

  /**
   * Applies live settings without losing weights. Changing an optimiser's type builds a fresh one
   * for that network (its moments mean nothing to the new rule) and says so.
   */
  update(patch: Record<string, unknown>): UpdateResult {
    const { config, applied, refused } = applyLivePatch(this.config, patch);
    this.config = config;
    const notes: UpdateNote[] = [];
    for (const change of applied) {
      if (change.field === 'generatorOptimizer') {
        this.generatorOptimizer.dispose();
        this.generatorOptimizer = createOptimizer(config.generatorOptimizer, this.generator.trainable);
        notes.push({ code: 'optimizerReset', network: 'generator', optimizer: config.generatorOptimizer });
      }
      if (change.field === 'discriminatorOptimizer') {
        this.discriminatorOptimizer.dispose();
        this.discriminatorOptimizer = createOptimizer(config.discriminatorOptimizer, this.discriminatorVariables);
        notes.push({ code: 'optimizerReset', network: 'discriminator', optimizer: config.discriminatorOptimizer });
      }
    }
    return { applied, refused, notes };
  }

  /**
   * Every variable of the run by role, each list in a fixed order: what saving and restoring a run
   * reads and writes (src/worker/serialize.ts).
   */
  variableGroups(): Record<string, readonly tf.Variable[]> {
    return {
      generator: this.generator.trainable,
      generatorState: this.generator.state,
      discriminator: this.discriminatorVariables,
      discriminatorState: this.discriminator.state,
      generatorSlots: this.generatorOptimizer.slots,
      discriminatorSlots: this.discriminatorOptimizer.slots,
    };
  }

  /** Both optimisers, for their step counts (Adam's bias correction) when a run is saved or restored. */
  optimizers(): { generator: Optimizer; discriminator: Optimizer } {
    return { generator: this.generatorOptimizer, discriminator: this.discriminatorOptimizer };
  }

  dispose(): void {
    tf.dispose(Object.values(this.held));
    tf.dispose(this.pending.map((p) => p.stats));
    this.pending = [];
    this.generator.dispose();
    this.discriminator.dispose();
    this.conditioning.dispose();
    this.generatorOptimizer.dispose();
    this.discriminatorOptimizer.dispose();
  }
}
