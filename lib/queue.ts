// The rep's queue: open handoffs, the one due first at the top.
import { Dexie } from 'dexie';
import type { LeadLensDb } from './db';
import type { Handoff, HandoffStatus, Lead } from './model';

export interface QueueEntry {
  handoff: Handoff;
  lead: Lead | null;
}

const OPEN_STATUSES: HandoffStatus[] = ['pending', 'accepted'];

export async function pendingHandoffs(db: LeadLensDb, repEmail: string): Promise<QueueEntry[]> {
  return db.transaction('r', [db.handoffs, db.leads], async () => {
    const byStatus = await Promise.all(
      OPEN_STATUSES.map((status) =>
        db.handoffs
          .where('[assigneeEmail+status+firstContactDueAt]')
          .between([repEmail, status, Dexie.minKey], [repEmail, status, Dexie.maxKey])
          .toArray(),
      ),
    );
    const handoffs = byStatus.flat().sort((a, b) => a.firstContactDueAt - b.firstContactDueAt);
    const leads = await db.leads.bulkGet(handoffs.map((handoff) => handoff.email));
    return handoffs.map((handoff, index) => ({ handoff, lead: leads[index] ?? null }));
  });
}
