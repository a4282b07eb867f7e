// The demo's marketing system lives in this browser: what the rep sends it (feedback, handoff actions)
// lands in an inbox kept in the database's meta table, where a browser test can read it back.
import type { OutboxItem } from '../../domain/model';
import { DEMO_INBOX_KEY, type LeadLensDb } from '../../cache/db';

/** How many of the latest writes the inbox keeps. */
const INBOX_SIZE = 500;

/** Receives one write, once per idempotency key: a redelivered write replaces its earlier copy. */
export async function receiveInDemoInbox(db: LeadLensDb, item: OutboxItem): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const inbox = (await db.getMeta<OutboxItem[]>(DEMO_INBOX_KEY)) ?? [];
    await db.setMeta(DEMO_INBOX_KEY, [...inbox.filter((kept) => kept.idempotencyKey !== item.idempotencyKey), item].slice(-INBOX_SIZE));
  });
}
