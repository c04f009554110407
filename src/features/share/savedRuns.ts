/**
 * Runs saved in this browser, in IndexedDB. tf.io's browser storage keeps a model's topology and
 * weights but not optimiser slots or a chart history, so a run is one record of its own
 * (runFile.ts's stored form), its Float32Arrays stored as they are.
 *
 * A change counts once its transaction has committed: a request's success only means the change
 * is queued, and the commit can still fail (a full quota aborts the transaction then). Every
 * failure comes back as a StorageError whose code the page words. Saves and deletions are
 * announced to this origin's other tabs, so their lists stay in step.
 */
import { fromStored, type Loaded, type SavedRun, toStored } from './runFile.ts';

const DATABASE = 'nash';
const STORE = 'runs';
/** The BroadcastChannel, or without one the localStorage key, on which tabs announce changes. */
const CHANNEL = 'nash.savedRuns';

/** The part of IndexedDB used here: the browser's `indexedDB`, or a test's stand-in. */
export interface Databases {
  open(name: string, version: number): OpenRequest;
}
type Handler = ((event: Event) => unknown) | null;
export interface Request<T> {
  readonly result: T;
  readonly error: DOMException | null;
  onsuccess: Handler;
  onerror: Handler;
}
export interface OpenRequest extends Request<Database> {
  onupgradeneeded: ((event: IDBVersionChangeEvent) => unknown) | null;
}
export interface Database {
  transaction(store: string, mode: IDBTransactionMode): Transaction;
  createObjectStore(name: string, options: IDBObjectStoreParameters): unknown;
  close(): void;
}
export interface Transaction {
  readonly error: DOMException | null;
  objectStore(name: string): ObjectStore;
  oncomplete: Handler;
  onerror: Handler;
  onabort: Handler;
}
export interface ObjectStore {
  add(value: unknown): Request<IDBValidKey>;
  get(key: IDBValidKey): Request<unknown>;
  getAll(): Request<unknown[]>;
  getAllKeys(): Request<IDBValidKey[]>;
  count(key: IDBValidKey): Request<number>;
  delete(key: IDBValidKey): Request<undefined>;
}

/**
 * Why storage failed: this page may not store data here (blocked site data, some private
 * windows, no IndexedDB), the site's quota is full, or the browser refused the transaction.
 */
export type StorageProblem = 'unavailable' | 'full' | 'refused';

export class StorageError extends Error {
  readonly problem: StorageProblem;
  /** The browser's own words, e.g. `AbortError: …`. */
  readonly detail: string;
  constructor(problem: StorageProblem, detail: string) {
    super(`${problem}: ${detail}`);
    this.name = 'StorageError';
    this.problem = problem;
    this.detail = detail;
  }
}

export type SavedRunInfo =
  | {
      id: IDBValidKey;
      damaged: false;
      name: string;
      savedAt: number;
      iteration: number;
      /** Bytes of weights and optimiser state. */
      bytes: number;
    }
  /** An entry whose summary cannot be read: it can only be deleted. */
  | { id: IDBValidKey; damaged: true };

export interface SavedRuns {
  /** Resolves with the new entry's key once it is committed. */
  save(name: string, run: SavedRun): Promise<IDBValidKey>;
  /** Newest first; damaged entries last. */
  list(): Promise<SavedRunInfo[]>;
  /** A stored run checked like a file (a damaged one is a refusal with its reason), or 'gone'. */
  load(id: IDBValidKey): Promise<Loaded | 'gone'>;
  /** 'gone' when there was nothing to delete: another tab got there first. */
  remove(id: IDBValidKey): Promise<'deleted' | 'gone'>;
  /**
   * Calls `onChange` whenever another tab of this origin saves or deletes a run (this one's own
   * changes are left out); returns the unsubscribe.
   */
  watch(onChange: () => void): () => void;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? 'no reason given');
const isQuota = (error: unknown) => error instanceof Error && error.name === 'QuotaExceededError';
const refusal = (error: unknown) =>
  error instanceof StorageError ? error : new StorageError(isQuota(error) ? 'full' : 'refused', describe(error));

