import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import type { ComparisonId } from '../../gan/comparisons.ts';
import type { PresetId } from '../../gan/presets.ts';
import { useTraining } from '../../client/useTraining.ts';
import * as comparisons from '../../i18n/comparisons.ts';
import { useStrings, useWords } from '../../i18n/useStrings.ts';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { RunMenus } from '../controls/RunMenus.tsx';
import { PendingNotice, SettingsPanel } from '../controls/SettingsPanel.tsx';
import { Transport, togglePlayAll } from '../controls/Transport.tsx';
import { usePlayground } from '../controls/usePlayground.ts';
import { useShortcuts } from '../controls/useShortcuts.ts';
import { ConfirmReset } from '../controls/ConfirmReset.tsx';
import { type RunLength, useRunLength } from '../controls/useRunLength.ts';
import { HelpDialog } from '../help/HelpDialog.tsx';
import { ShortcutHints } from '../help/ShortcutHints.tsx';
import { PresenterButton } from '../presenter/PresenterButton.tsx';
import { togglePresenter } from '../presenter/presenter.ts';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel.tsx';
import { useDiagnoses } from '../diagnostics/useDiagnoses.ts';
import { useDivergence } from '../diagnostics/useDivergence.ts';
import { FormulaCard } from '../formulas/FormulaCard.tsx';
import { useRunHistoryStore } from '../history/useRunHistory.ts';
import { PresetCard, PresetPicker } from '../presets/PresetPicker.tsx';
import { LatentPanel } from '../latent/LatentPanel.tsx';
import { OverviewPanel } from '../overview/OverviewPanel.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import { BackendControl } from './BackendControl.tsx';
import { type ComparisonRequest, CompareMode, type CompareRun } from './CompareMode.tsx';
import { NoticeList } from './NoticeList.tsx';
import { type CompareStart, useCompareClient, useTrainingClient } from './useTrainingClient.ts';
import { openingLink } from '../share/openingLink.ts';
import { lessonOnly, parseLink } from '../share/urlState.ts';
import { ViewColumn } from './ViewColumn.tsx';
import './playground.css';
import './page.css';

/**
 * The playground a teacher projects: presets, data and variant up top; the transport; then the
 * preset's card and the diagnostics, the view (2D plane or image grid) with its history and the
 * objective's formulas, and the streaming charts; every setting below.
 */
export function PlaygroundPage({ active = true, presetRequest }: { active?: boolean; presetRequest?: PresetRequest }) {
  const t = useStrings().playground;
  const client = useTrainingClient();
  return (
    <section className="playground" aria-label={t.region}>
      {client ? <Playground client={client} active={active} presetRequest={presetRequest} /> : null}
    </section>
  );
}

/**
 * A preset asked for from outside the playground (a lesson's button, via App.tsx): a new object per
 * click. With `comparison`, the lesson's failure and fix open side by side in compare mode.
 */
export interface PresetRequest {
  readonly id: PresetId;
  readonly comparison?: ComparisonId;
}

const configOf = (s: TrainingState) => s.config;

/** Both runs' lengths as one, for the question before R discards them: the longer count of each, long if either is. */
const longer = (a: RunLength, b?: RunLength): RunLength =>
  b
    ? {
        iterations: Math.max(a.iterations, b.iterations),
        seconds: Math.max(a.seconds, b.seconds),
        long: a.long || b.long,
      }
    : a;

/**
 * The page's top level re-renders only when the settings or the diagnoses change; the
 * parts that follow training (views at ~2.5 Hz, history, charts) subscribe for themselves, so a new
 * plane does not re-render thirty settings and four charts.
 */
