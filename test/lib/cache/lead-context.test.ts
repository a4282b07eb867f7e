import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { leadContexts } from '../../../lib/cache/lead-context';
import { LeadLensDb } from '../../../lib/cache/db';
import { createBusinessClock } from '../../../lib/time/sla';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../lib/domain/default-settings';
import { makeHandoff, makeLead, makeTouch } from '../../fixtures/factories';

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`context-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const options = { now: Date.UTC(2026, 10, 16, 1), clock: createBusinessClock(DEFAULT_CALENDAR), policy: DEFAULT_SLA_POLICY };

describe('leadContexts', () => {
  it('answers in the order asked, with each lead’s latest touches, its full touch count and its current handoff', async () => {
    await db.leads.bulkPut([makeLead(1), makeLead(2)]);
    await db.touches.bulkPut(Array.from({ length: 7 }, (_, n) => makeTouch(n, 'lead1@acme.example.com')));
    await db.handoffs.bulkPut([
      makeHandoff(10, { email: 'lead1@acme.example.com', status: 'contacted', handedOffAt: 5, respondedAt: 6 }),
      makeHandoff(11, { email: 'lead1@acme.example.com', status: 'pending', firstContactDueAt: options.now + 3_600_000 }),
      makeHandoff(12, { email: 'lead1@acme.example.com', status: 'accepted', firstContactDueAt: options.now + 60_000 }),
    ]);
    const [unknown, first, second] = await leadContexts(
      db,
      ['nobody@acme.example.com', 'lead1@acme.example.com', 'lead2@acme.example.com'],
      { ...options, touchLimit: 5 },
    );
    expect(unknown).toEqual({
      email: 'nobody@acme.example.com',
      lead: null,
      touches: [],
      touchCount: 0,
      touchesIncluded: true,
      handoff: null,
      sla: null,
    });
    expect(first!.touches.map((touch) => touch.id)).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(first!.touchCount).toBe(7);
    expect(first!.touchesIncluded).toBe(true);
    expect(first!.handoff!.id).toBe('h12');
    expect(first!.sla!.state).toBe('due_soon');
    expect(second).toMatchObject({ email: 'lead2@acme.example.com', touches: [], touchCount: 0, handoff: null, sla: null });
  });

  it('reads no timeline when none is asked for', async () => {
    await db.leads.put(makeLead(1));
    await db.touches.put(makeTouch(1, 'lead1@acme.example.com'));
    const [context] = await leadContexts(db, ['lead1@acme.example.com'], { ...options, touchLimit: 0 });
    expect(context).toMatchObject({ touches: [], touchCount: 0, touchesIncluded: false, lead: makeLead(1) });
  });

  it('hands the lead over without the keys the cache derives from its CRM records', async () => {
    const lead = makeLead(1, { crmRecords: [{ crm: 'hubspot', objectType: 'contact', id: '51' }] });
    await db.leads.put(lead);
    const [context] = await leadContexts(db, [lead.email], { ...options, touchLimit: 0 });
    expect(context!.lead).toEqual(lead);
  });
});

describe('why the fit is what it is', () => {
  it('names each firmographic factor, counted or not, with the points and the thresholds in force', async () => {
    const midMarket = makeLead(1, { companySize: 250, industry: 'Retail', title: 'Sales rep', fit: 'C', readiness: 2, grade: 'C2' });
    const executive = makeLead(2, { companySize: 5000, industry: '製造業', title: '代表取締役社長' });
    const unknown = makeLead(3, { title: '' });
    await db.leads.bulkPut([midMarket, executive, unknown]);
    const grading = { fit: [80, 50, 30] as [number, number, number], readiness: [80, 60, 40] as [number, number, number], targetIndustries: ['製造業'] };
    const [mid, exec, none] = await leadContexts(db, [midMarket.email, executive.email, unknown.email], { ...options, grading });
    expect(mid!.fit).toEqual({
      points: 30,
      letter: 'C',
      factors: [
        { kind: 'size', minEmployees: 200, points: 30 },
        { kind: 'industry_none', industry: 'Retail' },
        { kind: 'role_none' },
      ],
      thresholds: { fit: [80, 50, 30], readiness: [80, 60, 40] },
    });
    expect(exec!.fit!.factors).toEqual([
      { kind: 'size', minEmployees: 1000, points: 40 },
      { kind: 'industry', industry: '製造業', points: 25 },
      { kind: 'role', role: 'executive', points: 35 },
    ]);
    expect(exec!.fit).toMatchObject({ points: 100, letter: 'A' });
    expect(none!.fit!.factors).toEqual([{ kind: 'size_none' }, { kind: 'industry_none' }, { kind: 'role_none' }]);
    expect(none!.fit!.letter).toBe('D');
  });
});

describe('the verdict already given', () => {
  it('is the latest verdict for the address, with its reason and time; a rejection without a verdict is not one', async () => {
    await db.leads.bulkPut([makeLead(1), makeLead(2)]);
    await db.feedback.bulkPut([
      { id: 'f1', email: 'lead1@acme.example.com', verdict: 'good_lead', reasonCode: 'good_lead', at: 100 },
      { id: 'f2', email: 'lead1@acme.example.com', verdict: 'not_a_fit', reasonCode: 'too_small', at: 300 },
      { id: 'f3', email: 'lead1@acme.example.com', reasonCode: 'no_budget', at: 400, handoffId: 'h1' },
      { id: 'f4', email: 'lead2@acme.example.com', verdict: 'bad_timing', reasonCode: 'bad_timing', at: 200 },
    ]);
    const [first, second, nobody] = await leadContexts(db, ['lead1@acme.example.com', 'lead2@acme.example.com', 'nobody@acme.example.com'], options);
    expect(first!.latestVerdict).toEqual({ id: 'f2', verdict: 'not_a_fit', reasonCode: 'too_small', at: 300 });
    expect(second!.latestVerdict).toEqual({ id: 'f4', verdict: 'bad_timing', reasonCode: 'bad_timing', at: 200 });
    expect(nobody).not.toHaveProperty('latestVerdict');
  });

  it('is not read for an answer without timelines, which is not for a card, nor is the fit explained to it', async () => {
    await db.leads.put(makeLead(1));
    await db.feedback.put({ id: 'f1', email: 'lead1@acme.example.com', verdict: 'good_lead', reasonCode: 'good_lead', at: 100 });
    const [bare] = await leadContexts(db, ['lead1@acme.example.com'], { ...options, touchLimit: 0 });
    expect(bare).not.toHaveProperty('latestVerdict');
    expect(bare).not.toHaveProperty('fit');
    const [card] = await leadContexts(db, ['lead1@acme.example.com'], options);
    expect(card!.latestVerdict).toMatchObject({ id: 'f1' });
    expect(card!.fit).toMatchObject({ letter: expect.any(String) });
  });
});
