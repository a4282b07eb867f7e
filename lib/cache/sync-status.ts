// What the options page shows of the sync: how the last one went, and the records it set aside
// with their reasons, which the admin can read and then clear. Extension pages only (IndexedDB).
import type { LeadLensDb, QuarantinedRecord } from './db';
import { SYNC_STATE_KEY, type SyncState } from './db-name';

/** Enough to see what is wrong; the rest are counted. */
export const QUARANTINE_SHOWN = 50;

export interface SyncStatus {
  state: SyncState | null;
  /** The newest set-aside records first. */
  setAside: QuarantinedRecord[];
  setAsideTotal: number;
}

export async function readSyncStatus(db: LeadLensDb): Promise<SyncStatus> {
  return db.transaction('r', [db.meta, db.quarantine], async () => {
    const [state, setAside, setAsideTotal] = await Promise.all([
      db.getMeta<SyncState>(SYNC_STATE_KEY),
      db.quarantine.orderBy('at').reverse().limit(QUARANTINE_SHOWN).toArray(),
      db.quarantine.count(),
    ]);
    return { state: state ?? null, setAside, setAsideTotal };
  });
}

/** Forgets the set-aside records once the admin has read them; the sync state stops counting them. */
export async function clearSetAside(db: LeadLensDb): Promise<void> {
  await db.transaction('rw', [db.meta, db.quarantine], async () => {
    await db.quarantine.clear();
    const state = await db.getMeta<SyncState>(SYNC_STATE_KEY);
    if (state) await db.setMeta(SYNC_STATE_KEY, { ...state, quarantined: 0 });
  });
}

/** A set-aside record's raw value, short enough to read in a list. */
export function describeRaw(raw: unknown, max = 200): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
