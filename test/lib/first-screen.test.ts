import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, LeadLensDb, SCHEMA_HISTORY } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/default-settings';
import { openCache, readFirstScreen, usableSettings } from '../../lib/first-screen';
import { countPending, pendingHandoffs } from '../../lib/queue';
import { makeHandoff, makeLead } from '../fixtures/factories';

const REP = 'rep@acme.example.com';
afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

describe("the popup's first paint", () => {
  it('reads the same top of the queue, leads and count as the live view, without Dexie', async () => {
    const db = new LeadLensDb();
    await db.leads.bulkPut(Array.from({ length: 25 }, (_, n) => makeLead(n * 2))); // every other lead is in the cache
    await db.handoffs.bulkPut([
      ...Array.from({ length: 50 }, (_, n) => makeHandoff(n, { firstContactDueAt: 1000 * ((n * 37) % 50), status: n % 3 ? 'pending' : 'accepted' })),
      makeHandoff(90, { status: 'contacted' }),
      makeHandoff(91, { assigneeEmail: 'other@acme.example.com' }),
    ]);
    const live = await pendingHandoffs(db, REP, 10);
    const total = await countPending(db, REP);
    db.close();

    const first = await readFirstScreen(openCache(), REP, 10);
    expect(first).toEqual({ entries: live, total });
    expect(total).toBe(50);
    expect(first!.entries.some((entry) => entry.lead) && first!.entries.some((entry) => !entry.lead)).toBe(true);
  });

  it('reads nothing, and creates nothing, where there is no cache yet', async () => {
    expect(await readFirstScreen(openCache(), REP, 10)).toBeNull();
    // Dexie still creates the database with its own schema afterwards.
    const db = new LeadLensDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    expect(await db.handoffs.count()).toBe(0);
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
