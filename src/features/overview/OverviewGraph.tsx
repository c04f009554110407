import { useId, useRef } from 'react';
import type { EdgeId, GraphEdge, GraphNode, Highlight, NodeId, OverviewGraph as Graph } from './graph.ts';
import { usePulse } from './pulse.ts';

/** Where each node sits, in the SVG's units (viewBox 0 0 WIDTH HEIGHT). */
const WIDTH = 720;
/** Taller where a label row sits under the noise, and InfoGAN's Q head and λ·L_I under D and the losses. */
const HEIGHT = { plain: 212, label: 250, codes: 285 };
const BOX = { width: 96, height: 44 };
const LOSS_BOX = { width: 124, height: 44 };
const POSITION: Record<NodeId, [number, number]> = {
  noise: [62, 95],
  label: [62, 215],
  codes: [62, 215],
  generator: [195, 95],
  fake: [335, 95],
  real: [335, 178],
  discriminator: [480, 136],
  qHead: [480, 228],
  lossD: [645, 78],
  lossG: [645, 160],
  lossI: [645, 238],
};
/** A curve's control point, for edges that would cross a node drawn straight. */
const CONTROL: Partial<Record<EdgeId, [number, number]>> = {
  labelToD: [300, 262],
  codesToLossI: [360, 268],
  gradD: [555, 58],
  gradThroughD: [555, 182],
  gradG: [335, 0],
  gradQ: [560, 262],
};
/** Where a gradient edge's label sits. */
const GRADIENT_LABEL: Partial<Record<EdgeId, [number, number]>> = {
  gradD: [560, 50],
  gradThroughD: [560, 196],
  gradG: [335, 40],
  gradQ: [560, 278],
};

/** One arrowhead per kind of edge; an edge ends in its kind's (`markerEnd`). */
const EDGE_KINDS: readonly GraphEdge['kind'][] = ['forward', 'gradient'];
/** The legend of the two phases above the graph, in the colours their edges pulse in. */
const PHASE_LABELS = [
  { phase: 'discriminator', className: 'd-phase', x: 12 },
  { phase: 'generator', className: 'g-phase', x: 150 },
] as const;

export type Activity = 'idle' | 'playing' | 'walk';

export interface NodeWords {
  symbol: string;
  caption: string;
  /** Read on focus and shown on hover. */
  about: string;
}

export interface GraphWords {
  name: string;
  description: string;
  nodes: Record<NodeId, NodeWords>;
  gradients: Partial<Record<EdgeId, string>>;
  phases: { discriminator: string; generator: string };
}

const phaseClass = (edge: GraphEdge) =>
  edge.phases.length === 2 ? 'both-phases' : edge.phases[0] === 'discriminator' ? 'd-phase' : 'g-phase';

const boxOf = (node: GraphNode) => (node.kind === 'loss' ? LOSS_BOX : BOX);

/** The point where the segment from `inside` towards `toward` leaves the box around `inside`. */
function exit(inside: [number, number], toward: [number, number], box: { width: number; height: number }) {
  const [x, y] = inside;
  const dx = toward[0] - x;
  const dy = toward[1] - y;
  const t = Math.min(dx ? box.width / 2 / Math.abs(dx) : Infinity, dy ? box.height / 2 / Math.abs(dy) : Infinity);
  return [x + dx * t, y + dy * t] as const;
}

function edgePath(edge: GraphEdge, nodes: Map<NodeId, GraphNode>): string {
  const from = POSITION[edge.from];
  const to = POSITION[edge.to];
  const fromBox = boxOf(nodes.get(edge.from) as GraphNode);
  const toBox = boxOf(nodes.get(edge.to) as GraphNode);
  const control = CONTROL[edge.id];
  // A little short of the target's box, so the arrowhead ends on its border.
  const start = exit(from, control ?? to, fromBox);
  const end = exit(to, control ?? from, { width: toBox.width + 8, height: toBox.height + 8 });
  const point = (p: readonly number[]) => `${p[0].toFixed(1)} ${p[1].toFixed(1)}`;
  return control ? `M ${point(start)} Q ${point(control)} ${point(end)}` : `M ${point(start)} L ${point(end)}`;
}

