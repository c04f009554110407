/**
 * Why a run file or saved run was refused (runFile.ts's RunRefusal), in one clause of the page's
 * language: the page puts it in its "Could not load …" sentence, and anything outside the page
 * passes `en` for English. The refusal arrives as codes and numbers (from the reader's worker, or
 * from storage); only here does it become words.
 */
import { fill } from '../../i18n/fill.ts';
import type { en } from '../../i18n/share.ts';
import { describeRefusals } from '../../i18n/settings.ts';
import type { ImportRefusal, WeightsRefusal } from './pytorchWeights.ts';
import type { RunRefusal } from './runFile.ts';

type Strings = typeof en;

const counted = (count: number) => count.toLocaleString('en');
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export function describeRunRefusal(refusal: RunRefusal, t: Strings): string {
  const template = t.runRefusals[refusal.code];
  switch (refusal.code) {
    case 'tooLarge':
      return fill(template, { size: megabytes(refusal.bytes), limit: megabytes(refusal.limit) });
    case 'settings':
      return fill(template, { reasons: describeRefusals(refusal.refusals, t.settings) });
    case 'notCount':
    case 'shapeNotCount':
      // The largest count is a power of two (MAX_COUNT, 2^52), written both ways.
      return fill(template, { ...refusal, power: Math.log2(refusal.max), max: counted(refusal.max) });
    case 'tooManyPoints':
    case 'tooManyWeights':
    case 'tooManyDimensions':
      return fill(template, { ...refusal, count: counted(refusal.count), limit: counted(refusal.limit) });
    default:
      return fill(template, refusal);
  }
}

const isWeightsRefusal = (refusal: ImportRefusal, t: Strings): refusal is WeightsRefusal =>
  Object.hasOwn(t.weightsRefusals, refusal.code);

/** Why a PyTorch weights file was refused (pytorchWeights.ts): its own codes, or any run file's. */
export function describeImportRefusal(refusal: ImportRefusal, t: Strings): string {
  if (!isWeightsRefusal(refusal, t)) return describeRunRefusal(refusal, t);
  if (refusal.code !== 'modelDiffers') return fill(t.weightsRefusals[refusal.code], refusal);
  // The setting as the settings panel names it, with its key: "Generator width (generatorWidth)".
  const field = fill(t.settings.fieldName, { label: t.settings.fields[refusal.field], key: refusal.field });
  return fill(t.weightsRefusals.modelDiffers, { ...refusal, field });
}
