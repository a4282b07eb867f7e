import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../lib/db';
import { createHttpSource } from '../../lib/sources/http';
import { syncSource } from '../../lib/sync';
import { startFakeLeadContextApi } from '../fakes/lead-context-api';
import { wireLead, wireTouch } from '../fakes/wire';
import { makeLead, makeTouch } from '../fixtures/factories';

let db: LeadLensDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('sync at scale', () => {
  it('stores every valid record of 10,000 and quarantines every malformed one with its reason', async () => {
    // 5,000 leads and 5,000 touches; every tenth record is broken in one of several ways.
    const breakages = [
      (record: Record<string, unknown>) => ({ ...record, email: 'no-at-sign' }),
      (record: Record<string, unknown>) => ({ ...record, score: 'high', type: 'fax' }),
      (record: Record<string, unknown>) => ({ ...record, at: '31/12/2026', updatedAt: '31/12/2026' }),
      () => null,
    ];
    let broken = 0;
    const maybeBreak = (record: Record<string, unknown>, n: number) => (n % 10 === 9 ? (broken++, breakages[Math.floor(n / 10) % 4]!(record)) : record);
    const leads = Array.from({ length: 5000 }, (_, n) => maybeBreak(wireLead(makeLead(n, { email: `lead${n}@scale.example.com` })), n));
    const touches = Array.from({ length: 5000 }, (_, n) => maybeBreak(wireTouch(makeTouch(n, `lead${n % 5000}@scale.example.com`)), n));
    const fake = await startFakeLeadContextApi({ records: { leads, touches } });
    db = new LeadLensDb(`scale-${Math.random()}`);
    const state = await syncSource(db, createHttpSource({ baseUrl: fake.baseUrl, token: fake.token }), { now: () => 1, pageSize: 1000 });
    await fake.close();

    expect(broken).toBe(1000);
    expect(state).toMatchObject({ status: 'idle', recordsSynced: 9000, quarantined: 1000 });
    expect(await db.leads.count()).toBe(4500);
    expect(await db.touches.count()).toBe(4500);
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toHaveLength(1000);
    expect(quarantined.every((record) => record.reason.length > 0 && record.raw !== undefined)).toBe(true);
    expect(new Set(quarantined.map((record) => record.kind))).toEqual(new Set(['lead', 'touch']));
    expect(await db.leads.get('lead8@scale.example.com')).toBeDefined();
    expect(await db.leads.get('lead9@scale.example.com')).toBeUndefined();
  }, 60_000);
});
