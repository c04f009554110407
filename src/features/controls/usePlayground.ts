import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import {
  type Conflict,
  conflictsOf,
  type DatasetId,
  defaultConfig,
  type FieldName,
  type Refusal,
  resetReason,
  type ResetReason,
  type RunConfig,
} from '../../gan/config.ts';
import { PRESETS, type PresetId } from '../../gan/presets.ts';
import { datasetPatch, type VariantId, variantPatch } from './variants.ts';
import { MAX_CUSTOM_POINTS } from '../../gan/data/toy2d.ts';
import { STARTER_POINTS } from './starterPoints.ts';
import { enoughPoints, type Point } from '../plane2d/drawing.ts';
import { openingLink } from '../share/openingLink.ts';

/** Iterations per second while playing; undefined = as fast as the backend goes. */
export type Speed = number | undefined;

const configOf = (s: TrainingState) => s.config;
const phaseOf = (s: TrainingState) => s.phase;

export interface Playground {
  /** The run's settings with the changes that wait for Reset applied: what the panel shows. */
  shown: RunConfig;
  /** Reset-only changes not applied yet. */
  pending: Partial<RunConfig>;
  /** Why each pending change waits for Reset. */
  waiting: Partial<Record<FieldName, ResetReason>>;
  /** Why the shown settings cannot be applied together (empty when they can). */
  conflicts: Conflict[];
  points: Point[];
  /** Whether the drawn points differ from the ones the run trains on. */
  pointsChanged: boolean;
  speed: Speed;
  preset?: PresetId;
  commit(field: FieldName, value: RunConfig[FieldName]): Promise<Refusal | undefined>;
  change(patch: Partial<RunConfig>): Promise<void>;
  chooseVariant(variant: VariantId): Promise<void>;
  chooseDataset(dataset: DatasetId): Promise<void>;
  discard(): void;
  /** New weights with the shown settings (and the drawn points); refused while they conflict. */
  reset(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  /** `play: false` loads it paused (a trained start replaces its weights before anything trains). */
  loadPreset(id: PresetId, options?: { play?: boolean }): void;
  addPoints(points: Point[]): void;
  clearPoints(): void;
}

/**
 * The page's controller over one TrainingClient: it splits every change into what applies live
 * (sent to the worker now) and what waits for Reset (kept here and shown as pending), keeps the drawn
 * points, the speed, and the preset that was loaded. A preset loads its whole configuration, resets
 * and starts training in one go.
 */
export function usePlayground(client: TrainingClient, { fromLink = true }: { fromLink?: boolean } = {}): Playground {
  const config = useTraining(client, configOf);
  const phase = useTraining(client, phaseOf);
  const [pending, setPending] = useState<Partial<RunConfig>>({});
  const [points, setPoints] = useState<Point[]>(STARTER_POINTS);
  const [trainedPoints, setTrainedPoints] = useState<Point[]>();
  const [speed, setSpeedState] = useState<Speed>();
  // The client starts from the opening link's configuration (useTrainingClient): a `#preset=` link
  // started the run from that preset, so the menu shows it and its card explains it.
  // Compare mode's run B did not start from the link's preset (fromLink false).
  const [preset, setPreset] = useState<PresetId | undefined>(() => (fromLink ? openingLink().state.preset : undefined));
  const playWhenReady = useRef(false);

  const shown = useMemo(() => ({ ...config, ...pending }), [config, pending]);
  const waiting = useMemo(() => {
    const reasons: Partial<Record<FieldName, ResetReason>> = {};
    for (const [key, value] of Object.entries(pending) as [FieldName, RunConfig[FieldName]][])
      reasons[key] = resetReason(config, key, value);
    return reasons;
  }, [config, pending]);
  // Each field of `shown` passed its own check on the way in, so only rules across fields remain.
  const conflicts = useMemo(() => conflictsOf(shown), [shown]);

  useEffect(() => {
    if (phase === 'ready' && playWhenReady.current) {
      playWhenReady.current = false;
      client.play(speed);
    }
  }, [client, phase, speed]);

  /** Sends what applies live to the worker and keeps the rest as pending; resolves with the worker's answer. */
  const send = useCallback(
    async (patch: Partial<RunConfig>) => {
      const live: Partial<Record<FieldName, unknown>> = {};
      const later: Partial<Record<FieldName, unknown>> = {};
      for (const [key, value] of Object.entries(patch) as [FieldName, RunConfig[FieldName]][]) {
        if (resetReason(config, key, value)) later[key] = value;
        else live[key] = value;
      }
      setPending((before) => {
        const next: Partial<Record<FieldName, unknown>> = { ...before, ...later };
        // A value that applies live replaces one of the same field that was waiting for Reset.
        for (const key of Object.keys(live) as FieldName[]) delete next[key];
        for (const key of Object.keys(later) as FieldName[]) if (next[key] === config[key]) delete next[key];
        return next as Partial<RunConfig>;
      });
      return Object.keys(live).length ? client.update(live) : undefined;
    },
    [client, config],
  );

  const change = useCallback(
    async (patch: Partial<RunConfig>) => {
      await send(patch);
    },
    [send],
  );

  const commit = useCallback(
    async (field: FieldName, value: RunConfig[FieldName]) => {
      const result = await send({ [field]: value });
      return result?.refused.find((r) => r.field === field || r.field === 'configuration');
    },
    [send],
  );

  const start = useCallback(
    (next: RunConfig, usePoints: Point[]) => {
      const sources = next.dataset === 'custom' ? { points: usePoints } : undefined;
      setPending({});
      if (next.dataset === 'custom') setTrainedPoints(usePoints);
      client.reset(next, { sources });
    },
    [client],
  );

  const reset = useCallback(() => {
    // Too few drawn points: refused; the plane view says how many are needed (plane2d/drawing.ts).
    if (conflicts.length || (shown.dataset === 'custom' && !enoughPoints(points.length))) return;
    setPreset(undefined);
    start(shown, points);
  }, [conflicts, points, shown, start]);

  const loadPreset = useCallback(
    (id: PresetId, { play = true }: { play?: boolean } = {}) => {
      const next = { ...defaultConfig(), ...PRESETS[id].config } as RunConfig;
      // A drawn-data preset starts from the starter shape unless the user has drawn something.
      const usePoints = enoughPoints(points.length) ? points : STARTER_POINTS;
      setPoints(usePoints);
      setPreset(id);
      playWhenReady.current = play;
      start(next, usePoints);
    },
    [points, start],
  );

  const togglePlay = useCallback(() => {
    if (client.getSnapshot().state === 'paused') client.play(speed);
    else client.pause();
  }, [client, speed]);

  const setSpeed = useCallback(
    (next: Speed) => {
      setSpeedState(next);
      if (client.getSnapshot().state === 'playing') client.play(next);
    },
    [client],
  );

  const pointsChanged = shown.dataset === 'custom' && (config.dataset !== 'custom' || trainedPoints !== points);
  // One object per change of state, so memoised panels re-render only when something they show changed.
  return useMemo<Playground>(
    () => ({
      shown,
      pending,
      waiting,
      conflicts,
      points,
      pointsChanged,
      speed,
      preset,
      commit,
      change,
      chooseVariant: (variant) => change(variantPatch(variant, shown)),
      chooseDataset: (dataset) => change(datasetPatch(dataset, shown)),
      discard: () => {
        setPending({});
        if (trainedPoints) setPoints(trainedPoints);
      },
      reset,
      togglePlay,
      setSpeed,
      loadPreset,
      addPoints: (added) => setPoints((before) => [...before, ...added].slice(-MAX_CUSTOM_POINTS)),
      clearPoints: () => setPoints([]),
    }),
    [
      shown,
      pending,
      waiting,
      conflicts,
      points,
      pointsChanged,
      speed,
      preset,
      commit,
      change,
      trainedPoints,
      reset,
      togglePlay,
      setSpeed,
      loadPreset,
    ],
  );
}
