import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LeadLensDb } from '../../../lib/cache/db';
import { createHttpSource } from '../../../lib/sources/http';
import { syncSource } from '../../../lib/background/sync';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../../fakes/lead-context-api';
import { wireHandoff, wireLead, wireTouch } from '../../fakes/wire';
import { makeHandoff, makeLead, makeTouch } from '../../fixtures/factories';

let db: LeadLensDb | undefined;
let fake: FakeLeadContextApi | undefined;
afterEach(async () => {
  await fake?.close();
  db?.close();
  if (db) await Dexie.delete(db.name);
});

/** Ways a record arrives broken, each with the field its quarantine reason must name. */
const BREAKAGES = {
  lead: [
    ['email', 'no-at-sign'],
    ['score', 'high'],
    ['updatedAt', '31/12/2026'],
    ['grade', 'Z9'],
    ['crmUrl', 'javascript:alert(1)'],
    ['(root)', null],
  ],
  touch: [
    ['type', 'fax'],
    ['at', '2026-11-16'],
    ['url', 'data:text/html,hi'],
    ['(root)', 'touch'],
  ],
  handoff: [
    ['status', 'lost'],
    ['firstContactDueAt', 1_700_000_000_000],
    ['assigneeEmail', ''],
  ],
} as const;
const LABELS = { lead: 'Lead', touch: 'Touch', handoff: 'Handoff' } as const;
type Kind = keyof typeof BREAKAGES;

describe('sync at scale, through the Lead Context API source', () => {
  it('stores every valid record of 10,000 changes and quarantines every malformed one with its reason', async () => {
    const expectedRejections: { kind: Kind; reason: RegExp; raw: unknown }[] = [];
    /** Every tenth record is broken, the breakages taken in turn. */
    function serve<T>(kind: Kind, records: T[], wire: (record: T) => object): { valid: T[]; served: unknown[] } {
      const valid: T[] = [];
      const served = records.map((record, n) => {
        if (n % 10 !== 9) {
          valid.push(record);
          return wire(record);
        }
        const [field, bad] = BREAKAGES[kind][Math.floor(n / 10) % BREAKAGES[kind].length]!;
        const raw = field === '(root)' ? bad : { ...wire(record), [field]: bad };
        expectedRejections.push({ kind, reason: new RegExp(`^${LABELS[kind]}: ${field.replace(/[()]/g, '\\$&')}: `), raw });
        return raw;
      });
      return { valid, served };
    }
    const leads = serve('lead', Array.from({ length: 4000 }, (_, n) => makeLead(n, { email: `lead${n}@scale.example.com`, crmUrl: `https://crm.example.com/l/${n}` })), wireLead);
    const touches = serve('touch', Array.from({ length: 4000 }, (_, n) => makeTouch(n, `lead${n % 4000}@scale.example.com`)), wireTouch);
    const handoffs = serve('handoff', Array.from({ length: 2000 }, (_, n) => makeHandoff(n, { email: `lead${n}@scale.example.com` })), wireHandoff);
    fake = await startFakeLeadContextApi({ records: { leads: leads.served, touches: touches.served, handoffs: handoffs.served } });
    db = new LeadLensDb(`scale-${Math.random()}`);

    const state = await syncSource(db, createHttpSource({ baseUrl: fake.baseUrl, token: fake.token }), { now: () => 1, pageSize: 1000 });

    expect(expectedRejections).toHaveLength(1000);
    expect(fake.stats.requests).toBe(10);
    expect(state).toMatchObject({ status: 'idle', recordsSynced: 9000, quarantined: 1000 });
    const byKey = <T>(key: (record: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
    expect((await db.leads.toArray()).sort(byKey((lead) => lead.email))).toEqual(leads.valid.sort(byKey((lead) => lead.email)));
    expect((await db.touches.toArray()).sort(byKey((touch) => touch.id))).toEqual(touches.valid.sort(byKey((touch) => touch.id)));
    expect((await db.handoffs.toArray()).sort(byKey((handoff) => handoff.id))).toEqual(handoffs.valid.sort(byKey((handoff) => handoff.id)));

    const quarantined = await db.quarantine.toArray();
    expect(quarantined.map(({ kind, reason, raw }) => ({ kind, reason, raw }))).toEqual(
      expectedRejections.map(({ kind, reason, raw }) => ({ kind, reason: expect.stringMatching(reason), raw })),
    );
    expect(quarantined.every((record) => record.at === 1)).toBe(true);
  }, 60_000);
});
