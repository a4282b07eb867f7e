// A Marketo lead's CRM records (the Salesforce and Dynamics sync's id fields) and lookup by record,
// against the fake instance, which refuses a field it does not have (1006).
import { describe, expect, it } from 'vitest';
import { salesforce18 } from '../../../../lib/domain/crm-record';
import { LEADLENS_FIELDS, STANDARD_FIELDS, type FakeField } from '../../../fakes/marketo-api';
import { marketo, wireLead } from './helpers';

const synced = (name: string): FakeField => ({ name, dataType: 'string', length: 18, updateable: false, searchable: true });
const SALESFORCE_SYNC = [...STANDARD_FIELDS, ...LEADLENS_FIELDS, synced('sfdcLeadId'), synced('sfdcContactId'), { name: 'sfdcId', dataType: 'string' }];
const DYNAMICS_SYNC = [...STANDARD_FIELDS, ...LEADLENS_FIELDS, synced('msftLeadId'), synced('msftContactId')];
const LEAD_ID = salesforce18('00Q5g00000AbCdE');
const CONTACT_ID = salesforce18('0035g00000XyZaB');
const GUID = '9a8b7c6d-1234-4f00-8a00-00aabbccddee';

describe('Marketo CRM records', () => {
  it('fills each lead from the Salesforce sync fields, never from sfdcId', async () => {
    const leads = [wireLead(1, { sfdcLeadId: LEAD_ID, sfdcId: null }), wireLead(2, { sfdcContactId: CONTACT_ID, sfdcLeadId: 'not-an-id' }), wireLead(3)];
    const { source } = await marketo({ leads, fields: SALESFORCE_SYNC });
    const found = await source.lookup(['lead1@acme.example.com', 'lead2@acme.example.com', 'lead3@acme.example.com']);
    expect(found.rejected).toEqual([]);
    expect(Object.fromEntries(found.leads.map((lead) => [lead.email, lead.crmRecords]))).toEqual({
      'lead1@acme.example.com': [{ crm: 'salesforce', objectType: 'Lead', id: LEAD_ID }],
      'lead2@acme.example.com': [{ crm: 'salesforce', objectType: 'Contact', id: CONTACT_ID }], // the invalid lead id dropped, not the lead
      'lead3@acme.example.com': undefined,
    });
  });

  it('fills Dynamics records from the Dynamics sync fields', async () => {
    const { source } = await marketo({ leads: [wireLead(1, { msftContactId: GUID })], fields: DYNAMICS_SYNC });
    const found = await source.lookup(['lead1@acme.example.com']);
    expect(found.leads[0]!.crmRecords).toEqual([{ crm: 'dynamics', objectType: 'contact', id: GUID }]);
  });

  it('asks for the sync fields only where Describe lists them: an instance without them is not refused', async () => {
    const { source, fake } = await marketo({ leads: [wireLead(1)], fields: [...STANDARD_FIELDS, ...LEADLENS_FIELDS] });
    const found = await source.lookup(['lead1@acme.example.com']);
    expect(found.leads.map((lead) => lead.email)).toEqual(['lead1@acme.example.com']);
    expect(fake.fieldsAsked.flat().filter((name) => /^(sfdc|msft)/.test(name))).toEqual([]);
    await source.lookup(['lead1@acme.example.com']);
    expect(fake.stats.byPath['/rest/v1/leads/describe2.json']).toBe(1); // Describe read once per source
  });

  it('looks leads up by their Salesforce lead and contact ids, in 15 or 18 characters', async () => {
    const leads = [wireLead(1, { sfdcLeadId: LEAD_ID }), wireLead(2, { sfdcContactId: CONTACT_ID }), wireLead(3)];
    const { source } = await marketo({ leads, fields: SALESFORCE_SYNC });
    const found = await source.lookupRecords([
      { crm: 'salesforce', objectType: 'Lead', id: LEAD_ID.slice(0, 15) },
      { crm: 'salesforce', objectType: 'Contact', id: CONTACT_ID },
      { crm: 'hubspot', objectType: 'contact', id: '3' }, // not Marketo's to answer
    ]);
    expect(found.leads.map((lead) => lead.email).sort()).toEqual(['lead1@acme.example.com', 'lead2@acme.example.com']);
  });

  it('finds nobody by record on an instance without the sync, without a query Marketo would refuse', async () => {
    const { source, fake } = await marketo({ leads: [wireLead(1)], fields: [...STANDARD_FIELDS, ...LEADLENS_FIELDS] });
    const found = await source.lookupRecords([{ crm: 'salesforce', objectType: 'Lead', id: LEAD_ID }]);
    expect(found).toEqual({ leads: [], rejected: [] });
    expect(fake.fieldsAsked).toEqual([]);
  });
});
