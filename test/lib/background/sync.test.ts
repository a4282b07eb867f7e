import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { SourceError, type ChangesPage, type LeadSource } from '../../../lib/sources/source';
import { cursorKey, SYNC_LIMITS, syncSource } from '../../../lib/background/sync';
import { SYNC_STATE_KEY, type SyncState } from '../../../lib/cache/db-name';
import { makeHandoff, makeLead, makeTouch } from '../../fixtures/factories';

/** A source of our own interface serving `pages` in order; the cursor is the next page's index. */
function pagedSource(pages: Omit<ChangesPage, 'nextCursor' | 'hasMore'>[], failAt = new Map<number, Error>()) {
  const asked: (string | null)[] = [];
  const source: LeadSource = {
    id: 'paged',
    async changes(cursor) {
      asked.push(cursor);
      const index = cursor === null ? 0 : Number(cursor);
      const failure = failAt.get(index);
      if (failure) {
        failAt.delete(index);
        throw failure;
      }
      return { ...pages[index]!, nextCursor: String(index + 1), hasMore: index + 1 < pages.length };
    },
    deliver: async () => {},
  };
  return { source, asked };
}

const page = (from: number, count: number): Omit<ChangesPage, 'nextCursor' | 'hasMore'> => {
  const leads = Array.from({ length: count }, (_, n) => makeLead(from + n));
  return {
    leads,
    touches: leads.map((lead, n) => makeTouch(from + n, lead.email)),
    handoffs: [makeHandoff(from)],
    deleted: [],
    rejected: [],
  };
};

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`sync-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const now = () => 1_700_000_000_000;

describe('syncSource', () => {
  it('pages through every change and keeps the cursor', async () => {
    const { source, asked } = pagedSource([page(0, 50), page(50, 50), page(100, 10)]);
    const progress: number[] = [];
    const state = await syncSource(db, source, { now, onProgress: (s) => progress.push(s.recordsSynced) });
    expect(state).toMatchObject({ status: 'idle', lastSuccessAt: now(), recordsSynced: 110 * 2 + 3 });
    expect(asked).toEqual([null, '1', '2']);
    expect(await db.leads.count()).toBe(110);
    expect(await db.touches.count()).toBe(110);
    expect(await db.getMeta(cursorKey('paged'))).toBe('3');
    expect(progress).toEqual([0, 101, 202, 223, 223]);
    expect(await db.getMeta<SyncState>(SYNC_STATE_KEY)).toEqual(state);
  });

  it('after a failure, says why and resumes from the last page it stored', async () => {
    const { source, asked } = pagedSource(
      [page(0, 5), page(5, 5), page(10, 5)],
      new Map([[2, new SourceError('The API token was refused (401). Check it in the options.', 'auth')]]),
    );
    const failed = await syncSource(db, source, { now });
    expect(failed.status).toBe('error');
    expect(failed.error).toBe('The API token was refused (401). Check it in the options.');
    expect(await db.leads.count()).toBe(10);

    const resumed = await syncSource(db, source, { now });
    expect(resumed.status).toBe('idle');
    expect(asked).toEqual([null, '1', '2', '2']);
    expect(await db.leads.count()).toBe(15);
  });

  it('when a page cannot be written, stops there: the page fetched meanwhile is dropped and the cursor stays', async () => {
    const { source, asked } = pagedSource([page(0, 5), page(5, 5), page(10, 5)]);
    const bulkPut = db.touches.bulkPut.bind(db.touches);
    let writes = 0;
    db.touches.bulkPut = ((...args: Parameters<typeof bulkPut>) => {
      if (++writes === 2) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
      return bulkPut(...args);
    }) as typeof bulkPut;
    const failed = await syncSource(db, source, { now });
    expect(failed.status).toBe('error');
    expect(failed.error).toMatch(/disk is full/);
    expect(asked).toEqual([null, '1', '2']); // page 2 was on its way while page 1 failed
    expect(await db.leads.count()).toBe(5);
    expect(await db.getMeta(cursorKey('paged'))).toBe('1');
  });

  it('stores each page with the sync’s count of it, together or not at all', async () => {
    const { source } = pagedSource([page(0, 5), page(5, 5), page(10, 5)]);
    const setMeta = db.setMeta.bind(db);
    let statesWithPages = 0;
    db.setMeta = ((key: string, value: unknown) => {
      const withPage = key === SYNC_STATE_KEY && Dexie.currentTransaction !== null;
      if (withPage && ++statesWithPages === 2) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
      return setMeta(key, value);
    }) as typeof setMeta;
    const seen: [number, string][] = [];
    const failed = await syncSource(db, source, { now, onProgress: (state) => seen.push([state.recordsSynced, state.status]) });
    expect(failed).toMatchObject({ status: 'error', recordsSynced: 5 * 2 + 1 });
    // The second page went with its count: its records are not kept, and the cursor stays at it.
    expect(await db.leads.count()).toBe(5);
    expect(await db.getMeta(cursorKey('paged'))).toBe('1');
    expect(seen).toEqual([[0, 'syncing'], [11, 'syncing'], [11, 'error']]);
  });

  it('quarantines rejected records with their reason and applies deletions', async () => {
    const first = page(0, 3);
    const second = {
      ...page(3, 2),
      deleted: ['lead0@acme.example.com'],
      rejected: [{ kind: 'lead' as const, reason: 'Lead: score: Too big', raw: { email: 'x@y.example.com', score: 900 } }],
    };
    const { source } = pagedSource([first, second]);
    const state = await syncSource(db, source, { now });
    expect(state.quarantined).toBe(1);
    expect(await db.leads.get('lead0@acme.example.com')).toBeUndefined();
    expect(await db.leads.count()).toBe(4);
    const [bad] = await db.quarantine.toArray();
    expect(bad).toMatchObject({ kind: 'lead', reason: 'Lead: score: Too big', raw: { score: 900 }, at: now() });
  });
});

/** A source that always has more: each answer's cursor is `next(cursor)`. */
function endlessSource(next: (cursor: string | null) => string, onAsk: () => void = () => {}) {
  const asked: (string | null)[] = [];
  const source: LeadSource = {
    id: 'endless',
    async changes(cursor) {
      asked.push(cursor);
      onAsk();
      return { ...page(asked.length, 1), nextCursor: next(cursor), hasMore: true };
    },
    deliver: async () => {},
  };
  return { source, asked };
}

describe('syncSource, bounded', () => {
  it('stops when the source answers the same cursor again, and says what the source did', async () => {
    const { source, asked } = endlessSource((cursor) => (cursor === null ? 'c1' : cursor));
    const state = await syncSource(db, source, { now });
    expect(asked).toEqual([null, 'c1']);
    expect(state).toMatchObject({ status: 'error', recordsSynced: 2 * 3, lastSuccessAt: undefined, errorCode: 'bad_response' });
    expect(state.error).toBe('The marketing system kept answering the same page (cursor "c1" did not advance); the sync stopped. Tell your admin.');
    expect(await db.getMeta(cursorKey('endless'))).toBe('c1');

    // The next run asks once more, in case the source has recovered, and stops again.
    expect(await syncSource(db, source, { now })).toMatchObject({ status: 'error', error: state.error });
    expect(asked).toEqual([null, 'c1', 'c1']);
  });

  it('stops a run at its page cap without an error; the next run goes on from the stored cursor', async () => {
    const { source, asked } = pagedSource([page(0, 1), page(1, 1), page(2, 1), page(3, 1), page(4, 1)]);
    const first = await syncSource(db, source, { now, maxPages: 2 });
    expect(first).toMatchObject({ status: 'idle', error: undefined, errorCode: undefined, lastSuccessAt: undefined, recordsSynced: 2 * 3 });
    expect(asked).toEqual([null, '1']);
    expect(await db.getMeta(cursorKey('paged'))).toBe('2');

    const second = await syncSource(db, source, { now, maxPages: 2 });
    expect(asked).toEqual([null, '1', '2', '3']);
    // Each run counts its own records.
    expect(second.recordsSynced).toBe(2 * 3);
    expect(await db.getMeta<SyncState>(SYNC_STATE_KEY)).toMatchObject({ recordsSynced: 2 * 3 });
    const last = await syncSource(db, source, { now, maxPages: 2 });
    expect(asked).toEqual([null, '1', '2', '3', '4']);
    expect(last).toMatchObject({ status: 'idle', lastSuccessAt: now() });
    expect(await db.leads.count()).toBe(5);
  });

  it('stops a run at its time cap; the next run goes on from the stored cursor', async () => {
    let clock = 0;
    const { source, asked } = endlessSource((cursor) => String(Number(cursor ?? 0) + 1), () => (clock += 600));
    const state = await syncSource(db, source, { now: () => clock, maxRunMs: 1000 });
    expect(asked).toEqual([null, '1']);
    expect(state).toMatchObject({ status: 'idle', error: undefined });
    await syncSource(db, source, { now: () => clock, maxRunMs: 1000 });
    expect(asked).toEqual([null, '1', '2', '3']);
  });

  it('by default asks a source that never ends for 500 pages a run', async () => {
    const { source, asked } = endlessSource((cursor) => String(Number(cursor ?? 0) + 1));
    expect(SYNC_LIMITS).toEqual({ maxPages: 500, maxRunMs: 120_000 });
    expect(await syncSource(db, source, { now })).toMatchObject({ status: 'idle', error: undefined });
    expect(asked).toHaveLength(500);
    expect(await db.getMeta(cursorKey('endless'))).toBe('500');
  });
});
