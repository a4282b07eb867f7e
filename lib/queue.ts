// The rep's queue: open handoffs, the one due first at the top.
import { Dexie } from 'dexie';
import type { LeadLensDb } from './db';
import type { Handoff, HandoffStatus, Lead } from './model';

export interface QueueEntry {
  handoff: Handoff;
  lead: Lead | null;
}

const OPEN_STATUSES: HandoffStatus[] = ['pending', 'accepted'];

const openWith = (db: LeadLensDb, repEmail: string, status: HandoffStatus) =>
  db.handoffs.where('[assigneeEmail+status+firstContactDueAt]').between([repEmail, status, Dexie.minKey], [repEmail, status, Dexie.maxKey]);

/** The rep's open handoffs, due first at the top; with a limit, only that many from the top. */
export async function pendingHandoffs(db: LeadLensDb, repEmail: string, limit = Infinity): Promise<QueueEntry[]> {
  return db.transaction('r', [db.handoffs, db.leads], async () => {
    // Each status's index is in deadline order, so the first `limit` of the whole are among the first `limit` of each.
    const byStatus = await Promise.all(
      OPEN_STATUSES.map((status) => (Number.isFinite(limit) ? openWith(db, repEmail, status).limit(limit) : openWith(db, repEmail, status)).toArray()),
    );
    const handoffs = byStatus
      .flat()
      .sort((a, b) => a.firstContactDueAt - b.firstContactDueAt)
      .slice(0, limit);
    const leads = await db.leads.bulkGet(handoffs.map((handoff) => handoff.email));
    return handoffs.map((handoff, index) => ({ handoff, lead: leads[index] ?? null }));
  });
}

/** How many open handoffs the rep has. */
export async function countPending(db: LeadLensDb, repEmail: string): Promise<number> {
  const counts = await Promise.all(OPEN_STATUSES.map((status) => openWith(db, repEmail, status).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}
