import { useEffect, useState } from 'react';
import { useStrings } from '../i18n/useStrings.ts';
import { applyUpdate, watchForUpdate } from './serviceWorker.ts';

/** "A new version is ready — Reload": shown while a newer build waits (serviceWorker.ts); the page switches only on the click. */
export function UpdatePrompt() {
  const t = useStrings().app;
  const [waiting, setWaiting] = useState<ServiceWorkerRegistration>();
  useEffect(() => watchForUpdate(setWaiting), []);
  if (!waiting) return null;
  return (
    <section className="update-prompt" role="status" aria-label={t.updateRegion}>
      <span>{t.updateReady}</span>
      <button type="button" onClick={() => applyUpdate(waiting)}>
        {t.updateReload}
      </button>
    </section>
  );
}
