// "What does marketing know about these addresses?": the answer the card is drawn from, read
// from the cache in one pass of batched queries.
import { Dexie } from 'dexie';
import type { LeadLensDb } from './db';
import type { Handoff, Lead, SlaPolicy, Touch } from './model';
import { slaStatus, type BusinessClock, type SlaStatus } from './sla';

export interface LeadContext {
  email: string;
  lead: Lead | null;
  /** The most recent touches, latest first: only when asked for (the card needs them, a chip does not). */
  touches: Touch[];
  touchCount: number;
  touchesIncluded: boolean;
  handoff: Handoff | null;
  sla: SlaStatus | null;
}

export interface ContextOptions {
  now: number;
  clock: BusinessClock;
  policy: SlaPolicy;
  /** How many touches to return per lead; 0 leaves the timelines unread. */
  touchLimit?: number;
}

export async function leadContexts(db: LeadLensDb, emails: string[], options: ContextOptions): Promise<LeadContext[]> {
  const { now, clock, policy, touchLimit = 100 } = options;
  return db.transaction('r', [db.leads, db.touches, db.handoffs], async () => {
    const leads = await db.leads.bulkGet(emails);
    const known = emails.filter((_, index) => leads[index]);
    // One query for every handoff of the known leads; one range read per lead's timeline.
    const handoffs = known.length > 0 ? await db.handoffs.where('email').anyOf(known).toArray() : [];
    return Promise.all(
      emails.map(async (email, index): Promise<LeadContext> => {
        const lead = leads[index] ?? null;
        const touchesIncluded = touchLimit > 0;
        if (!lead) return { email, lead: null, touches: [], touchCount: 0, touchesIncluded, handoff: null, sla: null };
        let touches: Touch[] = [];
        let touchCount = 0;
        if (touchesIncluded) {
          const timeline = db.touches.where('[email+at]').between([email, Dexie.minKey], [email, Dexie.maxKey]);
          touches = await timeline.clone().reverse().limit(touchLimit).toArray();
          touchCount = touches.length < touchLimit ? touches.length : await timeline.count();
        }
        const handoff = currentHandoff(handoffs.filter((candidate) => candidate.email === email));
        const sla = handoff ? slaStatus(handoff, clock, policy, now) : null;
        return { email, lead, touches, touchCount, touchesIncluded, handoff, sla };
      }),
    );
  });
}

export const isOpen = (handoff: Handoff) => handoff.status === 'pending' || handoff.status === 'accepted';

/** The open handoff due first; with none open, the latest one. */
export function currentHandoff(handoffs: Handoff[]): Handoff | null {
  const open = handoffs.filter(isOpen).sort((a, b) => a.firstContactDueAt - b.firstContactDueAt);
  if (open[0]) return open[0];
  return [...handoffs].sort((a, b) => b.handedOffAt - a.handedOffAt)[0] ?? null;
}
