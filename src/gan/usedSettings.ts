/**
 * Which settings a run reads: the controls grey out the others, and a weights file is compared with
 * the run only on these (src/features/share/pytorchWeights.ts).
 */
import { type FieldName, OBJECTIVES, type RunConfig } from './config.ts';
import { OBJECTIVE_MODULES } from './objectives/modules.ts';

/** The settings some objective's losses read (LSGAN's labels, WGAN's clip, WGAN-GP's λ), each used only under its objectives. */
const OBJECTIVE_SETTINGS: ReadonlySet<FieldName> = new Set(OBJECTIVES.flatMap((id) => OBJECTIVE_MODULES[id].settings));

/** Whether the current settings read `field`; fields that are not read are shown greyed with a note. */
export function isUsed(field: FieldName, config: RunConfig): boolean {
  const { objective, architecture, conditioning, generatorOptimizer: g, discriminatorOptimizer: d } = config;
  const uses = (optimizer: RunConfig['generatorOptimizer']) => g === optimizer || d === optimizer;
  if (OBJECTIVE_SETTINGS.has(field))
    return (OBJECTIVE_MODULES[objective].settings as readonly FieldName[]).includes(field);
  switch (field) {
    case 'infoLambda':
    case 'categories':
    case 'continuousCodes':
    case 'infoNoiseScale':
      return conditioning === 'infoCodes';
    case 'channels':
      return architecture === 'dcgan';
    case 'generatorLayers':
    case 'generatorWidth':
    case 'generatorActivation':
    case 'discriminatorLayers':
    case 'discriminatorWidth':
    case 'discriminatorActivation':
      return architecture === 'mlp';
    case 'beta1':
    case 'beta2':
      return uses('adam');
    case 'momentum':
      return uses('sgd');
    case 'rmspropDecay':
      return uses('rmsprop');
    default:
      return true;
  }
}
