import { describe, expect, it } from 'vitest';
import { MARKETO_TIMEOUTS } from '../../../../lib/sources/marketo/source';
import type { ChangesPage } from '../../../../lib/sources/source';
import { LEADLENS_FIELDS, STANDARD_FIELDS } from '../../../fakes/marketo-api';
import { makeOutboxItem } from '../../../fixtures/factories';
import { failure } from '../../../fakes/source-failure';
import { activity, marketo, REP, T0, wireLead } from './helpers';
import { NO_WAITS } from '../../../../lib/sources/rate-waits';

const withoutMqlDate = [...STANDARD_FIELDS, ...LEADLENS_FIELDS.filter((field) => field.name !== 'mqlDate')];

describe('Marketo: a field the instance does not have', () => {
  it('is refused by the fake as Marketo does, 1006 with the field named', async () => {
    const { fake, source } = await marketo({ fields: withoutMqlDate });
    await source.lookup(['x@acme.example.com']).catch(() => undefined); // gets a token
    const token = 'token-1:ab';
    const response = await fetch(`${fake.baseUrl}/rest/v1/leads.json?filterType=email&filterValues=a@b.example.com&fields=email,mqlDate`, { headers: { authorization: `Bearer ${token}` } });
    expect(await response.json()).toMatchObject({ success: false, errors: [{ code: '1006', message: "Field 'mqlDate' not found" }] });
  });

  it('fails the sync with the field named and what to do about it', async () => {
    const { source } = await marketo({ fields: withoutMqlDate, leads: [wireLead(1)], activities: [activity(1, 1, 5)] });
    const error = await failure(source.changes(null, 10));
    expect(error).toMatchObject({ kind: 'rejected' });
    expect(error.message).toMatch(/^Marketo has no lead field mqlDate \(1006 Field 'mqlDate' not found\)\. Create it, or name the field you use in LeadLens options \(Field names\); Test connection lists every field LeadLens needs\.$/);
  });
});

