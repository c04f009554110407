/**
 * Saved runs over a hand-made IndexedDB (issue 20 part 5, issue 16): a save or a deletion counts
 * once its transaction commits, a failure at commit (a full quota) or an aborted transaction is a
 * rejection with a code the page words, a deletion of what is already gone says so, a damaged entry
 * is listed as damaged, and other tabs hear of each change.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import type { SavedRun } from '../../src/features/share/runFile.ts';
import {
  type Database,
  type Databases,
  type ObjectStore,
  type OpenRequest,
  type Request,
  savedRuns,
  type SavedRunInfo,
  type Transaction,
} from '../../src/features/share/savedRuns.ts';
import { SERIALIZED_RUN_VERSION } from '../../src/worker/serialize.ts';

type Handler = ((event: Event) => unknown) | null;

/** A request whose events carry it as their target, as IndexedDB's do; its error reaches its transaction. */
class FakeRequest<T> extends EventTarget implements Request<T> {
  result = undefined as T;
  error: DOMException | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  constructor(bubbleTo?: FakeTransaction) {
    super();
    this.addEventListener('success', (event) => this.onsuccess?.(event));
    this.addEventListener('error', (event) => {
      this.onerror?.(event);
      bubbleTo?.onerror?.(event);
    });
  }
  succeed(result: T) {
    this.result = result;
    this.dispatchEvent(new Event('success'));
  }
  fail(error: DOMException) {
    this.error = error;
    this.dispatchEvent(new Event('error'));
  }
}

/** The rows of one object store with keyPath 'id' and autoIncrement, and what the next call should suffer. */
class FakeDatabases implements Databases {
  rows = new Map<number, unknown>();
  nextKey = 1;
  created = false;
  openConnections = 0;
  /** How the next open fails: it throws, or its request fires error. */
  openFailure?: { throws: DOMException } | { fires: DOMException };
  /** The next readwrite transaction's requests all succeed, then its commit aborts with this. */
  commitFailure?: DOMException;
  /** The next request fails with this, which aborts its transaction. */
  requestFailure?: DOMException;

  open(): OpenRequest {
    const failure = this.openFailure;
    this.openFailure = undefined;
    if (failure && 'throws' in failure) throw failure.throws;
    const request: FakeRequest<Database> & Pick<OpenRequest, 'onupgradeneeded'> = Object.assign(
      new FakeRequest<Database>(),
      { onupgradeneeded: null },
    );
    setTimeout(() => {
      if (failure) return request.fail(failure.fires);
      const db = new FakeDatabase(this);
      this.openConnections++;
      if (!this.created) {
        request.result = db;
        request.onupgradeneeded?.(Object.assign(new Event('upgradeneeded'), { oldVersion: 0, newVersion: 1 }));
      }
      request.succeed(db);
    });
    return request;
  }

  /** A row as another program (or an older version) might have written it. */
  put(row: Record<string, unknown>): number {
    const id = this.nextKey++;
    this.rows.set(id, { ...row, id });
    return id;
  }
}

class FakeDatabase implements Database {
  constructor(private readonly databases: FakeDatabases) {}
  transaction(_store: string, mode: IDBTransactionMode): Transaction {
    return new FakeTransaction(this.databases, mode);
  }
  createObjectStore() {
    this.databases.created = true;
  }
  close() {
    this.databases.openConnections--;
  }
}

/** Runs its requests in order in a later task, on a copy of the rows that only a commit writes back. */
class FakeTransaction implements Transaction {
  error: DOMException | null = null;
  oncomplete: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  /** Each request's step: false when it failed, which ends the transaction. */
  private readonly work: (() => boolean)[] = [];
  private readonly rows: Map<number, unknown>;

  constructor(
    private readonly databases: FakeDatabases,
    private readonly mode: IDBTransactionMode,
  ) {
    this.rows = new Map(databases.rows);
    setTimeout(() => this.run());
  }

  private request<T>(operation: () => T): FakeRequest<T> {
    const request = new FakeRequest<T>(this);
    this.work.push(() => {
      const failure = this.databases.requestFailure;
      this.databases.requestFailure = undefined;
      if (!failure) {
        request.succeed(operation());
        return true;
      }
      request.fail(failure);
      this.abort(failure);
      return false;
    });
    return request;
  }

