// The loop report by account: which companies marketing handed over, how the rep kept the SLA for
// them and what the rep said of their people, and the accounts whose leads sales turns away most,
// so that marketing sees which target accounts sales does not want.
import type { AccountRef } from '../domain/account-name';
import type { Verdict } from '../domain/model';
import { VERDICTS } from '../domain/vocabulary';
import type { FeedbackEntry } from './db';

export interface AccountTally {
  key: string;
  name: string;
  /** The period's handoffs to the rep whose lead is at this account, and how many met or missed the SLA. */
  handoffs: number;
  metSla: number;
  missedSla: number;
  /** The period's verdicts on its people (rejections by the verdict their reason belongs to). */
  verdicts: Record<Verdict, number>;
  /** Its rejections: see rejectionsOf. */
  rejected: number;
}

/** At most this many accounts in mostRejected. */
export const MOST_REJECTED = 10;

interface AccountHandoff {
  account: AccountRef | null;
  outcome: 'met' | 'missed' | 'open';
  handoff: { id: string; status: string };
}
interface AccountVerdict {
  account: AccountRef | null;
  verdict: Verdict;
  entry: FeedbackEntry;
}

/**
 * Handoffs and verdicts counted by account, the busiest first, and the accounts with at least one
 * rejection, the most rejected first (at most MOST_REJECTED). Leads with no account (free mail) are
 * left out of both: they are nobody's company.
 */
export function tallyAccounts(handoffs: AccountHandoff[], verdicts: AccountVerdict[]): { byAccount: AccountTally[]; mostRejected: AccountTally[] } {
  const tallies = new Map<string, AccountTally>();
  const tallyOf = (account: AccountRef) => {
    let tally = tallies.get(account.key);
    if (!tally) tallies.set(account.key, (tally = { ...account, handoffs: 0, metSla: 0, missedSla: 0, verdicts: noVerdicts(), rejected: 0 }));
    return tally;
  };
  for (const { account, outcome } of handoffs) {
    if (!account) continue;
    const tally = tallyOf(account);
    tally.handoffs++;
    if (outcome === 'met') tally.metSla++;
    if (outcome === 'missed') tally.missedSla++;
  }
  for (const { account, verdict } of verdicts) if (account) tallyOf(account).verdicts[verdict]++;
  for (const [key, count] of rejectionsOf(handoffs, verdicts)) tallies.get(key)!.rejected = count;

  const activity = (tally: AccountTally) => tally.handoffs + VERDICTS.reduce((sum, verdict) => sum + tally.verdicts[verdict], 0);
  const byAccount = [...tallies.values()].sort((a, b) => activity(b) - activity(a) || a.name.localeCompare(b.name));
  const mostRejected = byAccount
    .filter((tally) => tally.rejected > 0)
    .sort((a, b) => b.rejected - a.rejected || a.name.localeCompare(b.name))
    .slice(0, MOST_REJECTED);
  return { byAccount, mostRejected };
}

/**
 * Rejections per account key: the handoffs the rep rejected (whatever the reason: the handoff's
 * status in the period's rows, or a rejection in the feedback log, which carries no verdict of its
 * own) plus the "not a fit" verdicts the rep gave on the card. A handoff rejected in the period counts
 * once, though both its row and its log entry say so. "Bad timing" and "wrong contact" verdicts are
 * not counted: they say nothing against the company.
 */
function rejectionsOf(handoffs: AccountHandoff[], verdicts: AccountVerdict[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  const count = (account: AccountRef | null, what: string) => {
    if (!account) return;
    const events = seen.get(account.key) ?? new Set<string>();
    events.add(what);
    seen.set(account.key, events);
  };
  for (const { account, handoff } of handoffs) if (handoff.status === 'rejected') count(account, `handoff:${handoff.id}`);
  for (const { account, verdict, entry } of verdicts) {
    if (entry.verdict === undefined) count(account, entry.handoffId ? `handoff:${entry.handoffId}` : `entry:${entry.id}`);
    else if (verdict === 'not_a_fit') count(account, `entry:${entry.id}`);
  }
  return new Map([...seen].map(([key, events]) => [key, events.size]));
}

const noVerdicts = () => Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
