/**
 * An imported run file (or the exported script's PyTorch weights), read and checked in a worker of
 * its own (runFile.worker.ts), so that no file holds the page: its size is checked first, before any
 * of it is read, then the worker reads, parses and checks it, and is ended once it answers.
 */
import type { LoadedWeights } from './pytorchWeights.ts';
import { type Loaded, type RunRefusal, runFileSizeProblem } from './runFile.ts';

/** What the page posts to the reader: the file, and which kind of file it must be. */
export interface FileRequest {
  file: Blob;
  reads: 'run' | 'pytorchWeights';
}

export const readRunFile = (file: File) => readInWorker<Loaded>({ file, reads: 'run' });
export const readPyTorchWeights = (file: File) => readInWorker<LoadedWeights>({ file, reads: 'pytorchWeights' });

/** The reader's own refusals, before or instead of the worker's answer: either kind of file may get them. */
type Refused = { ok: false; refusal: RunRefusal };

function readInWorker<T extends Loaded | LoadedWeights>(request: FileRequest & { file: File }): Promise<T | Refused> {
  const tooLarge = runFileSizeProblem(request.file.size);
  if (tooLarge) return Promise.resolve({ ok: false, refusal: tooLarge });
  const worker = new Worker(new URL('./runFile.worker.ts', import.meta.url), { type: 'module' });
  const answer = new Promise<T | Refused>((resolve) => {
    worker.onmessage = (event: MessageEvent<T>) => resolve(event.data);
    // Its script refused or missing (offline, before the cache holds it), or a failure while reading:
    // the browser logs the reason in the console.
    const stopped = () => resolve({ ok: false, refusal: { code: 'readerStopped' } });
    worker.onerror = stopped;
    worker.onmessageerror = stopped;
  });
  worker.postMessage(request);
  return answer.finally(() => worker.terminate());
}