/**
 * The model overview graph as SVG (issue 19): nodes for the data, the networks and the losses,
 * forward edges solid and gradient edges dashed. While the run trains, D's edges and G's edges pulse
 * in turn (pulse.ts: a few steps a second, only on screen); during a slow-motion walk the sub-step's
 * nodes and edges are lit, its forward edges march, and the rest fades. Each node is focusable
 * and says what it is (`onFocusNode`).
 */
export function OverviewGraph({
  graph,
  words,
  activity,
  lit,
  onFocusNode,
}: {
  graph: Graph;
  words: GraphWords;
  activity: Activity;
  lit?: Highlight;
  onFocusNode(node?: NodeId): void;
}) {
  const id = useId();
  const svg = useRef<SVGSVGElement>(null);
  usePulse(svg, activity !== 'idle');
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgeClass = (edge: GraphEdge) =>
    ['edge', edge.kind, phaseClass(edge), lit?.edges.has(edge.id) ? 'lit' : ''].filter(Boolean).join(' ');
  const labelClass = (edge: GraphEdge) =>
    ['edge-label', phaseClass(edge), lit?.edges.has(edge.id) ? 'lit' : ''].filter(Boolean).join(' ');
  const height = nodes.has('codes') ? HEIGHT.codes : nodes.has('label') ? HEIGHT.label : HEIGHT.plain;
  return (
    <svg
      ref={svg}
      className="overview-graph"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={words.name}
      aria-describedby={`${id}-description`}
      data-activity={activity}
    >
      <desc id={`${id}-description`}>{words.description}</desc>
      <defs>
        {EDGE_KINDS.map((kind) => (
          <marker
            key={kind}
            id={`${id}-${kind}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={`arrowhead ${kind}`} />
          </marker>
        ))}
      </defs>
      <g className="phase-labels" aria-hidden="true">
        {PHASE_LABELS.map(({ phase, className, x }) => (
          <text key={phase} className={`phase-label ${className}`} x={x} y={22}>
            {words.phases[phase]}
          </text>
        ))}
      </g>
      <g aria-hidden="true">
        {graph.edges.map((edge) => (
          <path
            key={edge.id}
            d={edgePath(edge, nodes)}
            className={edgeClass(edge)}
            markerEnd={`url(#${id}-${edge.kind})`}
          />
        ))}
        {graph.edges.map((edge) => {
          const at = GRADIENT_LABEL[edge.id];
          const text = words.gradients[edge.id];
          return at && text ? (
            <text key={`${edge.id}-label`} x={at[0]} y={at[1]} className={labelClass(edge)}>
              {text}
            </text>
          ) : null;
        })}
      </g>
      {graph.nodes.map((node) => {
        const [x, y] = POSITION[node.id];
        const box = boxOf(node);
        const w = words.nodes[node.id];
        return (
          <g
            key={node.id}
            className={`node ${node.kind}${lit?.nodes.has(node.id) ? ' lit' : ''}`}
            tabIndex={0}
            aria-label={w.about}
            onFocus={() => onFocusNode(node.id)}
            onBlur={() => onFocusNode(undefined)}
            onMouseEnter={() => onFocusNode(node.id)}
            onMouseLeave={() => onFocusNode(undefined)}
          >
            <title>{w.about}</title>
            <rect
              x={x - box.width / 2}
              y={y - box.height / 2}
              width={box.width}
              height={box.height}
              rx={node.kind === 'data' ? box.height / 2 : 6}
            />
            <text x={x} y={w.caption ? y - 3 : y + 5} className="symbol">
              {w.symbol}
            </text>
            {w.caption ? (
              <text x={x} y={y + 14} className="caption">
                {w.caption}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
