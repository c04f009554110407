import { useStrings } from '../../i18n/useStrings.ts';

/** The keys on screen, so a class sees what the teacher presses: Space, S, R, P and ?. */
export function ShortcutHints() {
  const t = useStrings().playground;
  const keys: [string, string][] = [
    ['Space', t.shortcuts.space],
    ['S', t.shortcuts.s],
    ['R', t.shortcuts.r],
    ['P', t.shortcuts.p],
    ['?', t.shortcuts.help],
  ];
  return (
    <p className="shortcut-hints">
      <span className="visually-hidden">{t.shortcutsLabel}: </span>
      {keys.map(([key, what]) => (
        <span key={key}>
          <kbd>{key}</kbd> {what}
        </span>
      ))}
    </p>
  );
}
