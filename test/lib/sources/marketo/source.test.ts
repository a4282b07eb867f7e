import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../../lib/cache/db';
import { createBusinessClock, dueTimes } from '../../../../lib/time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../lib/domain/default-settings';
import { createMarketoSource, msUntilQuotaReset, RATE_WINDOW_MS, type MarketoSourceOptions } from '../../../../lib/sources/marketo/source';
import { SourceError } from '../../../../lib/sources/source';
import { cursorKey, syncSource } from '../../../../lib/background/sync';
import { startFakeMarketoApi, type FakeMarketoApi, type FakeMarketoOptions, type MarketoFault } from '../../../fakes/marketo-api';
import { makeOutboxItem } from '../../../fixtures/factories';
import { failure } from '../../../fakes/source-failure';

import { activity, iso, REP, T0, wireLead } from './helpers';

let fake: FakeMarketoApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(fakeOptions: FakeMarketoOptions = {}, sourceOptions: Partial<MarketoSourceOptions> = {}) {
  fake = await startFakeMarketoApi(fakeOptions);
  const clock = { now: T0 };
  const options: MarketoSourceOptions = {
    baseUrl: `${fake.baseUrl}/`,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    repEmail: REP,
    calendar: DEFAULT_CALENDAR,
    policy: DEFAULT_SLA_POLICY,
    now: () => clock.now,
    timeoutMs: 2000,
    // Rate-limit waits (forced 606s) take no time here: the budget of waits runs out at once.
    pauses: { sleep: async () => undefined, random: () => 0 },
    ...sourceOptions,
  };
  return { fake, clock, options, source: createMarketoSource(options) };
}

describe('the Marketo source: access tokens', () => {
  it('fetches one token, shares it between concurrent callers and reuses it', async () => {
    const { fake, source } = await setUp({ leads: [wireLead(1)] });
    await Promise.all([source.lookup(['lead1@acme.example.com']), source.lookup(['x@acme.example.com']), source.lookup(['y@acme.example.com'])]);
    await source.lookup(['lead1@acme.example.com']);
    expect(fake.stats.identity).toBe(1);
    expect(fake.stats.byPath['/rest/v1/leads.json']).toBe(4);
  });

  it('renews the token before it expires, and on 602 renews it and sends the call again once', async () => {
    const { fake, clock, source } = await setUp({ leads: [wireLead(1)] });
    await source.lookup(['lead1@acme.example.com']);
    clock.now += 3600_000; // the client's clock says the token is at its end
    await source.lookup(['lead1@acme.example.com']);
    expect(fake.stats.identity).toBe(2);

    fake.expireTokens(); // Marketo's clock disagrees: the next call meets 602
    const found = await source.lookup(['lead1@acme.example.com']);
    expect(found.leads.map((lead) => lead.email)).toEqual(['lead1@acme.example.com']);
    expect(fake.stats.identity).toBe(3);
    expect(fake.stats.byPath['/rest/v1/leads.json']).toBe(4);
  });

  it('renews a refused token once, and then says to check the client ID and secret', async () => {
    const { fake, source } = await setUp();
    fake.force('invalidToken601');
    const error = await failure(source.lookup(['a@b.example.com']));
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/\(601 Access token invalid\)\. Check the Marketo client ID and secret in LeadLens options\.$/) });
    expect(fake.stats.identity).toBe(2);
    expect(fake.stats.byPath['/rest/v1/leads/describe2.json']).toBe(2); // Describe (which sync fields there are) comes before the first lead query
  });

  it('says to check the client ID and secret when identity refuses them', async () => {
    const { source } = await setUp({}, { clientSecret: 'wrong' });
    const error = await failure(source.lookup(['a@b.example.com']));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/\(401 unauthorized: Bad client credentials\)\. Check the Marketo client ID and secret in LeadLens options\.$/);
  });
});

