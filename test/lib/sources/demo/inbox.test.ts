// The demo's marketing system keeps what the rep sends in the database: once per idempotency key, the
// latest writes only, and it is where the demo source built by sourceFor delivers.
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { DEMO_INBOX_KEY, LeadLensDb, openDb } from '../../../../lib/cache/db';
import { DEFAULT_SETTINGS } from '../../../../lib/domain/default-settings';
import type { OutboxItem } from '../../../../lib/domain/model';
import { receiveInDemoInbox } from '../../../../lib/sources/demo/inbox';
import { sourceFor } from '../../../../lib/sources';
import { makeOutboxItem } from '../../../fixtures/factories';

let db: LeadLensDb | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = undefined;
});

async function freshDb(): Promise<LeadLensDb> {
  db = await openDb(new LeadLensDb(`leadlens-test-${Math.random().toString(36).slice(2)}`));
  return db;
}

const inboxOf = async (db: LeadLensDb) => (await db.getMeta<OutboxItem[]>(DEMO_INBOX_KEY)) ?? [];

describe('the demo inbox', () => {
  it("keeps the demo marketing system's inbox once per idempotency key", async () => {
    const db = await freshDb();
    await receiveInDemoInbox(db, makeOutboxItem(1));
    await receiveInDemoInbox(db, makeOutboxItem(1, { attempts: 2 }));
    await receiveInDemoInbox(db, makeOutboxItem(2));
    const inbox = await inboxOf(db);
    expect(inbox.map((item) => item.idempotencyKey)).toEqual(['key-1', 'key-2']);
    expect(inbox[0]!.attempts).toBe(2); // the redelivered copy replaced the first
  });

  it('keeps only the latest 500 writes', async () => {
    const db = await freshDb();
    await db.setMeta(DEMO_INBOX_KEY, Array.from({ length: 500 }, (_, n) => makeOutboxItem(n)));
    await receiveInDemoInbox(db, makeOutboxItem(500));
    const inbox = await inboxOf(db);
    expect(inbox).toHaveLength(500);
    expect([inbox[0]!.idempotencyKey, inbox.at(-1)!.idempotencyKey]).toEqual(['key-1', 'key-500']);
  });

  it('is where the demo source from sourceFor delivers', async () => {
    const db = await freshDb();
    const source = sourceFor(DEFAULT_SETTINGS, { now: () => Date.UTC(2026, 10, 16), demoInbox: (item) => receiveInDemoInbox(db, item) });
    await source.deliver(makeOutboxItem(7));
    expect((await inboxOf(db)).map((item) => item.idempotencyKey)).toEqual(['key-7']);
  });
});
