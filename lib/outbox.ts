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

export interface DeliveryDeps {
  now: () => number;
  random?: () => number;
  /** A refused write (4xx) is tried this many times before it is set aside as dead. */
  maxRejections?: number;
}

export interface DeliveryReport {
  delivered: number;
  retried: number;
  dead: number;
}

const BASE_DELAY_MS = 30_000;
/** Even with no wait asked for, a failed item is not tried again in the same run. */
const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 60 * 60_000;
/** How long an item being sent is held back from another delivery run. */
const LEASE_MS = 60_000;

/**
 * Sends every queued item that is due, oldest first. Success removes it; a passing failure
 * (network, 5xx, 429, a wrong token) schedules a retry with exponential backoff and full jitter,
 * never sooner than Retry-After; a refusal repeated maxRejections times marks it dead, kept for the
 * rep to see. A run cut short anywhere re-sends at most the item it was on, under the same key.
 */
export async function deliverDue(
  db: LeadLensDb,
  deliver: (item: OutboxItem) => Promise<void>,
  deps: DeliveryDeps,
): Promise<DeliveryReport> {
  const { now, random = Math.random, maxRejections = 3 } = deps;
  const report: DeliveryReport = { delivered: 0, retried: 0, dead: 0 };
  const runStartedAt = now();
  for (;;) {
    const item = await claimNext(db, runStartedAt, now());
    if (!item) return report;
    try {
      await deliver(item);
      await db.outbox.delete(item.id);
      report.delivered++;
    } catch (error) {
      const kind = (error as { kind?: string }).kind;
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'rejected' && item.attempts >= maxRejections) {
        await db.outbox.update(item.id, { state: 'dead', lastError: message });
        report.dead++;
      } else {
        const backoff = random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (item.attempts - 1));
        const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs ?? 0;
        const wait = Math.max(MIN_DELAY_MS, backoff, retryAfter);
        await db.outbox.update(item.id, { nextAttemptAt: Math.round(now() + wait), lastError: message });
        report.retried++;
      }
    }
  }
}

/** The oldest item due by `dueBy`, marked as being sent (attempt counted, held back by a lease) in one step. */
async function claimNext(db: LeadLensDb, dueBy: number, now: number): Promise<OutboxItem | undefined> {
  return db.transaction('rw', db.outbox, async () => {
    const item = await db.outbox
      .where('nextAttemptAt')
      .belowOrEqual(dueBy)
      .filter((candidate) => candidate.state === 'queued')
      .first();
    if (!item) return undefined;
    const claimed = { ...item, attempts: item.attempts + 1, nextAttemptAt: now + LEASE_MS };
    await db.outbox.put(claimed);
    return claimed;
  });
}

/** When the next queued item is due, for the alarm; null when nothing waits. */
export async function nextWakeAt(db: LeadLensDb): Promise<number | null> {
  const item = await db.outbox
    .orderBy('nextAttemptAt')
    .filter((candidate) => candidate.state === 'queued')
    .first();
  return item?.nextAttemptAt ?? null;
}

/** Writes that marketing refused for good: shown to the rep, never dropped. */
export function deadItems(db: LeadLensDb): Promise<OutboxItem[]> {
  return db.outbox.where('state').equals('dead').toArray();
}
