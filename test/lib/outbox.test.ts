import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../lib/db';
import { recordAction } from '../../lib/outbox';
import { makeHandoff, makeOutboxItem } from '../fixtures/factories';

let db: LeadLensDb;
let ids: number;
const newId = () => `id-${++ids}`;
beforeEach(async () => {
  db = new LeadLensDb(`outbox-${Math.random()}`);
  ids = 0;
  await db.handoffs.put(makeHandoff(1));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('recordAction', () => {
  it('queues feedback with a fresh idempotency key', async () => {
    const payload = { kind: 'feedback' as const, email: 'lead1@acme.example.com', verdict: 'not_a_fit' as const, reasonCode: 'not_a_fit' };
    const item = await recordAction(db, payload, { now: 1000, newId });
    expect(item).toEqual({ id: 'id-1', idempotencyKey: 'id-2', payload, createdAt: 1000, state: 'queued', attempts: 0, nextAttemptAt: 1000 });
    expect(await db.outbox.toArray()).toEqual([item]);
  });

  it('applies a handoff action locally and queues it together', async () => {
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'accept' }, { now: 1000, newId });
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'accepted', acceptedAt: 1000, updatedAt: 1000 });
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'contacted' }, { now: 2000, newId });
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'contacted', acceptedAt: 1000, respondedAt: 2000 });
    expect(await db.outbox.count()).toBe(2);
  });

  it('changes nothing when the item cannot be queued', async () => {
    await db.outbox.put(makeOutboxItem(0, { id: 'taken' }));
    await expect(
      recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'reject' }, { now: 1000, newId: () => 'taken' }),
    ).rejects.toThrow();
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'pending' });
    expect(await db.handoffs.get('h1')).not.toHaveProperty('respondedAt');
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an action on a handoff it does not know, queueing nothing', async () => {
    await expect(recordAction(db, { kind: 'handoff_action', handoffId: 'h404', action: 'accept' }, { now: 1, newId })).rejects.toThrow(
      /No handoff h404/,
    );
    expect(await db.outbox.count()).toBe(0);
  });
});
