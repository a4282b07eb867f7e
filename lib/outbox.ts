// A rep's click is written locally and queued for marketing in one transaction: if either part
// fails, neither happened, and once it has, delivery can be retried until it lands.
import type { LeadLensDb } from './db';
import type { Handoff, OutboxItem, OutboxPayload } from './model';

export interface RecordDeps {
  now: number;
  newId?: () => string;
}

export async function recordAction(db: LeadLensDb, payload: OutboxPayload, deps: RecordDeps): Promise<OutboxItem> {
  const { now, newId = () => crypto.randomUUID() } = deps;
  const item: OutboxItem = {
    id: newId(),
    idempotencyKey: newId(),
    payload,
    createdAt: now,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
  };
  await db.transaction('rw', [db.handoffs, db.outbox], async () => {
    if (payload.kind === 'handoff_action') {
      const handoff = await db.handoffs.get(payload.handoffId);
      if (!handoff) throw new Error(`No handoff ${payload.handoffId} in the local cache.`);
      await db.handoffs.put(applyAction(handoff, payload.action, now));
    }
    await db.outbox.add(item);
  });
  return item;
}

/** The local effect of an action: accepting keeps the clock running; contact or rejection stops it. */
export function applyAction(handoff: Handoff, action: 'accept' | 'contacted' | 'reject', now: number): Handoff {
  switch (action) {
    case 'accept':
      return { ...handoff, status: 'accepted', acceptedAt: handoff.acceptedAt ?? now, updatedAt: now };
    case 'contacted':
      return { ...handoff, status: 'contacted', respondedAt: handoff.respondedAt ?? now, updatedAt: now };
    case 'reject':
      return { ...handoff, status: 'rejected', respondedAt: handoff.respondedAt ?? now, updatedAt: now };
  }
}
