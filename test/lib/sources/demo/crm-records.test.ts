// The demo's leads are records in a CRM too (a Salesforce Lead or Contact, a HubSpot contact), so a
// record page finds its person in the demo. Those records come from a stream of their own: every other
// value of the demo is what it was for the same seed (the saved pages and browser tests name its people).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crmKeysOf } from '../../../../lib/cache/crm-keys';
import { CrmRecord, parse } from '../../../../lib/domain/model';
import { salesforceChecksum as demoChecksum } from '../../../../lib/sources/demo/crm-records';
import { generateDemo, LEAD_COUNT } from '../../../../lib/sources/demo/generate';

const NOWS = [Date.UTC(2026, 10, 17, 2, 0), Date.UTC(2025, 0, 1), Date.UTC(2027, 5, 30, 13, 7)];
/** generateDemo's output for seeds 1-20 at NOWS, crmRecords left out, as hashed before the demo had CRM records. */
const HASH_BEFORE_CRM_RECORDS = '8ab877a080a917e09ea84d8b0e77adc07975617b605793f7c6b48fe0e68305a1';

const demo = (seed = 1, now = NOWS[0]!) => generateDemo({ seed, now, repEmail: 'Rep@Acme.example.com' });

/** Salesforce's 18-character id: the 15 case-sensitive characters and a checksum of where the capitals are. */
function salesforceChecksum(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  return [0, 5, 10].map((start) => alphabet[[...id15.slice(start, start + 5)].reduce((bits, char, k) => bits | (/[A-Z]/.test(char) ? 1 << k : 0), 0)]).join('');
}

describe('the demo’s CRM records', () => {
  it('leave every other generated value as it was, for 20 seeds at three clocks', () => {
    const hash = createHash('sha256');
    for (let seed = 1; seed <= 20; seed++) {
      for (const now of NOWS) {
        const data = demo(seed, now);
        // The book: the small accounts and free-mail leads (accounts.ts) came later, after it.
        const book = data.leads.slice(0, LEAD_COUNT);
        const inBook = new Set(book.map((lead) => lead.email));
        const leads = book.map(({ crmRecords: _records, ...rest }) => rest);
        hash.update(JSON.stringify({ leads, touches: data.touches.filter((touch) => inBook.has(touch.email)), handoffs: data.handoffs }));
      }
    }
    expect(hash.digest('hex')).toBe(HASH_BEFORE_CRM_RECORDS);
    // Sixty demos: a few seconds alone, more beside the rest of the suite.
  }, 30_000);

  it('give most leads a Salesforce Lead or Contact and some a HubSpot contact, each a valid id, each record one person’s', () => {
    const { leads } = demo();
    const withRecords = leads.filter((lead) => lead.crmRecords && lead.crmRecords.length > 0);
    const records = withRecords.flatMap((lead) => lead.crmRecords!);
    const salesforce = records.filter((record) => record.crm === 'salesforce');
    const hubspot = records.filter((record) => record.crm === 'hubspot');
    expect(salesforce.length).toBeGreaterThan(leads.length / 2);
    expect(hubspot.length).toBeGreaterThan(leads.length / 5);
    expect(hubspot.length).toBeLessThan(leads.length / 2);
    expect(new Set(salesforce.map((record) => record.objectType))).toEqual(new Set(['Lead', 'Contact']));
    for (const record of records) expect(parse(CrmRecord, 'CrmRecord', record).ok).toBe(true);
    for (const { objectType, id } of salesforce) {
      expect(id).toMatch(objectType === 'Lead' ? /^00Q[a-zA-Z0-9]{15}$/ : /^003[a-zA-Z0-9]{15}$/);
      expect(id.slice(15)).toBe(salesforceChecksum(id.slice(0, 15)));
    }
    // Converted leads are Contacts: a customer is never still a Salesforce Lead.
    for (const lead of leads.filter((candidate) => candidate.stage === 'customer')) {
      expect(lead.crmRecords?.filter((record) => record.crm === 'salesforce').map((record) => record.objectType) ?? []).not.toContain('Lead');
    }
    const keys = withRecords.flatMap(crmKeysOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('end Salesforce ids with the checksum Salesforce gives them', () => {
    // Published pairs of 15- and 18-character ids.
    expect(demoChecksum('70130000001tcyI')).toBe('AAQ');
    expect(demoChecksum('00558000001N0Ke')).toBe('AAK');
    expect(salesforceChecksum('00558000001N0Ke')).toBe('AAK');
  });

  it('are the same for the same seed, at any clock, and differ for another seed', () => {
    const recordsOf = (seed: number, now?: number) => demo(seed, now).leads.map((lead) => lead.crmRecords);
    expect(recordsOf(1)).toEqual(recordsOf(1));
    expect(recordsOf(1, NOWS[1])).toEqual(recordsOf(1));
    expect(recordsOf(2)).not.toEqual(recordsOf(1));
  });
});
