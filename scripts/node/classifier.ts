/** The shipped digit classifier (public/models/), read from disk for scripts and tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DigitClassifier, loadDigitClassifier } from '../../src/gan/metrics/classifier.ts';

export const CLASSIFIER_MANIFEST_PATH = fileURLToPath(
  new URL('../../public/models/digit-classifier.json', import.meta.url),
);
export const CLASSIFIER_WEIGHTS_PATH = fileURLToPath(
  new URL('../../public/models/digit-classifier.bin', import.meta.url),
);

export function readClassifierFiles(): { manifest: unknown; weights: ArrayBuffer } {
  const bytes = readFileSync(CLASSIFIER_WEIGHTS_PATH);
  return {
    manifest: JSON.parse(readFileSync(CLASSIFIER_MANIFEST_PATH, 'utf8')),
    weights: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}

/** Loads the classifier onto the current tfjs backend. */
export function loadClassifier(): DigitClassifier {
  const { manifest, weights } = readClassifierFiles();
  return loadDigitClassifier(manifest, weights);
}
