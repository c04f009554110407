/**
 * Files the worker fetches from the app's own origin (public/, served under Vite's base URL): the
 * MNIST binary (scripts/prepare-mnist.ts) and the digit classifier's weights (scripts/train-classifier.ts).
 * Each is fetched once per worker and kept; nothing is requested from another host.
 */
import { type MnistFile, parseMnist } from '../gan/data/mnist.ts';

const base = new URL(import.meta.env.BASE_URL, self.location.origin);

async function fetchBytes(path: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

let mnist: Promise<MnistFile> | undefined;
let classifier: Promise<{ manifest: unknown; weights: ArrayBuffer }> | undefined;

export function loadMnist(): Promise<MnistFile> {
  mnist ??= fetchBytes('data/mnist.bin').then(parseMnist);
  // A failed fetch is not cached: the next MNIST run tries again.
  mnist.catch(() => (mnist = undefined));
  return mnist;
}

export function loadClassifier(): Promise<{ manifest: unknown; weights: ArrayBuffer }> {
  classifier ??= Promise.all([
    fetchBytes('models/digit-classifier.json').then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown),
    fetchBytes('models/digit-classifier.bin'),
  ]).then(([manifest, weights]) => ({ manifest, weights }));
  classifier.catch(() => (classifier = undefined));
  return classifier;
}
