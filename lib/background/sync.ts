// Pulls a source's changes into the cache page by page. Each page lands in one transaction with
// its cursor, so a sync cut short (a killed service worker, a closed browser) resumes where it was.
import type { LeadLensDb } from '../cache/db';
import { describeDbError } from '../cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';
import type { ChangesPage, LeadSource } from '../sources/source';

export const cursorKey = (sourceId: string) => `cursor:${sourceId}`;

export interface SyncOptions {
  now: () => number;
  pageSize?: number;
  onProgress?: (state: SyncState) => void;
}

/** Records a sync that could not even start (say, a source this version cannot use). */
export async function recordSyncFailure(db: LeadLensDb, sourceId: string, error: unknown, at: number): Promise<SyncState> {
  const state: SyncState = { status: 'error', sourceId, lastAttemptAt: at, recordsSynced: 0, quarantined: 0, error: describeSyncError(error) };
  await db.setMeta(SYNC_STATE_KEY, state);
  return state;
}

export async function syncSource(db: LeadLensDb, source: LeadSource, options: SyncOptions): Promise<SyncState> {
  const { now, pageSize = 1000, onProgress } = options;
  const previous = await db.getMeta<SyncState>(SYNC_STATE_KEY);
  let state: SyncState = {
    status: 'syncing',
    sourceId: source.id,
    lastAttemptAt: now(),
    lastSuccessAt: previous?.sourceId === source.id ? previous.lastSuccessAt : undefined,
    recordsSynced: 0,
    quarantined: 0,
  };
  const report = async (next: SyncState) => {
    state = next;
    await db.setMeta(SYNC_STATE_KEY, state);
    onProgress?.(state);
  };
  await report(state);

  try {
    const cursor = (await db.getMeta<string>(cursorKey(source.id))) ?? null;
    // The next page is fetched while this one is written: the network and the disk work at once.
    let next: Promise<ChangesPage> | null = source.changes(cursor, pageSize);
    while (next) {
      const page: ChangesPage = await next;
      next = page.hasMore ? source.changes(page.nextCursor, pageSize) : null;
      // Should the write fail, the page fetched meanwhile is dropped unread.
      next?.catch(() => undefined);
      const at = now();
      await db.transaction('rw', [db.leads, db.touches, db.handoffs, db.quarantine, db.meta], async () => {
        await db.leads.bulkPut(page.leads);
        await db.touches.bulkPut(page.touches);
        await db.handoffs.bulkPut(page.handoffs);
        if (page.deleted.length > 0) await db.leads.bulkDelete(page.deleted);
        if (page.rejected.length > 0) await db.quarantine.bulkAdd(page.rejected.map((record) => ({ ...record, at })));
        await db.setMeta(cursorKey(source.id), page.nextCursor);
      });
      await report({
        ...state,
        recordsSynced: state.recordsSynced + page.leads.length + page.touches.length + page.handoffs.length,
        quarantined: state.quarantined + page.rejected.length,
      });
    }
    await report({ ...state, status: 'idle', lastSuccessAt: now(), error: undefined });
  } catch (error) {
    await report({ ...state, status: 'error', error: describeSyncError(error) });
  }
  return state;
}

export function describeSyncError(error: unknown): string {
  if (error instanceof Error && error.name === 'SourceError') return error.message;
  return describeDbError(error);
}
