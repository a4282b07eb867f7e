// A HubSpot contact's CRM records (its own id, the Salesforce lead and contact the connector syncs it
// with) and lookup by record, against the fake portal.
import { describe, expect, it } from 'vitest';
import { contact, hubspot } from './helpers';
import { salesforce18 } from '../../../../lib/domain/crm-record';
import type { FakeProperty } from '../../../fakes/hubspot-api-store';

const CONNECTOR: FakeProperty[] = [
  { name: 'salesforceleadid', label: 'Salesforce Lead ID', type: 'string', fieldType: 'text', hubspotDefined: true },
  { name: 'salesforcecontactid', label: 'Salesforce Contact ID', type: 'string', fieldType: 'text', hubspotDefined: true },
];
const LEAD_18 = salesforce18('00Q5g00000AbCdE');
const CONTACT_18 = '0035g00000XyZaBQAZ';

describe('HubSpot CRM records', () => {
  it('fills each lead with its contact id and, where the connector is installed, its Salesforce ids', async () => {
    const contacts = [contact(1, { salesforceleadid: LEAD_18 }), contact(2, { salesforcecontactid: CONTACT_18 }), contact(3)];
    const { source } = await hubspot({ contacts, properties: CONNECTOR });
    const page = await source.lookup(contacts.map((one) => one.properties.email!));
    expect(Object.fromEntries(page.leads.map((lead) => [lead.email, lead.crmRecords]))).toEqual({
      'lead1@acme.example.com': [{ crm: 'hubspot', objectType: 'contact', id: '1' }, { crm: 'salesforce', objectType: 'Lead', id: LEAD_18 }],
      'lead2@acme.example.com': [{ crm: 'hubspot', objectType: 'contact', id: '2' }, { crm: 'salesforce', objectType: 'Contact', id: CONTACT_18 }],
      'lead3@acme.example.com': [{ crm: 'hubspot', objectType: 'contact', id: '3' }],
    });
  });

  it('asks for the connector properties without the connector: the portal leaves them out, nothing fails', async () => {
    const { source, fake } = await hubspot({ contacts: [contact(1, { salesforceleadid: LEAD_18 })] });
    const found = await source.lookup(['lead1@acme.example.com']);
    expect(found.leads.map((lead) => lead.crmRecords)).toEqual([[{ crm: 'hubspot', objectType: 'contact', id: '1' }]]);
    expect(found.rejected).toEqual([]);
    expect(fake.stats.byRoute['POST /crm/v3/objects/contacts/batch/read']).toBe(1);
  });

  it('drops a Salesforce id that is not one, keeping the lead', async () => {
    const { source } = await hubspot({ contacts: [contact(1, { salesforceleadid: 'not-an-id' })], properties: CONNECTOR });
    const page = await source.lookup(['lead1@acme.example.com']);
    expect(page.rejected).toEqual([]);
    expect(page.leads.map((lead) => lead.crmRecords)).toEqual([[{ crm: 'hubspot', objectType: 'contact', id: '1' }]]);
  });

  it('looks contacts up by their HubSpot id and by the Salesforce ids, in either spelling', async () => {
    const contacts = [contact(1), contact(2, { salesforceleadid: LEAD_18 }), contact(3, { salesforcecontactid: CONTACT_18 }), contact(4)];
    const { source } = await hubspot({ contacts, properties: CONNECTOR });
    const found = await source.lookupRecords([
      { crm: 'hubspot', objectType: 'contact', id: '1' },
      { crm: 'hubspot', objectType: 'contact', id: '999' }, // no such contact
      { crm: 'salesforce', objectType: 'Lead', id: LEAD_18.slice(0, 15) },
      { crm: 'salesforce', objectType: 'Contact', id: CONTACT_18 },
      { crm: 'dynamics', objectType: 'lead', id: '9a8b7c6d-1234-4f00-8a00-00aabbccddee' }, // not HubSpot's to answer
    ]);
    expect(found.leads.map((lead) => lead.email).sort()).toEqual(['lead1@acme.example.com', 'lead2@acme.example.com', 'lead3@acme.example.com']);
    expect(found.rejected).toEqual([]);
  });

  it('finds nobody by a Salesforce id where the connector is not installed, without a search HubSpot would refuse', async () => {
    const { source, fake } = await hubspot({ contacts: [contact(1)] });
    const found = await source.lookupRecords([{ crm: 'salesforce', objectType: 'Lead', id: LEAD_18 }]);
    expect(found.leads).toEqual([]);
    expect(fake.stats.byRoute['POST /crm/v3/objects/contacts/search']).toBeUndefined();
  });

  it('computes the 18-character Salesforce id from the 15', () => {
    expect(salesforce18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });
});
