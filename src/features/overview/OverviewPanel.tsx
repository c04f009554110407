import { lazy, Suspense } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';

/** The overview's code loads after the page's first paint: it is not needed to start training, and the entry chunk stays small. */
const Overview = lazy(() => import('./Overview.tsx').then(({ Overview }) => ({ default: Overview })));

/** The model overview and its slow-motion step (Overview.tsx), loaded on demand. */
export function OverviewPanel({ client }: { client: TrainingClient }) {
  return (
    <Suspense fallback={null}>
      <Overview client={client} />
    </Suspense>
  );
}
