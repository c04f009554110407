/**
 * The view's toggles (the 2D view's layers) and its theory layers (D*, D − D*, transport) as stores
 * outside React (src/client/store.ts): the plane view reads and sets them through useStore, and the
 * link's one subscriber (linkSync.ts) writes them into the hash with the configuration. Both start
 * from the link the page was opened with.
 */
import { ValueStore } from '../../client/store.ts';
import { useStore } from '../../client/useStore.ts';
import { openingLink } from './openingLink.ts';
import { defaultTheory, defaultView, type TheoryLayersState, type ViewToggles } from './urlState.ts';

const sameToggles = (a: ViewToggles, b: ViewToggles) =>
  (Object.keys(a) as (keyof ViewToggles)[]).every((key) => a[key] === b[key]);

export const viewToggles = new ValueStore<ViewToggles>(() => openingLink().state.view ?? defaultView(), sameToggles);

/** The toggles and their setter, for a component. */
export function useView(): [ViewToggles, (next: ViewToggles) => void] {
  return [useStore(viewToggles), viewToggles.set];
}

export const theoryLayers = new ValueStore<TheoryLayersState>(
  () => openingLink().state.theory ?? defaultTheory(),
  (a, b) => a.field === b.field && a.transport === b.transport,
);

/** The theory layers and their setter, for a component. */
export function useTheoryLayers(): [TheoryLayersState, (next: TheoryLayersState) => void] {
  return [useStore(theoryLayers), theoryLayers.set];
}
