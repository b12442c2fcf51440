import type { QueuedWrite, QueueStore } from './write-queue';

const DATABASE = 'kampung-offline';
const WRITES = 'writes';

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(WRITES, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  }).catch((error: unknown) => {
    opened = undefined; // tried again next time
    throw error;
  });
  return opened;
}

/** Runs one request in its own transaction; settles when the transaction has completed (a write is
 * on the disk), with the request's result. */
async function inTransaction<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(WRITES, mode);
    const request = run(transaction.objectStore(WRITES));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The queue's entries in the browser's IndexedDB: they outlive a reload, a closed tab and a restart. */
export const indexedDbQueueStore: QueueStore = {
  all: () => inTransaction('readonly', (store) => store.getAll() as IDBRequest<QueuedWrite[]>),
  put: (write) => inTransaction('readwrite', (store) => store.put(write)).then(() => undefined),
  remove: (key) => inTransaction('readwrite', (store) => store.delete(key)).then(() => undefined),
};