describe('Marketo: 603 names the permission the call needs', () => {
  it.each([
    ['reading activities', ['Read-Only Lead', 'Read-Write Lead'], 'Read-Only Activity'],
    ['updating the lead', ['Read-Only Lead', 'Read-Only Activity'], 'Read-Write Lead'],
  ] as const)('%s', async (what, permissions, named) => {
    const { source } = await marketo({ permissions: [...permissions], leads: [wireLead(1)], activities: [activity(1, 1, 5)] });
    const attempt = what === 'reading activities' ? source.changes(null, 10) : source.deliver(makeOutboxItem(1, { payload: { kind: 'feedback', email: 'lead1@acme.example.com', verdict: 'good_lead', reasonCode: 'ok' } }));
    const error = await failure(attempt);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(error.message).toMatch(new RegExp(`the API user's role needs the ${named} permission`));
  });

  it('recording the custom activity', async () => {
    const { source } = await marketo({ permissions: ['Read-Write Lead', 'Read-Only Activity'], leads: [wireLead(1)] }, { activityTypeId: 100_001 });
    const error = await failure(source.deliver(makeOutboxItem(1, { payload: { kind: 'feedback', email: 'lead1@acme.example.com', verdict: 'good_lead', reasonCode: 'ok' } })));
    expect(error.message).toMatch(/the API user's role needs the Read-Write Activity permission/);
  });
});

describe('Marketo: a paging token it no longer honours', () => {
  // Adobe documents no answer for a stale token: whatever Marketo refuses it with, the sync starts again by date.
  it.each([
    // The documented messages of the codes it might use: none of them says "token".
    ['1003', 'Invalid data'],
    ['1001', "Invalid value 'GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBQ'. Required of type 'String'"],
    ['611', 'System error'],
  ] as const)('restarts from the last activity date when refused with %s', async (code, message) => {
    const leads = [wireLead(1), wireLead(2)];
    const { fake, source } = await marketo({ leads, activities: [activity(1, 1, 30), activity(2, 10, 20), activity(1, 11, 10)], stalePagingToken: [code, message] }, { fields: { ownerEmail: 'leadOwnerEmailAddress' } });
    let page = await source.changes(null, 1);
    while (page.touches.length === 0) page = await source.changes(page.nextCursor, 1);
    fake.expirePagingTokens();
    const next = await source.changes(page.nextCursor, 300);
    expect(next.touches.map((touch) => touch.id)).toEqual(['marketo:1000', 'marketo:1001', 'marketo:1002']);
  });

  it('gives up when the token made from the date is refused too', async () => {
    const { fake, source } = await marketo({ leads: [wireLead(1)], activities: [activity(1, 1, 30), activity(1, 1, 20)] });
    let page = await source.changes(null, 1);
    while (page.touches.length === 0) page = await source.changes(page.nextCursor, 1);
    fake.force('systemError611', '/rest/v1/activities.json');
    expect(await failure(source.changes(page.nextCursor, 300))).toMatchObject({ kind: 'unavailable' });
  });
});

describe('Marketo: the time-out Adobe documents for each call', () => {
  it('has the documented defaults', () => {
    expect(MARKETO_TIMEOUTS).toEqual({ identity: 30_000, pagingToken: 300_000, activities: 30_000, activityTypes: 30_000, customActivities: 90_000, leadsByFilter: 60_000, syncLeads: 90_000, describe: 30_000 });
  });

  it('gives the paging token its own, longer time-out', async () => {
    const { fake, newSource } = await marketo({ leads: [wireLead(1)], activities: [activity(1, 1, 5)], slowMs: 300 });
    const source = newSource({ timeoutMs: undefined, timeouts: { pagingToken: 1000, activities: 100, leadsByFilter: 1000 } });
    fake.force('slow', '/rest/v1/activities/pagingtoken.json');
    let page: ChangesPage = await source.changes(null, 10);
    while (page.touches.length === 0 && page.hasMore) page = await source.changes(page.nextCursor, 10);
    expect(page.touches).toHaveLength(1);
    fake.force('slow', '/rest/v1/activities.json');
    expect(await failure(newSource({ timeoutMs: undefined, timeouts: { activities: 100 } }).changes(page.nextCursor, 10))).toMatchObject({ kind: 'network', message: expect.stringMatching(/did not answer within 0\.1 s/) });
  });
});

describe('Marketo: what a rep’s browser syncs', () => {
  const leads = [wireLead(1, { leadOwnerEmailAddress: REP, mqlDate: '2026-11-16T00:00:00Z' }), wireLead(2, { leadOwnerEmailAddress: 'other@acme.example.com' }), wireLead(3, { leadOwnerEmailAddress: REP })];
  const activities = [activity(2, 1, 50), activity(3, 10, 40)];

  it('reads the rep’s own leads first, by the owner field, and their handoffs with them', async () => {
    const { source } = await marketo({ leads, activities });
    const first = await source.changes(null, 10);
    expect(first.leads.map((lead) => lead.email)).toEqual(['lead1@acme.example.com', 'lead3@acme.example.com']);
    expect(first.handoffs).toMatchObject([{ email: 'lead1@acme.example.com', assigneeEmail: REP }]);
    expect(first.hasMore).toBe(true);
    const next = await source.changes(first.nextCursor, 10);
    expect(next.touches.map((touch) => touch.email)).toEqual(['lead2@acme.example.com', 'lead3@acme.example.com']);
  });

  it('goes straight to the activities when Marketo cannot search the owner field', async () => {
    const fields = [...STANDARD_FIELDS, ...LEADLENS_FIELDS.map((field) => (field.name === 'leadOwnerEmailAddress' ? { ...field, searchable: false } : field))];
    const { source } = await marketo({ leads, activities, fields });
    const first = await source.changes(null, 10);
    expect(first.touches.map((touch) => touch.email)).toEqual(['lead2@acme.example.com', 'lead3@acme.example.com']);
  });

  it('reads only the activities when the source is set to (the bench’s baseline)', async () => {
    const { source } = await marketo({ leads, activities }, { scope: 'portal' });
    expect((await source.changes(null, 10)).touches.map((touch) => touch.email)).toEqual(['lead2@acme.example.com', 'lead3@acme.example.com']);
  });

  it('reads activities as far back as the window in the settings', async () => {
    const { source } = await marketo({ leads, activities: [...activities, activity(2, 1, 10 * 24 * 60)] }, { lookbackDays: 7 });
    let page = await source.changes(null, 10);
    page = await source.changes(page.nextCursor, 10);
    expect(page.touches).toHaveLength(2);
  });
});

describe('Marketo: rate limits inside a sync run', () => {
  async function onOneClock(limits: { callsPer20s?: number; dailyQuota?: number }, advances = true) {
    const time = { now: T0 };
    const slept: number[] = [];
    const pauses = { sleep: async (ms: number) => void (slept.push(ms), advances && (time.now += ms)), random: () => 0 };
    const clock = { now: () => time.now, serve: async () => undefined };
    const many = Array.from({ length: 20 }, (_, n) => wireLead(n + 1));
    const log = many.map((lead, n) => activity(lead.id, 1, 100 - n));
    const { fake, newSource } = await marketo({ leads: many, activities: log, limits, clock });
    return { fake, slept, source: newSource({ pauses, now: () => time.now }) };
  }

  it('waits out the 20-second window on 606 and finishes the run', async () => {
    const { fake, source, slept } = await onOneClock({ callsPer20s: 3 });
    let page = await source.changes(null, 2);
    while (page.hasMore) page = await source.changes(page.nextCursor, 2);
    expect(fake.stats.byCode['606']).toBeGreaterThan(0);
    expect(slept.length).toBe(fake.stats.byCode['606']);
    expect(slept.every((ms) => ms === 20_000)).toBe(true);
  });

  it('ends the run at the first 606 when the source is set not to wait', async () => {
    const slept: number[] = [];
    const { newSource } = await marketo({ leads: [wireLead(1)], activities: [activity(1, 1, 5)], limits: { callsPer20s: 1 }, clock: { now: () => T0, serve: async () => undefined } });
    const source = newSource({ waits: NO_WAITS, pauses: { sleep: async (ms: number) => void slept.push(ms), random: () => 0 } });
    expect(await failure(source.changes(null, 2))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 20_000 });
    expect(slept).toEqual([]);
  });

  it('does not wait out a spent daily quota', async () => {
    const { source, slept } = await onOneClock({ dailyQuota: 1 });
    expect(await failure(source.changes(null, 2))).toMatchObject({ kind: 'rate_limited', message: expect.stringMatching(/607/) });
    expect(slept).toEqual([]);
  });
});
