/**
 * Reads one imported run file off the page's thread: the page posts the File, and this answers
 * with runFile.ts's Loaded, the weights' buffers transferred. Reading a 50 MB file and JSON.parse
 * of it was one task of 0.1 to 0.5 s on the page (issue #20); here it holds nothing the user sees.
 * The page starts one per file and ends it on the answer (readRunFile.ts). It imports runFile.ts's
 * checks and nothing of TensorFlow.js.
 */
import { decodeRunFile, type Loaded } from './runFile.ts';

async function read(file: Blob): Promise<Loaded> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, refusal: { code: 'unreadable', detail: String(error) } };
  }
  return decodeRunFile(text);
}

addEventListener('message', (event: MessageEvent<Blob>) => {
  void read(event.data).then((loaded) => {
    const transfer = loaded.ok ? loaded.run.snapshot.tensors.map((tensor) => tensor.values.buffer) : [];
    postMessage(loaded, { transfer });
  });
});
