import { useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import type { PresetId } from '../../gan/presets.ts';
import { useTraining } from '../../client/useTraining.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { RunMenus } from '../controls/RunMenus.tsx';
import { PendingNotice, SettingsPanel } from '../controls/SettingsPanel.tsx';
import { Transport } from '../controls/Transport.tsx';
import { type Playground as PlaygroundController, usePlayground } from '../controls/usePlayground.ts';
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
import type { RunHistory } from '../history/runHistory.ts';
import { useRunHistory, useRunHistoryStore } from '../history/useRunHistory.ts';
import { PlaneView } from '../plane2d/PlaneView.tsx';
import { PresetCard, PresetPicker } from '../presets/PresetPicker.tsx';
import { LatentPanel } from '../latent/LatentPanel.tsx';
import { OverviewPanel } from '../overview/OverviewPanel.tsx';
import { TraceOverlay } from '../overview/TraceOverlay.tsx';
import { HistoryScrubber } from '../samples/HistoryScrubber.tsx';
import { SamplesView } from '../samples/SamplesView.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import { BackendControl } from './BackendControl.tsx';
import { NoticeList } from './NoticeList.tsx';
import { useTrainingClient } from './useTrainingClient.ts';
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

/** A preset asked for from outside the playground (a lesson's button, via App.tsx): a new object per click. */
export interface PresetRequest {
  readonly id: PresetId;
}

const configOf = (s: TrainingState) => s.config;
const planarOf = (s: TrainingState) => s.planar;
const planeOf = (s: TrainingState) => s.plane;
const samplesOf = (s: TrainingState) => s.samples;
const phaseOf = (s: TrainingState) => s.phase;

/**
 * The page's top level re-renders only when the settings, the phase or the diagnoses change; the
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
  // Each request loads once, as the preset menu would; a new request object loads again.
  const loaded = useRef<PresetRequest>(undefined);
  useEffect(() => {
    if (!presetRequest || loaded.current === presetRequest) return;
    loaded.current = presetRequest;
    playground.loadPreset(presetRequest.id);
  }, [presetRequest, playground]);
  const store = useRunHistoryStore(client);
  const config = useTraining(client, configOf);
  const ready = useTraining(client, phaseOf) === 'ready';
  const diagnoses = useDiagnoses(client, store, config);
  const divergence = useDivergence(client);

  const [helpOpen, setHelpOpen] = useState(false);
  // R after a long run asks first (the Reset button does not: a click is deliberate, a key may not be).
  const runLength = useRunLength(client);
  const [confirming, setConfirming] = useState<RunLength>();
  const shortcuts = useMemo(
    () => ({
      togglePlay: playground.togglePlay,
      step: () => client.getSnapshot().state === 'paused' && client.step(1, 'both'),
      reset: () => {
        const length = runLength();
        if (length.long) setConfirming(length);
        else playground.reset();
      },
      presenter: togglePresenter,
      help: () => setHelpOpen(true),
    }),
    [client, playground.togglePlay, playground.reset, runLength],
  );
  useShortcuts(shortcuts, active && ready);

  return (
    <>
      <div className="top-row">
        <PresetPicker playground={playground} />
        <RunMenus playground={playground} />
        <div className="page-tools">
          <PresenterButton />
          <button type="button" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
            {t.helpButton}
          </button>
        </div>
        <BackendControl client={client} />
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
          <ViewColumn client={client} store={store} playground={playground} />
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
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ConfirmReset
        length={confirming}
        onDiscard={() => {
          setConfirming(undefined);
          playground.reset();
        }}
        onKeep={() => setConfirming(undefined)}
      />
    </>
  );
}

/** The 2D plane (or, for images, the sample grid) with the history scrubber; follows training live. */
function ViewColumn({
  client,
  store,
  playground,
}: {
  client: TrainingClient;
  store?: RunHistory;
  playground: PlaygroundController;
}) {
  const history = useRunHistory(store);
  const config = useTraining(client, configOf);
  const planar = useTraining(client, planarOf);
  const plane = useTraining(client, planeOf);
  const samples = useTraining(client, samplesOf);
  const [scrubbed, setScrubbed] = useState<{ run: number; index: number }>();
  // A position scrubbed to in an earlier run means nothing in this one: follow the new run live.
  const scrub = scrubbed?.run === history.run ? scrubbed.index : undefined;
  const setScrub = (index?: number) => setScrubbed(index === undefined ? undefined : { run: history.run, index });
  const frame = scrub !== undefined ? history.frames[scrub] : undefined;
  const shownPlane = frame?.kind === 'plane' ? frame.plane : plane;
  const shownSamples = frame?.kind === 'samples' ? frame.samples : samples;
  const drawing = playground.shown.dataset === 'custom';
  return (
    <>
      {planar || drawing ? (
        <PlaneView
          plane={planar ? shownPlane : undefined}
          drawing={drawing}
          points={playground.points}
          onDraw={playground.addPoints}
          onClear={playground.clearPoints}
          overlay={scrub === undefined ? (radius) => <TraceOverlay client={client} radius={radius} /> : undefined}
        />
      ) : (
        <SamplesView samples={shownSamples} real={history.real} config={config} />
      )}
      <HistoryScrubber frames={history.frames} index={scrub} onChange={setScrub} />
    </>
  );
}
