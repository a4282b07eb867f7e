// The popup's first paint: the top of the rep's queue, kept ready by the background each time it
// works the queue out for the badge, and read here with one request of plain IndexedDB, before the
// database library and the settings schema have even loaded. Everything here may fail (no
// database yet, a snapshot from another version, stored settings from an older one): then the
// popup simply waits for its live view, which reads the queue itself and says what is wrong.
import { DB_NAME, SYNC_STATE_KEY, type SyncState } from './db-name';
import type { Settings } from '../domain/settings-schema';
import type { QueueEntry } from './queue-order';

/** Rows drawn at first: more than a popup shows. The rest follow once they are on screen. */
export const FIRST_SCREEN = 30;

/** The meta row the background keeps the snapshot in. */
export const FIRST_SCREEN_KEY = 'firstScreen';
/** Raised whenever the snapshot's shape changes: a popup never draws one it does not know. */
const SNAPSHOT_VERSION = 1;

export interface FirstScreen {
  entries: QueueEntry[];
  total: number;
  /** The sync line's state, read with the snapshot; null when there is none. */
  sync?: SyncState | null;
}

interface Snapshot extends FirstScreen {
  version: number;
  repEmail: string;
}

/** What the background keeps for the popup: the first FIRST_SCREEN entries of the rep's whole queue, and its length. */
export function snapshotOf(queue: QueueEntry[], repEmail: string): Snapshot {
  return { version: SNAPSHOT_VERSION, repEmail, entries: queue.slice(0, FIRST_SCREEN), total: queue.length };
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
export const openCache = (name = DB_NAME) => openExisting(name);

/**
 * The snapshot the background left for this rep, and the sync state beside it; null when there is
 * no snapshot (or none for this rep, or of this version).
 */
export async function readFirstScreen(cache: Promise<IDBDatabase | null>, repEmail: string): Promise<FirstScreen | null> {
  const db = await cache;
  if (!db) return null;
  try {
    const meta = db.transaction('meta', 'readonly').objectStore('meta');
    type Row<T> = { value?: T } | undefined;
    const [row, syncRow] = await Promise.all([
      request<Row<Partial<Snapshot>>>(meta.get(FIRST_SCREEN_KEY)),
      request<Row<Partial<SyncState>>>(meta.get(SYNC_STATE_KEY)),
    ]);
    const snapshot = row?.value;
    const fits =
      snapshot?.version === SNAPSHOT_VERSION &&
      snapshot.repEmail === repEmail &&
      Array.isArray(snapshot.entries) &&
      typeof snapshot.total === 'number' &&
      snapshot.entries.every((entry) => typeof entry?.handoff?.id === 'string' && typeof entry.handoff.firstContactDueAt === 'number');
    return fits ? { entries: snapshot.entries!, total: snapshot.total!, sync: usableSyncState(syncRow?.value) } : null;
  } catch {
    return null; // an older database without the table, say: the live view will tell
  } finally {
    db.close();
  }
}

/** A stored sync state the sync line can word; anything else waits for the live view. */
function usableSyncState(state: Partial<SyncState> | undefined): SyncState | null {
  const fits =
    (state?.status === 'idle' || state?.status === 'syncing' || state?.status === 'error') &&
    typeof state.recordsSynced === 'number' &&
    (state.lastSuccessAt === undefined || typeof state.lastSuccessAt === 'number') &&
    (state.error === undefined || typeof state.error === 'string');
  return fits ? (state as SyncState) : null;
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
