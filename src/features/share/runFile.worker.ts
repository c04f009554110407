/**
 * Reads one imported file off the page's thread: the page posts the File and what it should be (a
 * run file, or the exported script's PyTorch weights), and this answers with runFile.ts's Loaded or
 * pytorchWeights.ts's LoadedWeights, the weights' buffers transferred. Reading a 50 MB file and
 * JSON.parse of it was one task of 0.1 to 0.5 s on the page (issue #20); here it holds nothing the
 * user sees. The page starts one per file and ends it on the answer (readRunFile.ts). It imports
 * the files' checks and nothing of TensorFlow.js.
 */
import { decodeWeightsFile, type LoadedWeights } from './pytorchWeights.ts';
import type { FileRequest } from './readRunFile.ts';
import { decodeRunFile, type Loaded } from './runFile.ts';

const DECODERS = { run: decodeRunFile, pytorchWeights: decodeWeightsFile };

async function read({ file, reads }: FileRequest): Promise<Loaded | LoadedWeights> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, refusal: { code: 'unreadable', detail: String(error) } };
  }
  return DECODERS[reads](text);
}

addEventListener('message', (event: MessageEvent<FileRequest>) => {
  void read(event.data).then((loaded) => {
    const tensors = !loaded.ok ? [] : 'run' in loaded ? loaded.run.snapshot.tensors : loaded.weights.tensors;
    postMessage(loaded, { transfer: tensors.map((tensor) => tensor.values.buffer) });
  });
});
