import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { chipContexts, recordChips } from '../../../lib/cache/chip-context';
import { LeadLensDb } from '../../../lib/cache/db';
import { makeHandoff, makeLead } from '../../fixtures/factories';

let db: LeadLensDb;
beforeEach(() => {
  db = new LeadLensDb(`chips-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('chipContexts', () => {
  it('answers each address in the order asked, repeats included, with only the words a chip shows', async () => {
    const first = makeLead(1, { name: 'Aoi Sato', grade: 'A2', score: 88, crmRecords: [{ crm: 'hubspot', objectType: 'contact', id: '51' }] });
    const second = makeLead(2, { name: 'Ben Ito', grade: 'C4', score: 12 });
    await db.leads.bulkPut([first, second]);
    await db.handoffs.put(makeHandoff(1, { email: first.email }));
    const chips = await chipContexts(db, ['nobody@acme.example.com', second.email, first.email, second.email]);
    expect(chips).toEqual([
      { email: 'nobody@acme.example.com', lead: null },
      { email: second.email, lead: { name: 'Ben Ito', grade: 'C4', score: 12 } },
      { email: first.email, lead: { name: 'Aoi Sato', grade: 'A2', score: 88 } },
      { email: second.email, lead: { name: 'Ben Ito', grade: 'C4', score: 12 } },
    ]);
  });

  it('opens the database itself when it is the first to read it, and reads nothing for no address', async () => {
    await db.leads.put(makeLead(1, { name: 'Aoi Sato' }));
    db.close();
    const reopened = new LeadLensDb(db.name);
    try {
      expect(await chipContexts(reopened, [])).toEqual([]);
      expect(reopened.isOpen()).toBe(false);
      expect(await chipContexts(reopened, ['lead1@acme.example.com'])).toMatchObject([{ lead: { name: 'Aoi Sato' } }]);
    } finally {
      reopened.close();
    }
  });
});

describe('recordChips', () => {
  it('finds each record by its key, however its id was spelled, and leaves a record no lead is without a chip', async () => {
    await db.leads.bulkPut([makeLead(1, { name: 'Aoi Sato', crmRecords: [{ crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdE' }] }), makeLead(2)]);
    const records = await recordChips(db, [
      { crm: 'hubspot', objectType: 'contact', id: '404' },
      { crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdEFGH' },
    ]);
    expect(records).toEqual([
      { key: 'hubspot:contact:404', chip: null },
      { key: 'salesforce:lead:00Q5g00000AbCdE', chip: { email: 'lead1@acme.example.com', lead: { name: 'Aoi Sato', grade: expect.any(String), score: expect.any(Number) } } },
    ]);
  });
});
