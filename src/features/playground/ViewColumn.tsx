import { useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import type { Playground } from '../controls/usePlayground.ts';
import type { RunHistory } from '../history/runHistory.ts';
import { useRunHistory } from '../history/useRunHistory.ts';
import { TraceOverlay } from '../overview/TraceOverlay.tsx';
import { PlaneView } from '../plane2d/PlaneView.tsx';
import { HistoryScrubber } from '../samples/HistoryScrubber.tsx';
import { SamplesView } from '../samples/SamplesView.tsx';

const configOf = (s: TrainingState) => s.config;
const planarOf = (s: TrainingState) => s.planar;
const planeOf = (s: TrainingState) => s.plane;
const samplesOf = (s: TrainingState) => s.samples;

/**
 * A run's 2D plane (or, for images, the sample grid) with the history scrubber; follows training
 * live. `traced` draws the slow-motion step's batch over the plane (the single run's overview).
 */
export function ViewColumn({
  client,
  store,
  playground,
  traced = false,
}: {
  client: TrainingClient;
  store?: RunHistory;
  playground: Playground;
  traced?: boolean;
}) {
  const history = useRunHistory(store);
  const config = useTraining(client, configOf);
  const planar = useTraining(client, planarOf);
  const plane = useTraining(client, planeOf);
  const samples = useTraining(client, samplesOf);
  const [scrubbed, setScrubbed] = useState<{ run: number; index: number }>();
  // A position scrubbed to in an earlier run means nothing in this one: follow the new run live.
  const scrub = scrubbed?.run === history.run ? scrubbed.index : undefined;
  const setScrub = (index?: number) => setScrubbed(index === undefined ? undefined : { run: history.run, index });
  const frame = scrub !== undefined ? history.frames[scrub] : undefined;
  const shownPlane = frame?.kind === 'plane' ? frame.plane : plane;
  const shownSamples = frame?.kind === 'samples' ? frame.samples : samples;
  const drawing = playground.shown.dataset === 'custom';
  return (
    <>
      {planar || drawing ? (
        <PlaneView
          plane={planar ? shownPlane : undefined}
          drawing={drawing}
          points={playground.points}
          onDraw={playground.addPoints}
          onClear={playground.clearPoints}
          overlay={
            traced && scrub === undefined ? (radius) => <TraceOverlay client={client} radius={radius} /> : undefined
          }
        />
      ) : (
        <SamplesView samples={shownSamples} real={history.real} config={config} />
      )}
      <HistoryScrubber frames={history.frames} index={scrub} onChange={setScrub} />
    </>
  );
}
