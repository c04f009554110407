/**
 * What the page says to the offline worker (sw.js, scripts/vite-offline.ts), in a module both read:
 * the worker's source is generated at build time, the page's side is serviceWorker.ts.
 */

/** Asks a waiting worker to activate now (skipWaiting): sent only when the user chose to reload. */
export const SKIP_WAITING = { type: 'skipWaiting' } as const;
