// The popup's first paint: the top of the rep's queue, kept ready by the background each time it
// works the queue out for the badge, and read here with one request of plain IndexedDB, before the
// database library and the settings schema have even loaded. Everything here may fail (no
// database yet, a snapshot from another version, stored settings from an older one): then the
// popup simply waits for its live view, which reads the queue itself and says what is wrong.
//
// The exception to zod at every boundary: the three stored values read here (the settings, the
// snapshot, the sync state) are checked by hand, because zod in the first paint's chunk would
// swamp it (esbuild, minified: the chunk is 30 kB; zod/mini's smallest import adds 15 kB, zod's
// full API over 400 kB, before the time to load it). The checks cover what drawing needs; the live
// view parses everything with the real schemas a moment later. test/lib/cache/first-screen-guards.test.ts
// holds each check to a zod schema of the same shape, case by case, so they cannot drift apart.
import { DB_NAME, SYNC_STATE_KEY, type SyncState } from './db-name';
import type { Settings } from '../domain/settings-schema';
import type { QueueEntry } from './queue-order';

/** Rows drawn at first: more than a popup shows. The rest follow once they are on screen. */
export const FIRST_SCREEN = 30;

/** The meta row the background keeps the snapshot in. */
export const FIRST_SCREEN_KEY = 'firstScreen';
/** Raised whenever the snapshot's shape changes: a popup never draws one it does not know. 2: rows carry their account. */
const SNAPSHOT_VERSION = 2;

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
  if (!drawableSettings(stored)) return null;
  const settings = stored as Partial<Settings>;
  return { ...defaults, ...settings, calendar: { ...defaults.calendar, ...settings.calendar } };
}

/** What drawing the queue reads from the settings: the rep, the business calendar, the SLA rules. */
function drawableSettings(stored: unknown): boolean {
  return (
    isRecord(stored) &&
    typeof stored.repEmail === 'string' &&
    isRecord(stored.calendar) &&
    typeof stored.calendar.timeZone === 'string' &&
    Array.isArray(stored.calendar.week) &&
    (stored.calendar.closedDates === undefined || Array.isArray(stored.calendar.closedDates)) && // older settings: defaulted below
    isRecord(stored.slaPolicy) &&
    Array.isArray(stored.slaPolicy.rules) &&
    stored.slaPolicy.rules.length > 0
  );
}

/** The snapshot, if it is of this version, for this rep, and its rows can be drawn in deadline order. */
export function usableSnapshot(stored: unknown, repEmail: string): FirstScreen | null {
  const fits =
    isRecord(stored) &&
    stored.version === SNAPSHOT_VERSION &&
    stored.repEmail === repEmail &&
    Array.isArray(stored.entries) &&
    isNumber(stored.total) &&
    stored.entries.every(drawableEntry);
  return fits ? { entries: stored.entries as QueueEntry[], total: stored.total as number } : null;
}

/**
 * A row has a key, a place in deadline order, a lead or none, and an account with a key and a name or
 * none (the popup groups by it); the rest of it is drawn as it comes.
 */
const drawableEntry = (entry: unknown) =>
  isRecord(entry) &&
  isRecord(entry.handoff) &&
  typeof entry.handoff.id === 'string' &&
  isNumber(entry.handoff.firstContactDueAt) &&
  (entry.lead === null || isRecord(entry.lead)) &&
  (entry.account === undefined || (isRecord(entry.account) && typeof entry.account.key === 'string' && typeof entry.account.name === 'string'));

/** A stored sync state the sync line can word; anything else waits for the live view. */
export function usableSyncState(stored: unknown): SyncState | null {
  const fits =
    isRecord(stored) &&
    (stored.status === 'idle' || stored.status === 'syncing' || stored.status === 'error') &&
    isNumber(stored.recordsSynced) &&
    (stored.lastSuccessAt === undefined || isNumber(stored.lastSuccessAt)) &&
    (stored.error === undefined || typeof stored.error === 'string');
  return fits ? (stored as unknown as SyncState) : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A number zod's z.number() would take: not NaN, not infinite. */
const isNumber = (value: unknown): value is number => Number.isFinite(value);

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
    const [row, syncRow] = await Promise.all([
      request<{ value?: unknown } | undefined>(meta.get(FIRST_SCREEN_KEY)),
      request<{ value?: unknown } | undefined>(meta.get(SYNC_STATE_KEY)),
    ]);
    const first = usableSnapshot(row?.value, repEmail);
    return first && { ...first, sync: usableSyncState(syncRow?.value) };
  } catch {
    return null; // an older database without the table, say: the live view will tell
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
