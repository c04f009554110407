import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { LatentAnswer, LatentProblem, LatentQuery } from '../../worker/latent-answers.ts';

/** While training, an answer is refreshed at most this often: fresh enough to watch, cheap for the loop. */
const REFRESH_MS = 600;
/**
 * Off screen (scrolled away, or hidden in presenter mode) an answer is refreshed this seldom: the
 * explorer below the charts re-rendered its 16 tiles ~6 times a second while nobody saw it, the page's
 * most frequent renders while training (scripts/bench/lib/profile.ts, issue 18).
 */
const OFF_SCREEN_REFRESH_MS = 5_000;

/** Whether the explorer is on screen, as LatentPanel sees it (a ref: a change re-renders nothing). On screen where no one watches. */
export const LatentOnScreen = createContext<{ readonly current: boolean }>({ current: true });

export interface LatentResult {
  answer?: LatentAnswer;
  error?: LatentProblem;
}

/**
 * The worker's answer to `make()`, asked again whenever `key` changes and, while the model trains,
 * every REFRESH_MS. At most one query is in flight: a slider dragged fast sends the latest position
 * when the previous answer is back, instead of queueing one query per pixel moved. `make` builds fresh
 * arrays each call, because the query's buffers are transferred to the worker. `key` undefined = idle.
 */
export function useLatentAnswer(
  client: TrainingClient,
  key: string | undefined,
  make: () => LatentQuery,
): LatentResult {
  const [result, setResult] = useState<LatentResult>({});
  const onScreen = useContext(LatentOnScreen);
  const makeRef = useRef(make);
  useLayoutEffect(() => {
    makeRef.current = make;
  });

  // Shared across keys: a slider dragged fast waits for the answer in flight, then asks for where it is now.
  const flight = useRef<{ busy: boolean; next?: () => void }>({ busy: false });

  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    const ask = () => {
      const state = flight.current;
      if (state.busy) {
        state.next = ask;
        return;
      }
      state.busy = true;
      void client.latent(makeRef.current()).then((event) => {
        state.busy = false;
        if (live) setResult({ answer: event.answer, error: event.error });
        const next = state.next;
        state.next = undefined;
        next?.();
      });
    };
    ask();
    // New weights (the iteration moved): ask again, at most every REFRESH_MS. The iteration is
    // watched here, not through React state, so the panel does not re-render with every status.
    let seen = client.getSnapshot().iteration;
    let asked = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = client.subscribe(() => {
      if (timer !== undefined || client.getSnapshot().iteration === seen) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          seen = client.getSnapshot().iteration;
          asked = performance.now();
          ask();
        },
        Math.max(0, asked + (onScreen.current ? REFRESH_MS : OFF_SCREEN_REFRESH_MS) - performance.now()),
      );
    });
    return () => {
      live = false;
      if (flight.current.next === ask) flight.current.next = undefined;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [client, key, onScreen]);

  return key === undefined ? {} : result;
}