function open(databases: () => Databases | undefined): Promise<Database> {
  return new Promise((resolve, reject) => {
    const unavailable = (error: unknown) =>
      reject(new StorageError(isQuota(error) ? 'full' : 'unavailable', describe(error)));
    let request: OpenRequest;
    try {
      // Reading `indexedDB` itself throws in some browsers when site data is blocked.
      const factory = databases();
      if (!factory) return unavailable('this browser has no IndexedDB');
      request = factory.open(DATABASE, 1);
    } catch (error) {
      return unavailable(error);
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => unavailable(request.error);
  });
}

/** Runs `work`'s requests in one transaction and reads their results once it has committed. */
async function transact<T>(
  databases: () => Databases | undefined,
  mode: IDBTransactionMode,
  work: (store: ObjectStore) => () => T,
): Promise<T> {
  const db = await open(databases);
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const read = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(read());
      // A failed request's error reaches the transaction, then aborts it; a failed commit (a full
      // quota) only aborts it.
      transaction.onerror = (event) =>
        reject(refusal(event.target && 'error' in event.target ? event.target.error : transaction.error));
      transaction.onabort = () => reject(refusal(transaction.error));
    });
  } catch (error) {
    // Also what db.transaction or store.add throw (a closing database, a value that cannot be cloned).
    throw refusal(error);
  } finally {
    db.close();
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && !Number.isNaN(new Date(value).getTime());

function summary(id: IDBValidKey, row: unknown): SavedRunInfo {
  if (!isRecord(row)) return { id, damaged: true };
  const { name, savedAt, iteration, bytes } = row;
  if (typeof name !== 'string' || !isTime(savedAt) || !isCount(iteration) || !isCount(bytes))
    return { id, damaged: true };
  return { id, damaged: false, name, savedAt, iteration, bytes };
}

/** The saved runs in `databases` (the browser's IndexedDB unless a test passes its own). */
export function savedRuns(databases: () => Databases | undefined = () => globalThis.indexedDB): SavedRuns {
  // Sent with each announcement, so that this tab's watcher skips its own: the page has already refreshed.
  const source = `${Date.now()}.${Math.random()}`;
  return {
    async save(name, run) {
      const bytes = run.snapshot.tensors.reduce((sum, tensor) => sum + tensor.values.byteLength, 0);
      const row = { name, savedAt: Date.now(), iteration: run.snapshot.iteration, bytes, run: toStored(run) };
      const id = await transact(databases, 'readwrite', (store) => {
        const added = store.add(row);
        return () => added.result;
      });
      announceChange(source);
      return id;
    },

    async list() {
      const { keys, rows } = await transact(databases, 'readonly', (store) => {
        // Both in key order, in one transaction: the keys come from the store, not from the rows.
        const keys = store.getAllKeys();
        const rows = store.getAll();
        return () => ({ keys: keys.result, rows: rows.result });
      });
      const runs = keys.map((id, i) => summary(id, rows[i]));
      const newest = (run: SavedRunInfo) => (run.damaged ? -Infinity : run.savedAt);
      return runs.sort((a, b) => newest(b) - newest(a));
    },

    async load(id) {
      const row = await transact(databases, 'readonly', (store) => {
        const got = store.get(id);
        return () => got.result;
      });
      if (row === undefined) return 'gone';
      return fromStored(isRecord(row) ? row.run : undefined);
    },

    async remove(id) {
      const outcome = await transact(databases, 'readwrite', (store) => {
        const present = store.count(id);
        store.delete(id);
        return (): 'deleted' | 'gone' => (present.result > 0 ? 'deleted' : 'gone');
      });
      if (outcome === 'deleted') announceChange(source);
      return outcome;
    },

    watch(onChange) {
      if (typeof BroadcastChannel === 'function') {
        const channel = new BroadcastChannel(CHANNEL);
        channel.onmessage = (event: MessageEvent<unknown>) => {
          if (event.data !== source) onChange();
        };
        return () => channel.close();
      }
      // Without BroadcastChannel (Safari before 15.4): the storage event, which only other tabs get.
      // Where neither exists this hears nothing and harms nothing.
      if (typeof globalThis.addEventListener !== 'function') return () => {};
      const listener = (event: StorageEvent) => {
        if (event.key === CHANNEL) onChange();
      };
      globalThis.addEventListener('storage', listener);
      return () => globalThis.removeEventListener('storage', listener);
    },
  };
}

let announced = 0;

function announceChange(source: string): void {
  if (typeof BroadcastChannel === 'function') {
    // The message is queued for every other channel of this name before close() (HTML, "postMessage").
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage(source);
    channel.close();
    return;
  }
  try {
    // A new value each time: the storage event fires only on a change.
    globalThis.localStorage?.setItem(CHANNEL, `${Date.now()}.${++announced}`);
  } catch {
    // Storage blocked as well: other tabs catch up on their next refresh, and a deletion they
    // repeat comes back 'gone'.
  }
}
