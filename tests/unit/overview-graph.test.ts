/**
 * The model overview graph (issue 19) from a run's configuration: the nodes each conditioning adds,
 * the phase each edge belongs to, the layer shapes against the networks the trainer builds, and
 * what each slow-motion sub-step lights.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildNetworks } from '../../src/gan/architectures/build.ts';
import { CONDITIONINGS, DATASETS, defaultConfig, OBJECTIVES, type RunConfig } from '../../src/gan/config.ts';
import { MNIST_CLASSES, MNIST_PIXELS, mnistDataset } from '../../src/gan/data/mnist.ts';
import { DATASET_MODULES } from '../../src/gan/data/modules.ts';
import { ring } from '../../src/gan/data/sets/ring.ts';
import { createRng } from '../../src/gan/rng.ts';
import { type Network, SUB_STEPS } from '../../src/gan/trace-shape.ts';
import { dataShape, highlight, overviewGraph } from '../../src/features/overview/graph.ts';
import { useCpu } from './setup-tf.ts';

beforeAll(useCpu);

const config = (patch: Partial<RunConfig>): RunConfig => ({ ...defaultConfig(), ...patch });

describe.each(CONDITIONINGS)('conditioning %s', (conditioning) => {
  test.each(OBJECTIVES)('objective %s: nodes, edges and phases', (objective) => {
    const graph = overviewGraph(config({ conditioning, objective }));
    const nodes = graph.nodes.map((n) => n.id);
    expect(graph.objective).toBe(objective);
    expect(nodes).toEqual(
      expect.arrayContaining(['noise', 'generator', 'fake', 'real', 'discriminator', 'lossD', 'lossG']),
    );
    expect(nodes.includes('label')).toBe(conditioning === 'label');
    for (const id of ['codes', 'qHead', 'lossI'] as const)
      expect(nodes.includes(id)).toBe(conditioning === 'infoCodes');
    expect(new Set(nodes).size).toBe(nodes.length);
    for (const edge of graph.edges) {
      expect(nodes).toContain(edge.from);
      expect(nodes).toContain(edge.to);
    }
    const edge = (id: string) => graph.edges.find((e) => e.id === id);
    // Real data and L_D belong to D's step; L_G to G's; the gradient paths back into each network.
    expect(edge('realToD')).toMatchObject({ from: 'real', to: 'discriminator', phases: ['discriminator'] });
    expect(edge('dToLossD')?.phases).toEqual(['discriminator']);
    expect(edge('dToLossG')?.phases).toEqual(['generator']);
    expect(edge('gradD')).toMatchObject({
      from: 'lossD',
      to: 'discriminator',
      kind: 'gradient',
      phases: ['discriminator'],
    });
    expect(edge('gradThroughD')).toMatchObject({ from: 'lossG', to: 'discriminator', phases: ['generator'] });
    expect(edge('gradG')).toMatchObject({ from: 'discriminator', to: 'generator', phases: ['generator'] });
    expect(graph.edges.filter((e) => e.kind === 'gradient' && e.to === 'generator')).toHaveLength(1);
    if (conditioning === 'label') {
      expect(edge('labelToG')?.to).toBe('generator');
      expect(edge('labelToD')?.to).toBe('discriminator');
      expect(graph.values).toBe(8);
    }
    if (conditioning === 'infoCodes') {
      expect(edge('codesToG')?.to).toBe('generator');
      expect(edge('dToQ')).toMatchObject({ from: 'discriminator', to: 'qHead' });
      expect(edge('gradQ')).toMatchObject({ from: 'lossI', to: 'qHead', phases: ['discriminator', 'generator'] });
      expect(graph.values).toBe(defaultConfig().categories);
    }
    if (conditioning === 'none') expect(graph.values).toBe(0);
  });

  test('the MLP layer shapes are those of the networks the trainer builds', () => {
    const run = config({ conditioning, categories: 4, continuousCodes: 2, generatorLayers: 3, generatorWidth: 32 });
    const { architecture } = overviewGraph(run, dataShape('ring'));
    const built = buildNetworks(run, ring(), { generator: createRng(1), discriminator: createRng(2) });
    const kernels = (variables: { shape: number[] }[]) =>
      variables.filter((v) => v.shape.length === 2).map((v) => v.shape);
    const chain = (shapes: number[][]) => [shapes[0][0], ...shapes.map((s) => s[1])];
    expect(architecture.generator).toEqual(chain(kernels(built.generator.trainable)));
    expect(architecture.discriminator).toEqual(chain(kernels(built.discriminator.trainable)));
    expect(architecture.qHead !== undefined).toBe(conditioning === 'infoCodes');
    built.generator.dispose();
    built.discriminator.dispose();
  });
});

test('DCGAN shapes: 7×7×2C → 7×7×2C → 14×14×C → 28×28×1, D back to 4×4×4C, C the channels setting', () => {
  const { architecture } = overviewGraph(
    config({ dataset: 'mnist', architecture: 'dcgan', channels: 16, latentSize: 32 }),
  );
  expect(architecture.generator).toEqual([32, '7×7×32', '7×7×32', '14×14×16', '28×28×1']);
  expect(architecture.discriminator).toEqual(['28×28×1', '14×14×16', '7×7×32', '4×4×64', 1]);
});

/** What each module builds from what it needs: two drawn points, ten blank digits (one per class). */
const SOURCES = {
  points: [
    [1, 1],
    [-1, 0],
  ] as [number, number][],
  mnist: mnistDataset({
    count: MNIST_CLASSES,
    pixels: new Uint8Array(MNIST_CLASSES * MNIST_PIXELS),
    labels: Uint8Array.from({ length: MNIST_CLASSES }, (_, digit) => digit),
    heldOut: 0,
  }),
};

