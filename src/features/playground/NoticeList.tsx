import type { Notice, TrainingClient, TrainingSnapshot } from '../../client/TrainingClient.ts';
import type { STRINGS } from '../../i18n/strings.ts';
import { useTraining } from '../../client/useTraining.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { describeBackendWarning, describeDivergence, describeFailover, describeMemory, describeRestart } from '../../i18n/reliability.ts';

const noticesOf = (s: TrainingSnapshot) => s.notices;

type Strings = (typeof STRINGS)['en'];

/** Notices that carry their data are shown in the page's language; the worker's other notes are English. */
function localized(notice: Notice, t: Strings['reliability']): string {
  if (notice.divergence) return describeDivergence(notice.divergence, t);
  if (notice.restart) return describeRestart(notice.restart, t);
  if (notice.failover) return describeFailover(notice.failover, t);
  if (notice.memory) return describeMemory(notice.memory, t);
  if (notice.backend) return describeBackendWarning(notice.backend, t);
  return notice.text;
}

/** Warnings, errors and notes from the worker (a backend fallback, a refused setting, a reset optimiser). */
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
              <span>{localized(notice, strings.reliability)}</span>
              <button type="button" aria-label={t.dismiss} onClick={() => client.dismiss(notice.id)}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