  private run() {
    for (const step of this.work) if (!step()) return;
    if (this.mode === 'readwrite' && this.databases.commitFailure) {
      const failure = this.databases.commitFailure;
      this.databases.commitFailure = undefined;
      return this.abort(failure);
    }
    if (this.mode === 'readwrite') this.databases.rows = this.rows;
    this.oncomplete?.(new Event('complete'));
  }

  private abort(error: DOMException) {
    this.error = error;
    this.onabort?.(new Event('abort'));
  }

  objectStore(): ObjectStore {
    const key = (id: IDBValidKey) => Number(id);
    return {
      add: (value) =>
        this.request(() => {
          const id = this.databases.nextKey++;
          this.rows.set(id, { ...structuredClone(value as object), id });
          return id;
        }),
      get: (id) => this.request(() => this.rows.get(key(id))),
      getAll: () => this.request(() => [...this.rows.keys()].sort((a, b) => a - b).map((id) => this.rows.get(id))),
      getAllKeys: () => this.request(() => [...this.rows.keys()].sort((a, b) => a - b)),
      count: (id) => this.request(() => (this.rows.has(key(id)) ? 1 : 0)),
      delete: (id) =>
        this.request(() => {
          this.rows.delete(key(id));
          return undefined;
        }),
    };
  }
}

const RUN: SavedRun = {
  snapshot: {
    version: SERIALIZED_RUN_VERSION,
    config: { ...defaultConfig(), seed: 3 },
    iteration: 12,
    optimizerSteps: { generator: 12, discriminator: 12 },
    tensors: [{ name: 'generator.0', shape: [2, 2], values: new Float32Array([1, 2, 3, 4]) }],
  },
  stats: [],
};

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a save', () => {
  test('resolves once committed and is listed with its summary', async () => {
    const databases = new FakeDatabases();
    const runs = savedRuns(() => databases);
    const id = await runs.save('ring · nonSaturating · mlp', RUN);
    const listed = await runs.list();
    expect(listed).toEqual([
      { id, damaged: false, name: 'ring · nonSaturating · mlp', savedAt: expect.any(Number), iteration: 12, bytes: 16 },
    ]);
    expect(await runs.load(id)).toEqual({ ok: true, run: RUN });
    expect(databases.openConnections).toBe(0);
  });

  test('that the quota refuses at commit is rejected as full, and nothing is stored', async () => {
    const databases = new FakeDatabases();
    const runs = savedRuns(() => databases);
    databases.commitFailure = quota();
    await expect(runs.save('ring', RUN)).rejects.toMatchObject({ name: 'StorageError', problem: 'full' });
    expect(await runs.list()).toEqual([]);
    expect(databases.openConnections).toBe(0);
  });

  test('whose request fails is rejected with the browser’s words', async () => {
    const databases = new FakeDatabases();
    const runs = savedRuns(() => databases);
    databases.requestFailure = new DOMException('the disk is failing', 'UnknownError');
    await expect(runs.save('ring', RUN)).rejects.toMatchObject({
      problem: 'refused',
      detail: 'UnknownError: the disk is failing',
    });
    expect(await runs.list()).toEqual([]);
  });

  test.each([
    ['there is no IndexedDB', () => undefined],
    [
      'reading indexedDB throws',
      () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    ],
    [
      'open() throws',
      () =>
        Object.assign(new FakeDatabases(), {
          openFailure: {
            throws: new DOMException('access to the Indexed Database API is denied in this context.', 'SecurityError'),
          },
        }),
    ],
    [
      'open() fires error',
      () =>
        Object.assign(new FakeDatabases(), {
          openFailure: {
            fires: new DOMException(
              'The operation failed for reasons unrelated to the database itself.',
              'UnknownError',
            ),
          },
        }),
    ],
  ])('is rejected as unavailable where %s', async (_, databases: () => Databases | undefined) => {
    const runs = savedRuns(databases);
    await expect(runs.save('ring', RUN)).rejects.toMatchObject({ name: 'StorageError', problem: 'unavailable' });
  });
});

