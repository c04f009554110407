import { useMemo, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { fill } from '../../i18n/fill.ts';
import * as overview from '../../i18n/overview.ts';
import { useStrings, useWords } from '../../i18n/useStrings.ts';
import { describeTraced, tracedOfNode } from './describe.ts';
import { type Highlight, highlight, type LayerShapes, NODE_SYMBOL, type NodeId, overviewGraph } from './graph.ts';
import { type Activity, type GraphWords, OverviewGraph } from './OverviewGraph.tsx';
import { currentWalk, useSlowMotion, useWalkIteration } from './slowMotion.ts';
import { SlowMotionWalk } from './SlowMotionWalk.tsx';
import './overview.css';

const configOf = (s: TrainingState) => s.config;
const runOf = (s: TrainingState) => s.run;
const playStateOf = (s: TrainingState) => s.state;
const readyOf = (s: TrainingState) => s.phase === 'ready';

const layersText = (shapes: LayerShapes) => shapes.join(' → ');

/**
 * The model overview (issue 19): the run's graph, drawn from its configuration, pulsing D's and G's
 * edges in turn while it trains, and the slow-motion step that walks through one traced iteration,
 * lighting each sub-step on the graph (and, through the overlay, on the 2D view).
 */
export function Overview({ client }: { client: TrainingClient }) {
  const strings = useStrings();
  const t = useWords(overview);
  const config = useTraining(client, configOf);
  const run = useTraining(client, runOf);
  const playState = useTraining(client, playStateOf);
  const ready = useTraining(client, readyOf);
  const graph = useMemo(() => overviewGraph(config), [config]);
  const slow = useSlowMotion(client);
  const walk = currentWalk(slow.state, run, useWalkIteration(client, slow.state));
  const [focused, setFocused] = useState<NodeId>();

  const { architecture } = graph;
  const objectiveName = strings.controls.objectives[config.objective];
  // D is a critic where its score estimates a distance (the Wasserstein objectives' module says so).
  const critic = OBJECTIVE_MODULES[config.objective].distance === 'wasserstein';
  const words: GraphWords = useMemo(() => {
    const about = (node: NodeId) =>
      fill(t.about[node], {
        size: config.latentSize,
        noise: t.noises[config.noise],
        values: graph.values,
        continuous: config.continuousCodes,
        batch: config.batchSize,
        objective: objectiveName,
        layers: layersText(
          node === 'generator'
            ? architecture.generator
            : node === 'qHead'
              ? (architecture.qHead ?? [])
              : architecture.discriminator,
        ),
      });
    const nodes = Object.fromEntries(
      (Object.keys(t.nodes) as NodeId[]).map((node) => {
        const caption = t.nodes[node];
        // The losses are captioned with the objective's short name, D with "critic" under WGAN.
        const shown =
          node === 'discriminator' && critic
            ? t.critic
            : fill(caption, { objective: t.objectiveTags[config.objective] });
        return [node, { symbol: NODE_SYMBOL[node], caption: shown, about: about(node) }];
      }),
    ) as GraphWords['nodes'];
    const present = new Set(graph.nodes.map((n) => n.id));
    return {
      name: t.graph,
      description: [
        t.description,
        present.has('label') ? t.descriptionLabel : '',
        present.has('codes') ? t.descriptionCodes : '',
      ]
        .filter(Boolean)
        .join(' '),
      nodes,
      gradients: { gradD: t.gradientD, gradThroughD: t.gradientThroughD, gradG: t.gradientG, gradQ: t.gradientQ },
      phases: t.phases,
    };
  }, [t, config, graph, architecture, objectiveName, critic]);

  const lit: Highlight | undefined = walk ? highlight(graph, walk.network, walk.step.id) : undefined;
  const activity: Activity = walk ? 'walk' : playState === 'paused' ? 'idle' : 'playing';
  const focusedValues = focused && walk ? tracedOfNode(walk, focused) : [];

  return (
    <section className="overview" aria-label={t.region}>
      <h2>{t.region}</h2>
      <p className="overview-intro">{t.intro}</p>
      <div className="overview-body">
        <div className="overview-picture">
          <OverviewGraph graph={graph} words={words} activity={activity} lit={lit} onFocusNode={setFocused} />
          <p className="overview-focus" aria-live="polite">
            {focused ? words.nodes[focused].about : null}
            {focusedValues.map((traced) => (
              <span key={traced.id} className="overview-focus-value">
                {' '}
                {describeTraced(traced, walk?.network ?? 'discriminator', t)}
              </span>
            ))}
          </p>
          <p className="overview-architecture">
            {fill(t.objectiveLine, { objective: objectiveName })}
            {' · '}
            {fill(t.architecture, {
              kind: t.architectureKinds[architecture.kind],
              generator: layersText(architecture.generator),
              discriminator: layersText(architecture.discriminator),
            })}
            {architecture.qHead ? ` ${fill(t.architectureQ, { q: layersText(architecture.qHead) })}` : null}
          </p>
        </div>
        <SlowMotionWalk
          walk={walk}
          busy={slow.state.busy}
          error={slow.state.error}
          disabled={!ready}
          lossExtras={{
            information: config.conditioning === 'infoCodes',
            penalty: OBJECTIVE_MODULES[config.objective].losses.criticPenalty !== undefined,
          }}
          batch={config.batchSize}
          objective={objectiveName}
          onStart={slow.start}
          onGo={slow.go}
          onFinish={slow.finish}
        />
      </div>
    </section>
  );
}
