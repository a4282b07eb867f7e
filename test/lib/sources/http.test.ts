import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSource, parseRetryAfter } from '../../../lib/sources/http';
import { startFakeLeadContextApi, type FakeLeadContextApi, type FakeOptions } from '../../fakes/lead-context-api';
import { wireHandoff, wireLead, wireTouch } from '../../fakes/wire';
import { makeHandoff, makeLead, makeOutboxItem, makeTouch } from '../../fixtures/factories';
import { failure } from '../../fakes/source-failure';

let fake: FakeLeadContextApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(options: FakeOptions = {}, timeoutMs = 2000) {
  fake = await startFakeLeadContextApi(options);
  return { fake, source: createHttpSource({ baseUrl: `${fake.baseUrl}/`, token: fake.token, timeoutMs }) };
}

describe('the Lead Context API source, against its contract fake', () => {
  it('pages through changes by cursor, turning ISO times into instants', async () => {
    const leads = Array.from({ length: 25 }, (_, n) => makeLead(n, { qualifiedAt: Date.UTC(2026, 9, n + 1) }));
    const handoff = makeHandoff(1, { followUpDueAts: [Date.UTC(2026, 10, 18)], acceptedAt: Date.UTC(2026, 10, 16, 1) });
    const { source } = await setUp({
      records: {
        leads: leads.map(wireLead),
        touches: [wireTouch(makeTouch(1, leads[0]!.email))],
        handoffs: [wireHandoff(handoff)],
        deleted: ['Gone@Acme.example.com'],
      },
    });
    const first = await source.changes(null, 10);
    expect(first).toMatchObject({ leads: leads.slice(0, 10), hasMore: true, nextCursor: 'c10', rejected: [] });
    const second = await source.changes(first.nextCursor, 10);
    expect(second.leads).toEqual(leads.slice(10, 20));
    const third = await source.changes(second.nextCursor, 10);
    expect(third).toEqual({
      leads: leads.slice(20),
      touches: [makeTouch(1, leads[0]!.email)],
      handoffs: [handoff],
      deleted: ['gone@acme.example.com'],
      rejected: [],
      nextCursor: 'c28',
      hasMore: false,
    });
  });

  it('quarantines each bad record with a reason naming the field, and keeps the rest of the page', async () => {
    const { source } = await setUp({
      records: {
        leads: [wireLead(makeLead(1)), { ...wireLead(makeLead(2)), score: 900 }, { ...wireLead(makeLead(3)), email: 'not-an-email' }, wireLead(makeLead(4))],
        touches: [{ ...wireTouch(makeTouch(1, 'lead1@acme.example.com')), at: '2026-11-16 09:00' }],
        handoffs: [{ ...wireHandoff(makeHandoff(1)), firstContactDueAt: 1_700_000_000_000 }, wireHandoff(makeHandoff(2))],
      },
    });
    const page = await source.changes(null, 100);
    expect(page.leads.map((lead) => lead.email)).toEqual(['lead1@acme.example.com', 'lead4@acme.example.com']);
    expect(page.handoffs.map((handoff) => handoff.id)).toEqual(['h2']);
    expect(page.rejected.map(({ kind, reason }) => [kind, reason])).toEqual([
      ['lead', expect.stringMatching(/^Lead: score: .*100/)],
      ['lead', expect.stringMatching(/^Lead: email: /)],
      ['touch', expect.stringMatching(/^Touch: at: must be an ISO-8601 time/)],
      ['handoff', expect.stringMatching(/^Handoff: firstContactDueAt: /)],
    ]);
    expect(page.rejected[0]!.raw).toMatchObject({ email: 'lead2@acme.example.com', score: 900 });
  });

  it('quarantines a record the server broke on the way, and refuses an answer that is not the documented shape', async () => {
    const { fake, source } = await setUp({ records: { leads: [wireLead(makeLead(1)), wireLead(makeLead(2))] } });
    fake.force('badRecord');
    const page = await source.changes(null, 10);
    expect(page.leads).toEqual([makeLead(2)]);
    expect(page.rejected).toEqual([{ kind: 'lead', reason: expect.stringMatching(/^Lead: score: /), raw: expect.objectContaining({ score: 'high' }) }]);

    fake.force('wrongShape');
    const shape = await failure(source.changes(null, 10));
    expect(shape.kind).toBe('bad_response');
    expect(shape.message).toMatch(/^The Lead Context API's answer was not as documented: Answer to \/v1\/changes: .*nextCursor/);
    fake.force('badJson');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'bad_response', message: expect.stringMatching(/not JSON/) });
    expect(await failure(source.lookup(['lead1@acme.example.com']))).toMatchObject({ kind: 'bad_response' });
  });

  it('looks leads up by email, in batches of 100', async () => {
    const { fake, source } = await setUp({ records: { leads: [wireLead(makeLead(1)), wireLead(makeLead(150))] } });
    const { leads, rejected } = await source.lookup([' Lead150@ACME.example.com', 'nobody@acme.example.com', 'lead150@acme.example.com']);
    expect(leads).toEqual([makeLead(150)]);
    expect(rejected).toEqual([]);
    expect(fake.stats.requests).toBe(1);

    const many = Array.from({ length: 250 }, (_, n) => `lead${n}@acme.example.com`);
    const found = await source.lookup(many);
    expect(found.leads.map((lead) => lead.email)).toEqual(['lead1@acme.example.com', 'lead150@acme.example.com']);
    expect(fake.stats.requests).toBe(1 + 3);
    expect(await source.lookup([])).toEqual({ leads: [], rejected: [] });
  });

  it('looks leads up by CRM record, sending each record by its key, and keeps the records each lead says it is', async () => {
    const converted = makeLead(1, { crmRecords: [{ crm: 'salesforce', objectType: 'Contact', id: '0035g00000XyZaBQAZ' }, { crm: 'hubspot', objectType: 'contact', id: '51' }] });
    const { fake, source } = await setUp({ records: { leads: [wireLead(converted), wireLead(makeLead(2))] } });
    const { leads, rejected } = await source.lookupRecords([
      { crm: 'salesforce', objectType: 'Contact', id: '0035g00000XyZaB' },
      { crm: 'pipedrive', objectType: 'person', id: '12' },
      { crm: 'salesforce', objectType: 'contact', id: '0035g00000XyZaBQAZ' },
    ]);
    expect(leads).toEqual([converted]);
    expect(rejected).toEqual([]);
    // One request, each record once, by its key: 15-character Salesforce id, object type in lower case.
    expect(fake.received.map(({ path, query }) => [path, query])).toEqual([
      ['/v1/leads', 'crmRecord=salesforce%3Acontact%3A0035g00000XyZaB&crmRecord=pipedrive%3Aperson%3A12'],
    ]);

    const many = Array.from({ length: 150 }, (_, n) => ({ crm: 'hubspot' as const, objectType: 'contact', id: String(n + 1) }));
    expect((await source.lookupRecords(many)).leads).toEqual([converted]);
    expect(fake.received).toHaveLength(1 + 2);
    expect(await source.lookupRecords([])).toEqual({ leads: [], rejected: [] });
  });

  it('quarantines a lead whose CRM record id is not one its CRM uses', async () => {
    const broken = { ...wireLead(makeLead(1)), crmRecords: [{ crm: 'salesforce', objectType: 'Lead', id: '00Q-not-an-id' }] };
    const { source } = await setUp({ records: { leads: [broken, wireLead(makeLead(2, { crmRecords: [{ crm: 'hubspot', objectType: 'contact', id: '2' }] }))] } });
    const page = await source.changes(null, 10);
    expect(page.leads.map((lead) => lead.crmRecords)).toEqual([[{ crm: 'hubspot', objectType: 'contact', id: '2' }]]);
    expect(page.rejected).toEqual([{ kind: 'lead', reason: expect.stringMatching(/^Lead: crmRecords\.0\.id: not an id this CRM uses/), raw: broken }]);
  });

  it('says clearly when the token is refused', async () => {
    fake = await startFakeLeadContextApi({ token: 'right' });
    const error = await failure(createHttpSource({ baseUrl: fake.baseUrl, token: 'wrong' }).changes(null, 10));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(
      'The API token was refused by the Lead Context API (401 unauthorized: The token is not valid for this API.). Check the API token in LeadLens options.',
    );
  });

  it.each([
    ['rateLimited429', 'rate_limited', /slow down \(429 rate_limited: Too many requests\.\)/],
    ['unavailable503', 'unavailable', /unavailable for now \(503 unavailable: Down for maintenance\.\)/],
  ] as const)('reads %s with its Retry-After in seconds', async (fault, kind, message) => {
    const { fake, source } = await setUp({ retryAfterSeconds: 7 });
    fake.force(fault);
    const error = await failure(source.changes(null, 10));
    expect(error).toMatchObject({ kind, retryAfterMs: 7000, permanent: false });
    expect(error.message).toMatch(message);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const { fake, source } = await setUp({ retryAfterSeconds: 120, retryAfterAsDate: true });
    fake.force('rateLimited429');
    const { retryAfterMs } = await failure(source.changes(null, 10));
    // An HTTP date has whole seconds: up to one is lost.
    expect(retryAfterMs).toBeGreaterThan(118_000);
    expect(retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('tells a 500, a time-out and a dropped connection apart', async () => {
    const { fake, source } = await setUp({ slowMs: 400 }, 150);
    fake.force('error500');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'unavailable', retryAfterMs: undefined });
    fake.force('slow');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'network', message: `The Lead Context API at ${fake.baseUrl} did not answer within 0.15 s.` });
    fake.force('drop');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'network', message: expect.stringMatching(/^Could not reach the Lead Context API at /) });
    fake.force(null);
    expect((await source.changes(null, 10)).hasMore).toBe(false);
  });

  it('cannot reach a server that is not there', async () => {
    const gone = await startFakeLeadContextApi();
    await gone.close();
    const error = await failure(createHttpSource({ baseUrl: gone.baseUrl, token: 't' }).changes(null, 1));
    expect(error).toMatchObject({ kind: 'network', message: `Could not reach the Lead Context API at ${gone.baseUrl} (ECONNREFUSED).` });
  });

  it('delivers a write once per idempotency key: 201, then 200 for the same key, both delivered', async () => {
    const { fake, source } = await setUp();
    const item = makeOutboxItem(1, { payload: { kind: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', reasonCode: 'no_budget', note: '予算なし' } });
    expect(await source.deliver(item)).toBe('delivered');
    expect(await source.deliver(item)).toBe('delivered');
    await source.deliver(makeOutboxItem(2, { payload: { kind: 'handoff_action', handoffId: 'h/1', action: 'reject', reasonCode: 'bad_timing' } }));
    expect(fake.effects).toEqual([
      { key: 'key-1', path: '/v1/feedback', body: { email: 'a@b.example.com', verdict: 'not_a_fit', reasonCode: 'no_budget', note: '予算なし', at: '2026-11-16T00:00:00.000Z' } },
      { key: 'key-2', path: '/v1/handoffs/h%2F1/reject', body: { reasonCode: 'bad_timing', at: '2026-11-16T00:00:00.000Z' } },
    ]);
    expect(fake.stats.replays).toBe(1);
  });

  it('a write whose answer was lost lands once when sent again with its key', async () => {
    const { fake, source } = await setUp({ slowMs: 300 }, 100);
    const item = makeOutboxItem(1);
    fake.force('dropAfterEffect');
    expect(await failure(source.deliver(item))).toMatchObject({ kind: 'network', permanent: false });
    fake.force('slow');
    expect(await failure(source.deliver(item))).toMatchObject({ kind: 'network' });
    fake.force(null);
    expect(await source.deliver(item)).toBe('delivered');
    expect(fake.effects).toHaveLength(1);
    expect(fake.stats.replays).toBe(2);
  });

  it('marks a refused write (4xx) as permanent', async () => {
    const { fake, source } = await setUp();
    const item = makeOutboxItem(1, { payload: { kind: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', reasonCode: '' } });
    const error = await failure(source.deliver(item));
    expect(error).toMatchObject({ kind: 'rejected', permanent: true, message: 'The Lead Context API refused the request (422 invalid: Missing reasonCode.).' });
    expect(fake.effects).toEqual([]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 08:00:00 GMT'))).toBe(0);
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("the Lead Context API's policy, GET /v1/policy", () => {
  const agreement = { slaPolicy: { rules: [{ id: 'all', name: 'Every handoff: 3 business hours', match: {}, firstContactHours: 3 }], dueSoonMinutes: 90 } };

  it('answers the body as it came, with the token, for the background to cache and read field by field', async () => {
    const { fake, source } = await setUp({ policy: agreement });
    expect(await source.policy()).toEqual(agreement);
    expect(fake.received.map(({ method, path }) => [method, path])).toEqual([['GET', '/v1/policy']]);
    fake.setPolicy({ grading: 'strict' });
    // A bad field is the reader's to report (lib/domain/policy-schema.ts): the body still arrives.
    expect(await source.policy()).toEqual({ grading: 'strict' });
  });

  it('takes a 404 for "no policy", not an error', async () => {
    const { source } = await setUp();
    expect(await source.policy()).toBeNull();
  });

  it('refuses an answer that is not a JSON object, and says when the token is refused', async () => {
    const { fake, source } = await setUp({ policy: ['not', 'an', 'object'] });
    expect(await failure(source.policy())).toMatchObject({ kind: 'bad_response', message: expect.stringMatching(/^The Lead Context API's answer was not as documented: Answer to \/v1\/policy: /) });
    fake.force('unauthorized');
    expect(await failure(source.policy())).toMatchObject({ kind: 'auth' });
    fake.force('error500');
    expect(await failure(source.policy())).toMatchObject({ kind: 'unavailable' });
  });
});
