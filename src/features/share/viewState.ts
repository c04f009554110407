/**
 * The view's toggles (the 2D view's layers) as a small store outside React: the plane view reads
 * and sets them, and the link's one subscriber (linkSync.ts) writes them into the hash with the
 * configuration. Starts from the link the page was opened with.
 */
import { useSyncExternalStore } from 'react';
import { openingLink } from './linkSync.ts';
import { defaultView, type ViewToggles } from './urlState.ts';

let view: ViewToggles | undefined;
const listeners = new Set<() => void>();

export function getView(): ViewToggles {
  view ??= openingLink().state.view ?? defaultView();
  return view;
}

export function setView(next: ViewToggles): void {
  const current = getView();
  if ((Object.keys(next) as (keyof ViewToggles)[]).every((key) => next[key] === current[key])) return;
  view = { ...next };
  for (const listener of [...listeners]) listener();
}

export function subscribeView(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toggles and their setter, for a component. */
export function useView(): [ViewToggles, (next: ViewToggles) => void] {
  return [useSyncExternalStore(subscribeView, getView), setView];
}
