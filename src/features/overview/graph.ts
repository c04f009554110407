/**
 * The model overview graph of a run (issue 19, GAN Lab's signature): which nodes and edges one
 * iteration uses, read from the run's configuration alone. Noise z → G → G(z) → D ← x, D's score
 * into the objective's L_D and L_G, and the gradient paths back: ∇θ_D from L_D into D, ∇θ_G from L_G
 * through D into G. CGAN's label y feeds G and D; InfoGAN's codes c feed G, and the Q head on D's
 * trunk reads them back through λ·L_I (src/gan/conditioning). The component draws this; the words
 * are in src/i18n/overview.ts.
 */
import type { RunConfig } from '../../gan/config.ts';
import { Q_HIDDEN } from '../../gan/architectures/constants.ts';
import { labelAtInput } from '../../gan/conditioning/label-input.ts';
import type { DatasetModule } from '../../gan/data/dataset.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import type { Network, SubStepId } from '../../gan/trace-shape.ts';

export type NodeId =
  | 'noise'
  | 'label'
  | 'codes'
  | 'generator'
  | 'fake'
  | 'real'
  | 'discriminator'
  | 'qHead'
  | 'lossD'
  | 'lossG'
  | 'lossI';

/** Each node's symbol on the graph: notation, the same in every language (its caption is worded in src/i18n/overview.ts). */
export const NODE_SYMBOL: Record<NodeId, string> = {
  noise: 'z',
  label: 'y',
  codes: 'c',
  generator: 'G',
  fake: 'G(z)',
  real: 'x',
  discriminator: 'D',
  qHead: 'Q',
  lossD: 'L_D',
  lossG: 'L_G',
  lossI: 'λ·L_I',
};

export type EdgeId =
  | 'noiseToG'
  | 'labelToG'
  | 'labelToD'
  | 'codesToG'
  | 'codesToLossI'
  | 'gToFake'
  | 'fakeToD'
  | 'realToD'
  | 'dToLossD'
  | 'dToLossG'
  | 'dToQ'
  | 'qToLossI'
  | 'gradD'
  | 'gradThroughD'
  | 'gradG'
  | 'gradQ';

export interface GraphNode {
  id: NodeId;
  kind: 'data' | 'network' | 'loss';
}

export interface GraphEdge {
  id: EdgeId;
  from: NodeId;
  to: NodeId;
  /** A forward pass, or a gradient flowing back. */
  kind: 'forward' | 'gradient';
  /** The phases of an iteration that use it: D's update, G's update, or both. */
  phases: readonly Network[];
}

/** A layer stack as shapes from input to output: numbers, or a convolution's "7×7×64". */
export type LayerShapes = readonly (number | string)[];

export interface Architecture {
  kind: RunConfig['architecture'];
  generator: LayerShapes;
  discriminator: LayerShapes;
  /** InfoGAN's Q head, from D's trunk features to the codes' logits and means. */
  qHead?: LayerShapes;
}

export interface OverviewGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  architecture: Architecture;
  /** K: the label's values (CGAN) or the categorical code's (InfoGAN); 0 unconditioned. */
  values: number;
  /** The run's objective, whose name the losses carry. */
  objective: RunConfig['objective'];
}

/** What the graph needs of the data: its module's sample size and label count (dataset.ts DatasetModule). */
export type DataShape = Pick<DatasetModule, 'dimension' | 'classes'>;

/** The dataset's sample size and label count, as its module declares them (nothing is built or loaded). */
export function dataShape(dataset: RunConfig['dataset']): DataShape {
  return DATASET_MODULES[dataset];
}

const both: readonly Network[] = ['discriminator', 'generator'];
const dOnly: readonly Network[] = ['discriminator'];
const gOnly: readonly Network[] = ['generator'];

