/**
 * A traced tensor in words and numbers (src/gan/trace-shape.ts): its symbol, shape, mean and first
 * rows, and which of a walk's tensors belong to a node of the graph.
 */
import type { Network, Traced, TracedId } from '../../gan/trace-shape.ts';
import { fill } from '../../i18n/fill.ts';
import { formatSetting } from '../../i18n/format.ts';
import type { en } from '../../i18n/overview.ts';
import type { NodeId } from './graph.ts';
import type { WalkPosition } from './slowMotion.ts';

type Words = typeof en;

type PerNetwork = 'loss' | 'gradientNorm' | 'updateNorm';

/** The loss, gradient and update take the phase's network (L_D, ‖∇θ_G‖). Notation: the same in every language. */
const NETWORK_SYMBOL: Record<PerNetwork, Record<Network, string>> = {
  loss: { discriminator: 'L_D', generator: 'L_G' },
  gradientNorm: { discriminator: '‖∇θ_D‖', generator: '‖∇θ_G‖' },
  updateNorm: { discriminator: '‖Δθ_D‖', generator: '‖Δθ_G‖' },
};

/** The other tensors' symbols; those read after the update are worded around theirs (t.afterUpdate). */
const TENSOR_SYMBOL: Record<Exclude<TracedId, PerNetwork>, { symbol: string; after?: true }> = {
  z: { symbol: 'z' },
  condition: { symbol: 'y / c' },
  fake: { symbol: 'G(z)' },
  real: { symbol: 'x' },
  dReal: { symbol: 'D(x)' },
  dFake: { symbol: 'D(G(z))' },
  dRealAfter: { symbol: 'D(x)', after: true },
  dFakeAfter: { symbol: 'D(G(z))', after: true },
  fakeAfter: { symbol: 'G(z)', after: true },
};

const perNetwork = (id: TracedId): id is PerNetwork => id in NETWORK_SYMBOL;

/** The tensor's symbol as the walk lists it. */
export function symbolOf(traced: Traced, network: Network, t: Words): string {
  if (perNetwork(traced.id)) return NETWORK_SYMBOL[traced.id][network];
  const { symbol, after } = TENSOR_SYMBOL[traced.id];
  return after ? fill(t.afterUpdate, { symbol }) : symbol;
}

export const formatValue = (value: number) => formatSetting(value);

/** "[128, 2]"; a scalar says so. */
export const shapeText = (traced: Traced, t: Words) =>
  traced.shape.length ? fill(t.shape, { shape: `[${traced.shape.join(', ')}]` }) : t.scalar;

/** The first rows as "(0.12, −0.4) (…)"; a one-column tensor as plain values. */
export function rowsText(traced: Traced): string {
  return traced.rows
    .map((row) => (row.length === 1 ? formatValue(row[0]) : `(${row.map(formatValue).join(', ')})`))
    .join(' ');
}

/** One line: "L_D = 1.23", or "G(z): shape [128, 2], mean 0.1, first rows: (…)". */
export function describeTraced(traced: Traced, network: Network, t: Words): string {
  const symbol = symbolOf(traced, network, t);
  if (traced.shape.length === 0) return `${symbol} = ${formatValue(traced.rows[0][0])}`;
  const parts = [shapeText(traced, t)];
  if (traced.mean !== undefined) parts.push(fill(t.mean, { value: formatValue(traced.mean) }));
  parts.push(fill(t.firstRows, { rows: rowsText(traced) }));
  return `${symbol}: ${parts.join(', ')}`;
}

/** The traced tensors each node stands for, in the phase where it computes them. */
const OF_NODE: Record<NodeId, (network: Network) => TracedId[]> = {
  noise: () => ['z'],
  label: () => ['condition'],
  codes: () => ['condition'],
  generator: (n) => (n === 'generator' ? ['gradientNorm', 'updateNorm', 'fakeAfter'] : []),
  fake: () => ['fake', 'dFake'],
  real: () => ['real', 'dReal'],
  discriminator: (n) =>
    n === 'discriminator' ? ['dReal', 'dFake', 'gradientNorm', 'updateNorm', 'dRealAfter', 'dFakeAfter'] : ['dFake'],
  qHead: () => [],
  lossD: (n) => (n === 'discriminator' ? ['loss'] : []),
  lossG: (n) => (n === 'generator' ? ['loss'] : []),
  lossI: () => [],
};

/** A node's tensors among those the walk's phase has computed so far (its sub-steps up to the current one). */
export function tracedOfNode(walk: WalkPosition, node: NodeId): Traced[] {
  const wanted = OF_NODE[node](walk.network);
  const computed = walk.phase.subSteps.slice(0, walk.within + 1).flatMap((s) => s.tensors);
  return computed.filter((traced) => wanted.includes(traced.id));
}