describe('a deletion', () => {
  test('resolves once committed; an aborted one is rejected and the run stays', async () => {
    const databases = new FakeDatabases();
    const runs = savedRuns(() => databases);
    const id = await runs.save('ring', RUN);
    databases.commitFailure = new DOMException('The transaction was aborted.', 'AbortError');
    await expect(runs.remove(id)).rejects.toMatchObject({
      problem: 'refused',
      detail: 'AbortError: The transaction was aborted.',
    });
    expect((await runs.list()).map((run) => run.id)).toEqual([id]);
    expect(await runs.remove(id)).toBe('deleted');
    expect(await runs.list()).toEqual([]);
  });

  test('of an entry that is already gone says so, and so does loading it', async () => {
    const databases = new FakeDatabases();
    const tab1 = savedRuns(() => databases);
    const tab2 = savedRuns(() => databases);
    const id = await tab1.save('ring', RUN);
    expect(await tab2.remove(id)).toBe('deleted');
    expect(await tab1.remove(id)).toBe('gone');
    expect(await tab1.load(id)).toBe('gone');
  });
});

test('a damaged entry is listed as damaged, after the readable ones, and can be deleted', async () => {
  const databases = new FakeDatabases();
  const runs = savedRuns(() => databases);
  const damaged = [
    databases.put({ name: 7, savedAt: 'yesterday', iteration: -1, bytes: null, run: null }),
    databases.put({ name: 'ring', savedAt: 9e15, iteration: 3, bytes: 16, run: null }), // past the last date a Date can hold
    databases.put({ name: 'ring', savedAt: 1, iteration: 2.5, bytes: 16, run: null }),
  ];
  const good = await runs.save('ring', RUN);
  const listed = await runs.list();
  expect(listed).toEqual<SavedRunInfo[]>([
    { id: good, damaged: false, name: 'ring', savedAt: expect.any(Number), iteration: 12, bytes: 16 },
    ...damaged.map((id) => ({ id, damaged: true as const })),
  ]);
  expect(await runs.load(damaged[0])).toEqual({ ok: false, refusal: { code: 'emptyEntry' } });
  expect(await runs.remove(damaged[0])).toBe('deleted');
  expect((await runs.list()).length).toBe(3);
});

describe('other tabs', () => {
  test('hear of a save and a deletion on the BroadcastChannel, and not of a deletion that did nothing', async () => {
    const databases = new FakeDatabases();
    const tab1 = savedRuns(() => databases);
    const tab2 = savedRuns(() => databases);
    const heard = vi.fn();
    const heardItself = vi.fn();
    const stops = [tab2.watch(heard), tab1.watch(heardItself)];
    try {
      const id = await tab1.save('ring', RUN);
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
      await tab1.remove(id);
      await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
      await tab1.remove(id);
      databases.commitFailure = quota();
      await expect(tab1.save('ring', RUN)).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toHaveBeenCalledTimes(2);
      expect(heardItself).not.toHaveBeenCalled();
    } finally {
      for (const stop of stops) stop();
    }
  });

  test('without BroadcastChannel, hear of a change through localStorage’s storage event', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    // A browser of that age: localStorage, and a storage event in every other tab when a key changes.
    const page = new EventTarget();
    vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
    vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
    const values = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      setItem(key: string, value: string) {
        if (values.get(key) === value) return;
        values.set(key, value);
        page.dispatchEvent(Object.assign(new Event('storage'), { key }));
      },
    });
    const databases = new FakeDatabases();
    const heard = vi.fn();
    const stop = savedRuns(() => databases).watch(heard);
    const runs = savedRuns(() => databases);
    await runs.save('ring', RUN);
    await runs.save('ring', RUN);
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    await runs.save('ring', RUN);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  test('without BroadcastChannel or storage, saving and watching still work', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('localStorage', {
      setItem() {
        throw new DOMException('storage is blocked', 'SecurityError');
      },
    });
    const runs = savedRuns(() => new FakeDatabases());
    const stop = runs.watch(() => {});
    await expect(runs.save('ring', RUN)).resolves.toBe(1);
    stop();
  });
});