/** The run's graph: nodes and edges for its conditioning, its layer shapes for its architecture. */
export function overviewGraph(config: RunConfig, data: DataShape = dataShape(config.dataset)): OverviewGraph {
  const label = config.conditioning === 'label';
  const info = config.conditioning === 'infoCodes';
  const nodes: GraphNode[] = [
    { id: 'noise', kind: 'data' },
    ...(label ? [{ id: 'label', kind: 'data' } as const] : []),
    ...(info ? [{ id: 'codes', kind: 'data' } as const] : []),
    { id: 'generator', kind: 'network' },
    { id: 'fake', kind: 'data' },
    { id: 'real', kind: 'data' },
    { id: 'discriminator', kind: 'network' },
    ...(info ? [{ id: 'qHead', kind: 'network' } as const] : []),
    { id: 'lossD', kind: 'loss' },
    { id: 'lossG', kind: 'loss' },
    ...(info ? [{ id: 'lossI', kind: 'loss' } as const] : []),
  ];
  const forward = (id: EdgeId, from: NodeId, to: NodeId, phases = both): GraphEdge => ({
    id,
    from,
    to,
    kind: 'forward',
    phases,
  });
  const gradient = (id: EdgeId, from: NodeId, to: NodeId, phases: readonly Network[]): GraphEdge => ({
    id,
    from,
    to,
    kind: 'gradient',
    phases,
  });
  const edges: GraphEdge[] = [
    forward('noiseToG', 'noise', 'generator'),
    ...(label ? [forward('labelToG', 'label', 'generator'), forward('labelToD', 'label', 'discriminator')] : []),
    ...(info ? [forward('codesToG', 'codes', 'generator'), forward('codesToLossI', 'codes', 'lossI')] : []),
    forward('gToFake', 'generator', 'fake'),
    forward('fakeToD', 'fake', 'discriminator'),
    // Real data enters D's step only: G's loss never sees it.
    forward('realToD', 'real', 'discriminator', dOnly),
    forward('dToLossD', 'discriminator', 'lossD', dOnly),
    forward('dToLossG', 'discriminator', 'lossG', gOnly),
    ...(info ? [forward('dToQ', 'discriminator', 'qHead'), forward('qToLossI', 'qHead', 'lossI')] : []),
    gradient('gradD', 'lossD', 'discriminator', dOnly),
    // G's gradient passes through D, which holds still in G's step.
    gradient('gradThroughD', 'lossG', 'discriminator', gOnly),
    gradient('gradG', 'discriminator', 'generator', gOnly),
    // λ·L_I trains Q (and D's trunk) in D's step and G in G's step.
    ...(info ? [gradient('gradQ', 'lossI', 'qHead', both)] : []),
  ];
  return {
    nodes,
    edges,
    architecture: architectureOf(config, data),
    values: label ? data.classes : info ? config.categories : 0,
    objective: config.objective,
  };
}

/** Layer shapes as the builders make them (src/gan/architectures, conditioning/registry.ts conditionedSizes). */
function architectureOf(config: RunConfig, data: DataShape): Architecture {
  const codes = config.categories + config.continuousCodes;
  const extra = { none: 0, label: data.classes, infoCodes: codes }[config.conditioning];
  const generatorInput = config.latentSize + extra;
  const codesOut = config.conditioning === 'infoCodes' ? codes : 0;
  if (config.architecture === 'dcgan') {
    const c = config.channels;
    const featureSize = 4 * 4 * 4 * c;
    return {
      kind: 'dcgan',
      generator: [generatorInput, `7×7×${2 * c}`, `7×7×${2 * c}`, `14×14×${c}`, '28×28×1'],
      discriminator: ['28×28×1', `14×14×${c}`, `7×7×${2 * c}`, `4×4×${4 * c}`, 1],
      qHead: codesOut ? [featureSize, Q_HIDDEN, codesOut] : undefined,
    };
  }
  const labelInput = config.conditioning === 'label' && labelAtInput('mlp', data) ? data.classes : 0;
  const hidden = (layers: number, width: number) => Array.from({ length: layers }, () => width);
  return {
    kind: 'mlp',
    generator: [generatorInput, ...hidden(config.generatorLayers, config.generatorWidth), data.dimension],
    discriminator: [data.dimension + labelInput, ...hidden(config.discriminatorLayers, config.discriminatorWidth), 1],
    qHead: codesOut ? [config.discriminatorWidth, Q_HIDDEN, codesOut] : undefined,
  };
}

/** What one sub-step of a traced iteration lights up on the graph. */
export interface Highlight {
  nodes: ReadonlySet<NodeId>;
  edges: ReadonlySet<EdgeId>;
}

/**
 * The nodes and edges a sub-step uses, within the phase's own edges: D's step draws noise, generates,
 * has D score real and fake, takes L_D, its gradient and D's update; G's step the same without real
 * data, through L_G, back through D into G.
 */
export function highlight(graph: OverviewGraph, network: Network, step: SubStepId): Highlight {
  const present = new Set(graph.nodes.map((n) => n.id));
  const inPhase = new Set(graph.edges.filter((e) => e.phases.includes(network)).map((e) => e.id));
  const d = network === 'discriminator';
  const parts: Record<SubStepId, { nodes: NodeId[]; edges: EdgeId[] }> = {
    noise: { nodes: ['noise', 'label', 'codes'], edges: [] },
    generate: {
      nodes: d ? ['generator', 'fake', 'real'] : ['generator', 'fake'],
      edges: ['noiseToG', 'labelToG', 'codesToG', 'gToFake'],
    },
    score: {
      nodes: d ? ['fake', 'real', 'discriminator'] : ['fake', 'discriminator'],
      edges: ['fakeToD', 'realToD', 'labelToD'],
    },
    loss: {
      nodes: d ? ['lossD', 'qHead', 'lossI'] : ['lossG', 'qHead', 'lossI'],
      edges: ['dToLossD', 'dToLossG', 'dToQ', 'qToLossI', 'codesToLossI'],
    },
    gradients: {
      nodes: d ? ['lossD', 'discriminator', 'lossI', 'qHead'] : ['lossG', 'discriminator', 'generator', 'lossI'],
      edges: ['gradD', 'gradThroughD', 'gradG', 'gradQ'],
    },
    update: { nodes: d ? ['discriminator', 'qHead'] : ['generator'], edges: [] },
  };
  const { nodes, edges } = parts[step];
  return {
    nodes: new Set(nodes.filter((id) => present.has(id))),
    edges: new Set(edges.filter((id) => inPhase.has(id))),
  };
}
