import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadLensDb } from '../../../lib/cache/db';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { recordAction } from '../../../lib/background/outbox';
import { loopReport, median, reportCsv } from '../../../lib/cache/report';
import { createBusinessClock } from '../../../lib/time/sla';
import { makeHandoff, makeLead, makeTouch } from '../../fixtures/factories';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 16, 0, 0); // Mon 09:00 in Tokyo
const NOW = T0 + 3 * 24 * HOUR; // Thursday 09:00
const REP = 'rep@acme.example.com';
const clock = createBusinessClock(DEFAULT_SETTINGS.calendar);
const deps = { repEmail: REP, clock, policy: DEFAULT_SETTINGS.slaPolicy, reasons: DEFAULT_SETTINGS.feedbackReasons, now: NOW };
const period = { from: T0 - 24 * HOUR, to: NOW };
let db: LeadLensDb;
let ids = 0;
const newId = () => `id-${++ids}`;

beforeEach(async () => {
  db = new LeadLensDb(`report-${Math.random()}`);
  const leads = [1, 2, 3, 4, 5].map((n) => makeLead(n));
  await db.leads.bulkPut(leads);
  await db.touches.bulkPut([
    makeTouch(1, leads[0]!.email, { campaign: 'Webinar: AI in sales', at: T0 - HOUR }),
    makeTouch(2, leads[1]!.email, { campaign: 'Trade show Tokyo', at: T0 - HOUR }),
    makeTouch(3, leads[2]!.email, { campaign: undefined, at: T0 - HOUR }),
  ]);
  await db.handoffs.bulkPut([
    // Contacted after 2 business hours: met (due after 4).
    makeHandoff(1, { firstContactDueAt: T0 + 4 * HOUR }),
    // Contacted the next morning, past its deadline: missed.
    makeHandoff(2, { firstContactDueAt: T0 + 4 * HOUR }),
    // Never answered, deadline passed: missed.
    makeHandoff(3, { firstContactDueAt: T0 + 8 * HOUR }),
    // Deadline ahead: open.
    makeHandoff(4, { handedOffAt: NOW - HOUR, firstContactDueAt: NOW + 8 * HOUR }),
    // Someone else's, and one from before the period: neither counts.
    makeHandoff(5, { assigneeEmail: 'other@acme.example.com' }),
    makeHandoff(6, { handedOffAt: T0 - 10 * 24 * HOUR, firstContactDueAt: T0 - 9 * 24 * HOUR }),
  ]);
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'contacted' }, { now: T0 + 2 * HOUR, newId });
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h2', action: 'contacted' }, { now: T0 + 24 * HOUR, newId });
  await recordAction(db, { kind: 'feedback', email: leads[0]!.email, verdict: 'good_lead', reasonCode: 'good_lead' }, { now: T0 + 3 * HOUR, newId });
  await recordAction(db, { kind: 'feedback', email: leads[1]!.email, verdict: 'not_a_fit', reasonCode: 'too_small' }, { now: T0 + 25 * HOUR, newId });
  await recordAction(db, { kind: 'feedback', email: leads[2]!.email, verdict: 'not_a_fit', reasonCode: 'too_small', note: 'ten people' }, { now: T0 + 26 * HOUR, newId });
  // A rejection from the queue counts as the verdict its reason belongs to.
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h4', action: 'reject', reasonCode: 'left_company' }, { now: NOW - 1, newId });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the loop report', () => {
  it('counts the SLA met and missed, and the median business time to first contact', async () => {
    const report = await loopReport(db, period, deps);
    expect(report.handoffs.map((row) => [row.handoff.id, row.outcome])).toEqual([
      ['h1', 'met'],
      ['h2', 'missed'],
      ['h3', 'missed'],
      ['h4', 'met'], // rejected within its deadline: the clock stopped in time
    ]);
    expect([report.met, report.missed, report.open]).toEqual([2, 2, 0]);
    // h1: 2 business hours; h2: Monday 09:00 to Tuesday 09:00 is 9 business hours.
    expect(report.handoffs.map((row) => row.businessMsToContact)).toEqual([2 * HOUR, 9 * HOUR, null, null]);
    expect(report.medianBusinessMsToContact).toBe(5.5 * HOUR);
  });

  it('groups verdicts by the campaign that brought the lead, and by reason', async () => {
    const report = await loopReport(db, period, deps);
    expect(report.byCampaign).toEqual([
      { campaign: null, counts: { good_lead: 0, not_a_fit: 1, bad_timing: 0, wrong_contact: 1 } },
      { campaign: 'Trade show Tokyo', counts: { good_lead: 0, not_a_fit: 1, bad_timing: 0, wrong_contact: 0 } },
      { campaign: 'Webinar: AI in sales', counts: { good_lead: 1, not_a_fit: 0, bad_timing: 0, wrong_contact: 0 } },
    ]);
    expect(report.byReason).toEqual([
      { reasonCode: 'too_small', verdict: 'not_a_fit', count: 2 },
      { reasonCode: 'good_lead', verdict: 'good_lead', count: 1 },
      { reasonCode: 'left_company', verdict: 'wrong_contact', count: 1 },
    ]);
  });

  it('exports every row as CSV a spreadsheet opens safely', async () => {
    await db.leads.update('lead1@acme.example.com', { name: '=HYPERLINK("http://evil")', company: 'Acme, Inc.' });
    const csv = reportCsv(await loopReport(db, period, deps), (code) => `label:${code}`);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 4);
    expect(lines[0]).toBe('record,email,name,company,campaign,handed_off_at,first_contact_due_at,responded_at,status,sla,business_hours_to_contact,verdict,reason,reason_code,given_at');
    expect(lines[1]).toBe(
      `handoff,lead1@acme.example.com,"'=HYPERLINK(""http://evil"")","Acme, Inc.",Webinar: AI in sales,2026-11-16T00:00:00.000Z,2026-11-16T04:00:00.000Z,2026-11-16T02:00:00.000Z,contacted,met,2.00,,,,`,
    );
    expect(lines.at(-1)).toBe(`verdict,lead4@acme.example.com,Lead 4,Acme,,,,,,,,wrong_contact,label:left_company,left_company,${new Date(NOW - 1).toISOString()}`);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
