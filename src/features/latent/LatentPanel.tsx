import { lazy, Suspense, useEffect, useRef } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { LatentOnScreen } from './useLatentAnswer.ts';

/**
 * The latent explorer's code and words load after the page's first paint: it sits below the view and
 * the charts (hidden in presenter mode) and is not needed to start training.
 */
const LatentExplorer = lazy(() =>
  import('./LatentExplorer.tsx').then(({ LatentExplorer }) => ({ default: LatentExplorer })),
);

/** The latent-space explorer (LatentExplorer.tsx), loaded on demand; its answers refresh slowly while it is off screen. */
export function LatentPanel({ client }: { client: TrainingClient }) {
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useRef(true);
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      onScreen.current = entry.isIntersecting;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box}>
      <LatentOnScreen.Provider value={onScreen}>
        <Suspense fallback={null}>
          <LatentExplorer client={client} />
        </Suspense>
      </LatentOnScreen.Provider>
    </div>
  );
}
