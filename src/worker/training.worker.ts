/**
 * The training worker: owns TensorFlow.js and one Session, and speaks the protocol of protocol.ts.
 * The page creates it with `new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' })`.
 */
// First, before any other module runs: code from strings is refused wherever the worker is served.
import './refuse-eval.ts';
import './wasm-paths.ts';
import { loadClassifier, loadMnist } from './assets.ts';
import { chooseBackend, sabotageGradientCheck } from './backend.ts';
import { isFault } from './faults.ts';
import { quote } from '../gan/quote.ts';
import { BACKEND_NAMES, isCommand, isPing, transferables, type TrainerEvent } from './protocol.ts';
import { Session } from './session.ts';
import { TEST_HOOKS } from './test-hooks.ts';

/**
 * A macrotask yield through a MessageChannel: unlike setTimeout(0) it is not clamped to 4 ms after a
 * few nested calls, and page messages queued meanwhile run before the next chunk.
 */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

function post(event: TrainerEvent) {
  postMessage(event, transferables(event));
}

const session = new Session({ post, yieldToEvents, chooseBackend, loadMnist, loadClassifier });

/**
 * Test-only fault injection (faults.ts): `nashFault('device-lost')` and the like, called by a test
 * harness evaluating in this worker's scope. The page cannot reach it: it only posts protocol
 * messages. Only in a test build (test-hooks.ts).
 */
if (TEST_HOOKS) {
  Object.assign(globalThis, {
    nashFault(fault: unknown): boolean {
      if (!isFault(fault)) throw new Error(`Unknown fault: ${String(fault)}`);
      const sabotaged = BACKEND_NAMES.find((name) => fault === `sanity:${name}`);
      if (sabotaged) sabotageGradientCheck(sabotaged);
      if (fault === 'device-lost' || fault === 'step-error' || fault === 'out-of-memory')
        return session.injectFault(fault);
      return sabotaged !== undefined;
    },
  });
}

addEventListener('message', (event: MessageEvent<unknown>) => {
  const command = event.data;
  if (isPing(command)) {
    post({ type: 'pong', id: command.id });
    return;
  }
  // The benchmark command is a test hook: a production worker answers it as it answers any stranger.
  if (!isCommand(command) || (command.type === 'benchmark' && !TEST_HOOKS)) {
    post({ type: 'error', problem: { code: 'notACommand', value: quote(command) }, during: 'loop' });
    return;
  }
  void session.handle(command).then(() => {
    if (command.type === 'dispose') close();
  });
});
