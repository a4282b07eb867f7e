// Which of the rep's writes marketing's answer may not show yet, for a sync to apply again on top
// (local-effects.ts): every write still in the outbox, queued or set aside as dead, since neither
// reached marketing; and a write that landed after the page was asked for, since the page may have
// been made before it. A write that landed before a page was asked for is in that page already.
import type { LeadLensDb } from '../cache/db';
import type { OutboxItem } from '../domain/model';

/** Writes delivered lately, each a meta row keyed by when it landed: kept for pages that were on their way. */
const LANDED_PREFIX = 'outbox:landed:';
/** Longer than a sync run asks for pages (SYNC_LIMITS.maxRunMs) plus a request's time-out. */
export const LANDED_KEPT_MS = 10 * 60_000;

/** Keys sort as the times do, so a range of keys is a span of time. */
const landedKey = (landedAt: number, id = '') => `${LANDED_PREFIX}${String(landedAt).padStart(16, '0')}:${id}`;

/** Takes a delivered write out of the outbox and notes when it landed, in one transaction. */
export async function removeDelivered(db: LeadLensDb, item: OutboxItem, landedAt: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.delete(item.id);
    await db.meta.put({ key: landedKey(landedAt, item.id), value: item });
    await db.meta.where('key').between(LANDED_PREFIX, landedKey(landedAt - LANDED_KEPT_MS)).delete();
  });
}

/**
 * The writes a page asked for at `requestedAt` may not show. Read inside the page's transaction, so
 * that a click recorded meanwhile is either seen here or applied by recordAction over the page.
 */
export async function writesNotShownSince(db: LeadLensDb, requestedAt: number): Promise<OutboxItem[]> {
  const landed = await db.meta.where('key').between(landedKey(requestedAt), `${LANDED_PREFIX}\uffff`).toArray();
  return [...(await db.outbox.toArray()), ...landed.map((entry) => entry.value as OutboxItem)];
}
