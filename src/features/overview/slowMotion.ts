/**
 * The slow-motion walk through one traced iteration (issue 19), shared by the overview panel, which
 * drives it, and the 2D view's overlay, which shows the batch of the sub-step: one store per
 * training client, so a second run (compare mode) walks on its own.
 */
import { useCallback, useMemo } from 'react';
import { ValueStore } from '../../client/store.ts';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useStore } from '../../client/useStore.ts';
import { useTraining } from '../../client/useTraining.ts';
import { SUB_STEPS, type IterationTrace, type Network, type SubStep, type PhaseTrace } from '../../gan/trace-shape.ts';
import type { WorkerProblem } from '../../worker/protocol.ts';

export interface WalkState {
  /** The traced iteration and the run it belongs to (TrainingState.run). */
  trace?: IterationTrace;
  run?: number;
  /** 0..2·SUB_STEPS.length − 1: D's sub-steps, then G's. */
  index: number;
  /** A trace asked for and not yet answered. */
  busy: boolean;
  error?: WorkerProblem;
}

const IDLE: WalkState = { index: 0, busy: false };
export const WALK_LENGTH = 2 * SUB_STEPS.length;

const stores = new WeakMap<TrainingClient, ValueStore<WalkState>>();

function storeOf(client: TrainingClient): ValueStore<WalkState> {
  let store = stores.get(client);
  if (!store) {
    store = new ValueStore<WalkState>(() => IDLE);
    stores.set(client, store);
  }
  return store;
}

/** Where the walk stands: the phase and sub-step shown, with the phase's trace. */
export interface WalkPosition {
  trace: IterationTrace;
  network: Network;
  phase: PhaseTrace;
  step: SubStep;
  /** 0-based within the phase. */
  within: number;
  index: number;
}

export function positionOf(trace: IterationTrace, index: number): WalkPosition {
  const network: Network = index < SUB_STEPS.length ? 'discriminator' : 'generator';
  const phase = trace[network];
  const within = index % SUB_STEPS.length;
  return { trace, network, phase, step: phase.subSteps[within], within, index };
}

/**
 * The walk shown now: none before a trace, after Finish, once the run is replaced, or once it has
 * trained past the traced iteration (the batch on the plane would no longer be the model's).
 */
export function currentWalk(state: WalkState, run: number, iteration: number): WalkPosition | undefined {
  if (!state.trace || state.run !== run || iteration > state.trace.iteration) return undefined;
  return positionOf(state.trace, state.index);
}

export function useSlowMotion(client: TrainingClient) {
  const store = useMemo(() => storeOf(client), [client]);
  const state = useStore(store);
  const start = useCallback(() => {
    const run = client.getSnapshot().run;
    store.set({ ...store.getSnapshot(), busy: true, error: undefined });
    void client.trace().then((event) => {
      store.set(
        event.trace
          ? { trace: event.trace, run, index: 0, busy: false }
          : { ...IDLE, error: event.error ?? { code: 'unexpected', detail: '' } },
      );
    });
  }, [client, store]);
  const go = useCallback(
    (index: number) => {
      const s = store.getSnapshot();
      store.set({ ...s, index: Math.max(0, Math.min(WALK_LENGTH - 1, index)) });
    },
    [store],
  );
  const finish = useCallback(() => store.set(IDLE), [store]);
  return { state, start, go, finish };
}

/** The walk's position for the 2D view's overlay. */
export function useWalkPosition(client: TrainingClient, run: number): WalkPosition | undefined {
  const state = useStore(useMemo(() => storeOf(client), [client]));
  return currentWalk(state, run, useWalkIteration(client, state));
}

/**
 * The run's iteration as far as a walk cares (currentWalk): the traced iteration, or one past it once
 * the run has trained on. Selecting the iteration itself re-rendered the graph and the overlay with
 * every status, ~6 times a second while training (issue 18's profile, scripts/bench/lib/profile.ts).
 */
export function useWalkIteration(client: TrainingClient, state: WalkState): number {
  const traced = state.trace?.iteration;
  const past = useTraining(
    client,
    useCallback((s: TrainingState) => traced !== undefined && s.iteration > traced, [traced]),
  );
  return traced === undefined ? 0 : past ? traced + 1 : traced;
}
