// Leads found by the CRM records they are: every write keeps the derived crmKeys (and so the
// multiEntry index) in step with crmRecords, an upgrade fills it for rows an older version stored,
// and a look-up by key reads the index, never the whole table.
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie, type DBCore, type Middleware } from 'dexie';
import { LeadLensDb, SCHEMA_HISTORY, openDb } from '../../../lib/cache/db';
import { leadsByRecordKey } from '../../../lib/cache/record-leads';
import { regradeCache } from '../../../lib/background/regrade';
import { DEFAULT_GRADING } from '../../../lib/domain/grade';
import type { Lead } from '../../../lib/domain/model';
import { makeLead } from '../../fixtures/factories';

/** A Salesforce Lead id in both its spellings: the 18-character one in URLs, the 15-character one some APIs send. */
const SF_LEAD_18 = '00Q5g00000AbCdEFGH';
const SF_LEAD_15 = SF_LEAD_18.slice(0, 15);
const KEY = `salesforce:lead:${SF_LEAD_15}`;

let db: LeadLensDb | undefined;
let name = '';
afterEach(async () => {
  db?.close();
  db = undefined;
  await Dexie.delete(name);
});

function freshDb(): LeadLensDb {
  name = `crm-keys-${Math.random().toString(36).slice(2)}`;
  db = new LeadLensDb(name);
  return db;
}

const withRecords = (n: number, records: Lead['crmRecords'], overrides: Partial<Lead> = {}) => makeLead(n, { crmRecords: records, ...overrides });

