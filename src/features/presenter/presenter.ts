/**
 * Presenter mode (issue 18): the playground for a projector. Full screen where the browser allows
 * it (a refusal still gives the presenter layout), the presenter palette (palette.ts: 24 px chart
 * text, 3 px lines, darker data colours), and the layout of page.css's `.presenter` rules: headline
 * numbers large, advanced controls hidden. Leaving restores the page as it was; leaving full screen
 * (Esc) leaves presenter mode too.
 */
import { useSyncExternalStore } from 'react';
import { setPresenterTheme } from '../theme/theme.ts';

const CLASS = 'presenter';

let on = false;
/** Whether presenter mode asked for full screen (and got it): leaving full screen then leaves presenter mode. */
let ownsFullscreen = false;
const listeners = new Set<() => void>();

function set(next: boolean) {
  if (on === next) return;
  on = next;
  document.documentElement.classList.toggle(CLASS, on);
  setPresenterTheme(on);
  for (const listener of listeners) listener();
}

function onFullscreenChange() {
  if (document.fullscreenElement) return;
  if (ownsFullscreen) {
    ownsFullscreen = false;
    set(false);
  }
}

export function enterPresenter(): void {
  if (on) return;
  set(true);
  const root = document.documentElement;
  if (!document.fullscreenElement && root.requestFullscreen) {
    root
      .requestFullscreen()
      .then(() => {
        ownsFullscreen = true;
      })
      // Refused (no user gesture, an iframe without permission): the presenter layout still applies.
      .catch(() => undefined);
  }
}

export function leavePresenter(): void {
  if (!on) return;
  set(false);
  if (ownsFullscreen) {
    ownsFullscreen = false;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }
}

export function togglePresenter(): void {
  if (on) leavePresenter();
  else enterPresenter();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) document.addEventListener('fullscreenchange', onFullscreenChange);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) document.removeEventListener('fullscreenchange', onFullscreenChange);
  };
}

export function usePresenter(): boolean {
  return useSyncExternalStore(subscribe, () => on);
}
