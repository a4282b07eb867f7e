// Pulls a source's changes into the cache page by page. Each page lands in one transaction with
// its cursor, so a sync cut short (a killed service worker, a closed browser) resumes where it was.
import type { LeadLensDb } from '../cache/db';
import { describeDbError } from '../cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';
import { errorCodeOf } from '../ui/errors';
import { SourceError, type ChangesPage, type LeadSource } from '../sources/source';
import { withLocalEffects } from './local-effects';
import { writesNotShownSince } from './pending-writes';
import { adoptSource } from './source-switch';

export const cursorKey = (sourceId: string) => `cursor:${sourceId}`;

/**
 * How far one run goes: a source with a backlog (or one that never says it is done) is read on in
 * the next run, from the stored cursor, rather than holding the worker and the network for good.
 */
export const SYNC_LIMITS = { maxPages: 500, maxRunMs: 2 * 60_000 } as const;

export interface SyncOptions {
  now: () => number;
  pageSize?: number;
  onProgress?: (state: SyncState) => void;
  /** Pages one run asks for at most; SYNC_LIMITS.maxPages unless given. */
  maxPages?: number;
  /** How long one run goes on asking for pages; SYNC_LIMITS.maxRunMs unless given. */
  maxRunMs?: number;
}

/** Records a sync that could not even start (say, a source this version cannot use). */
export async function recordSyncFailure(db: LeadLensDb, sourceId: string, error: unknown, at: number): Promise<SyncState> {
  const state: SyncState = { status: 'error', sourceId, lastAttemptAt: at, recordsSynced: 0, quarantined: 0, error: describeSyncError(error), errorCode: errorCodeOf(error) };
  await db.setMeta(SYNC_STATE_KEY, state);
  return state;
}

/**
 * One run: pages until the source has no more, or the run reaches SYNC_LIMITS. A run stopped by
 * its limits is no failure, but not caught up either: it leaves the last success where it was.
 */
export async function syncSource(db: LeadLensDb, source: LeadSource, options: SyncOptions): Promise<SyncState> {
  const { now, onProgress } = options;
  // Another source's records (the demo's, say) leave before this one's arrive.
  await adoptSource(db, source.id);
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
    const caughtUp = await pullPages(
      db,
      source,
      options,
      (page) => ({
        ...state,
        recordsSynced: state.recordsSynced + page.leads.length + page.touches.length + page.handoffs.length,
        quarantined: state.quarantined + page.rejected.length,
      }),
      (stored) => {
        state = stored;
        onProgress?.(state);
      },
    );
    await report({ ...state, status: 'idle', lastSuccessAt: caughtUp ? now() : state.lastSuccessAt, error: undefined, errorCode: undefined });
  } catch (error) {
    await report({ ...state, status: 'error', error: describeSyncError(error), errorCode: errorCodeOf(error) });
  }
  return state;
}

interface PageRequest {
  cursor: string | null;
  requestedAt: number;
  page: Promise<ChangesPage>;
}

/**
 * Asks for pages and stores each, with the sync's state counted on (`progress`) in the same
 * transaction: one transaction a page, as the floor the benchmark holds the sync to writes it.
 * Resolves whether the run caught up with the source.
 */
async function pullPages(
  db: LeadLensDb,
  source: LeadSource,
  options: SyncOptions,
  progress: (page: ChangesPage) => SyncState,
  stored: (state: SyncState) => void,
): Promise<boolean> {
  const { now, pageSize = 1000, maxPages = SYNC_LIMITS.maxPages, maxRunMs = SYNC_LIMITS.maxRunMs } = options;
  const startedAt = now();
  const ask = (cursor: string | null): PageRequest => ({ cursor, requestedAt: now(), page: source.changes(cursor, pageSize) });
  let request = ask((await db.getMeta<string>(cursorKey(source.id))) ?? null);
  for (let pages = 1; ; pages++) {
    const page = await request.page;
    // A source that answers "more" with the cursor it was given would be asked the same page forever.
    const stuck = page.hasMore && page.nextCursor === request.cursor;
    const goOn = page.hasMore && !stuck && pages < maxPages && now() - startedAt < maxRunMs;
    // The next page is fetched while this one is written: the network and the disk work at once.
    const next = goOn ? ask(page.nextCursor) : null;
    // Should the write fail, the page fetched meanwhile is dropped unread.
    next?.page.catch(() => undefined);
    const state = progress(page);
    await storePage(db, source.id, page, state, { at: now(), requestedAt: request.requestedAt });
    stored(state);
    if (stuck) throw stuckCursorError(page.nextCursor);
    if (!next) return !page.hasMore;
    request = next;
  }
}

/**
 * One page, its cursor and the sync's state after it, in one transaction: marketing's records with
 * the rep's writes that the page may not show yet applied again on top, so a sync never undoes a
 * click whose write waits.
 */
async function storePage(db: LeadLensDb, sourceId: string, page: ChangesPage, state: SyncState, times: { at: number; requestedAt: number }): Promise<void> {
  await db.transaction('rw', [db.leads, db.touches, db.handoffs, db.quarantine, db.meta, db.outbox], async () => {
    const { leads, handoffs } = withLocalEffects(page, await writesNotShownSince(db, times.requestedAt));
    await db.leads.bulkPut(leads);
    await db.touches.bulkPut(page.touches);
    await db.handoffs.bulkPut(handoffs);
    if (page.deleted.length > 0) await db.leads.bulkDelete(page.deleted);
    if (page.rejected.length > 0) await db.quarantine.bulkAdd(page.rejected.map((record) => ({ ...record, at: times.at })));
    await db.setMeta(cursorKey(sourceId), page.nextCursor);
    await db.setMeta(SYNC_STATE_KEY, state);
  });
}

function stuckCursorError(cursor: string): SourceError {
  const shown = cursor.length > 60 ? `${cursor.slice(0, 57)}…` : cursor;
  return new SourceError(`The marketing system kept answering the same page (cursor "${shown}" did not advance); the sync stopped. Tell your admin.`, 'bad_response');
}

export function describeSyncError(error: unknown): string {
  if (error instanceof Error && error.name === 'SourceError') return error.message;
  return describeDbError(error);
}
