import { describe, expect, it } from 'vitest';
import type { ChangesPage } from '../../../../lib/sources/source';
import type { HubSpotSource } from '../../../../lib/sources/hubspot/source';
import { contact, DAY, hubspot, iso, T0 } from './helpers';
import { failure } from '../../../fakes/source-failure';
import { NO_WAITS } from '../../../../lib/sources/rate-waits';

const NOW = T0 + DAY;
const emails = (page: ChangesPage) => page.leads.map((lead) => lead.email.replace(/^lead(\d+)@.*$/, '$1'));

async function drain(source: HubSpotSource, cursor: string | null = null, limit = 10) {
  const pages: ChangesPage[] = [];
  for (;;) {
    const page = await source.changes(cursor, limit);
    pages.push(page);
    cursor = page.nextCursor;
    if (!page.hasMore) return { pages, cursor };
  }
}

describe('HubSpot: what a rep’s browser syncs', () => {
  const portal = [
    contact(1, { hubspot_owner_id: '101' }), // the rep's own
    contact(2, { lastmodifieddate: iso(T0 - 90 * DAY) }), // another rep's, quiet
    contact(3, { hubspot_owner_id: null, lifecyclestage: 'marketingqualifiedlead' }), // an MQL nobody owns yet
    contact(4, { lifecyclestage: 'marketingqualifiedlead' }), // another rep's MQL
    contact(5, { recent_conversion_date: iso(NOW - 2 * DAY) }), // filled in a form lately
    contact(6, { hs_email_last_open_date: iso(NOW - 40 * DAY) }), // opened an email long ago
    contact(7, { hs_analytics_last_visit_timestamp: String(NOW - 3_600_000) }), // visited today
    contact(8, { hs_email_last_open_date: iso(NOW - DAY) }), // opened an email yesterday
  ];

  it('reads the rep’s own contacts first, then the SLA stages nobody owns and the recently active', async () => {
    const { source, fake } = await hubspot({ contacts: portal });
    const { pages } = await drain(source);
    expect(pages.map(emails)).toEqual([['1'], ['1', '3', '5', '7', '8']]);
    expect(pages[0]!.hasMore).toBe(true);
    // Every search fits HubSpot's limits on filter groups (the fake refuses more).
    expect(fake.stats.searches.every((search) => (search.filterGroups as unknown[]).length <= 5)).toBe(true);
  });

  it('then brings only what changed within that scope', async () => {
    const { source, fake } = await hubspot({ contacts: portal });
    const { cursor } = await drain(source);
    fake.contacts.get('2')!.properties.lastmodifieddate = iso(NOW + 60_000); // still another rep's, still quiet
    Object.assign(fake.contacts.get('4')!.properties, { hubspot_owner_id: '101', lastmodifieddate: iso(NOW + 120_000) }); // handed to the rep
    const next = await drain(source, cursor);
    expect(next.pages.flatMap(emails)).toEqual(['4']);
    expect(next.pages.flatMap((page) => page.handoffs)).toEqual([]); // no MQL date on it
  });

  it('takes the recent-activity window from the settings', async () => {
    const { source } = await hubspot({ contacts: portal }, { recentDays: 60 });
    const { pages } = await drain(source);
    expect(pages.at(-1)!.leads.map((lead) => lead.email)).toContain('lead6@acme.example.com');
  });

  it('skips the own phase for a rep who is no HubSpot owner', async () => {
    const { newSource } = await hubspot({ contacts: portal });
    const { pages } = await drain(newSource({ repEmail: 'new.hire@acme.example.com' }));
    expect(pages.map(emails)).toEqual([['3', '5', '7', '8']]);
  });

  it('reads the whole portal when the source is set to (a one-person portal; the bench’s baseline)', async () => {
    const { source } = await hubspot({ contacts: portal }, { scope: 'portal' });
    expect((await drain(source)).pages.map(emails)).toEqual([['2', '1', '3', '4', '5', '6', '7', '8']]);
  });

  it('goes on from a cursor saved before sync scopes, within the scope', async () => {
    const { source } = await hubspot({ contacts: portal });
    const old = JSON.stringify({ since: T0 + 4 * 60_000, seen: ['4'] });
    expect((await drain(source, old)).pages.flatMap(emails)).toEqual(['5', '7', '8']);
  });
});

describe('HubSpot: rate limits inside a sync run', () => {
  /** A fake and a source on one hand-driven clock: the source's waits move the fake's time. */
  async function onOneClock(limits: { burstPer10s?: number; searchPerSecond?: number }, advances = true) {
    const time = { now: NOW };
    const slept: number[] = [];
    const pauses = { sleep: async (ms: number) => void (slept.push(ms), advances && (time.now += ms)), random: () => 0 };
    const clock = { now: () => time.now, serve: async () => undefined };
    const contacts = Array.from({ length: 30 }, (_, n) => contact(n + 1, { hubspot_owner_id: '101' }));
    const { source, fake, newSource } = await hubspot({ contacts, limits, clock }, { pauses, now: () => time.now });
    return { source, fake, slept, newSource };
  }

  it('waits out the ten-second window and finishes the run', async () => {
    const { source, fake, slept } = await onOneClock({ burstPer10s: 3 });
    const { pages } = await drain(source, null, 5);
    expect(new Set(pages.flatMap(emails)).size).toBe(30);
    expect(fake.stats.limited).toBeGreaterThan(0);
    expect(slept.length).toBe(fake.stats.limited);
    expect(slept.every((ms) => ms === 10_000)).toBe(true);
  });

  it('waits a second for the search limit', async () => {
    const { source, slept } = await onOneClock({ searchPerSecond: 1 });
    await drain(source, null, 5);
    expect(slept.length).toBeGreaterThan(0);
    expect(slept.every((ms) => ms === 1000)).toBe(true);
  });

  it('ends the run at the first 429 when the source is set not to wait', async () => {
    const { newSource, slept } = await onOneClock({ burstPer10s: 3 });
    expect(await failure(drain(newSource({ waits: NO_WAITS }), null, 5))).toMatchObject({ kind: 'rate_limited' });
    expect(slept).toEqual([]);
  });

  it('gives up, rate-limited, when the window never opens', async () => {
    const { source, slept } = await onOneClock({ burstPer10s: 1 }, false);
    const error = await failure(drain(source, null, 5));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000 });
    expect(slept).toHaveLength(8);
  });
});