describe('the Marketo source: delta sync by paging token', () => {
  const leads = [wireLead(1, { mqlDate: '2026-11-16T00:00:00Z', leadOwnerEmailAddress: REP, leadScore: 50 }), wireLead(2), wireLead(3, { leadStatus: 'Recycled' })];
  const activities = [
    activity(1, 1, 50, { attributes: [{ name: 'Query Parameters', value: 'utm_campaign=launch&x=1' }] }),
    activity(2, 10, 40, { primaryAttributeValue: 'November newsletter' }),
    activity(1, 11, 30, { primaryAttributeValue: 'Demo invite', attributes: [{ name: 'Link', value: 'https://acme.example.com/demo' }] }),
    activity(3, 13, 20), // Change Data Value: the lead changed, no touch
    activity(1, 2, 10, { primaryAttributeValue: 'Demo request' }),
    activity(2, 6, 5), // Send Email: not asked for
  ];

  it('pages through activities, resumes in a new instance from a saved cursor, and knows when it is caught up', async () => {
    const { fake, options, source } = await setUp({ leads, activities });
    // First the rep's own leads, by the owner field, with the rep's handoff.
    const own = await source.changes(null, 2);
    expect(own).toMatchObject({ leads: [{ email: 'lead1@acme.example.com' }], touches: [], handoffs: [{ email: 'lead1@acme.example.com' }], hasMore: true });
    const pages = [await source.changes(own.nextCursor, 2)];
    while (pages.at(-1)!.hasMore) pages.push(await source.changes(pages.at(-1)!.nextCursor, 2));
    expect(pages.map((page) => page.touches.map((touch) => touch.type))).toEqual([['page_view', 'email_open'], ['email_click'], ['form_fill']]);
    expect(pages.map((page) => page.leads.map((lead) => lead.email))).toEqual([
      ['lead1@acme.example.com', 'lead2@acme.example.com'],
      ['lead1@acme.example.com', 'lead3@acme.example.com'],
      ['lead1@acme.example.com'],
    ]);
    expect(pages.every((page) => page.rejected.length === 0)).toBe(true);
    expect(fake.stats.byPath['/rest/v1/activities/pagingtoken.json']).toBe(1);

    const resumed = createMarketoSource(options);
    const caughtUp = await resumed.changes(pages.at(-1)!.nextCursor, 2);
    expect(caughtUp).toMatchObject({ leads: [], touches: [], hasMore: false });
    fake.addActivities([activity(2, 2, -5, { primaryAttributeValue: 'Pricing form' })]);
    const fresh = await resumed.changes(caughtUp.nextCursor, 2);
    expect(fresh.touches).toMatchObject([{ email: 'lead2@acme.example.com', type: 'form_fill', title: 'Pricing form' }]);
    expect(fake.stats.byPath['/rest/v1/activities/pagingtoken.json']).toBe(1);
  });

  it('maps touches, leads and the rep handoff with its SLA deadlines', async () => {
    const { source } = await setUp({ leads, activities });
    const own = await source.changes(null, 300);
    const page = await source.changes(own.nextCursor, 300);
    expect(page.touches.slice(0, 3)).toEqual([
      { id: 'marketo:1000', email: 'lead1@acme.example.com', type: 'page_view', at: T0 - 50 * 60_000, title: 'www.acme.example.com/page-50', campaign: 'launch' },
      { id: 'marketo:1001', email: 'lead2@acme.example.com', type: 'email_open', at: T0 - 40 * 60_000, title: 'November newsletter' },
      { id: 'marketo:1002', email: 'lead1@acme.example.com', type: 'email_click', at: T0 - 30 * 60_000, title: 'Demo invite', url: 'https://acme.example.com/demo' },
    ]);
    expect(page.leads[0]).toEqual({
      email: 'lead1@acme.example.com',
      name: 'Lead 1',
      company: 'Acme',
      title: 'Director of IT',
      industry: 'Manufacturing',
      companySize: 500,
      stage: 'mql', // no word for it in Lead Status, but an MQL date
      score: 50,
      scoreRaw: 50,
      scoreFactors: [],
      fit: 'A', // mid-market 30 + target industry 25 + director 30
      readiness: 3,
      grade: 'A3',
      qualifiedAt: T0,
      ownerEmail: REP,
      updatedAt: Date.parse('2026-11-15T23:00:00Z'),
    });
    expect(page.leads.map((lead) => lead.stage)).toEqual(['mql', 'lead', 'recycled']);
    const rule = DEFAULT_SLA_POLICY.rules.find((candidate) => candidate.id === 'mql')!;
    expect(page.handoffs).toEqual([
      {
        id: 'marketo:1:' + T0,
        email: 'lead1@acme.example.com',
        assigneeEmail: REP,
        handedOffAt: T0,
        rule: rule.name,
        source: 'marketo',
        status: 'pending',
        ...dueTimes(createBusinessClock(DEFAULT_CALENDAR), rule, T0),
        acceptedAt: undefined,
        respondedAt: undefined,
        updatedAt: Date.parse('2026-11-15T23:00:00Z'),
      },
    ]);
    expect(page.handoffs[0]!.firstContactDueAt).toBe(T0 + 8 * 3_600_000); // 09:00 + 8 business hours = 17:00 Tokyo
  });

  it('rejects malformed leads and activities with a reason naming the field, and keeps the rest', async () => {
    const { source } = await setUp({
      leads: [
        wireLead(1, { leadScore: 'high' }),
        wireLead(2, { email: 'not-an-email' }),
        wireLead(3, { mqlDate: 'yesterday' }),
        wireLead(4, { numberOfEmployees: -3 }),
        wireLead(5, { leadScore: 250, leadOwnerEmailAddress: '' }),
      ],
      activities: [1, 2, 3, 4, 5].map((id) => activity(id, 1, 10 * id)).concat([{ ...activity(5, 1, 1), activityDate: 'soon' }]),
    });
    const page = await source.changes(null, 300);
    expect(page.leads).toMatchObject([{ email: 'lead5@acme.example.com', score: 100, scoreRaw: 250 }]);
    expect(page.leads[0]!.ownerEmail).toBeUndefined();
    const reasons = page.rejected.map(({ kind, reason }) => `${kind} ${reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^touch Touch: activityDate: must be an ISO-8601 time/),
      expect.stringMatching(/^lead Lead: leadScore: /),
      expect.stringMatching(/^lead Lead: email: /),
      expect.stringMatching(/^lead Lead: mqlDate: must be an ISO-8601 time/),
      expect.stringMatching(/^lead Lead: numberOfEmployees: /),
      ...[4, 3, 2, 1].map((id) => `touch Touch: leadId: lead ${id} was not found or was rejected`),
    ]);
    expect(page.touches.map((touch) => touch.email)).toEqual(['lead5@acme.example.com']);
  });

  it('starts again at the last activity date seen when Marketo refuses a stale paging token', async () => {
    const { fake, source } = await setUp({ leads, activities });
    const own = await source.changes(null, 2);
    const first = await source.changes(own.nextCursor, 2);
    fake.expirePagingTokens();
    const second = await source.changes(first.nextCursor, 300);
    // The last touch read is read again: another at the same second may have been left behind.
    expect(second.touches.map((touch) => touch.title)).toEqual(['November newsletter', 'Demo invite', 'Demo request']);
    expect(fake.stats.byPath['/rest/v1/activities/pagingtoken.json']).toBe(2);
  });
});

describe('the Marketo source: lookup', () => {
  it('looks leads up by email in batches of 300, each address once, long queries as POST with _method=GET', async () => {
    const many = Array.from({ length: 650 }, (_, n) => wireLead(n + 1));
    const { fake, source } = await setUp({ leads: many });
    const emails = many.map((lead) => String(lead.email));
    const found = await source.lookup([...emails, ...emails.map((email) => email.toUpperCase()), 'nobody@acme.example.com']);
    expect(found.leads).toHaveLength(650);
    expect(found.rejected).toEqual([]);
    expect(fake.stats.byPath['/rest/v1/leads.json']).toBe(3);
  });

  it('quarantines a lead broken on the way and keeps the rest', async () => {
    const { fake, source } = await setUp({ leads: [wireLead(1), wireLead(2)] });
    fake.force('badRecord');
    const found = await source.lookup(['lead1@acme.example.com', 'lead2@acme.example.com']);
    expect(found.leads.map((lead) => lead.email)).toEqual(['lead2@acme.example.com']);
    expect(found.rejected).toEqual([{ kind: 'lead', reason: expect.stringMatching(/^Lead: leadScore: /), raw: expect.objectContaining({ leadScore: 'high' }) }]);
  });
});

describe('the Marketo source: delivering the rep’s writes', () => {
  const feedback = makeOutboxItem(1, {
    payload: { kind: 'feedback', email: 'Lead1@acme.example.com', verdict: 'not_a_fit', reasonCode: 'no_budget', note: '予算なし' },
  });

  it('writes feedback into the lead’s fields by email', async () => {
    const { fake, source } = await setUp({ leads: [wireLead(1)] });
    expect(await source.deliver(feedback)).toBe('delivered');
    expect(fake.lead(1)).toMatchObject({
      leadLensVerdict: 'not_a_fit',
      leadLensReason: 'no_budget',
      leadLensNote: '予算なし',
      leadLensActedAt: iso(T0),
      leadLensKey: 'key-1',
    });
    expect(fake.customActivities).toEqual([]);
  });

  it('writes a handoff action by lead id, and the next sync shows the handoff accepted', async () => {
    const { fake, source } = await setUp({ leads: [wireLead(7, { mqlDate: iso(T0 - 3_600_000), leadOwnerEmailAddress: REP })], activities: [activity(7, 1, 5)] });
    const handoffId = (await source.changes(null, 300)).handoffs[0]!.id;
    await source.deliver(makeOutboxItem(2, { payload: { kind: 'handoff_action', handoffId, action: 'accept' } }));
    expect(fake.updates).toEqual([expect.objectContaining({ id: 7, leadLensAction: 'accept', leadLensKey: 'key-2' })]);
    fake.addActivities([activity(7, 13, -1)]);
    const again = await source.changes(null, 300);
    expect(again.handoffs).toMatchObject([{ id: handoffId, status: 'accepted', acceptedAt: T0 }]);
  });

  it('also records a custom activity when one is configured, once per key even when an answer was lost', async () => {
    const { fake, source } = await setUp({ leads: [wireLead(1)] }, { activityTypeId: 100001 });
    fake.force('dropAfterEffect');
    expect(await failure(source.deliver(feedback))).toMatchObject({ kind: 'network', permanent: false });
    fake.force(null);
    expect(await source.deliver(feedback)).toBe('delivered');
    expect(await source.deliver(feedback)).toBe('delivered');
    expect(fake.customActivities).toEqual([
      expect.objectContaining({
        leadId: 1,
        activityTypeId: 100001,
        activityDate: iso(T0),
        primaryAttributeValue: 'not_a_fit',
        attributes: [
          { apiName: 'reasonCode', value: 'no_budget' },
          { apiName: 'note', value: '予算なし' },
          { apiName: 'idempotencyKey', value: 'key-1' },
        ],
      }),
    ]);
  });

  it('marks a write Marketo skips (1004 lead not found) as permanent', async () => {
    const { source } = await setUp({ leads: [wireLead(1)] });
    const item = makeOutboxItem(3, { payload: { kind: 'feedback', email: 'gone@acme.example.com', verdict: 'good_lead', reasonCode: 'ok' } });
    const error = await failure(source.deliver(item));
    expect(error).toMatchObject({ kind: 'rejected', permanent: true, message: 'Marketo would not update the lead (1004 Lead not found).' });
  });
});

describe('the Marketo source: faults', () => {
  const cases: [MarketoFault, string, number | undefined][] = [
    ['invalidToken601', 'auth', undefined],
    ['accessDenied603', 'auth', undefined],
    ['rateLimited606', 'rate_limited', RATE_WINDOW_MS],
    ['concurrency615', 'rate_limited', undefined],
    ['dailyQuota607', 'rate_limited', msUntilQuotaReset(T0)],
    ['timeout604', 'unavailable', undefined],
    ['unavailable608', 'unavailable', undefined],
    ['systemError611', 'unavailable', undefined],
    ['http429', 'rate_limited', RATE_WINDOW_MS],
    ['http502', 'unavailable', undefined],
    ['slow', 'network', undefined],
    ['drop', 'network', undefined],
    ['badJson', 'bad_response', undefined],
    ['wrongEnvelope', 'bad_response', undefined],
  ];

  it.each(cases)('%s -> %s', async (fault, kind, retryAfterMs) => {
    const { fake, source } = await setUp({ slowMs: 400 }, { timeoutMs: 150 });
    fake.force(fault);
    const error = await failure(source.changes(null, 10));
    expect({ kind: error.kind, retryAfterMs: error.retryAfterMs }).toEqual({ kind, retryAfterMs });
  });

  it('waits for the daily quota until midnight US Central time', () => {
    expect(msUntilQuotaReset(Date.UTC(2026, 10, 16, 0, 0))).toBe(6 * 3_600_000); // 18:00 CST
    expect(msUntilQuotaReset(Date.UTC(2026, 6, 1, 4, 59, 30))).toBe(30_000); // 23:59:30 CDT
  });

  it('survives a sprinkling of transient faults given retries', async () => {
    const { source } = await setUp({ leads: [wireLead(1)], activities: [activity(1, 1, 5)], faultRate: 0.5, faults: ['rateLimited606', 'systemError611', 'drop'], seed: 7 });
    const kinds: string[] = [];
    let page: Awaited<ReturnType<typeof source.changes>> | undefined;
    for (let attempt = 0; !page && attempt < 20; attempt++) {
      page = await source.changes(null, 10).catch((error: SourceError) => void kinds.push(error.kind));
    }
    expect(page).toMatchObject({ touches: [{ id: 'marketo:1000' }] });
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((kind) => ['rate_limited', 'unavailable', 'network'].includes(kind))).toBe(true);
  });
});

describe('the Marketo source in a full sync', () => {
  it('syncs every page into the database and keeps the cursor', async () => {
    const leads = Array.from({ length: 12 }, (_, n) => wireLead(n + 1, n % 4 === 0 ? { mqlDate: iso(T0 - n * 3_600_000), leadOwnerEmailAddress: REP } : {}));
    const activities = leads.flatMap((lead, n) => [activity(lead.id, 1, 100 + n), activity(lead.id, 11, 50 + n)]);
    const { source } = await setUp({ leads, activities });
    const db = new LeadLensDb(`marketo-${Math.random()}`);
    try {
      const state = await syncSource(db, source, { now: () => T0, pageSize: 10 });
      expect(state).toMatchObject({ status: 'idle', quarantined: 0 });
      expect(await db.leads.count()).toBe(12);
      expect(await db.touches.count()).toBe(24);
      expect(await db.handoffs.toArray()).toHaveLength(3);
      expect(JSON.parse((await db.getMeta<string>(cursorKey(source.id)))!)).toMatchObject({ v: 2, phase: 'activities', token: expect.any(String) });
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });
});
