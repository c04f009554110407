import { useEffect } from 'react';

/** Whether `key` belongs to the control that has focus rather than to the page. */
function ownedByFocus(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // A focused button or summary handles Space itself (a focused "Train" already toggles on Space).
  return key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY');
}

export interface ShortcutActions {
  togglePlay(): void;
  step(): void;
  reset(): void;
  presenter(): void;
  help(): void;
}

/**
 * Space plays or pauses, S steps one iteration, R resets, P toggles presenter mode, ? opens the
 * help: a teacher's hands stay on the keyboard. Keys are ignored while a dialog is open (it owns them)
 * and while `accepts()` says no, asked at the key press itself (not at the last render, which may
 * lag what it reads by a frame).
 */
export function useShortcuts(actions: ShortcutActions, accepts: () => boolean) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || ownedByFocus(event.target, event.key)) return;
      if (!accepts()) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === ' ') actions.togglePlay();
      else if (event.key === 's' || event.key === 'S') actions.step();
      else if (event.key === 'r' || event.key === 'R') actions.reset();
      else if (event.key === 'p' || event.key === 'P') actions.presenter();
      else if (event.key === '?') actions.help();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, accepts]);
}
