import { lazy, Suspense } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';

/**
 * The latent explorer's code and words load after the page's first paint: it sits below the view and
 * the charts (hidden in presenter mode) and is not needed to start training.
 */
const LatentExplorer = lazy(() =>
  import('./LatentExplorer.tsx').then(({ LatentExplorer }) => ({ default: LatentExplorer })),
);

/** The latent-space explorer (LatentExplorer.tsx), loaded on demand. */
export function LatentPanel({ client }: { client: TrainingClient }) {
  return (
    <Suspense fallback={null}>
      <LatentExplorer client={client} />
    </Suspense>
  );
}
