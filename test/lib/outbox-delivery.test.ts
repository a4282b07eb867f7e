import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../lib/db';
import type { OutboxItem } from '../../lib/model';
import { deadItems, deliverDue, nextWakeAt, recordAction } from '../../lib/outbox';
import { mulberry32 } from '../../lib/sources/demo';
import { createHttpSource } from '../../lib/sources/http';
import { SourceError } from '../../lib/sources/source';
import { startFakeLeadContextApi } from '../fakes/lead-context-api';

const names: string[] = [];
function freshDb(name = `delivery-${Math.random()}`) {
  names.push(name);
  return new LeadLensDb(name);
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const feedback = (n: number) => ({ kind: 'feedback' as const, email: `lead${n}@acme.example.com`, verdict: 'good_lead' as const, reasonCode: 'good_lead' });

describe('deliverDue', () => {
  it('delivers due items oldest first and removes them', async () => {
    const db = freshDb();
    for (let n = 0; n < 3; n++) await recordAction(db, feedback(n), { now: 1000 + n });
    const sent: string[] = [];
    const report = await deliverDue(db, async (item) => void sent.push((item.payload as { email: string }).email), { now: () => 5000 });
    expect(report).toEqual({ delivered: 3, retried: 0, dead: 0 });
    expect(sent).toEqual(['lead0@acme.example.com', 'lead1@acme.example.com', 'lead2@acme.example.com']);
    expect(await db.outbox.count()).toBe(0);
    expect(await nextWakeAt(db)).toBeNull();
  });

  it('backs off exponentially with jitter, never sooner than Retry-After', async () => {
    const db = freshDb();
    const item = await recordAction(db, feedback(1), { now: 0 });
    let now = 0;
    const waits: number[] = [];
    const fail = async () => {
      throw new SourceError('down', 'unavailable');
    };
    for (let attempt = 1; attempt <= 4; attempt++) {
      await deliverDue(db, fail, { now: () => now, random: () => 1 });
      const next = (await db.outbox.get(item.id))!;
      waits.push(next.nextAttemptAt - now);
      now = next.nextAttemptAt;
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
    await deliverDue(db, async () => {
      throw new SourceError('slow down', 'rate_limited', 600_000);
    }, { now: () => now, random: () => 0.5 });
    expect((await db.outbox.get(item.id))!.nextAttemptAt - now).toBe(600_000);
    expect(await nextWakeAt(db)).toBe(now + 600_000);
    expect((await db.outbox.get(item.id))!).toMatchObject({ attempts: 5, lastError: 'slow down', state: 'queued' });
  });

  it('keeps a write marketing keeps refusing as dead, for the rep to see, and goes on with the rest', async () => {
    const db = freshDb();
    const refused = await recordAction(db, feedback(1), { now: 0 });
    await recordAction(db, feedback(2), { now: 1 });
    let now = 0;
    const deliver = async (item: OutboxItem) => {
      if (item.id === refused.id) throw new SourceError('The Lead Context API refused the request (422).', 'rejected');
    };
    for (let round = 0; round < 5; round++) {
      await deliverDue(db, deliver, { now: () => now, random: () => 0 });
      now += 3_600_000;
    }
    expect(await db.outbox.count()).toBe(1);
    expect(await deadItems(db)).toEqual([expect.objectContaining({ id: refused.id, state: 'dead', attempts: 3, lastError: expect.stringMatching(/422/) })]);
    expect(await nextWakeAt(db)).toBeNull();
  });

  it('a wrong token is never fatal: the write waits for the token to be fixed', async () => {
    const db = freshDb();
    await recordAction(db, feedback(1), { now: 0 });
    let now = 0;
    for (let round = 0; round < 10; round++) {
      await deliverDue(db, async () => {
        throw new SourceError('token refused', 'auth');
      }, { now: () => now, random: () => 0 });
      now += 2 * 3_600_000;
    }
    expect(await deadItems(db)).toEqual([]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('1,000 clicks through 30% faults and a service worker killed again and again arrive exactly once', async () => {
    const fake = await startFakeLeadContextApi({
      faultRate: 0.3,
      faults: ['error500', 'unavailable503', 'rateLimited429', 'slow', 'drop', 'dropAfterEffect'],
      slowMs: 120,
      retryAfterSeconds: 1,
      seed: 42,
    });
    const source = createHttpSource({ baseUrl: fake.baseUrl, token: fake.token, timeoutMs: 60 });
    const name = `exactly-once-${Math.random()}`;
    let db = freshDb(name);
    for (let n = 0; n < 1000; n++) await recordAction(db, feedback(n), { now: n });

    const random = mulberry32(7);
    let now = 10_000;
    let kills = 0;
    for (let round = 0; round < 400 && (await db.outbox.count()) > 0; round++) {
      // Now and then the worker dies mid-run: after a request went out, before its result was stored.
      const killAfter = round < 5 ? 20 + Math.floor(random() * 200) : random() < 0.3 ? Math.floor(random() * 40) : Infinity;
      let sent = 0;
      // A killed worker simply stops: its run never finishes and never writes again.
      let killed!: () => void;
      const death = new Promise<'killed'>((resolve) => (killed = () => resolve('killed')));
      const deliver = async (item: OutboxItem) => {
        await source.deliver(item);
        if (++sent >= killAfter) {
          killed();
          await new Promise(() => {});
        }
      };
      const outcome = await Promise.race([deliverDue(db, deliver, { now: () => now }), death]);
      if (outcome === 'killed') {
        kills++;
        db.close();
        db = freshDb(name); // a restarted worker opens the same database afresh
      }
      now += 61_000 + Math.floor(random() * 600_000);
    }
    await fake.close();

    const keys = fake.effects.map((effect) => effect.key);
    const emails = new Set(fake.effects.map((effect) => (effect.body as { email: string }).email));
    expect(kills).toBeGreaterThanOrEqual(5);
    expect(fake.stats.faults).toBeGreaterThan(300);
    expect(keys.length).toBe(1000);
    expect(new Set(keys).size).toBe(1000);
    expect(emails.size).toBe(1000);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  }, 120_000);
});
