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

/** Space plays or pauses, S steps one iteration, R resets: a teacher's hands stay on the keyboard. */
export function useShortcuts(actions: { togglePlay(): void; step(): void; reset(): void }, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || ownedByFocus(event.target, event.key)) return;
      if (event.key === ' ') actions.togglePlay();
      else if (event.key === 's' || event.key === 'S') actions.step();
      else if (event.key === 'r' || event.key === 'R') actions.reset();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, enabled]);
}
