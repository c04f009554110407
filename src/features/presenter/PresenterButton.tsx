import { useStrings } from '../../i18n/useStrings.ts';
import { togglePresenter, usePresenter } from './presenter.ts';

/** "Presenter": a toggle (aria-pressed) for presenter mode; key P. */
export function PresenterButton() {
  const t = useStrings().playground;
  const on = usePresenter();
  return (
    <button
      type="button"
      className="presenter-toggle"
      aria-pressed={on}
      aria-keyshortcuts="P"
      title={on ? t.presenterLeave : t.presenterEnter}
      onClick={togglePresenter}
    >
      {t.presenter}
    </button>
  );
}
