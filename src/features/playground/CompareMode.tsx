import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { COMPARISONS, type ComparisonId } from '../../gan/comparisons.ts';
import type { FieldName, RunConfig } from '../../gan/config.ts';
import type { PresetId } from '../../gan/presets.ts';
import * as comparisons from '../../i18n/comparisons.ts';
import { useStrings, useWords } from '../../i18n/useStrings.ts';
import { formatSetting } from '../../i18n/format.ts';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { differingFields } from '../controls/differences.ts';
import { RunMenus } from '../controls/RunMenus.tsx';
import { PendingNotice, SettingsPanel } from '../controls/SettingsPanel.tsx';
import { Counters, Transport, type TransportRun } from '../controls/Transport.tsx';
import { type Playground, usePlayground } from '../controls/usePlayground.ts';
import { type RunLength, useRunLength } from '../controls/useRunLength.ts';
import type { Diagnosis } from '../../gan/diagnosis/diagnose.ts';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel.tsx';
import { useDiagnoses } from '../diagnostics/useDiagnoses.ts';
import { type Divergence, useDivergence } from '../diagnostics/useDivergence.ts';
import type { RunHistory } from '../history/runHistory.ts';
import { useRunHistoryStore } from '../history/useRunHistory.ts';
import { FormulaCard } from '../formulas/FormulaCard.tsx';
import { LatentPanel } from '../latent/LatentPanel.tsx';
import { OverviewPanel } from '../overview/OverviewPanel.tsx';
import { ComparisonCard, PresetCard, PresetPicker } from '../presets/PresetPicker.tsx';
import { ViewColumn } from './ViewColumn.tsx';

/** Run A as the page already holds it: compare mode adds run B beside it. */
export interface RunA {
  client: TrainingClient;
  playground: Playground;
  store?: RunHistory;
  config: RunConfig;
  diagnoses: Diagnosis[];
  divergence?: Divergence;
}

/** Run B for the page's keys: what the transport drives, and how long it has trained (R asks before discarding a long run). */
export interface CompareRun extends TransportRun {
  length(): RunLength;
}

/** Which run the one-run views follow: the formulas, the theory charts, the model overview and the latent explorer. */
export type Followed = 'a' | 'b';

/** A comparison to load: a new object per choice, so choosing the same one again loads it again. */
export interface ComparisonRequest {
  readonly id: ComparisonId;
}

const configOf = (s: TrainingState) => s.config;

/**
 * Compare mode (issue 18): runs A and B side by side, each in its own worker (B's client comes from
 * useCompareClient). The transport drives both; each run has its region ("Run A", "Run B") with its
 * counters, view, diagnostics and settings, the settings that differ highlighted; one set of charts
 * draws both runs on shared axes. The views that show one run's inside (the formulas, the theory
 * charts, the model overview with its slow-motion step, the latent explorer) would be twice as long
 * side by side and hard to tell apart: they follow one run, A at first, named on each and switched by
 * "Show for: Run A / Run B" under the transport. The page's tools (`tools`: Compare, Presenter,
 * Help) stay on top.
 */
