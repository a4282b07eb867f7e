// The rep's queue: open handoffs, the one due first at the top.
import { Dexie } from 'dexie';
import type { LeadLensDb } from './db';
import type { HandoffStatus } from '../domain/model';
import { OPEN_STATUSES, QUEUE_INDEX, topByDeadline, type QueueEntry } from './queue-order';
import { withoutStoredKeys } from './crm-keys';
import { storedAccountOf } from '../domain/account-name';

export type { QueueEntry };

const openWith = (db: LeadLensDb, repEmail: string, status: HandoffStatus) =>
  db.handoffs.where(QUEUE_INDEX).between([repEmail, status, Dexie.minKey], [repEmail, status, Dexie.maxKey]);

/**
 * The rep's open handoffs, due first at the top; with a limit, only that many from the top. Each
 * with its lead's account, named from the key the cache stored (no matching lists in the popup).
 */
export async function pendingHandoffs(db: LeadLensDb, repEmail: string, limit = Infinity): Promise<QueueEntry[]> {
  return db.transaction('r', [db.handoffs, db.leads], async () => {
    const byStatus = await Promise.all(
      OPEN_STATUSES.map((status) => (Number.isFinite(limit) ? openWith(db, repEmail, status).limit(limit) : openWith(db, repEmail, status)).toArray()),
    );
    const handoffs = topByDeadline(byStatus, limit);
    const leads = await db.leads.bulkGet(handoffs.map((handoff) => handoff.email));
    return handoffs.map((handoff, index): QueueEntry => {
      const lead = leads[index];
      const account = storedAccountOf(lead);
      return { handoff, lead: lead ? withoutStoredKeys(lead) : null, ...(account && { account }) };
    });
  });
}

/** How many open handoffs the rep has. */
export async function countPending(db: LeadLensDb, repEmail: string): Promise<number> {
  const counts = await Promise.all(OPEN_STATUSES.map((status) => openWith(db, repEmail, status).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** How many marketing touches the cache holds for a lead, for the popup's details of it. */
export function countTouches(db: LeadLensDb, email: string): Promise<number> {
  return db.touches.where('[email+at]').between([email, Dexie.minKey], [email, Dexie.maxKey]).count();
}
