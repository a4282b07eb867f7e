import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, LeadLensDb, SCHEMA_HISTORY } from '../../../lib/cache/db';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { FIRST_SCREEN, FIRST_SCREEN_KEY, openCache, readFirstScreen, snapshotOf, usableSettings } from '../../../lib/cache/first-screen';
import { countPending, pendingHandoffs } from '../../../lib/cache/queue';
import { SYNC_STATE_KEY } from '../../../lib/cache/db-name';
import { makeHandoff, makeLead } from '../../fixtures/factories';
import { accountKeyOf } from '../../../lib/domain/account';

const REP = 'rep@acme.example.com';
afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

describe("the popup's first paint", () => {
  it('reads back the top of the queue the background kept, the same entries and count the live view reads, without Dexie', async () => {
    const db = new LeadLensDb(undefined, { accountKeyOf });
    await db.leads.bulkPut(Array.from({ length: 25 }, (_, n) => makeLead(n * 2))); // every other lead is in the cache
    await db.handoffs.bulkPut([
      ...Array.from({ length: 50 }, (_, n) => makeHandoff(n, { firstContactDueAt: 1000 * ((n * 37) % 50), status: n % 3 ? 'pending' : 'accepted' })),
      makeHandoff(90, { status: 'contacted' }),
      makeHandoff(91, { assigneeEmail: 'other@acme.example.com' }),
    ]);
    await db.setMeta(FIRST_SCREEN_KEY, snapshotOf(await pendingHandoffs(db, REP), REP));
    const live = await pendingHandoffs(db, REP, FIRST_SCREEN);
    const total = await countPending(db, REP);
    db.close();

    const first = await readFirstScreen(openCache(), REP);
    expect(first).toEqual({ entries: live, total, sync: null }); // no sync has run in this cache
    expect(first!.entries).toHaveLength(FIRST_SCREEN);
    expect(total).toBe(50);
    expect(first!.entries.some((entry) => entry.lead) && first!.entries.some((entry) => !entry.lead)).toBe(true);
    // Each row with a lead carries its account, for the popup's grouping; a row without one has none.
    expect(first!.entries.every((entry) => (entry.lead ? entry.account?.key === 'domain:acme.example.com' : entry.account === undefined))).toBe(true);
  });

  it("draws no other rep's queue, and no snapshot of another shape", async () => {
    const db = new LeadLensDb();
    await db.handoffs.bulkPut([makeHandoff(1), makeHandoff(2)]);
    const snapshot = snapshotOf(await pendingHandoffs(db, REP), REP);
    await db.setMeta(FIRST_SCREEN_KEY, snapshot);
    db.close();
    expect(await readFirstScreen(openCache(), REP)).toMatchObject({ total: 2 });
    expect(await readFirstScreen(openCache(), 'taro@acme.example.com')).toBeNull();

    for (const odd of [{ ...snapshot, version: 0 }, { ...snapshot, entries: [{ handoff: { id: 7 } }] }, { ...snapshot, total: '2' }, 'nonsense', null]) {
      const again = new LeadLensDb();
      await again.setMeta(FIRST_SCREEN_KEY, odd);
      again.close();
      expect(await readFirstScreen(openCache(), REP)).toBeNull();
    }
  });

  it("reads the sync line's state with the snapshot, and leaves one it cannot word to the live view", async () => {
    const db = new LeadLensDb();
    await db.handoffs.put(makeHandoff(1));
    await db.setMeta(FIRST_SCREEN_KEY, snapshotOf(await pendingHandoffs(db, REP), REP));
    const state = { status: 'idle', sourceId: 'demo', lastSuccessAt: 1_700_000_000_000, recordsSynced: 12, quarantined: 0 };
    await db.setMeta(SYNC_STATE_KEY, state);
    db.close();
    expect((await readFirstScreen(openCache(), REP))!.sync).toEqual(state);

    for (const odd of [{ ...state, status: 'asleep' }, { ...state, recordsSynced: '12' }, { ...state, error: 42 }]) {
      const again = new LeadLensDb();
      await again.setMeta(SYNC_STATE_KEY, odd);
      again.close();
      const first = await readFirstScreen(openCache(), REP);
      expect(first!.sync).toBeNull();
      expect(first!.entries).toHaveLength(1); // the rows are drawn all the same
    }
  });

  it('reads nothing, and creates nothing, where there is no cache yet', async () => {
    expect(await readFirstScreen(openCache(), REP)).toBeNull();
    // Dexie still creates the database with its own schema afterwards.
    const db = new LeadLensDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    expect(await db.handoffs.count()).toBe(0);
    expect(await readFirstScreen(openCache(), REP)).toBeNull(); // a cache, but no snapshot yet
    db.close();
  });

  it('draws with stored settings only when they look whole, filling what newer versions added', () => {
    expect(usableSettings(undefined, DEFAULT_SETTINGS)).toBe(DEFAULT_SETTINGS);
    expect(usableSettings({ repEmail: 42 }, DEFAULT_SETTINGS)).toBeNull();
    expect(usableSettings('nonsense', DEFAULT_SETTINGS)).toBeNull();
    const { feedbackReasons: _reasons, reminders: _reminders, ...older } = DEFAULT_SETTINGS;
    const { yearlyClosures: _yearly, ...olderCalendar } = DEFAULT_SETTINGS.calendar;
    const filled = usableSettings({ ...older, repEmail: 'taro@acme.example.com', calendar: olderCalendar }, DEFAULT_SETTINGS)!;
    expect(filled.repEmail).toBe('taro@acme.example.com');
    expect(filled.reminders).toEqual(DEFAULT_SETTINGS.reminders);
    expect(filled.calendar.yearlyClosures).toEqual(DEFAULT_SETTINGS.calendar.yearlyClosures);
  });
});
