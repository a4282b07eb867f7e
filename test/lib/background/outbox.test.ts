import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import type { OutboxItem, OutboxPayload } from '../../../lib/domain/model';
import { BACKOFF, deadItems, deliverDue, makeQueuedDue, nextWakeAt, recordAction, requeueDead, retryDelay } from '../../../lib/background/outbox';
import { mulberry32 } from '../../../lib/sources/demo/source';
import { SourceError } from '../../../lib/sources/source';
import { makeHandoff, makeOutboxItem } from '../../fixtures/factories';

const names = new Set<string>();
const open: LeadLensDb[] = [];
/** A database; the same name again is the same database, as a restarted worker would open it. */
function database(name = `outbox-${Math.random()}`) {
  names.add(name);
  const db = new LeadLensDb(name);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await Promise.all([...names].map((name) => Dexie.delete(name)));
  names.clear();
});

let ids = 0;
const newId = () => `id-${++ids}`;
const feedback = (n: number): OutboxPayload => ({ kind: 'feedback', email: `lead${n}@acme.example.com`, verdict: 'good_lead', reasonCode: 'good_lead' });
const fail = (error: Error) => async () => {
  throw error;
};
const emailOf = (item: OutboxItem) => (item.payload.kind === 'feedback' ? item.payload.email : item.payload.handoffId);

