import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../../lib/cache/db';
import { createBusinessClock, dueTimes } from '../../../../lib/time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../lib/domain/default-settings';
import { createHubSpotSource, type HubSpotSource } from '../../../../lib/sources/hubspot/source';
import type { ChangesPage } from '../../../../lib/sources/source';
import { cursorKey, syncSource } from '../../../../lib/background/sync';
import { startFakeHubSpotApi, type FakeContact, type FakeHubSpotApi, type FakeHubSpotOptions } from '../../../fakes/hubspot-api';
import { makeOutboxItem } from '../../../fixtures/factories';
import { failure } from '../../../fakes/source-failure';

import { contact as wireContact, iso, MINUTE, OWNERS, REP, T0 } from './helpers';

// Another rep's contact is synced when recently active (scope.test.ts has the sync scope itself).
const contact = (n: number, properties: Record<string, string | null> = {}): FakeContact =>
  wireContact(n, { hs_email_last_open_date: iso(T0 - 60 * MINUTE), ...properties });

let fake: FakeHubSpotApi | undefined;
let db: LeadLensDb | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (db) {
    db.close();
    await Dexie.delete(db.name);
    db = undefined;
  }
});

async function setUp(options: FakeHubSpotOptions = {}, timeoutMs = 2000) {
  fake = await startFakeHubSpotApi({ owners: OWNERS, ...options });
  return { fake, source: newSource(fake, timeoutMs) };
}

function newSource(api: FakeHubSpotApi, timeoutMs = 2000, token = api.token): HubSpotSource {
  // Rate-limit waits (forced 429s) take no time here: the budget of waits runs out at once.
  const pauses = { sleep: async () => undefined, random: () => 0 };
  return createHubSpotSource({ token, baseUrl: api.baseUrl, repEmail: REP, calendar: DEFAULT_CALENDAR, policy: DEFAULT_SLA_POLICY, timeoutMs, now: () => T0, pauses });
}

/** Every page from `cursor` until hasMore is false, each from a fresh source when `restart` is set. */
async function drain(api: FakeHubSpotApi, limit: number, cursor: string | null = null, restart = false) {
  let source = newSource(api);
  const pages: ChangesPage[] = [];
  for (;;) {
    const page = await source.changes(cursor, limit);
    pages.push(page);
    cursor = page.nextCursor;
    if (!page.hasMore) return { pages, cursor, emails: pages.flatMap((each) => each.leads.map((lead) => lead.email)) };
    if (restart) source = newSource(api);
  }
}

