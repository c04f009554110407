import type * as TF from '../tf.ts';

/*
 * Nothing here imports config.ts: config.ts reads the objectives' ids from modules.ts, and a module
 * that imported config.ts back, even for types, would make the two one idea in two files.
 */

/** TensorFlow.js as the core loads it (src/gan/tf.ts): a module's losses receive it, so the module itself never imports it. */
export type Tf = typeof TF;

/** The live settings an objective reads: LSGAN's labels, WGAN's clip value, WGAN-GP's λ (fields of the run configuration). */
export interface ObjectiveParams {
  readonly lsganA: number;
  readonly lsganB: number;
  readonly lsganC: number;
  readonly clipValue: number;
  readonly gradientPenalty: number;
}

/**
 * Settings of the run configuration by name (config.ts CONFIG_SCHEMA), as a recipe gives them;
 * recipes.ts checks each against the schema when it loads.
 */
export type Settings = Readonly<Record<string, string | number>>;

/** The discriminator (or critic) as a function of its input, for penalties that differentiate it. */
export type CriticFn = (x: TF.Tensor2D) => TF.Tensor2D;

/**
 * An objective's losses, each given tf as its first argument. `real` and `fake` are the
 * discriminator's raw outputs, shape [batch, 1]: a logit for the log-loss objectives (D = σ(logit)),
 * a score for the others. The registry (registry.ts) binds tf and wraps each call in tf.tidy.
 */
export interface ObjectiveLosses {
  discriminatorLoss(tf: Tf, real: TF.Tensor, fake: TF.Tensor, params: ObjectiveParams): TF.Scalar;
  generatorLoss(tf: Tf, fake: TF.Tensor, params: ObjectiveParams): TF.Scalar;
  /** An extra term of the critic's loss that needs the critic itself (WGAN-GP's penalty). */
  criticPenalty?(
    tf: Tf,
    critic: CriticFn,
    real: TF.Tensor2D,
    fake: TF.Tensor2D,
    epsilon: TF.Tensor2D,
    params: ObjectiveParams,
  ): TF.Scalar;
  /** Runs after every critic update (WGAN's weight clipping). */
  afterCriticStep?(tf: Tf, criticVariables: readonly TF.Variable[], params: ObjectiveParams): void;
}

/**
 * The course notes' notation, which the formula card builds (src/features/formulas/tex.ts) and an
 * objective's `tex` writes its losses in: D(x), G(z), D(G(z)) with CGAN's "| y" where it applies.
 */
export interface Notation {
  /** D(x), or D(x | y). */
  Dx: string;
  /** G(z), or G(z | y). */
  Gz: string;
  /** D(G(z)), or D(G(z | y) | y). */
  DGz: string;
  /** "| y" under CGAN, else empty: for objectives that write D their own way (the critic D_w). */
  y: string;
  /** E over the data, E over the noise. */
  Ex: string;
  Ez: string;
  /** A live value with the symbol it stands for written over it: "b" over "1". */
  valued(symbol: string, value: number): string;
}

/** An objective's formulas in TeX: the two losses and, where it has one, its extra rule (WGAN's clipping, WGAN-GP's x̂). */
export interface ObjectiveTex {
  discriminator: string;
  generator: string;
  extra?: string;
}

/**
 * Everything about one objective, in its own file: the losses, reading like their equations; what
 * D outputs; the settings it reads and trains well with; its formulas in TeX and its PyTorch twin.
 * Plain data and functions, without TensorFlow.js at run time, so the page reads the same module
 * the worker trains with. Its words (name, note) are in src/i18n/objectives.ts under its id.
 */
export interface ObjectiveModule {
  /** Its key in modules.ts, the value of the `objective` setting. */
  readonly id: string;
  /**
   * How to read D's raw output: a logit (D = σ(logit), a probability) or a score read as it is.
   * A score is a critic's (unbounded, no target values: WGAN, hinge) unless `labels` names its targets.
   */
  readonly output: 'logit' | 'score';
  /**
   * What E[D(x)] − E[D(G(z))] estimates, where it is a distance the run should chart: the Wasserstein
   * distance for a 1-Lipschitz critic (WGAN, WGAN-GP; Kantorovich–Rubinstein duality). Not for the
   * hinge loss, whose score margins (±1) bound it without making D Lipschitz.
   */
  readonly distance?: 'wasserstein';
  /**
   * G's loss saturates where D rejects the fakes: its gradient at D's logit is −D(G(z)), which the
   * vanishing-gradient test reads directly (the course's minimax loss, log(1 − D(G(z)))).
   */
  readonly saturates?: true;
  /** The settings holding the values a score aims at for fakes and for real data (LSGAN's a and b); they must differ. */
  readonly labels?: readonly [fake: keyof ObjectiveParams, real: keyof ObjectiveParams];
  /** The settings the losses read: shown in the main panel under this objective, greyed under the others. */
  readonly settings: readonly (keyof ObjectiveParams)[];
  /** Settings it trains well with on the 2D sets, applied when it is chosen (recipes.ts); explicit settings win. */
  readonly recipe: Settings;
  /** Whether DCGAN's critic may use batch norm (not with a per-sample penalty, which batch norm would couple). */
  readonly criticBatchNorm: boolean;
  readonly losses: ObjectiveLosses;
  /** The losses in the course's notation, with the live constants written in. */
  tex(notation: Notation, params: ObjectiveParams): ObjectiveTex;
  /**
   * The losses as Python for the exported script (src/features/share/pytorch.ts): discriminator_loss,
   * generator_loss, and critic_penalty / after_critic_step where the losses have those hooks.
   */
  readonly pytorch: string;
}

/** One objective as the trainer calls it: the module's losses with tf bound (registry.ts). */
export interface Objective {
  readonly id: string;
  /** How to read the raw output as "D": through a sigmoid, or as it is. */
  readonly output: 'logit' | 'score';
  discriminatorLoss(real: TF.Tensor, fake: TF.Tensor, params: ObjectiveParams): TF.Scalar;
  generatorLoss(fake: TF.Tensor, params: ObjectiveParams): TF.Scalar;
  /** An extra term of the critic's loss that needs the critic itself (WGAN-GP's penalty). */
  criticPenalty?(
    critic: CriticFn,
    real: TF.Tensor2D,
    fake: TF.Tensor2D,
    epsilon: TF.Tensor2D,
    params: ObjectiveParams,
  ): TF.Scalar;
  /** Runs after every critic update (WGAN's weight clipping). */
  afterCriticStep?(criticVariables: readonly TF.Variable[], params: ObjectiveParams): void;
}
