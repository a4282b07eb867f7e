import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSource, parseRetryAfter } from '../../../lib/sources/http';
import type { SourceError } from '../../../lib/sources/source';
import { startFakeLeadContextApi, type FakeOptions } from '../../fakes/lead-context-api';
import { wireHandoff, wireLead, wireTouch } from '../../fakes/wire';
import { makeHandoff, makeLead, makeOutboxItem, makeTouch } from '../../fixtures/factories';

let fake: Awaited<ReturnType<typeof startFakeLeadContextApi>>;
afterEach(async () => {
  await fake?.close();
});

async function setUp(options: FakeOptions = {}, timeoutMs = 2000) {
  fake = await startFakeLeadContextApi(options);
  return createHttpSource({ baseUrl: `${fake.baseUrl}/`, token: fake.token, timeoutMs });
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as SourceError;
  }
  throw new Error('expected a failure');
};

describe('the Lead Context API source', () => {
  it('pages through changes, turning ISO times into instants', async () => {
    const leads = Array.from({ length: 25 }, (_, n) => makeLead(n));
    const source = await setUp({
      records: {
        leads: leads.map(wireLead),
        touches: [wireTouch(makeTouch(1, leads[0]!.email))],
        handoffs: [wireHandoff(makeHandoff(1))],
        deleted: ['Gone@Acme.example.com'],
      },
    });
    const first = await source.changes(null, 10);
    expect(first.leads).toEqual(leads.slice(0, 10));
    expect(first).toMatchObject({ hasMore: true, nextCursor: 'c10', rejected: [] });
    const second = await source.changes(first.nextCursor, 10);
    const third = await source.changes(second.nextCursor, 10);
    expect(third.leads).toEqual(leads.slice(20));
    expect(third.touches).toEqual([makeTouch(1, leads[0]!.email)]);
    expect(third.handoffs).toEqual([makeHandoff(1)]);
    expect(third.deleted).toEqual(['gone@acme.example.com']);
    expect(third.hasMore).toBe(false);
  });

  it('quarantines a bad record with its reason and keeps the rest of the page', async () => {
    const source = await setUp({
      records: {
        leads: [wireLead(makeLead(1)), { ...wireLead(makeLead(2)), score: 900 }, { email: 'not-an-email' }, wireLead(makeLead(3))],
        touches: [{ ...wireTouch(makeTouch(1, 'lead1@acme.example.com')), at: 'yesterday' }],
      },
    });
    const page = await source.changes(null, 100);
    expect(page.leads.map((lead) => lead.email)).toEqual(['lead1@acme.example.com', 'lead3@acme.example.com']);
    expect(page.rejected.map(({ kind, reason }) => [kind, reason])).toEqual([
      ['lead', expect.stringMatching(/^lead: score: /)],
      ['lead', expect.stringMatching(/email: /)],
      ['touch', expect.stringMatching(/^touch: at: /)],
    ]);
    expect(page.rejected[0]!.raw).toMatchObject({ score: 900 });
  });

  it('looks leads up by email, 100 at most', async () => {
    const source = await setUp({ records: { leads: [wireLead(makeLead(1)), wireLead(makeLead(2))] } });
    const { leads } = await source.lookup(['lead2@acme.example.com', 'nobody@acme.example.com']);
    expect(leads).toEqual([makeLead(2)]);
    await expect(source.lookup(Array(101).fill('a@b.example.com'))).rejects.toThrow(/At most 100/);
  });

  it('says clearly when the token is wrong', async () => {
    fake = await startFakeLeadContextApi();
    const source = createHttpSource({ baseUrl: fake.baseUrl, token: 'wrong' });
    const error = await failure(source.changes(null, 10));
    expect(error).toMatchObject({ name: 'SourceError', kind: 'auth' });
    expect(error.message).toBe('The Lead Context API refused the API token (401): Invalid API token (unauthorized). Check the token in LeadLens options.');
  });

  it.each([
    ['rateLimited429' as const, 'rate_limited', /slow down \(429\)/],
    ['unavailable503' as const, 'unavailable', /unavailable \(503\)/],
  ])('reads %s with its Retry-After', async (fault, kind, message) => {
    const source = await setUp({ retryAfterSeconds: 7 });
    fake.force(fault);
    const error = await failure(source.changes(null, 10));
    expect(error).toMatchObject({ kind, retryAfterMs: 7000 });
    expect(error.message).toMatch(message);
  });

  it('tells a 500, a time-out, a dropped connection and a non-JSON answer apart', async () => {
    const source = await setUp({ slowMs: 400 }, 150);
    fake.force('error500');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'unavailable' });
    fake.force('slow');
    expect((await failure(source.changes(null, 10))).message).toMatch(/did not answer within 0.15 s/);
    fake.force('drop');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'network' });
    fake.force('notJson');
    expect(await failure(source.changes(null, 10))).toMatchObject({ kind: 'bad_response' });
  });

  it('refuses an answer that is not the documented shape', async () => {
    const source = createHttpSource({
      baseUrl: 'http://127.0.0.1:1',
      token: 't',
      fetch: async () => new Response(JSON.stringify({ items: [] }), { status: 200 }),
    });
    const error = await failure(source.changes(null, 10));
    expect(error.kind).toBe('bad_response');
    expect(error.message).toMatch(/not as documented: .*nextCursor/);
  });

  it('delivers a write once per idempotency key: 201, then 200 for the same key', async () => {
    const source = await setUp();
    const item = makeOutboxItem(1, { payload: { kind: 'feedback', email: 'a@b.example.com', verdict: 'not_a_fit', reasonCode: 'not_a_fit', note: '予算なし' } });
    await source.deliver(item);
    await source.deliver(item);
    await source.deliver(makeOutboxItem(2, { payload: { kind: 'handoff_action', handoffId: 'h/1', action: 'reject', reasonCode: 'bad_timing' } }));
    expect(fake.effects).toEqual([
      { key: 'key-1', path: '/v1/feedback', body: { email: 'a@b.example.com', verdict: 'not_a_fit', reasonCode: 'not_a_fit', note: '予算なし', at: expect.any(String) } },
      { key: 'key-2', path: '/v1/handoffs/h%2F1/reject', body: { reasonCode: 'bad_timing', at: expect.any(String) } },
    ]);
    expect(fake.stats.repeats).toBe(1);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