describe('leads by CRM record key', () => {
  it('finds a lead stored with a 15-character Salesforce id by the 18-character id of its URL', async () => {
    const cache = freshDb();
    await cache.leads.bulkPut([
      withRecords(1, [{ crm: 'salesforce', objectType: 'Lead', id: SF_LEAD_15 }]),
      withRecords(2, [{ crm: 'hubspot', objectType: 'contact', id: '51' }]),
      makeLead(3),
    ]);
    const found = await leadsByRecordKey(cache, [`salesforce:lead:${SF_LEAD_18.slice(0, 15)}`, 'hubspot:contact:51', 'hubspot:contact:52']);
    expect(found.get(KEY)?.email).toBe('lead1@acme.example.com');
    expect(found.get('hubspot:contact:51')?.email).toBe('lead2@acme.example.com');
    expect(found.has('hubspot:contact:52')).toBe(false);
  });

  it('keeps the index in step on every write path: put, bulkPut, update, modify, and the re-grade', async () => {
    const cache = freshDb();
    await cache.leads.put(withRecords(1, [{ crm: 'salesforce', objectType: 'Lead', id: SF_LEAD_18 }]));
    expect((await leadsByRecordKey(cache, [KEY])).get(KEY)?.email).toBe('lead1@acme.example.com');

    // The lead is converted: its Salesforce Lead becomes a Contact.
    await cache.leads.update('lead1@acme.example.com', { crmRecords: [{ crm: 'salesforce', objectType: 'Contact', id: '0035g00000XyZaB' }] });
    expect((await leadsByRecordKey(cache, [KEY])).size).toBe(0);
    expect((await leadsByRecordKey(cache, ['salesforce:contact:0035g00000XyZaB'])).size).toBe(1);

    await cache.leads.toCollection().modify((lead) => {
      lead.crmRecords = [{ crm: 'dynamics', objectType: 'contact', id: '{9A8B7C6D-1234-4F00-8A00-00AABBCCDDEE}' }];
    });
    expect((await leadsByRecordKey(cache, ['dynamics:contact:9a8b7c6d-1234-4f00-8a00-00aabbccddee'])).size).toBe(1);

    // A lead that no longer has any record leaves the index.
    await cache.leads.put(makeLead(1));
    expect(await cache.leads.where('crmKeys').anyOf(['dynamics:contact:9a8b7c6d-1234-4f00-8a00-00aabbccddee']).count()).toBe(0);

    // The re-grade writes whole leads read back from the cache: the keys go with them.
    await cache.leads.put(withRecords(4, [{ crm: 'hubspot', objectType: 'contact', id: '4004' }], { grade: 'D4', score: 95 }));
    expect(await regradeCache(cache, DEFAULT_GRADING)).toBeGreaterThan(0);
    expect((await leadsByRecordKey(cache, ['hubspot:contact:4004'])).get('hubspot:contact:4004')?.grade).not.toBe('D4');
  });

  it('gives the lead changed last when two claim the same record (a duplicate at the source)', async () => {
    const cache = freshDb();
    const record = [{ crm: 'hubspot' as const, objectType: 'contact', id: '51' }];
    await cache.leads.bulkPut([withRecords(1, record, { updatedAt: 2_000 }), withRecords(2, record, { updatedAt: 3_000 }), withRecords(3, record, { updatedAt: 1_000 })]);
    expect((await leadsByRecordKey(cache, ['hubspot:contact:51'])).get('hubspot:contact:51')?.email).toBe('lead2@acme.example.com');
  });

  it('hands leads back as they were written, without the derived keys', async () => {
    const cache = freshDb();
    const lead = withRecords(1, [{ crm: 'salesforce', objectType: 'Lead', id: SF_LEAD_18 }]);
    await cache.leads.put(lead);
    expect((await leadsByRecordKey(cache, [KEY])).get(KEY)).toEqual(lead);
  });

  it('answers from the crmKeys index, not by reading the table', async () => {
    const cache = freshDb();
    const reads: string[] = [];
    cache.use(recordReads(reads));
    await cache.leads.bulkPut(Array.from({ length: 2000 }, (_, n) => withRecords(n, [{ crm: 'hubspot', objectType: 'contact', id: String(n + 1) }])));
    reads.length = 0;
    const found = await leadsByRecordKey(cache, ['hubspot:contact:1234']);
    expect(found.get('hubspot:contact:1234')?.email).toBe('lead1233@acme.example.com');
    expect(reads).toEqual(['leads by crmKeys']);
  });

  it('fills the keys of the leads a version-3 database holds when it upgrades', async () => {
    name = `crm-keys-${Math.random().toString(36).slice(2)}`;
    const v3 = new Dexie(name);
    for (const schema of SCHEMA_HISTORY.filter((entry) => entry.version <= 3)) v3.version(schema.version).stores(schema.stores);
    const stored = [
      withRecords(1, [{ crm: 'salesforce', objectType: 'Lead', id: SF_LEAD_18 }, { crm: 'hubspot', objectType: 'contact', id: '901' }]),
      withRecords(2, [{ crm: 'pipedrive', objectType: 'person', id: '77' }]),
      makeLead(3),
    ];
    await v3.table('leads').bulkPut(stored);
    v3.close();

    db = await openDb(new LeadLensDb(name));
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    const found = await leadsByRecordKey(db, [KEY, 'hubspot:contact:901', 'pipedrive:person:77']);
    expect([...found].map(([key, lead]) => [key, lead.email])).toEqual([
      [KEY, 'lead1@acme.example.com'],
      ['hubspot:contact:901', 'lead1@acme.example.com'],
      ['pipedrive:person:77', 'lead2@acme.example.com'],
    ]);
    expect(await db.leads.count()).toBe(3);
    expect(await db.leads.get('lead3@acme.example.com')).toEqual(makeLead(3));
  });
});

/** Notes each read of the leads table: by which index, or a full read. */
function recordReads(reads: string[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'recordReads',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'leads') return table;
        const note = (index: string | null) => reads.push(index ? `leads by ${index}` : 'leads in full');
        return {
          ...table,
          query: (request) => (note(request.query.index.name), table.query(request)),
          openCursor: (request) => (note(request.query.index.name), table.openCursor(request)),
          getMany: (request) => (reads.push(`leads by key x${request.keys.length}`), table.getMany(request)),
        };
      },
    }),
  };
}
