// The loop report by account: handoffs, SLA and verdicts per company, and the companies whose
// leads the rep turned away most, read from a real cache with the rep's clicks recorded as the
// background records them.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadLensDb } from '../../../lib/cache/db';
import { recordAction } from '../../../lib/background/outbox';
import { loopReport } from '../../../lib/cache/report';
import { MOST_REJECTED, tallyAccounts } from '../../../lib/cache/report-accounts';
import { accountKeyOf } from '../../../lib/domain/account';
import { DEFAULT_SETTINGS } from '../../../lib/domain/default-settings';
import { createBusinessClock } from '../../../lib/time/sla';
import { makeHandoff, makeLead } from '../../fixtures/factories';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 16, 0, 0); // Mon 09:00 in Tokyo
const NOW = T0 + 3 * 24 * HOUR;
const REP = 'rep@acme.example.com';
const deps = { repEmail: REP, clock: createBusinessClock(DEFAULT_SETTINGS.calendar), policy: DEFAULT_SETTINGS.slaPolicy, reasons: DEFAULT_SETTINGS.feedbackReasons, now: NOW };
const period = { from: T0 - 24 * HOUR, to: NOW };
const SAKURA = { key: 'domain:sakura-seiki.co.jp', name: '株式会社サクラ精機' };
const NORTHWIND = { key: 'id:0015g00000Nw', name: 'Northwind Robotics' };
let db: LeadLensDb;
let ids = 0;
const newId = () => `id-${++ids}`;

beforeEach(async () => {
  db = new LeadLensDb(`report-${Math.random()}`, { accountKeyOf });
  await db.leads.bulkPut([
    makeLead(1, { email: 'ito@sakura-seiki.co.jp', company: '株式会社サクラ精機' }),
    makeLead(2, { email: 'mori@sakura-seiki.co.jp', company: '株式会社サクラ精機' }),
    makeLead(3, { email: 'kato@sakura-seiki.co.jp', company: '株式会社サクラ精機' }),
    makeLead(4, { email: 'ann@northwind.com', company: 'Northwind', accountId: '0015g00000Nw', accountName: 'Northwind Robotics' }),
    makeLead(5, { email: 'hanako@gmail.com', company: '株式会社サクラ精機' }),
  ]);
  await db.handoffs.bulkPut([
    makeHandoff(1, { email: 'ito@sakura-seiki.co.jp', firstContactDueAt: T0 + 4 * HOUR }), // contacted in time: met
    makeHandoff(2, { email: 'mori@sakura-seiki.co.jp', firstContactDueAt: T0 + 4 * HOUR }), // rejected in time
    makeHandoff(3, { email: 'kato@sakura-seiki.co.jp', firstContactDueAt: T0 + 8 * HOUR }), // never answered: missed
    makeHandoff(4, { email: 'ann@northwind.com', firstContactDueAt: T0 + 8 * HOUR }), // rejected: left the company
    makeHandoff(5, { email: 'hanako@gmail.com', firstContactDueAt: T0 + 8 * HOUR }), // free mail: no account
  ]);
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'contacted' }, { now: T0 + HOUR, newId });
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h2', action: 'reject', reasonCode: 'too_small' }, { now: T0 + 2 * HOUR, newId });
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h4', action: 'reject', reasonCode: 'left_company' }, { now: T0 + 2 * HOUR, newId });
  await recordAction(db, { kind: 'handoff_action', handoffId: 'h5', action: 'reject', reasonCode: 'no_budget' }, { now: T0 + 2 * HOUR, newId });
  // On the card: ito is not a fit after all; kato's timing is bad (which says nothing against the company).
  await recordAction(db, { kind: 'feedback', email: 'ito@sakura-seiki.co.jp', verdict: 'not_a_fit', reasonCode: 'wrong_industry' }, { now: T0 + 3 * HOUR, newId });
  await recordAction(db, { kind: 'feedback', email: 'kato@sakura-seiki.co.jp', verdict: 'bad_timing', reasonCode: 'not_now' }, { now: T0 + 3 * HOUR, newId });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the loop report by account', () => {
  it('counts handoffs, SLA and verdicts per account, leaving free mail out', async () => {
    const report = await loopReport(db, period, deps);
    expect(report.byAccount).toEqual([
      { ...SAKURA, handoffs: 3, metSla: 2, missedSla: 1, verdicts: { good_lead: 0, not_a_fit: 2, bad_timing: 1, wrong_contact: 0 }, rejected: 2 },
      { ...NORTHWIND, handoffs: 1, metSla: 1, missedSla: 0, verdicts: { good_lead: 0, not_a_fit: 0, bad_timing: 0, wrong_contact: 1 }, rejected: 1 },
    ]);
    // Each row names its account too; the free-mail lead's has none (positive control: it is in the report).
    expect(report.handoffs.map((row) => [row.handoff.id, row.account?.key ?? null]).sort()).toEqual([
      ['h1', SAKURA.key], ['h2', SAKURA.key], ['h3', SAKURA.key], ['h4', NORTHWIND.key], ['h5', null],
    ]);
    expect(report.handoffs.find((row) => row.handoff.id === 'h1')!.lead).not.toHaveProperty('accountKey');
  });

  it('ranks accounts by rejections: rejected handoffs (each once) plus "not a fit" verdicts', async () => {
    const report = await loopReport(db, period, deps);
    expect(report.mostRejected.map((tally) => [tally.name, tally.rejected])).toEqual([
      [SAKURA.name, 2], // mori's rejected handoff (its row and its log entry: once) and ito's "not a fit"
      [NORTHWIND.name, 1],
    ]);
  });
});

describe('tallyAccounts', () => {
  const account = (n: number) => ({ key: `domain:c${n}.co.jp`, name: `Company ${String(n).padStart(2, '0')}` });
  const rejectedHandoff = (n: number, id: string) => ({ account: account(n), outcome: 'met' as const, handoff: { id, status: 'rejected' } });

  it(`keeps at most ${MOST_REJECTED} accounts in mostRejected, only those with a rejection, the most rejected first`, () => {
    const handoffs = [
      ...Array.from({ length: 12 }, (_, n) => rejectedHandoff(n, `h${n}`)),
      rejectedHandoff(7, 'h7b'),
      rejectedHandoff(7, 'h7c'),
      { account: account(99), outcome: 'open' as const, handoff: { id: 'open', status: 'pending' } },
    ];
    const { byAccount, mostRejected } = tallyAccounts(handoffs, []);
    expect(byAccount).toHaveLength(13);
    expect(mostRejected).toHaveLength(MOST_REJECTED);
    expect(mostRejected[0]).toMatchObject({ name: 'Company 07', rejected: 3 });
    expect(mostRejected.map((tally) => tally.name)).not.toContain('Company 99');
  });
});