export function CompareMode({
  a,
  clientB,
  request,
  comparison,
  onComparison,
  onRunB,
  tools,
}: {
  a: RunA;
  clientB: TrainingClient;
  request?: ComparisonRequest;
  comparison?: ComparisonId;
  onComparison(id: ComparisonId | undefined): void;
  /** Hands run B to the page's keyboard shortcuts (undefined when compare mode ends). */
  onRunB(run: CompareRun | undefined): void;
  tools: React.ReactNode;
}) {
  const c = useWords(comparisons);
  const b = usePlayground(clientB, { fromLink: false });
  const storeB = useRunHistoryStore(clientB);
  const configB = useTraining(clientB, configOf);
  const diagnosesB = useDiagnoses(clientB, storeB, configB);
  const divergenceB = useDivergence(clientB);
  const lengthB = useRunLength(clientB);
  useEffect(() => {
    if (import.meta.env.MODE !== 'test') return;
    window.nashCompareLength = lengthB;
    return () => {
      if (window.nashCompareLength === lengthB) window.nashCompareLength = undefined;
    };
  }, [lengthB]);
  const [followed, setFollowed] = useState<Followed>('a');

  const runB = useMemo<CompareRun>(() => ({ client: clientB, playground: b, length: lengthB }), [clientB, b, lengthB]);
  useEffect(() => {
    onRunB(runB);
    return () => onRunB(undefined);
  }, [onRunB, runB]);

  // A comparison loads each side's preset, as the menu would load one: new weights, then both train.
  const loaded = useRef<ComparisonRequest>(undefined);
  useEffect(() => {
    if (!request || loaded.current === request) return;
    loaded.current = request;
    const pair = COMPARISONS[request.id];
    a.playground.loadPreset(pair.a);
    b.loadPreset(pair.b);
  }, [request, a.playground, b]);

  // A single preset chosen in compare mode starts both runs from it: the user then changes B.
  const pickerPlayground = useMemo<Playground>(
    () => ({
      ...a.playground,
      loadPreset: (id: PresetId) => {
        onComparison(undefined);
        a.playground.loadPreset(id);
        b.loadPreset(id);
      },
    }),
    [a.playground, b, onComparison],
  );

  const differs = useDifferences(a.playground.shown, b.shown);
  const chartRunB = useMemo(
    () => ({
      client: clientB,
      store: storeB,
      config: configB,
      diagnoses: diagnosesB,
      names: { a: c.runA, b: c.runB },
      seriesName: c.seriesName,
      theory: followed,
      theoryCaption: c.theoryOf(followed === 'a' ? c.runA : c.runB),
    }),
    [clientB, storeB, configB, diagnosesB, c, followed],
  );
  const follow =
    followed === 'a'
      ? { name: c.runA, client: a.client, config: a.playground.shown }
      : { name: c.runB, client: clientB, config: b.shown };
  return (
    <>
      <div className="top-row">
        <PresetPicker playground={pickerPlayground} comparison={comparison} onComparison={(id) => onComparison(id)} />
        {tools}
      </div>
      <Transport client={a.client} playground={a.playground} store={a.store} other={runB} />
      {comparison ? <ComparisonCard comparison={comparison} /> : <PresetCard preset={a.playground.preset} />}
      <div className="compare-bar">
        <p className="compare-differences" role="status">
          {c.differsCount(differs.count)}
        </p>
        <FollowSwitch followed={followed} onChange={setFollowed} />
      </div>
      <div className="compare-grid">
        <RunRegion
          name={c.runA}
          client={a.client}
          playground={a.playground}
          store={a.store}
          diagnoses={a.diagnoses}
          divergence={a.divergence}
          differs={differs.a}
          traced={followed === 'a'}
        />
        <RunRegion
          name={c.runB}
          client={clientB}
          playground={b}
          store={storeB}
          diagnoses={diagnosesB}
          divergence={divergenceB}
          differs={differs.b}
          traced={followed === 'b'}
        />
      </div>
      <ChartsPanel client={a.client} store={a.store} config={a.config} diagnoses={a.diagnoses} compare={chartRunB} />
      <section className="compare-followed" aria-label={c.followedOf(follow.name)}>
        <h2>{c.followedOf(follow.name)}</h2>
        <FormulaCard config={follow.config} />
        {/* A new run followed is a new overview and explorer: their picks and slow-motion steps were the other run's. */}
        <OverviewPanel key={`overview-${followed}`} client={follow.client} />
        <LatentPanel key={`latent-${followed}`} client={follow.client} />
      </section>
    </>
  );
}

/** "Show for: Run A / Run B": which run the one-run views follow. */
function FollowSwitch({ followed, onChange }: { followed: Followed; onChange(side: Followed): void }) {
  const c = useWords(comparisons);
  const name = useId();
  return (
    <fieldset className="compare-follow">
      <legend>{c.follow}</legend>
      {(['a', 'b'] as const).map((side) => (
        <label key={side}>
          <input type="radio" name={name} checked={followed === side} onChange={() => onChange(side)} />
          {side === 'a' ? c.runA : c.runB}
        </label>
      ))}
    </fieldset>
  );
}

/** One run's column: its name, counters, menus, view, diagnostics and settings; `traced`: the followed run's view shows the slow-motion step. */
function RunRegion({
  name,
  client,
  playground,
  store,
  diagnoses,
  divergence,
  differs,
  traced,
}: {
  name: string;
  client: TrainingClient;
  playground: Playground;
  store?: RunHistory;
  diagnoses: readonly Diagnosis[];
  divergence?: Divergence;
  differs: Partial<Record<FieldName, string>>;
  traced: boolean;
}) {
  return (
    <section className="run-column" aria-label={name}>
      <div className="run-head">
        <h2>{name}</h2>
        <Counters client={client} store={store} />
      </div>
      <RunMenus playground={playground} />
      <PendingNotice playground={playground} />
      <div className="run-body">
        <div className="run-view">
          <ViewColumn client={client} store={store} playground={playground} traced={traced} />
        </div>
        <DiagnosticsPanel diagnoses={diagnoses} divergence={divergence} />
      </div>
      <SettingsPanel playground={playground} differs={differs} />
    </section>
  );
}

/** The fields whose shown values differ, each worded for both sides ("differs from Run B: 0.001"). */
function useDifferences(a: RunConfig, b: RunConfig) {
  const c = useWords(comparisons);
  const labels = useEnumLabels();
  return useMemo(() => {
    const fields = differingFields(a, b);
    const text = (value: unknown) => (typeof value === 'number' ? formatSetting(value) : labels(String(value)));
    const forA: Partial<Record<FieldName, string>> = {};
    const forB: Partial<Record<FieldName, string>> = {};
    for (const field of fields) {
      forA[field] = c.differs(c.runB, text(b[field]));
      forB[field] = c.differs(c.runA, text(a[field]));
    }
    return { count: fields.length, a: forA, b: forB };
  }, [a, b, c, labels]);
}

/** An enum value's label in the page's language (the settings' own menus' words), or the value itself. */
function useEnumLabels() {
  const t = useStrings().controls;
  return useMemo(() => {
    const maps: Record<string, string>[] = [
      t.objectives,
      t.architectures,
      t.conditionings,
      t.activations,
      t.optimizers,
      t.noises,
      t.datasets,
    ];
    return (value: string) => maps.find((m) => value in m)?.[value] ?? value;
  }, [t]);
}
