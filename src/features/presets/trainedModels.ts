/**
 * The presets that ship a trained model (public/models/<preset>.json + .bin, written by
 * `npm run pretrain:model`), and its fetch from the app's own origin: a missing or damaged file comes back
 * as a refusal to show, never as a half-loaded model. The service worker precaches public/, so a
 * model once seen loads offline.
 */
import type { PresetId } from '../../gan/presets.ts';
import { PRESETS } from '../../gan/presets.ts';
import { decodeTrainedModel, type LoadedModel } from './trainedModel.ts';

/** The MNIST presets with a model under public/models/ (scripts/pretrain.ts PRETRAIN_STEPS trains them). */
const SHIPPED = ['mnistDefault', 'cganMnist', 'dcganMnist', 'infoganMnist'];

export const TRAINED_PRESETS: readonly PresetId[] = SHIPPED.filter((id): id is PresetId => Object.hasOwn(PRESETS, id));

export const hasTrainedModel = (preset: PresetId | undefined) =>
  preset !== undefined && TRAINED_PRESETS.includes(preset);

/** Where a preset's model files are, under the app's base URL. */
export const modelFiles = (preset: string) => ({ manifest: `models/${preset}.json`, weights: `models/${preset}.bin` });

/** Fetches and decodes a preset's model; `base` is the app's base URL. */
export async function fetchTrainedModel(preset: PresetId, base: URL): Promise<LoadedModel> {
  const files = modelFiles(preset);
  const get = async (path: string) => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  let manifest: unknown;
  let weights: ArrayBuffer;
  try {
    const [manifestResponse, weightsResponse] = await Promise.all([get(files.manifest), get(files.weights)]);
    weights = await weightsResponse.arrayBuffer();
    try {
      manifest = await manifestResponse.json();
    } catch {
      return { ok: false, refusal: { code: 'notJson' } };
    }
  } catch (error) {
    return {
      ok: false,
      refusal: { code: 'fetchFailed', detail: error instanceof Error ? error.message : String(error) },
    };
  }
  return decodeTrainedModel(manifest, weights, preset);
}
