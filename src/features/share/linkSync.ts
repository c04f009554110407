/**
 * The one subscriber that keeps the URL hash equal to the run's configuration and the view's
 * toggles and theory layers. Framework-free, like the stores it listens to.
 */
import type { TrainingClient } from '../../client/TrainingClient.ts';
import type { ComparisonId } from '../../gan/comparisons.ts';
import { openingLink } from './openingLink.ts';
import { defaultTheory, type LinkState, lessonOnly, type ParsedLink, parseLink, serializeLink } from './urlState.ts';
import { theoryLayers, viewToggles } from './viewState.ts';

/** Compare mode's run B, for the link: its client and the comparison the runs started from, if any. */
export interface CompareLink {
  client: TrainingClient;
  comparison?: ComparisonId;
}

/**
 * Writes the hash whenever the client's configuration (and in compare mode run B's) or the view's
 * toggles change (replaceState: tuning a learning rate should not fill the back button), and restarts
 * the run when the user pastes another run's link (not a lesson's) into the address bar of an open page (B too, with B's
 * settings, while compare mode is on). Returns the unsubscribe function.
 */
export function syncLink(
  client: TrainingClient,
  onLink: (parsed: ParsedLink) => void,
  compare?: CompareLink,
): () => void {
  let state: LinkState = openingLink().state;
  /** The last hash serialised, and the same as the browser reports it back (percent-encoded). */
  let serialized = '';
  let written = '';
  const write = () => {
    // Someone else changed the hash: a link pasted into the address bar, whose hashchange event is
    // still queued. A notification in between must follow it, not write the old run over it.
    if (written !== '' && location.hash !== written) return follow();
    // serializeLink drops the preset once the configuration no longer is that preset.
    state = {
      config: client.getSnapshot().config,
      preset: state.preset,
      view: viewToggles.getSnapshot(),
      theory: theoryLayers.getSnapshot(),
      compare: compare ? { config: compare.client.getSnapshot().config, comparison: compare.comparison } : undefined,
    };
    const hash = serializeLink(state);
    if (hash === serialized) return;
    serialized = hash;
    history.replaceState(history.state, '', hash);
    written = location.hash;
  };
  const follow = () => {
    // A lesson's link names no run: App.tsx opens the lesson, and the run goes on under its own link.
    if (lessonOnly(location.hash)) {
      serialized = '';
      written = '';
      write();
      return;
    }
    const parsed = parseLink(location.hash);
    onLink(parsed);
    state = parsed.state;
    client.reset(parsed.state.config);
    compare?.client.reset(parsed.state.compare?.config ?? parsed.state.config);
    viewToggles.set(parsed.state.view ?? viewToggles.getSnapshot());
    theoryLayers.set(parsed.state.theory ?? defaultTheory());
    serialized = '';
    written = '';
    write();
  };
  const onHashChange = () => {
    if (location.hash !== written) follow();
  };
  write();
  const unsubscribe = client.subscribe(write);
  const unsubscribeB = compare?.client.subscribe(write);
  const unsubscribeView = viewToggles.subscribe(write);
  const unsubscribeTheory = theoryLayers.subscribe(write);
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    unsubscribeB?.();
    unsubscribeView();
    unsubscribeTheory();
    window.removeEventListener('hashchange', onHashChange);
  };
}
