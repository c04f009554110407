import { useId, useRef } from 'react';
import { useStrings } from '../../i18n/useStrings.ts';
import { useModal } from '../help/HelpDialog.tsx';
import type { RunLength } from './useRunLength.ts';

/**
 * "Discard this run?": asked when R would reset a long run (useRunLength). A modal <dialog> of the
 * page's own (not window.confirm, which blocks the page and cannot be styled or translated): the
 * focus starts on "Keep this run", Esc keeps it.
 */
export function ConfirmReset({ length, onDiscard, onKeep }: { length?: RunLength; onDiscard(): void; onKeep(): void }) {
  const t = useStrings().playground.confirmReset;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useModal(dialog, length !== undefined);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onClose={onKeep}
    >
      <h2 id={titleId}>{t.title}</h2>
      <p id={textId}>{length ? t.text(length.iterations, Math.round(length.seconds)) : ''}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onDiscard}>
          {t.discard}
        </button>
        <button type="button" autoFocus onClick={onKeep}>
          {t.keep}
        </button>
      </div>
    </dialog>
  );
}
