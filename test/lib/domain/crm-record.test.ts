import { describe, expect, it } from 'vitest';
import { crmRecordKey } from '../../../lib/domain/crm-record';

describe('a CRM record key', () => {
  it("matches a Salesforce 18-character id to its 15-character form, case-sensitively", () => {
    const long = crmRecordKey({ crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000AbCdEFGH' });
    const short = crmRecordKey({ crm: 'salesforce', objectType: 'lead', id: '00Q5g00000AbCdE' });
    expect(long).toBe('salesforce:lead:00Q5g00000AbCdE');
    expect(short).toBe(long);
    expect(crmRecordKey({ crm: 'salesforce', objectType: 'Lead', id: '00Q5g00000ABCDE' })).not.toBe(long);
  });

  it('reads a Dynamics GUID with or without braces, in either case', () => {
    const keys = ['{6F1C6A2B-1E4D-4F0B-9E7A-2B3C4D5E6F70}', '6f1c6a2b-1e4d-4f0b-9e7a-2b3c4d5e6f70', '%7B6F1C6A2B-1E4D-4F0B-9E7A-2B3C4D5E6F70%7D'].map((id) =>
      crmRecordKey({ crm: 'dynamics', objectType: 'contact', id }),
    );
    expect(new Set(keys)).toEqual(new Set(['dynamics:contact:6f1c6a2b-1e4d-4f0b-9e7a-2b3c4d5e6f70']));
  });

  it('keeps HubSpot and Pipedrive numeric ids apart by object', () => {
    expect(crmRecordKey({ crm: 'pipedrive', objectType: 'person', id: '42' })).toBe('pipedrive:person:42');
    expect(crmRecordKey({ crm: 'pipedrive', objectType: 'deal', id: '42' })).toBe('pipedrive:deal:42');
    expect(crmRecordKey({ crm: 'hubspot', objectType: 'contact', id: '51' })).toBe('hubspot:contact:51');
  });

  it.each([
    ['salesforce', '00Q5g00000AbCd'],
    ['salesforce', '00Q5g00000AbCdE-GH'],
    ['dynamics', 'not-a-guid'],
    ['hubspot', '0'],
    ['hubspot', '12a'],
    ['pipedrive', ''],
  ] as const)('refuses %s id %j', (crm, id) => {
    expect(crmRecordKey({ crm, objectType: 'x', id })).toBeNull();
  });
});