// The page draws the graph before any point is drawn or digit loaded: the shape is the module's word,
// read without building the set (building the drawn set without points throws).
test.each(DATASETS)('%s: the data shape is declared by its module and is that of what it builds', (dataset) => {
  const shape = dataShape(dataset);
  const built = DATASET_MODULES[dataset].create(SOURCES);
  expect(shape).toMatchObject({ dimension: built.dimension, classes: built.classes });
  expect(shape.classes > 0).toBe(DATASET_MODULES[dataset].labelled);
  const labelled = overviewGraph(config({ dataset, conditioning: 'label' }));
  expect(labelled.values).toBe(built.classes);
  expect(labelled.architecture.generator.at(-1)).toBe(built.dimension);
});

describe('what a slow-motion sub-step lights', () => {
  const graph = overviewGraph(config({ conditioning: 'label' }));
  test.each(['discriminator', 'generator'] as Network[])('%s: every lit edge belongs to the phase', (network) => {
    for (const step of SUB_STEPS) {
      const lit = highlight(graph, network, step);
      expect(lit.nodes.size, step).toBeGreaterThan(0);
      for (const id of lit.edges) expect(graph.edges.find((e) => e.id === id)?.phases, id).toContain(network);
    }
  });

  test('D scores real and fake; G’s step never touches real data; each update lights its network', () => {
    expect(highlight(graph, 'discriminator', 'score').edges).toEqual(new Set(['fakeToD', 'realToD', 'labelToD']));
    expect(highlight(graph, 'generator', 'score').edges).toEqual(new Set(['fakeToD', 'labelToD']));
    expect(highlight(graph, 'discriminator', 'gradients').edges).toEqual(new Set(['gradD']));
    expect(highlight(graph, 'generator', 'gradients').edges).toEqual(new Set(['gradThroughD', 'gradG']));
    expect(highlight(graph, 'discriminator', 'update').nodes).toEqual(new Set(['discriminator']));
    expect(highlight(graph, 'generator', 'update').nodes).toEqual(new Set(['generator']));
    expect(highlight(graph, 'generator', 'noise').nodes).toEqual(new Set(['noise', 'label']));
  });
});
