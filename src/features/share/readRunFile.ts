/**
 * An imported run file, read and checked in a worker of its own (runFile.worker.ts), so that no
 * file holds the page: its size is checked first, before any of it is read, then the worker reads,
 * parses and checks it, and is ended once it answers.
 */
import { type Loaded, runFileSizeProblem } from './runFile.ts';

export function readRunFile(file: File): Promise<Loaded> {
  const tooLarge = runFileSizeProblem(file.size);
  if (tooLarge) return Promise.resolve({ ok: false, refusal: tooLarge });
  const worker = new Worker(new URL('./runFile.worker.ts', import.meta.url), { type: 'module' });
  const answer = new Promise<Loaded>((resolve) => {
    worker.onmessage = (event: MessageEvent<Loaded>) => resolve(event.data);
    // Its script refused or missing (offline, before the cache holds it), or a failure while reading:
    // the browser logs the reason in the console.
    const stopped = () => resolve({ ok: false, refusal: { code: 'readerStopped' } });
    worker.onerror = stopped;
    worker.onmessageerror = stopped;
  });
  worker.postMessage(file);
  return answer.finally(() => worker.terminate());
}
