/**
 * The session's commands that read or replace the run as a whole: export, import, and the
 * questions answered from G in inference mode (`sample`, `latent`). None of these touch the
 * trainer's random streams; import rebuilds the run through the session (`RunAccess`).
 */
import { type MnistFile, mnistSplit } from '../gan/data/mnist.ts';
import { answerLatent } from './latent-answers.ts';
import { problemOf } from './problem.ts';
import type { ImportRunCommand, LatentCommand, SampleCommand, TrainerEvent } from './protocol.ts';
import { captureRun, type SerializedRun } from './serialize.ts';
import { type Run, samplesEvent } from './views.ts';

/** What the run-wide commands need of the session. */
export interface RunAccess {
  post(event: TrainerEvent): void;
  /** The current run, or undefined before the first build. */
  current(): Run | undefined;
  /** Rebuilds the run from a serialized run (its configuration, then its weights), then settles. */
  rebuild(serialized: SerializedRun): Promise<void>;
}

export async function exportRun(access: RunAccess, run: Run, requestId: number) {
  access.post({ type: 'runExported', requestId, run: await captureRun(run.trainer) });
}

/** A saved run becomes the current one; if it does not fit its model, the run before is rebuilt as it was. */
export async function importRun(access: RunAccess, { requestId, run }: ImportRunCommand) {
  const current = access.current();
  const previous = current && (await captureRun(current.trainer));
  try {
    await access.rebuild(run);
  } catch (error) {
    if (previous) await access.rebuild(previous);
    access.post({ type: 'runImported', requestId, error: problemOf(error) });
    return;
  }
  access.post({ type: 'runImported', requestId });
}

/** G(z, c) for the page's noise. */
export async function answerSample(access: RunAccess, run: Run, command: SampleCommand) {
  const { trainer } = run;
  const values = await trainer.generate(command.latent, command.labels ? { labels: command.labels } : {});
  access.post(samplesEvent(run, values, command.latent.length / trainer.config.latentSize, command.requestId));
}

/** The latent-space explorer's question (src/worker/latent-answers.ts); MNIST's training images for nearest neighbours. */
export async function answerLatentCommand(
  access: RunAccess,
  run: Run,
  command: LatentCommand,
  loadMnist?: () => Promise<MnistFile>,
) {
  const { trainer } = run;
  const load = trainer.config.dataset === 'mnist' ? loadMnist : undefined;
  const reply = await answerLatent(command.query, trainer, async () => load && mnistSplit(await load(), 'train'));
  access.post({ type: 'latentAnswer', requestId: command.requestId, ...reply });
}