const emailsOf = (numbers: number[]) => numbers.map((n) => `lead${n}@acme.example.com`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe('the HubSpot source, against its contract fake', () => {
  it('pages through contacts by lastmodifieddate, losing and repeating none that share a time across pages', async () => {
    // 16 contacts modified in the same millisecond: more than a page of 10, so a page boundary falls inside them.
    const same = iso(T0 + 5 * MINUTE);
    const contacts = range(1, 25).map((n) => contact(n, n >= 5 && n <= 20 ? { lastmodifieddate: same } : {}));
    await setUp({ contacts });
    const { emails, pages, cursor } = await drain(fake!, 10);
    expect(emails).toEqual(emailsOf(range(1, 25)));
    expect(pages.map((page) => page.leads.length)).toEqual([10, 10, 5]);
    expect(fake!.stats.searches.every((search) => search.after < 10_000 && search.limit <= 200)).toBe(true);

    // Nothing new: nothing comes back. A contact changed since comes back once.
    expect((await newSource(fake!).changes(cursor, 10)).leads).toEqual([]);
    fake!.contacts.get('7')!.properties.lastmodifieddate = iso(T0 + 60 * MINUTE);
    const again = await drain(fake!, 10, cursor);
    expect(again.emails).toEqual(emailsOf([7]));
  });

  it('steps past more than a full search page of contacts modified in the same millisecond', async () => {
    await setUp({ contacts: range(1, 250).map((n) => contact(n, { lastmodifieddate: iso(T0) })) });
    const { emails, pages } = await drain(fake!, 200);
    expect(emails).toEqual(emailsOf(range(1, 250)));
    expect(pages.map((page) => page.leads.length)).toEqual([200, 50]);
    // First the rep's own contacts (none), then the scope: a new search, and one past the 200 seen.
    const searches = fake!.stats.searches.map(({ limit, after }) => ({ limit, after }));
    expect(searches).toEqual([{ limit: 200, after: 0 }, { limit: 200, after: 0 }, { limit: 200, after: 0 }, { limit: 200, after: 200 }]);
  });

  it('resumes from a saved cursor with a new source instance', async () => {
    const contacts = range(1, 30).map((n) => contact(n, { lastmodifieddate: iso(T0 + Math.floor(n / 4) * MINUTE) }));
    await setUp({ contacts });
    const { emails } = await drain(fake!, 7, null, true);
    expect(emails).toEqual(emailsOf(range(1, 30)));
    const first = await newSource(fake!).changes(null, 7);
    const rest = await drain(fake!, 7, first.nextCursor);
    expect([...first.leads.map((lead) => lead.email), ...rest.emails]).toEqual(emailsOf(range(1, 30)));
  });

  it('reads more contacts than the search cap by starting each page as a new search', async () => {
    const contacts = range(1, 100).map((n) => contact(n));
    await setUp({ contacts, searchCap: 30 });
    const { emails } = await drain(fake!, 20);
    expect(emails).toEqual(emailsOf(range(1, 100)));
    expect(fake!.stats.searches.every((search) => search.after === 0)).toBe(true);
  });

  it('has the fake refuse a page past 10,000 results by default, as HubSpot does', async () => {
    await setUp({ contacts: [contact(1)] });
    const response = await fetch(`${fake!.baseUrl}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 100, after: '10000' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', correlationId: expect.any(String) });
  });

  it('maps a contact to a lead, its latest activities to touches, and the rep\'s MQL to a handoff with SLA deadlines', async () => {
    const mqlAt = T0 - 2 * 60 * MINUTE;
    const modified = T0 + 30 * MINUTE;
    await setUp({
      portalId: 4242,
      contacts: [
        contact(1, {
          email: ' Yuki@Example.CO.JP ',
          firstname: '由紀',
          lastname: '佐藤',
          jobtitle: 'VP Sales',
          industry: 'Software',
          numemployees: '1000+',
          lifecyclestage: 'marketingqualifiedlead',
          hubspotscore: '130',
          hubspot_owner_id: '101',
          hs_lead_status: 'IN_PROGRESS',
          hs_lifecyclestage_marketingqualifiedlead_date: iso(mqlAt),
          recent_conversion_event_name: 'Demo request',
          recent_conversion_date: iso(mqlAt - MINUTE),
          first_conversion_event_name: 'Ebook download',
          first_conversion_date: iso(mqlAt - 9 * 24 * 60 * MINUTE),
          hs_email_last_open_date: iso(mqlAt - 60 * MINUTE),
          hs_email_last_email_name: 'November newsletter',
          hs_analytics_last_visit_timestamp: `${mqlAt - 5 * MINUTE}`,
          hs_analytics_last_url: 'javascript:alert(1)',
          lastmodifieddate: iso(modified),
        }),
        contact(2, { lifecyclestage: 'evangelist', hubspotscore: null, numemployees: '25-50', hs_lifecyclestage_marketingqualifiedlead_date: iso(mqlAt) }),
        contact(3, { lifecyclestage: 'salesqualifiedlead', hs_lead_status: 'BAD_TIMING', hubspot_owner_id: null, firstname: null, lastname: null }),
      ],
    });
    const source = newSource(fake!);
    // The rep's own contact comes first, then the whole scope.
    const own = await source.changes(null, 100);
    expect(own.leads.map((lead) => lead.email)).toEqual(['yuki@example.co.jp']);
    const page = await source.changes(own.nextCursor, 100);
    expect(page.rejected).toEqual([]);
    // In lastmodifieddate order: contact 1 was modified last.
    expect(page.leads.map((lead) => lead.email)).toEqual(['lead2@acme.example.com', 'lead3@acme.example.com', 'yuki@example.co.jp']);
    const [second, third, first] = page.leads;
    expect(first).toEqual({
      email: 'yuki@example.co.jp',
      name: '由紀 佐藤',
      company: 'Acme',
      title: 'VP Sales',
      industry: 'Software',
      companySize: 1000,
      stage: 'mql',
      score: 100,
      scoreRaw: 130,
      scoreFactors: [],
      fit: 'A', // 40 size + 25 industry + 30 director/VP
      readiness: 1,
      grade: 'A1',
      qualifiedBy: 'Demo request',
      qualifiedAt: mqlAt,
      ownerEmail: REP,
      crmRecords: [{ crm: 'hubspot', objectType: 'contact', id: '1' }],
      crmUrl: 'https://app.hubspot.com/contacts/4242/record/0-1/1',
      updatedAt: modified,
    });
    expect(second).toMatchObject({ stage: 'customer', score: 0, scoreRaw: 0, companySize: 25, ownerEmail: 'other@acme.example.com', qualifiedBy: 'HubSpot: lifecycle stage became MQL' });
    expect(third).toMatchObject({ stage: 'recycled', name: 'lead3@acme.example.com' });
    expect(third!.ownerEmail).toBeUndefined();

    expect(page.touches.filter((touch) => touch.email === 'yuki@example.co.jp')).toEqual([
      { id: `hubspot:1:hs_email_last_open_date:${mqlAt - 60 * MINUTE}`, email: 'yuki@example.co.jp', type: 'email_open', at: mqlAt - 60 * MINUTE, title: 'Opened email: November newsletter' },
      { id: `hubspot:1:hs_analytics_last_visit_timestamp:${mqlAt - 5 * MINUTE}`, email: 'yuki@example.co.jp', type: 'page_view', at: mqlAt - 5 * MINUTE, title: 'Visited the website' },
      { id: `hubspot:1:recent_conversion_date:${mqlAt - MINUTE}`, email: 'yuki@example.co.jp', type: 'form_fill', at: mqlAt - MINUTE, title: 'Demo request' },
      { id: `hubspot:1:first_conversion_date:${mqlAt - 9 * 24 * 60 * MINUTE}`, email: 'yuki@example.co.jp', type: 'form_fill', at: mqlAt - 9 * 24 * 60 * MINUTE, title: 'Ebook download' },
    ]);

    // Only the rep's own MQL is a handoff; contact 2 is another rep's.
    const rule = DEFAULT_SLA_POLICY.rules[0]!; // grade A1: hot
    expect(page.handoffs).toEqual([
      {
        id: `hubspot:1:${mqlAt}`,
        email: 'yuki@example.co.jp',
        assigneeEmail: REP,
        handedOffAt: mqlAt,
        rule: rule.name,
        source: 'hubspot',
        status: 'accepted',
        ...dueTimes(createBusinessClock(DEFAULT_CALENDAR), rule, mqlAt),
        acceptedAt: modified,
        updatedAt: modified,
      },
    ]);
    expect(fake!.stats.byRoute['GET /crm/v3/owners']).toBe(1);
    await newSource(fake!).lookup(['lead2@acme.example.com']);
    expect(fake!.stats.byRoute['GET /crm/v3/owners']).toBe(2); // once per source instance
  });

  it('quarantines malformed contacts with the field named, and keeps the rest of the page', async () => {
    await setUp({
      contacts: [
        contact(1),
        contact(2, { email: null }),
        contact(3, { email: 'not-an-email' }),
        contact(4, { hubspotscore: 'high' }),
        contact(5, { hs_lifecyclestage_marketingqualifiedlead_date: 'last Tuesday' }),
        contact(6, { hs_email_last_click_date: '16/11/2026' }),
        contact(7),
      ],
    });
    const page = await newSource(fake!).changes(null, 100);
    expect(page.leads.map((lead) => lead.email)).toEqual(emailsOf([1, 7]));
    expect(page.rejected.map(({ kind, reason }) => [kind, reason])).toEqual([
      ['lead', expect.stringMatching(/^HubSpot contact: properties\.email: /)],
      ['lead', expect.stringMatching(/^HubSpot contact: properties\.email: /)],
      ['lead', 'HubSpot contact: properties.hubspotscore: must be a number'],
      ['lead', 'HubSpot contact: properties.hs_lifecyclestage_marketingqualifiedlead_date: must be a date-time'],
      ['lead', 'HubSpot contact: properties.hs_email_last_click_date: must be a date-time'],
    ]);
    expect(page.rejected[2]!.raw).toMatchObject({ id: '4', properties: { hubspotscore: 'high' } });
    // The rejected still move the cursor on: they are not fetched again and again.
    expect((await newSource(fake!).changes(page.nextCursor, 100)).rejected).toEqual([]);
  });

  it('quarantines a contact broken on the way, and refuses an answer that is not the documented envelope', async () => {
    const { source } = await setUp({ contacts: [contact(1), contact(2)] });
    fake!.force('badRecord', 'POST /crm/v3/objects/contacts/search');
    const page = await source.changes(null, 10);
    expect(page.leads.map((lead) => lead.email)).toEqual(emailsOf([2]));
    expect(page.rejected).toEqual([{ kind: 'lead', reason: 'HubSpot contact: properties.hubspotscore: must be a number', raw: expect.objectContaining({ id: '1' }) }]);

    fake!.force('wrongShape');
    const shape = await failure(source.changes(null, 10));
    expect(shape.kind).toBe('bad_response');
    expect(shape.message).toMatch(/^HubSpot's answer was not as documented: Answer to POST \/crm\/v3\/objects\/contacts\/search: /);
    fake!.force('badJson');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'bad_response', message: expect.stringMatching(/not JSON/) });
    expect(await failure(source.lookup(['lead1@acme.example.com']))).toMatchObject({ kind: 'bad_response' });
  });

  it('looks contacts up by email in batches of 100, once per address', async () => {
    const { source } = await setUp({ contacts: [contact(1), contact(150)] });
    const { leads, rejected } = await source.lookup([' Lead150@ACME.example.com', 'nobody@acme.example.com', 'lead150@acme.example.com']);
    expect(leads.map((lead) => lead.email)).toEqual(emailsOf([150]));
    expect(rejected).toEqual([]);
    expect(fake!.stats.byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(1);

    const found = await source.lookup(range(0, 249).map((n) => `lead${n}@acme.example.com`));
    expect(found.leads.map((lead) => lead.email)).toEqual(emailsOf([1, 150]));
    expect(fake!.stats.byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(1 + 3);
    expect(await source.lookup([])).toEqual({ leads: [], rejected: [] });
  });

  it('delivers feedback as one note and a lead status, even when sent twice with the same key', async () => {
    const { source } = await setUp({ contacts: [contact(1), contact(2)] });
    const item = makeOutboxItem(1, { payload: { kind: 'feedback', email: 'Lead1@acme.example.com', verdict: 'not_a_fit', reasonCode: 'no_budget', note: '予算なし <b>' } });
    expect(await source.deliver(item)).toBe('delivered');
    expect(await source.deliver(item)).toBe('delivered');
    expect(fake!.notes).toEqual([
      {
        id: expect.any(String),
        contactIds: ['1'],
        createdAt: expect.any(Number),
        properties: {
          hs_timestamp: '2026-11-16T00:00:00.000Z',
          hs_note_body: 'LeadLens feedback: not a fit (reason: no_budget)<br>Note: 予算なし &lt;b&gt;<br>Clicked: 2026-11-16T00:00:00.000Z<br>LeadLens key: key-1',
        },
      },
    ]);
    expect(fake!.contacts.get('1')!.properties.hs_lead_status).toBe('UNQUALIFIED');

    // A good lead leaves the status alone; a handoff's contact comes from its id, with no lookup.
    await source.deliver(makeOutboxItem(2, { payload: { kind: 'feedback', email: 'lead2@acme.example.com', handoffId: `hubspot:2:${T0}`, verdict: 'good_lead', reasonCode: 'good_lead' } }));
    expect(fake!.notes).toHaveLength(2);
    expect(fake!.contacts.get('2')!.properties.hs_lead_status).toBeUndefined();
    expect(fake!.stats.byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(2);
  });

  it('turns handoff actions into lead statuses, with a note for a rejection', async () => {
    const { source } = await setUp({ contacts: [contact(1), contact(2), contact(3)] });
    const act = (n: number, action: 'accept' | 'contacted' | 'reject', reasonCode?: string) =>
      source.deliver(makeOutboxItem(n, { payload: { kind: 'handoff_action', handoffId: `hubspot:${n}:${T0}`, action, reasonCode } }));
    await act(1, 'accept');
    await act(2, 'contacted');
    await act(3, 'reject', 'bad_timing');
    expect(fake!.patches).toEqual([
      { contactId: '1', properties: { hs_lead_status: 'IN_PROGRESS' } },
      { contactId: '2', properties: { hs_lead_status: 'ATTEMPTED_TO_CONTACT' } },
      { contactId: '3', properties: { hs_lead_status: 'BAD_TIMING' } },
    ]);
    expect(fake!.notes.map((note) => [note.contactIds, note.properties.hs_note_body])).toEqual([[['3'], expect.stringMatching(/^LeadLens: handoff rejected \(reason: bad_timing\)<br>/)]]);

    // Read back, each status is what the rep did.
    const page = await newSource(fake!).changes(null, 10);
    expect(page.leads.map((lead) => lead.stage)).toEqual(['lead', 'lead', 'recycled']);
  });

  it('a note whose answer was lost lands once when the write is sent again', async () => {
    const { source } = await setUp({ contacts: [contact(1)] }, 200);
    const item = makeOutboxItem(1, { payload: { kind: 'handoff_action', handoffId: `hubspot:1:${T0}`, action: 'reject', reasonCode: 'not_a_fit' } });
    fake!.force('dropAfterEffect', 'POST /crm/v3/objects/notes');
    expect(await failure(source.deliver(item))).toMatchObject({ kind: 'network', permanent: false });
    expect(fake!.notes).toHaveLength(1);
    fake!.force('dropAfterEffect', 'PATCH /crm/v3/objects/contacts/{id}');
    expect(await failure(source.deliver(item))).toMatchObject({ kind: 'network' });
    fake!.force(null);
    expect(await source.deliver(item)).toBe('delivered');
    expect(fake!.notes).toHaveLength(1);
    expect(fake!.contacts.get('1')!.properties.hs_lead_status).toBe('UNQUALIFIED');
  });

  it('refuses, for good, feedback on an address HubSpot does not know or a handoff not from HubSpot', async () => {
    const { source } = await setUp({ contacts: [contact(1)] });
    const unknown = makeOutboxItem(1, { payload: { kind: 'feedback', email: 'nobody@acme.example.com', verdict: 'not_a_fit', reasonCode: 'x' } });
    expect(await failure(source.deliver(unknown))).toMatchObject({ kind: 'rejected', permanent: true, message: 'HubSpot has no contact with the address nobody@acme.example.com.' });
    const foreign = makeOutboxItem(2, { payload: { kind: 'handoff_action', handoffId: 'demo-1-h3', action: 'accept' } });
    expect(await failure(source.deliver(foreign))).toMatchObject({ kind: 'rejected' });
    expect(fake!.notes).toEqual([]);
    expect(fake!.patches).toEqual([]);
  });

  it('says clearly when the token is wrong or lacks scopes', async () => {
    await setUp({ token: 'pat-na1-right' });
    const wrong = await failure(newSource(fake!, 2000, 'pat-na1-wrong').changes(null, 10));
    expect(wrong.kind).toBe('auth');
    expect(wrong.message).toMatch(/^HubSpot refused the access token \(401 INVALID_AUTHENTICATION: Authentication credentials not found\..*\)\. Check the HubSpot token in LeadLens options\.$/);
    fake!.force('missingScopes');
    const scopes = await failure(newSource(fake!).changes(null, 10));
    expect(scopes).toMatchObject({ kind: 'auth', message: expect.stringContaining('crm.objects.contacts.read, crm.objects.contacts.write, crm.objects.owners.read') });
  });

  it.each([
    ['rateLimited429', 7000],
    ['rateLimitedNoHeader', 10_000], // the TEN_SECONDLY_ROLLING window
    ['dailyLimit', 3_600_000],
  ] as const)('reads %s as rate_limited with the wait HubSpot asks for', async (fault, retryAfterMs) => {
    const { source } = await setUp({ contacts: [contact(1)], retryAfterSeconds: 7 });
    fake!.force(fault);
    const error = await failure(source.changes(null, 10));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs, permanent: false, message: expect.stringMatching(/^HubSpot asked LeadLens to slow down \(429 (TEN_SECONDLY_ROLLING|DAILY): /) });
  });

  it('tells a 5xx, a time-out and a dropped connection apart', async () => {
    const { source } = await setUp({ contacts: [contact(1)], slowMs: 400, retryAfterSeconds: 3 }, 150);
    fake!.force('error500');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'unavailable', retryAfterMs: undefined });
    fake!.force('unavailable503');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'unavailable', retryAfterMs: 3000 });
    fake!.force('slow');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'network', message: 'HubSpot did not answer within 0.15 s.' });
    fake!.force('drop');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'network', message: expect.stringMatching(/^Could not reach HubSpot \(/) });
    fake!.force(null);
    expect((await source.changes(null, 10)).leads).toHaveLength(1);
  });

  it('syncs into the database through syncSource, handoffs and quarantine included', async () => {
    const mql = { lifecyclestage: 'marketingqualifiedlead', hubspot_owner_id: '101', hs_lifecyclestage_marketingqualifiedlead_date: iso(T0) };
    const contacts = range(1, 45).map((n) => contact(n, n % 5 === 0 ? mql : n === 13 ? { hubspotscore: 'lots' } : {}));
    await setUp({ contacts });
    db = new LeadLensDb(`hubspot-sync-${Math.random()}`);
    const source = newSource(fake!);
    const state = await syncSource(db, source, { now: () => T0, pageSize: 10 });
    expect(state).toMatchObject({ status: 'idle', quarantined: 1 });
    expect(await db.leads.count()).toBe(44);
    expect(await db.handoffs.count()).toBe(9);
    expect(await db.quarantine.count()).toBe(1);
    expect(JSON.parse((await db.getMeta<string>(cursorKey('hubspot')))!)).toEqual({ v: 2, phase: 'scope', since: T0 + 45 * MINUTE, seen: ['45'] });
  });
});
