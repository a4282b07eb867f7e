// The reads pages make all the time (the chips of a thread, the card's lead and account), done on
// IndexedDB itself rather than through Dexie's layers, whose promise per request, middleware and
// change observation cost more than the reads themselves: one read-only transaction, its requests
// sent at once (or each as the one before it answers), their results gathered by their own handlers.
import type { LeadLensDb } from './db';

/** Opens the database if no one has yet, runs `send` in one read-only transaction over `stores` and waits for it to end. */
export async function readRaw(db: LeadLensDb, stores: string[], send: (tx: IDBTransaction) => void, what: string): Promise<void> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction(stores, 'readonly');
  send(tx);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error(`The ${what} was aborted.`));
  });
}
