import type { TrainingClient, TrainingState } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { describeNotice } from '../../i18n/reliability.ts';

const noticesOf = (s: TrainingState) => s.notices;

/** Warnings, errors and notes from the worker (a backend fallback, a refused setting, a reset optimiser), worded in the page's language as it renders. */
export function NoticeList({ client }: { client: TrainingClient }) {
  const strings = useStrings();
  const t = strings.playground;
  const notices = useTraining(client, noticesOf);
  return (
    <section className="notices" aria-label={t.messages} aria-live="polite">
      {notices.length > 0 ? (
        <ul>
          {notices.map((notice) => (
            <li key={notice.id} className={notice.kind}>
              <span>{describeNotice(notice, strings.reliability)}</span>
              <button type="button" aria-label={t.dismiss} onClick={() => client.dismiss(notice.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
