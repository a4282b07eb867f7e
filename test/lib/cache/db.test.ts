import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb, SCHEMA_HISTORY, describeDbError, openDb } from '../../../lib/cache/db';
import { makeHandoff, makeLead, makeOutboxItem, makeTouch } from '../../fixtures/factories';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

function freshName(): string {
  name = `leadlens-test-${Math.random().toString(36).slice(2)}`;
  return name;
}

describe('LeadLensDb', () => {
  it('upgrades a version-1 database full of data, losing nothing', async () => {
    const dbName = freshName();
    const v1 = new Dexie(dbName);
    v1.version(1).stores(SCHEMA_HISTORY[0].stores);
    const leads = Array.from({ length: 500 }, (_, n) => makeLead(n));
    const touches = Array.from({ length: 2000 }, (_, n) => makeTouch(n, `lead${n % 500}@acme.example.com`));
    const handoffs = Array.from({ length: 120 }, (_, n) =>
      makeHandoff(n, { status: n % 3 === 0 ? 'contacted' : 'pending' }),
    );
    // Outbox items as version 1 wrote them: no state, no attempts.
    const outbox = Array.from({ length: 40 }, (_, n) => {
      const { state: _state, attempts: _attempts, ...v1Item } = makeOutboxItem(n);
      return v1Item;
    });
    await v1.table('leads').bulkPut(leads);
    await v1.table('touches').bulkPut(touches);
    await v1.table('handoffs').bulkPut(handoffs);
    await v1.table('outbox').bulkPut(outbox);
    await v1.table('meta').put({ key: 'cursor', value: 'c-42' });
    v1.close();

    const db = await openDb(new LeadLensDb(dbName));
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    expect(await db.leads.toArray()).toEqual([...leads].sort((a, b) => (a.email < b.email ? -1 : 1)));
    expect(await db.touches.count()).toBe(2000);
    expect(await db.handoffs.count()).toBe(120);
    expect(await db.getMeta('cursor')).toBe('c-42');

    const upgradedOutbox = await db.outbox.orderBy('id').toArray();
    expect(upgradedOutbox).toHaveLength(40);
    expect(upgradedOutbox.every((item) => item.state === 'queued' && item.attempts === 0)).toBe(true);
    expect(await db.outbox.where('state').equals('queued').count()).toBe(40);

    // The new indexes answer the queries the UI makes.
    const timeline = await db.touches
      .where('[email+at]')
      .between(['lead7@acme.example.com', Dexie.minKey], ['lead7@acme.example.com', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(timeline).toHaveLength(4);
    expect(timeline.map((touch) => touch.at)).toEqual([...timeline.map((touch) => touch.at)].sort((a, b) => b - a));
    const pending = await db.handoffs
      .where('[assigneeEmail+status+firstContactDueAt]')
      .between(['rep@acme.example.com', 'pending', Dexie.minKey], ['rep@acme.example.com', 'pending', Dexie.maxKey])
      .toArray();
    expect(pending).toHaveLength(80);
    db.close();
  });

  it('opens a database a newer LeadLens left behind, keeping its data and healing missing tables', async () => {
    const dbName = freshName();
    const future = new Dexie(dbName);
    future.version(99).stores({ leads: 'email', touches: 'id, email' });
    await future.open();
    await future.table('leads').put(makeLead(1));
    future.close();

    const db = await openDb(new LeadLensDb(dbName));
    expect(await db.leads.get('lead1@acme.example.com')).toEqual(makeLead(1));
    await db.handoffs.put(makeHandoff(1));
    expect(await db.handoffs.where('email').equals('lead1@acme.example.com').count()).toBe(1);
    db.close();
  });

  it('names a full disk in words a rep understands', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(describeDbError(quota)).toMatch(/disk is full/);
    const wrapped = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota });
    expect(describeDbError(wrapped)).toMatch(/disk is full/);
    expect(describeDbError(new Error('boom'))).toMatch(/could not be used: boom/);
  });
});