function Playground({
  client,
  active,
  presetRequest,
}: {
  client: TrainingClient;
  active: boolean;
  presetRequest?: PresetRequest;
}) {
  const playground = usePlayground(client);
  const t = useStrings().playground;
  const c = useWords(comparisons);
  // Compare mode: run B's client while on; `copy` makes B a copy of A's run (the Compare button), a
  // comparison loads both runs' presets instead.
  // A compare-mode link opens both runs as it says (run B's settings under `b.`).
  const [compare, setCompare] = useState<CompareStart | undefined>(() => {
    const linked = openingLink().state.compare;
    return linked ? { copy: false, config: linked.config } : undefined;
  });
  const [comparisonRequest, setComparisonRequest] = useState<ComparisonRequest>();
  const [comparison, setComparison] = useState<ComparisonId | undefined>(() => openingLink().state.compare?.comparison);
  const clientB = useCompareClient(client, compare);
  const compareLink = useMemo(() => (clientB ? { client: clientB, comparison } : undefined), [clientB, comparison]);
  const chooseComparison = useCallback((id: ComparisonId | undefined) => {
    setComparison(id);
    if (id === undefined) return;
    setCompare((before) => before ?? { copy: false });
    setComparisonRequest({ id });
  }, []);
  const toggleCompare = () => {
    setComparison(undefined);
    setComparisonRequest(undefined);
    setCompare((before) => (before ? undefined : { copy: true }));
  };
  // Each request loads once, as the preset menu would; a new request object loads again.
  const loaded = useRef<PresetRequest>(undefined);
  useEffect(() => {
    if (!presetRequest || loaded.current === presetRequest) return;
    loaded.current = presetRequest;
    if (presetRequest.comparison) return chooseComparison(presetRequest.comparison);
    setCompare(undefined);
    setComparison(undefined);
    playground.loadPreset(presetRequest.id);
  }, [presetRequest, playground, chooseComparison]);
  // A run's link pasted into the open page opens the mode it names: a compare link both runs (the link's
  // subscriber, share/linkSync.ts, resets A, and B starts from the link's settings), a single run's link
  // single mode. Read from the event's URL: the subscriber may already have rewritten the hash.
  useEffect(() => {
    const onHashChange = (event: HashChangeEvent) => {
      const hash = new URL(event.newURL).hash;
      if (lessonOnly(hash)) return;
      const linked = parseLink(hash).state.compare;
      setComparisonRequest(undefined);
      setComparison(linked?.comparison);
      setCompare((before) => (linked ? (before ?? { copy: false, config: linked.config }) : undefined));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  // Run B for the keyboard: Space, S and R act on both runs in compare mode.
  const runB = useRef<CompareRun>(undefined);
  const setRunB = useCallback((run: CompareRun | undefined) => {
    runB.current = run;
  }, []);
  const store = useRunHistoryStore(client);
  const config = useTraining(client, configOf);
  const diagnoses = useDiagnoses(client, store, config);
  const divergence = useDivergence(client);

  const [helpOpen, setHelpOpen] = useState(false);
  // R after a long run asks first (the Reset button does not: a click is deliberate, a key may not be);
  // in compare mode R discards both runs, so it asks when either is long.
  const runLength = useRunLength(client);
  const [confirming, setConfirming] = useState<RunLength>();
  const resetAll = useCallback(() => {
    playground.reset();
    runB.current?.playground.reset();
  }, [playground]);
  const shortcuts = useMemo(
    () => ({
      togglePlay: () =>
        runB.current ? togglePlayAll([{ client, playground }, runB.current]) : playground.togglePlay(),
      step: () => {
        for (const run of [client, runB.current?.client])
          if (run?.getSnapshot().state === 'paused') run.step(1, 'both');
      },
      reset: () => {
        const length = longer(runLength(), runB.current?.length());
        if (length.long) setConfirming(length);
        else resetAll();
      },
      presenter: togglePresenter,
      help: () => setHelpOpen(true),
    }),
    [client, playground, runLength, resetAll],
  );
  // Whether the run is ready is read from the client at the key press: its phase reaches React up
  // to a frame later, and a key in between was lost (R right after a reset did nothing).
  const acceptsKeys = useCallback(() => active && client.getSnapshot().phase === 'ready', [active, client]);
  useShortcuts(shortcuts, acceptsKeys);

  const tools = (
    <>
      <div className="page-tools">
        <button
          type="button"
          aria-pressed={clientB !== undefined}
          title={clientB ? c.compareOff : c.compareOn}
          onClick={toggleCompare}
        >
          {c.compare}
        </button>
        <PresenterButton />
        <button type="button" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
          {t.helpButton}
        </button>
      </div>
      <BackendControl client={client} />
    </>
  );
  const dialogs = (
    <>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ConfirmReset
        length={confirming}
        onDiscard={() => {
          setConfirming(undefined);
          resetAll();
        }}
        onKeep={() => setConfirming(undefined)}
      />
    </>
  );
  if (clientB)
    return (
      <>
        <CompareMode
          a={{ client, playground, store, config, diagnoses, divergence }}
          clientB={clientB}
          request={comparisonRequest}
          comparison={comparison}
          onComparison={chooseComparison}
          onRunB={setRunB}
          tools={tools}
        />
        <ShortcutHints />
        <div className="bottom-row">
          <NoticeList client={client} />
          <NoticeList client={clientB} />
          <SharePanel client={client} compare={compareLink} />
        </div>
        {dialogs}
      </>
    );

  return (
    <>
      <div className="top-row">
        <PresetPicker client={client} playground={playground} onComparison={chooseComparison} />
        <RunMenus playground={playground} />
        {tools}
      </div>
      <Transport client={client} playground={playground} store={store} />
      <ShortcutHints />
      <PendingNotice playground={playground} />
      <PresetCard preset={playground.preset} />
      <div className="main-grid">
        <div className="column-left">
          {/* The live controls beside the charts: on a 1280×720 projector they are on screen with them. */}
          <SettingsPanel playground={playground} />
          <DiagnosticsPanel diagnoses={diagnoses} divergence={divergence} />
        </div>
        <div className="column-view">
          <ViewColumn client={client} store={store} playground={playground} traced />
          <FormulaCard config={playground.shown} />
        </div>
        <ChartsPanel client={client} store={store} config={config} diagnoses={diagnoses} />
      </div>
      <OverviewPanel client={client} />
      <LatentPanel client={client} />
      <div className="bottom-row">
        <NoticeList client={client} />
        <SharePanel client={client} />
      </div>
      {dialogs}
    </>
  );
}
