import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TrainingClient } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import type { LatentAnswer, LatentQuery } from '../../worker/latent.ts';

/** While training, an answer is refreshed at most this often: fresh enough to watch, cheap for the loop. */
const REFRESH_MS = 600;

const selectIteration = (s: { iteration: number }) => s.iteration;

export interface LatentResult {
  answer?: LatentAnswer;
  error?: string;
}

/**
 * The worker's answer to `make()`, asked again whenever `key` changes and, while the model trains,
 * every REFRESH_MS. At most one query is in flight: a slider dragged fast sends the latest position
 * when the previous answer is back, instead of queueing one query per pixel moved. `make` builds fresh
 * arrays each call, because the query's buffers are transferred to the worker. `key` undefined = idle.
 */
export function useLatentAnswer(client: TrainingClient, key: string | undefined, make: () => LatentQuery): LatentResult {
  const [result, setResult] = useState<LatentResult>({});
  const iteration = useTraining(client, selectIteration);
  const [tick, setTick] = useState(0);
  const makeRef = useRef(make);
  useLayoutEffect(() => {
    makeRef.current = make;
  });
  const flight = useRef<{ busy: boolean; next?: () => void; lastTick: number }>({ busy: false, lastTick: 0 });

  // The model's iteration, throttled: a new weights version at most every REFRESH_MS.
  useEffect(() => {
    const wait = Math.max(0, flight.current.lastTick + REFRESH_MS - performance.now());
    const timer = setTimeout(() => {
      flight.current.lastTick = performance.now();
      setTick(iteration);
    }, wait);
    return () => clearTimeout(timer);
  }, [iteration]);

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
    return () => {
      live = false;
      if (flight.current.next === ask) flight.current.next = undefined;
    };
  }, [client, key, tick]);

  return key === undefined ? {} : result;
}