describe('recordAction', () => {
  it('queues feedback with a fresh idempotency key, due at once', async () => {
    const db = database();
    const payload = feedback(1);
    const item = await recordAction(db, payload, { now: 1000, newId });
    expect(item).toEqual({ id: expect.any(String), idempotencyKey: expect.any(String), payload, createdAt: 1000, state: 'queued', attempts: 0, nextAttemptAt: 1000 });
    expect(item.idempotencyKey).not.toBe(item.id);
    expect(await db.outbox.toArray()).toEqual([item]);
    const other = await recordAction(db, payload, { now: 1000 });
    expect(other.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('applies a handoff action locally and queues it in the same step', async () => {
    const db = database();
    await db.handoffs.bulkPut([makeHandoff(1), makeHandoff(2)]);
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'accept' }, { now: 1000 });
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'accepted', acceptedAt: 1000, updatedAt: 1000 });
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'contacted' }, { now: 2000 });
    expect(await db.handoffs.get('h1')).toMatchObject({ status: 'contacted', acceptedAt: 1000, respondedAt: 2000 });
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h2', action: 'reject', reasonCode: 'no_budget' }, { now: 3000 });
    expect(await db.handoffs.get('h2')).toMatchObject({ status: 'rejected', respondedAt: 3000 });
    expect(await db.handoffs.get('h2')).not.toHaveProperty('acceptedAt');
    expect(await db.outbox.count()).toBe(3);
  });

  it('changes nothing when the item cannot be queued: the local effect is rolled back', async () => {
    const db = database();
    await db.handoffs.put(makeHandoff(1));
    await db.outbox.put(makeOutboxItem(0, { id: 'taken' }));
    await expect(recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'reject' }, { now: 1000, newId: () => 'taken' })).rejects.toThrow(
      /ConstraintError/,
    );
    expect(await db.handoffs.get('h1')).toEqual(makeHandoff(1));
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an action on a handoff it does not know, queueing nothing', async () => {
    const db = database();
    await expect(recordAction(db, { kind: 'handoff_action', handoffId: 'h404', action: 'accept' }, { now: 1 })).rejects.toThrow(/No handoff h404/);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('deliverDue', () => {
  it('delivers the due items oldest first and removes them; the rest wait for their time', async () => {
    const db = database();
    for (const n of [2, 0, 1]) await recordAction(db, feedback(n), { now: 1000 + n });
    await recordAction(db, feedback(9), { now: 1000 });
    await db.outbox.toCollection().modify((item) => {
      if (emailOf(item) === 'lead9@acme.example.com') item.nextAttemptAt = 9000;
    });
    const sent: string[] = [];
    const report = await deliverDue(db, async (item) => void sent.push(emailOf(item)), { now: () => 5000 });
    expect(report).toEqual({ delivered: 3, retried: 0, dead: 0 });
    expect(sent).toEqual(['lead0@acme.example.com', 'lead1@acme.example.com', 'lead2@acme.example.com']);
    expect(await nextWakeAt(db)).toBe(9000);
    await deliverDue(db, async (item) => void sent.push(emailOf(item)), { now: () => 9000 });
    expect(await db.outbox.count()).toBe(0);
    expect(await nextWakeAt(db)).toBeNull();
  });

  it('backs off exponentially with full jitter up to an hour, never sooner than Retry-After', async () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((attempts) => retryDelay(attempts, 1))).toEqual([30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
    expect(retryDelay(3, 0.5)).toBe(60_000);
    expect(retryDelay(3, 0)).toBe(BACKOFF.minMs);
    expect(retryDelay(1, 0.5, 600_000)).toBe(600_000);
    expect(retryDelay(8, 1, 60_000)).toBe(3_600_000);
    expect(retryDelay(1, 0, 30 * 86_400_000)).toBe(BACKOFF.maxRetryAfterMs);

    const db = database();
    const item = await recordAction(db, feedback(1), { now: 0 });
    let now = 0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await deliverDue(db, fail(new SourceError('down', 'unavailable')), { now: () => now, random: () => 1 });
      const next = (await db.outbox.get(item.id))!;
      waits.push(next.nextAttemptAt - now);
      now = next.nextAttemptAt;
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(await db.outbox.get(item.id)).toMatchObject({ lastError: 'down', lastErrorCode: 'unavailable' });
    await deliverDue(db, fail(new SourceError('slow down', 'rate_limited', 600_000)), { now: () => now, random: () => 0.5 });
    expect(await db.outbox.get(item.id)).toMatchObject({ attempts: 5, lastError: 'slow down', lastErrorCode: 'rate_limited', state: 'queued', nextAttemptAt: now + 600_000 });
    expect(await nextWakeAt(db)).toBe(now + 600_000);
  });

  it('on a Retry-After, holds every queued write back and ends the run', async () => {
    const db = database();
    for (let n = 0; n < 5; n++) await recordAction(db, feedback(n), { now: n });
    const sent: string[] = [];
    const report = await deliverDue(
      db,
      async (item) => {
        sent.push(emailOf(item));
        if (sent.length === 2) throw new SourceError('The Lead Context API asked LeadLens to slow down (429).', 'rate_limited', 120_000);
      },
      { now: () => 1000, random: () => 0 },
    );
    expect(report).toEqual({ delivered: 1, retried: 1, dead: 0 });
    expect(sent).toHaveLength(2);
    expect(await nextWakeAt(db)).toBe(121_000);
    const quiet = await deliverDue(db, async (item) => void sent.push(emailOf(item)), { now: () => 120_999 });
    expect(quiet).toEqual({ delivered: 0, retried: 0, dead: 0 });
    await deliverDue(db, async (item) => void sent.push(emailOf(item)), { now: () => 121_000 });
    expect(sent).toHaveLength(2 + 4);
    expect(await nextWakeAt(db)).toBeNull();
  });

  it('after three failures in a row, or a refused token, leaves the rest for the next wake-up', async () => {
    const db = database();
    for (let n = 0; n < 10; n++) await recordAction(db, feedback(n), { now: n });
    let calls = 0;
    const down = async () => {
      calls++;
      throw new SourceError('Could not reach the Lead Context API.', 'network');
    };
    expect(await deliverDue(db, down, { now: () => 100 })).toEqual({ delivered: 0, retried: 3, dead: 0 });
    expect(calls).toBe(3);
    expect(await deliverDue(db, fail(new SourceError('The API token was refused.', 'auth')), { now: () => 100 })).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(await nextWakeAt(db)).toBe(4); // the six untried ones are still due, since they were clicked
    // A saved token held back for another base URL ends the run too, and is recorded as such.
    const elsewhere = new SourceError('The saved token belongs to https://old.example.com: LeadLens sends it nowhere else.', 'token_elsewhere');
    expect(await deliverDue(db, fail(elsewhere), { now: () => 100 })).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect((await db.outbox.toArray()).filter((item) => item.lastErrorCode === 'token_elsewhere')).toHaveLength(1);

    // The rep saves a working token: nothing waits for its backoff any more.
    await makeQueuedDue(db, 200);
    expect(await deliverDue(db, async () => {}, { now: () => 200 })).toEqual({ delivered: 10, retried: 0, dead: 0 });
  });

  it('sets a refused write aside as dead at once, keeps it listed, and goes on with the rest', async () => {
    const db = database();
    const refused = await recordAction(db, feedback(1), { now: 0 });
    await recordAction(db, feedback(2), { now: 1 });
    const deliver = async (item: OutboxItem) => {
      if (item.id === refused.id) throw new SourceError('The Lead Context API refused the request (422 invalid: Missing reasonCode.).', 'rejected');
    };
    expect(await deliverDue(db, deliver, { now: () => 10 })).toEqual({ delivered: 1, retried: 0, dead: 1 });
    const dead = await deadItems(db);
    expect(dead).toEqual([{ ...refused, state: 'dead', attempts: 1, nextAttemptAt: expect.any(Number), lastError: expect.stringMatching(/422/), lastErrorCode: 'rejected' }]);
    expect(await nextWakeAt(db)).toBeNull();
    expect(await deliverDue(db, deliver, { now: () => 10_000_000 })).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(await db.outbox.count()).toBe(1);

    // The rep's "try again": queued afresh, under the same key.
    expect(await requeueDead(db, 20)).toBe(1);
    const sent: string[] = [];
    await deliverDue(db, async (item) => void sent.push(item.idempotencyKey), { now: () => 20 });
    expect(sent).toEqual([refused.idempotencyKey]);
    expect(await deadItems(db)).toEqual([]);
  });

  it('sets a write aside as dead after maxAttempts passing failures', async () => {
    const db = database();
    await recordAction(db, feedback(1), { now: 0 });
    let now = 0;
    for (let round = 0; round < 5; round++) {
      await deliverDue(db, fail(new Error('socket hang up')), { now: () => now, maxAttempts: 3 });
      now += BACKOFF.capMs;
    }
    expect(await deadItems(db)).toEqual([expect.objectContaining({ state: 'dead', attempts: 3, lastError: 'socket hang up', lastErrorCode: 'unknown' })]);
  });

  it("sends a handoff's actions in the order the rep took them, even when the first one fails", async () => {
    const db = database();
    await db.handoffs.put(makeHandoff(1));
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'accept' }, { now: 1 });
    await recordAction(db, feedback(5), { now: 2 });
    await recordAction(db, { kind: 'handoff_action', handoffId: 'h1', action: 'contacted' }, { now: 3 });
    const sent: string[] = [];
    let up = false;
    const deliver = async (item: OutboxItem) => {
      const what = item.payload.kind === 'handoff_action' ? item.payload.action : 'feedback';
      if (!up && what === 'accept') throw new SourceError('down', 'unavailable');
      sent.push(what);
    };
    expect(await deliverDue(db, deliver, { now: () => 10, random: () => 1 })).toEqual({ delivered: 1, retried: 1, dead: 0 });
    expect(sent).toEqual(['feedback']);
    expect(await nextWakeAt(db)).toBe(10 + 30_000); // the accept's retry, not the contacted held behind it
    up = true;
    await deliverDue(db, deliver, { now: () => 10 + 30_000 });
    expect(sent).toEqual(['feedback', 'accept', 'contacted']);
  });

  it('two runs at once send each write once', async () => {
    const name = `outbox-${Math.random()}`;
    const [first, second] = [database(name), database(name)];
    for (let n = 0; n < 40; n++) await recordAction(first, feedback(n), { now: n });
    const random = mulberry32(3);
    const sends = new Map<string, number>();
    const deliver = async (item: OutboxItem) => {
      sends.set(item.idempotencyKey, (sends.get(item.idempotencyKey) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, random() * 5));
    };
    const reports = await Promise.all([deliverDue(first, deliver, { now: () => 100 }), deliverDue(second, deliver, { now: () => 100 })]);
    expect(reports[0]!.delivered + reports[1]!.delivered).toBe(40);
    expect(reports.every((report) => report.delivered > 0)).toBe(true);
    expect(sends.size).toBe(40);
    expect([...sends.values()].every((count) => count === 1)).toBe(true);
    expect(await first.outbox.count()).toBe(0);
  });

  it('a run that died holding a write lets it go when its lease ends; the write is sent again under its key', async () => {
    const db = database();
    const item = await recordAction(db, feedback(1), { now: 0 });
    let finishStuckSend!: (outcome: 'failed') => void;
    const stuck = deliverDue(db, () => new Promise((_, reject) => (finishStuckSend = () => reject(new SourceError('late', 'network')))), { now: () => 100, leaseMs: 60_000 });
    await expect.poll(() => finishStuckSend).toBeDefined();

    const sent: string[] = [];
    const deliver = async (sending: OutboxItem) => void sent.push(sending.idempotencyKey);
    expect(await deliverDue(db, deliver, { now: () => 30_000 })).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(await deliverDue(db, deliver, { now: () => 60_100 })).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(sent).toEqual([item.idempotencyKey]);

    // The stuck run's late failure does not bring the delivered write back.
    finishStuckSend('failed');
    await stuck;
    expect(await db.outbox.count()).toBe(0);
  });
});
