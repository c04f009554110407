import { useEffect, useId, useRef } from 'react';
import { useStrings } from '../../i18n/useStrings.ts';

/**
 * The short help ("?" or the Help button): the keys, and what each view, chart and card means. A
 * modal <dialog>: the browser keeps the focus inside, Esc closes it, and the focus returns to where
 * it was.
 */
export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useStrings().playground.help;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useModal(dialog, open);
  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t.title}</h2>
      <h3>{t.keysTitle}</h3>
      <dl className="help-keys">
        {t.keys.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      {t.sections.map(([title, text]) => (
        <section key={title}>
          <h3>{title}</h3>
          <p>{text}</p>
        </section>
      ))}
      <form method="dialog">
        <button type="submit">{t.close}</button>
      </form>
    </dialog>
  );
}

/** Shows `dialog` as a modal while `open` (showModal: focus moves in, the page behind is inert). */
export function useModal(dialog: React.RefObject<HTMLDialogElement | null>, open: boolean) {
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [dialog, open]);
}
