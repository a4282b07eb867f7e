import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { FIRST_SCREEN_KEY } from '../../../lib/cache/first-screen';
import { forgetPreviousSource } from '../../../lib/background/source-switch';
import { makeHandoff, makeLead, makeOutboxItem, makeTouch } from '../../fixtures/factories';

let db: LeadLensDb;
beforeEach(async () => {
  db = new LeadLensDb(`switch-${Math.random()}`);
  await db.leads.bulkPut([makeLead(1), makeLead(2)]);
  await db.touches.bulkPut([makeTouch(1, makeLead(1).email)]);
  await db.handoffs.bulkPut([makeHandoff(1)]);
  await db.quarantine.add({ kind: 'lead', reason: 'bad', raw: {}, at: 1 });
  await db.outbox.bulkPut([makeOutboxItem(1), makeOutboxItem(2, { state: 'dead', lastError: 'refused (422)' })]);
  await db.feedback.put({ id: 'f1', email: makeLead(1).email, verdict: 'good_lead', reasonCode: 'good_lead', at: 1 });
  await db.setMeta('cursor:demo', 'c-41');
  await db.setMeta(FIRST_SCREEN_KEY, { rows: [] });
  await db.setMeta('credential:http', 'secret');
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const counts = async () => ({
  leads: await db.leads.count(),
  touches: await db.touches.count(),
  handoffs: await db.handoffs.count(),
  quarantine: await db.quarantine.count(),
});

describe('connecting another marketing system', () => {
  it("drops the demo's records, its clicks and verdicts, and keeps the credentials", async () => {
    const setAside = await forgetPreviousSource(db, { previousSourceId: 'demo', nextSourceId: 'http:https://api.example.com', previousWasDemo: true, undeliveredReason: 'x' });
    expect(setAside).toBe(0);
    expect(await counts()).toEqual({ leads: 0, touches: 0, handoffs: 0, quarantine: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.feedback.count()).toBe(0);
    expect(await db.getMeta('cursor:demo')).toBeUndefined();
    expect(await db.getMeta(FIRST_SCREEN_KEY)).toBeUndefined();
    expect(await db.getMeta('credential:http')).toBe('secret');
  });

  it("keeps a real source's waiting writes as undelivered, with why, and the rep's verdict history", async () => {
    const reason = 'Not delivered: LeadLens was connected to another marketing system before this went out.';
    const setAside = await forgetPreviousSource(db, { previousSourceId: 'http:https://old.example.com', nextSourceId: 'hubspot', previousWasDemo: false, undeliveredReason: reason });
    expect(setAside).toBe(1);
    expect(await counts()).toEqual({ leads: 0, touches: 0, handoffs: 0, quarantine: 0 });
    const outbox = await db.outbox.orderBy('id').toArray();
    // Coded, so the popup says why in the rep's language; the write set aside before keeps its own.
    expect(outbox.map((item) => [item.state, item.lastError, item.lastErrorCode])).toEqual([
      ['dead', reason, 'source_changed'],
      ['dead', 'refused (422)', undefined],
    ]);
    expect(await db.feedback.count()).toBe(1);
  });
});

describe('the sync adopting its source', () => {
  it('leaves the cache alone while the source stays the same, and empties it when it changes', async () => {
    const { adoptSource, CACHE_SOURCE_KEY } = await import('../../../lib/background/source-switch');
    await db.setMeta(CACHE_SOURCE_KEY, 'http:https://a.example.com');
    expect(await adoptSource(db, 'http:https://a.example.com')).toBe(0);
    expect(await db.leads.count()).toBe(2);
    expect(await adoptSource(db, 'hubspot')).toBe(1);
    expect(await db.leads.count()).toBe(0);
    expect(await db.getMeta(CACHE_SOURCE_KEY)).toBe('hubspot');
  });

  it("treats a cache from before the key as the current source's, unless the demo filled it", async () => {
    const { adoptSource } = await import('../../../lib/background/source-switch');
    await db.setMeta('syncState', { status: 'error', sourceId: 'http', recordsSynced: 0, quarantined: 0 });
    expect(await adoptSource(db, 'http:https://a.example.com')).toBe(0);
    expect(await db.leads.count()).toBe(2);
  });

  it('replaces the demo data of an older install on the first sync of a real source', async () => {
    const { adoptSource } = await import('../../../lib/background/source-switch');
    await db.setMeta('syncState', { status: 'idle', sourceId: 'demo', recordsSynced: 10, quarantined: 0 });
    await adoptSource(db, 'http:https://a.example.com');
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
