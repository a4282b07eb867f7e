// What makes the rep's queue, with no database library attached: which handoffs are open, the
// index that keeps them by deadline, and how the top of the queue is drawn from it. The live queue
// (queue.ts, through Dexie) uses it, and the popup's first paint (first-screen.ts) its entry type.
import type { Handoff, HandoffStatus, Lead } from '../domain/model';
import type { AccountRef } from '../domain/account-name';

export interface QueueEntry {
  handoff: Handoff;
  lead: Lead | null;
  /** The lead's account (account.ts), for grouping the queue by company; absent for free mail or an unknown lead. */
  account?: AccountRef;
}

export const OPEN_STATUSES: readonly HandoffStatus[] = ['pending', 'accepted'];

/** The handoffs index (schema v2 on) that holds each rep's handoffs by status, in deadline order. */
export const QUEUE_INDEX = '[assigneeEmail+status+firstContactDueAt]';

/**
 * The first `limit` handoffs of the queue from each open status's first `limit`, read in index order:
 * the top of the whole is among the tops of its parts.
 */
export function topByDeadline(byStatus: Handoff[][], limit: number): Handoff[] {
  return byStatus
    .flat()
    .sort((a, b) => a.firstContactDueAt - b.firstContactDueAt)
    .slice(0, limit);
}
