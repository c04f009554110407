/**
 * Runs saved in this browser, in IndexedDB. tf.io's browser storage keeps a model's topology and
 * weights but not optimiser slots or a chart history, so a run is one record of its own
 * (runFile.ts's stored form), its Float32Arrays stored as they are.
 */
import { fromStored, type Loaded, type SavedRun, toStored } from './runFile.ts';

const DATABASE = 'nash';
const STORE = 'runs';

export interface SavedRunInfo {
  id: number;
  name: string;
  savedAt: number;
  iteration: number;
  /** Bytes of weights and optimiser state. */
  bytes: number;
}

interface Row extends Omit<SavedRunInfo, 'id'> {
  id?: number;
  run: unknown;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export async function saveRun(name: string, run: SavedRun): Promise<number> {
  const bytes = run.snapshot.tensors.reduce((sum, tensor) => sum + tensor.values.byteLength, 0);
  const row: Row = { name, savedAt: Date.now(), iteration: run.snapshot.iteration, bytes, run: toStored(run) };
  return Number(await transact('readwrite', (store) => store.add(row)));
}

export async function listRuns(): Promise<SavedRunInfo[]> {
  const rows = (await transact('readonly', (store) => store.getAll())) as Row[];
  return rows
    .map(({ id, name, savedAt, iteration, bytes }) => ({ id: Number(id), name: String(name), savedAt: Number(savedAt), iteration: Number(iteration), bytes: Number(bytes) }))
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** A stored run, checked like a file: a damaged entry comes back as a refusal with its reason. */
export async function loadRun(id: number): Promise<Loaded> {
  const row = (await transact('readonly', (store) => store.get(id))) as Row | undefined;
  if (!row) return { ok: false, error: 'it is no longer stored' };
  return fromStored(row.run);
}

export async function deleteRun(id: number): Promise<void> {
  await transact('readwrite', (store) => store.delete(id));
}
