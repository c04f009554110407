/**
 * The page's side of the offline worker (sw.js, written by scripts/vite-offline.ts). The worker
 * never takes over an open page on its own (issue 16): a new build installs beside the running one
 * and waits, the page offers to switch, and only then does the waiting worker activate and the page
 * reload. Until then the open page keeps loading its lazy chunks from the old build's cache.
 */
import { SKIP_WAITING } from './offline-messages.ts';

/**
 * Registers sw.js once the page has loaded (so the first visit's downloads are not slowed by the
 * precache) and calls `onWaiting` whenever a new version is installed and waiting while this page is
 * controlled by an older one. A first install is not an update: there is no controller yet. Returns
 * a function that stops listening. A dev server has no sw.js, so it registers nothing.
 */
export function watchForUpdate(onWaiting: (registration: ServiceWorkerRegistration) => void): () => void {
  const stop = new AbortController();
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return () => stop.abort();
  const { signal } = stop;
  const loaded =
    document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise((resolve) => addEventListener('load', resolve, { once: true, signal }));
  void loaded
    .then(() => navigator.serviceWorker.register('./sw.js'))
    .then(
      (registration) => {
        if (signal.aborted) return;
        const check = () => {
          if (registration.waiting && navigator.serviceWorker.controller) onWaiting(registration);
        };
        // A version may be waiting already, installing already (found before this listener), or found later.
        const watch = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', check, { signal });
        check();
        watch(registration.installing);
        registration.addEventListener('updatefound', () => watch(registration.installing), { signal });
        // A tab left open for days asks the host again whenever it comes back into view.
        document.addEventListener(
          'visibilitychange',
          () => {
            if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
          },
          { signal },
        );
      },
      (error: unknown) => console.warn('Offline use is unavailable:', error),
    );
  return () => stop.abort();
}

/**
 * Switches to the waiting version: the waiting worker activates, and this page reloads once it is
 * in control. Where another tab has switched already, nothing waits and a reload alone loads it.
 */
export function applyUpdate(registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting;
  if (!waiting) {
    location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage(SKIP_WAITING);
}
