// The popup's first paint: the top of the rep's queue read with plain IndexedDB, so that it shows
// before the database library and the settings schema have even loaded. Everything here may fail
// (no database yet, stored settings from an older version): then the popup simply waits for its
// live view, which reads the same through Dexie and zod and says what is wrong.
import { DB_NAME } from './db-name';
import type { Handoff, Lead, Settings } from './model';
import { OPEN_STATUSES, QUEUE_INDEX, topByDeadline, type QueueEntry } from './queue-order';

export interface FirstScreen {
  entries: QueueEntry[];
  total: number;
}

/** Stored settings good enough to draw with; the live view parses them properly a moment later. */
export function usableSettings(stored: unknown, defaults: Settings): Settings | null {
  if (stored === undefined) return defaults;
  const settings = stored as Partial<Settings> | null;
  const calendar = settings?.calendar;
  const fits =
    typeof settings?.repEmail === 'string' &&
    typeof calendar?.timeZone === 'string' &&
    Array.isArray(calendar.week) &&
    Array.isArray(calendar.closedDates) &&
    Array.isArray(settings.slaPolicy?.rules) &&
    settings.slaPolicy.rules.length > 0;
  return fits ? { ...defaults, ...settings, calendar: { ...defaults.calendar, ...calendar } } : null;
}

/** Opens the cache if there is one, null if not: started early, while the settings are read. */
export const openCache = () => openExisting(DB_NAME);

/** The first `limit` open handoffs of the rep, due first at the top, with their leads and the count of all; null when there is no cache to read. */
export async function readFirstScreen(cache: Promise<IDBDatabase | null>, repEmail: string, limit: number): Promise<FirstScreen | null> {
  const db = await cache;
  if (!db) return null;
  try {
    const tx = db.transaction(['handoffs', 'leads'], 'readonly');
    const queue = tx.objectStore('handoffs').index(QUEUE_INDEX);
    const ranges = OPEN_STATUSES.map((status) => IDBKeyRange.bound([repEmail, status, -Infinity], [repEmail, status, Infinity]));
    const [lists, counts] = await Promise.all([
      Promise.all(ranges.map((range) => request<Handoff[]>(queue.getAll(range, limit)))),
      Promise.all(ranges.map((range) => request<number>(queue.count(range)))),
    ]);
    const handoffs = topByDeadline(lists, limit);
    const leads = await Promise.all(handoffs.map((handoff) => request<Lead | undefined>(tx.objectStore('leads').get(handoff.email))));
    return { entries: handoffs.map((handoff, index) => ({ handoff, lead: leads[index] ?? null })), total: counts.reduce((sum, count) => sum + count, 0) };
  } catch {
    return null; // an older database without this index, say: the live view will tell
  } finally {
    db.close();
  }
}

/** Opens the database if it exists; never creates it (that is Dexie's job, with its schema). */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.transaction?.abort(); // it did not exist: leave it so
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}
