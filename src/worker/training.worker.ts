/**
 * The training worker: owns TensorFlow.js and one Session, and speaks the protocol of protocol.ts.
 * The page creates it with `new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' })`.
 */
import './wasm-paths.ts';
import { loadClassifier, loadMnist } from './assets.ts';
import { chooseBackend } from './backend.ts';
import { isCommand, isPing, transferables, type TrainerEvent } from './protocol.ts';
import { Session } from './session.ts';

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

addEventListener('message', (event: MessageEvent<unknown>) => {
  const command = event.data;
  if (isPing(command)) {
    post({ type: 'pong', id: command.id });
    return;
  }
  if (!isCommand(command)) {
    post({ type: 'error', message: `Not a command: ${JSON.stringify(command)?.slice(0, 200)}`, during: 'loop' });
    return;
  }
  void session.handle(command).then(() => {
    if (command.type === 'dispose') close();
  });
});
