/**
 * Shared by the tests that drive the worker's Session in Node on the cpu backend (worker-session,
 * worker-playground, divergence, theory-worker): the same loop the browser runs, minus the Worker
 * and the backend choice.
 */
import { defaultConfig, type RunConfig } from '../../src/gan/config.ts';
import type { BackendChoice } from '../../src/worker/backend.ts';
import type { TrainerCommand, TrainerEvent } from '../../src/worker/protocol.ts';
import { Session, type SessionHost } from '../../src/worker/session.ts';

/** A small ring model: the loop's logic does not depend on the model's size. */
export const tiny: RunConfig = { ...defaultConfig(), batchSize: 16, generatorWidth: 8, discriminatorWidth: 8 };

const CPU: BackendChoice = { backend: 'cpu', reason: { code: 'forced' }, candidates: [], warnings: [] };

/**
 * A session on cpu that keeps every event it posts (`events`; `of(type)` those of one type) and
 * yields to Node's event loop between chunks; `extra` replaces parts of its host (MNIST, the classifier).
 */
export function sessionHarness(extra: Partial<SessionHost> = {}) {
  const events: TrainerEvent[] = [];
  const session = new Session({
    post: (event) => events.push(event),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    chooseBackend: async () => CPU,
    ...extra,
  });
  const send = (command: TrainerCommand) => session.handle(command);
  const of = <T extends TrainerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
  return { session, events, send, of };
}
