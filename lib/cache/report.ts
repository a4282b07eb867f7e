// The loop report for the marketing and sales meeting: did the rep meet the handoff SLA, how fast
// was first contact, and what did the rep say of marketing's leads, by campaign and by reason.
// Built from the local cache and the feedback log, so it works offline and shows at once.
import type { FeedbackEntry, LeadLensDb } from './db';
import type { Handoff, Lead, Verdict } from '../domain/model';
import type { FeedbackReason, SlaPolicy } from '../domain/settings-schema';
import { QUEUE_INDEX } from './queue-order';
import { slaStatus, type BusinessClock } from '../time/sla';
import { VERDICTS } from '../domain/vocabulary';
import { storedAccountOf, type AccountRef } from '../domain/account-name';
import { withoutStoredKeys, type StoredLead } from './crm-keys';
import { tallyAccounts, type AccountTally } from './report-accounts';

export type { AccountTally };

export interface ReportPeriod {
  from: number;
  to: number;
}

export interface HandoffRow {
  handoff: Handoff;
  lead: Lead | null;
  /** met / missed once answered; open while the deadline is ahead; missed once it passed unanswered. */
  outcome: 'met' | 'missed' | 'open';
  /** Working time from handoff to first contact; null until contacted. */
  businessMsToContact: number | null;
  campaign: string | null;
  /** The lead's account; null for free mail or a lead the cache does not hold. */
  account: AccountRef | null;
}

export interface VerdictRow {
  entry: FeedbackEntry;
  lead: Lead | null;
  verdict: Verdict;
  campaign: string | null;
  account: AccountRef | null;
}

export interface LoopReport {
  period: ReportPeriod;
  handoffs: HandoffRow[];
  met: number;
  missed: number;
  open: number;
  /** Median working time from handoff to first contact, over the contacted handoffs; null if none. */
  medianBusinessMsToContact: number | null;
  verdicts: VerdictRow[];
  /** Verdict counts per campaign, the busiest campaign first; null is "no campaign". */
  byCampaign: { campaign: string | null; counts: Record<Verdict, number> }[];
  /** Counts per reason code, the most given first. */
  byReason: { reasonCode: string; verdict: Verdict; count: number }[];
  /** Handoffs, SLA and verdicts per account, the busiest first (report-accounts.ts). */
  byAccount: AccountTally[];
  /** The accounts with a rejection, the most rejected first, at most 10 (report-accounts.ts says what counts). */
  mostRejected: AccountTally[];
}

export interface ReportDeps {
  repEmail: string;
  clock: BusinessClock;
  policy: SlaPolicy;
  reasons: FeedbackReason[];
  now: number;
}

/** Reads the period's handoffs (by when they were handed off) and verdicts (by when they were given). */
export async function loopReport(db: LeadLensDb, period: ReportPeriod, deps: ReportDeps): Promise<LoopReport> {
  const { handoffs, entries, leads, touches } = await readPeriod(db, period, deps.repEmail);
  const leadOf = new Map(leads.flatMap((lead) => (lead ? [[lead.email, withoutStoredKeys(lead)] as const] : [])));
  // Named from the key the cache stored: the options page loads no matching lists.
  const accountOf = new Map(leads.flatMap((lead) => (lead ? [[lead.email, storedAccountOf(lead) ?? null] as const] : [])));
  /** The campaign of the lead's latest touch before `at` that names one: what brought the lead in. */
  const campaignAt = (email: string, at: number) =>
    (touches.get(email) ?? []).filter((touch) => touch.campaign && touch.at <= at).at(-1)?.campaign ?? null;

  const rows = handoffs
    .sort((a, b) => a.handedOffAt - b.handedOffAt)
    .map((handoff): HandoffRow => {
      const state = slaStatus(handoff, deps.clock, deps.policy, deps.now).state;
      const outcome = state === 'met' ? 'met' : state === 'missed' || state === 'overdue' ? 'missed' : 'open';
      const contacted = handoff.status === 'contacted' && handoff.respondedAt !== undefined;
      return {
        handoff,
        lead: leadOf.get(handoff.email) ?? null,
        outcome,
        businessMsToContact: contacted ? deps.clock.between(handoff.handedOffAt, handoff.respondedAt!) : null,
        campaign: campaignAt(handoff.email, handoff.handedOffAt),
        account: accountOf.get(handoff.email) ?? null,
      };
    });

  const verdictOf = (entry: FeedbackEntry): Verdict =>
    entry.verdict ??
    deps.reasons.find((reason) => reason.code === entry.reasonCode)?.verdict ??
    (VERDICTS as readonly string[]).find((verdict) => verdict === entry.reasonCode) as Verdict | undefined ??
    'not_a_fit';
  const verdicts = entries
    .sort((a, b) => a.at - b.at)
    .map((entry): VerdictRow => ({
      entry,
      lead: leadOf.get(entry.email) ?? null,
      verdict: verdictOf(entry),
      campaign: campaignAt(entry.email, entry.at),
      account: accountOf.get(entry.email) ?? null,
    }));

  return {
    period,
    handoffs: rows,
    met: rows.filter((row) => row.outcome === 'met').length,
    missed: rows.filter((row) => row.outcome === 'missed').length,
    open: rows.filter((row) => row.outcome === 'open').length,
    medianBusinessMsToContact: median(rows.flatMap((row) => (row.businessMsToContact === null ? [] : [row.businessMsToContact]))),
    verdicts,
    ...tallyVerdicts(verdicts),
    ...tallyAccounts(rows, verdicts),
  };
}

