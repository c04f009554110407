import { lazy, Suspense } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';

/** The traced batch's drawing and words load after the page's first paint, with the overview's (OverviewPanel.tsx). */
const TraceBatch = lazy(() => import('./TraceBatch.tsx').then(({ TraceBatch }) => ({ default: TraceBatch })));

/** The slow-motion step's batch over the 2D view (TraceBatch.tsx), loaded on demand. */
export function TraceOverlay({ client, radius }: { client: TrainingClient; radius: number }) {
  return (
    <Suspense fallback={null}>
      <TraceBatch client={client} radius={radius} />
    </Suspense>
  );
}
