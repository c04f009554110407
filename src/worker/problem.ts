/**
 * Errors that carry their problem as data (payloads.ts's WorkerProblem), so the session posts a code
 * and its numbers rather than a sentence; any other error reaches the page as `unexpected`, with its
 * own text as the detail.
 */
import type { WorkerProblem } from './payloads.ts';

export class ProblemError extends Error {
  constructor(readonly problem: WorkerProblem) {
    // The code and its data, for stack traces in Node; the page words the problem itself.
    super(`${problem.code}: ${JSON.stringify(problem)}`);
  }
}

/** An error's own text: tfjs's, the browser's, or whatever was thrown. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function problemOf(error: unknown): WorkerProblem {
  return error instanceof ProblemError ? error.problem : { code: 'unexpected', detail: errorText(error) };
}