/** The period's handoffs and feedback, with their leads and those leads' touches, in one read. */
function readPeriod(db: LeadLensDb, period: ReportPeriod, repEmail: string) {
  return db.transaction('r', [db.handoffs, db.feedback, db.leads, db.touches], async () => {
    // The rep's handoffs through the queue's index (which starts with the assignee), not every rep's.
    const handoffs = await db.handoffs
      .where(QUEUE_INDEX)
      .between([repEmail], [repEmail, []])
      .filter((handoff) => handoff.handedOffAt >= period.from && handoff.handedOffAt < period.to)
      .toArray();
    const entries = await db.feedback.where('at').between(period.from, period.to, true, false).toArray();
    const emails = [...new Set([...handoffs.map((handoff) => handoff.email), ...entries.map((entry) => entry.email)])];
    const leads: (StoredLead | undefined)[] = await db.leads.bulkGet(emails);
    const touches = await Promise.all(
      emails.map((email) => db.touches.where('[email+at]').between([email, 0], [email, period.to]).toArray()),
    );
    return { handoffs, entries, leads, touches: new Map(emails.map((email, index) => [email, touches[index]!])) };
  });
}

/** The verdicts counted by campaign (the busiest first) and by reason (the most given first). */
function tallyVerdicts(verdicts: VerdictRow[]): Pick<LoopReport, 'byCampaign' | 'byReason'> {
  const campaigns = new Map<string | null, Record<Verdict, number>>();
  const reasons = new Map<string, { reasonCode: string; verdict: Verdict; count: number }>();
  for (const { entry, verdict, campaign } of verdicts) {
    const counts = campaigns.get(campaign) ?? (Object.fromEntries(VERDICTS.map((name) => [name, 0])) as Record<Verdict, number>);
    counts[verdict]++;
    campaigns.set(campaign, counts);
    const reason = reasons.get(entry.reasonCode) ?? { reasonCode: entry.reasonCode, verdict, count: 0 };
    reason.count++;
    reasons.set(entry.reasonCode, reason);
  }
  const total = (counts: Record<Verdict, number>) => VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);
  return {
    byCampaign: [...campaigns]
      .map(([campaign, counts]) => ({ campaign, counts }))
      .sort((a, b) => total(b.counts) - total(a.counts) || String(a.campaign).localeCompare(String(b.campaign))),
    byReason: [...reasons.values()].sort((a, b) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode)),
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The report's rows as CSV (RFC 4180), one line per handoff and one per verdict, for a spreadsheet. */
export function reportCsv(report: LoopReport, reasonLabel: (code: string) => string): string {
  const header = ['record', 'email', 'name', 'company', 'campaign', 'handed_off_at', 'first_contact_due_at', 'responded_at', 'status', 'sla', 'business_hours_to_contact', 'verdict', 'reason', 'reason_code', 'given_at'];
  const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
  const lines = [header];
  for (const row of report.handoffs) {
    const { handoff, lead } = row;
    lines.push([
      'handoff', handoff.email, lead?.name ?? '', lead?.company ?? '', row.campaign ?? '', iso(handoff.handedOffAt), iso(handoff.firstContactDueAt),
      iso(handoff.respondedAt), handoff.status, row.outcome,
      row.businessMsToContact === null ? '' : (row.businessMsToContact / 3_600_000).toFixed(2), '', '', '', '',
    ]);
  }
  for (const { entry, lead, verdict, campaign } of report.verdicts) {
    lines.push(['verdict', entry.email, lead?.name ?? '', lead?.company ?? '', campaign ?? '', '', '', '', '', '', '', verdict, reasonLabel(entry.reasonCode), entry.reasonCode, iso(entry.at)]);
  }
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Quoted when it must be; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
