/**
 * A run's weights as plain arrays, to save and restore it: G's and D's variables (with the
 * conditioning's and batch norm's running statistics), both optimisers' slots and step counts, the
 * configuration and the iteration. The random streams (noise, data batches) are not saved: a loaded
 * run continues from the same weights and optimiser state, but draws fresh batches.
 */
import * as tf from '../gan/tf.ts';
import { type RunConfig, validateConfig } from '../gan/config.ts';
import type { Trainer } from '../gan/trainer.ts';
import type { RunMismatch } from './payloads.ts';
import { ProblemError } from './problem.ts';
import { type SerializedRun, SERIALIZED_RUN_VERSION } from './serialized-run.ts';

// The saved form lives in serialized-run.ts, which the page's run-file reader imports without tfjs.
export { type SerializedRun, type SavedTensor, SERIALIZED_RUN_VERSION } from './serialized-run.ts';

function namedVariables(trainer: Trainer): { name: string; variable: tf.Variable }[] {
  return Object.entries(trainer.variableGroups()).flatMap(([group, variables]) =>
    variables.map((variable, i) => ({ name: `${group}.${i}`, variable })),
  );
}

/**
 * Copies every variable at once (the training loop may step between the reads that follow), then
 * reads the copies back.
 */
export async function captureRun(trainer: Trainer): Promise<SerializedRun> {
  const named = namedVariables(trainer);
  const copies = named.map(({ variable }) => tf.clone(variable));
  const { generator, discriminator } = trainer.optimizers();
  const meta = {
    version: SERIALIZED_RUN_VERSION,
    config: { ...trainer.config },
    iteration: trainer.iteration,
    optimizerSteps: { generator: generator.steps, discriminator: discriminator.steps },
  };
  try {
    const values = await Promise.all(copies.map((copy) => copy.data() as Promise<Float32Array<ArrayBuffer>>));
    // slice(): a clone shares its variable's storage, and the cpu backend's data() returns that very
    // array; the serialized run's arrays are transferred away, which must not detach the live weights.
    return {
      ...meta,
      tensors: named.map(({ name, variable }, i) => ({ name, shape: [...variable.shape], values: values[i].slice() })),
    };
  } finally {
    tf.dispose(copies);
  }
}

/**
 * Why a serialized run does not fit a trainer built from its configuration, or undefined when it does:
 * every variable present, shapes equal, sizes consistent, values finite.
 */
export function serializedMismatch(trainer: Trainer, serialized: SerializedRun): RunMismatch | undefined {
  if (serialized.version !== SERIALIZED_RUN_VERSION)
    return { code: 'version', saved: serialized.version, reads: SERIALIZED_RUN_VERSION };
  const named = namedVariables(trainer);
  const saved = new Map(serialized.tensors.map((tensor) => [tensor.name, tensor]));
  if (saved.size !== named.length) return { code: 'count', saved: saved.size, model: named.length };
  for (const { name, variable } of named) {
    const tensor = saved.get(name);
    if (!tensor) return { code: 'missing', name };
    if (tensor.shape.join('×') !== variable.shape.join('×'))
      return { code: 'shape', name, saved: [...tensor.shape], model: [...variable.shape] };
    if (tensor.values.length !== variable.size)
      return { code: 'size', name, values: tensor.values.length, size: variable.size };
    if (!tensor.values.every(Number.isFinite)) return { code: 'notFinite', name };
  }
  return undefined;
}

/** Writes a serialized run into a trainer built from its configuration; checks everything before writing anything. */
export function restoreRun(trainer: Trainer, serialized: SerializedRun): void {
  const mismatch = serializedMismatch(trainer, serialized);
  if (mismatch) throw new ProblemError({ code: 'runMismatch', mismatch });
  const saved = new Map(serialized.tensors.map((tensor) => [tensor.name, tensor]));
  for (const { name, variable } of namedVariables(trainer)) {
    const tensor = saved.get(name)!;
    tf.tidy(() => variable.assign(tf.tensor(tensor.values, tensor.shape)));
  }
  const { generator, discriminator } = trainer.optimizers();
  generator.steps = serialized.optimizerSteps.generator;
  discriminator.steps = serialized.optimizerSteps.discriminator;
  trainer.iteration = serialized.iteration;
}

/** The configuration a serialized run asks for, validated like any other. */
export function serializedConfig(serialized: SerializedRun): RunConfig {
  const checked = validateConfig(serialized.config);
  if (!checked.ok) throw new ProblemError({ code: 'savedSettingsInvalid', refusals: checked.refusals });
  return checked.config;
}
