// Each source's own account identity, as lib/domain/account.ts groups leads by it first: HubSpot's
// primary associated company, Marketo's Salesforce account id (where the sync has one).
import { afterEach, describe, expect, it } from 'vitest';
import { accountOf } from '../../../lib/domain/account';
import { LEADLENS_FIELDS, STANDARD_FIELDS } from '../../fakes/marketo-api';
import { contact, hubspot } from './hubspot/helpers';
import { marketo, wireLead as marketoLead } from './marketo/helpers';
import { createHttpSource } from '../../../lib/sources/http';
import { startFakeLeadContextApi, type FakeLeadContextApi } from '../../fakes/lead-context-api';
import { wireLead } from '../../fakes/wire';
import { makeLead } from '../../fixtures/factories';


let fake: FakeLeadContextApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('HubSpot: the primary associated company', () => {
  it('is the lead account id; a contact with no company association has none and falls back to its domain', async () => {
    const contacts = [contact(1, { associatedcompanyid: '9120334', company: 'Sakura Seiki' }), contact(2, { associatedcompanyid: null })];
    const { source } = await hubspot({ contacts });
    const { leads, rejected } = await source.lookup(['lead1@acme.example.com', 'lead2@acme.example.com']);
    expect(rejected).toEqual([]);
    const byEmail = new Map(leads.map((lead) => [lead.email, lead]));
    expect(byEmail.get('lead1@acme.example.com')!.accountId).toBe('9120334');
    expect(accountOf(byEmail.get('lead1@acme.example.com')!)).toEqual({ key: 'id:9120334', name: 'Sakura Seiki' });
    expect(byEmail.get('lead2@acme.example.com')).not.toHaveProperty('accountId');
    expect(accountOf(byEmail.get('lead2@acme.example.com')!)?.key).toBe('domain:acme.example.com');
  });
});

describe('Marketo: the Salesforce account id', () => {
  const SYNCED = [...STANDARD_FIELDS, ...LEADLENS_FIELDS, { name: 'sfdcAccountId', dataType: 'string', length: 18, updateable: false }];

  it('is read where Describe lists it, and is the account id', async () => {
    const { source, fake } = await marketo({ leads: [marketoLead(1, { sfdcAccountId: '0015g00000NwRbtAAF' }), marketoLead(2, { sfdcAccountId: null })], fields: SYNCED });
    const { leads } = await source.lookup(['lead1@acme.example.com', 'lead2@acme.example.com']);
    const byEmail = new Map(leads.map((lead) => [lead.email, lead]));
    expect(byEmail.get('lead1@acme.example.com')!.accountId).toBe('0015g00000NwRbtAAF');
    expect(accountOf(byEmail.get('lead1@acme.example.com')!)).toEqual({ key: 'id:0015g00000NwRbtAAF', name: 'Acme' });
    expect(byEmail.get('lead2@acme.example.com')!.accountId).toBeUndefined();
    expect(fake.fieldsAsked.flat()).toContain('sfdcAccountId');
  });

  it('is not asked of an instance without the Salesforce sync (Marketo would refuse the field)', async () => {
    const { source, fake } = await marketo({ leads: [marketoLead(1)], fields: [...STANDARD_FIELDS, ...LEADLENS_FIELDS] });
    const { leads } = await source.lookup(['lead1@acme.example.com']);
    expect(leads).toHaveLength(1);
    expect(fake.fieldsAsked.flat()).not.toContain('sfdcAccountId');
    // The company field only names the account; the domain keys it.
    expect(accountOf(leads[0]!)).toEqual({ key: 'domain:acme.example.com', name: 'Acme' });
  });
});

describe('the Lead Context API: accountId and accountName on a lead', () => {
  it('keeps the account id and name a lead carries, and quarantines a lead whose account id is blank', async () => {
    const sakura = makeLead(1, { email: 'ito@sakura-seiki.co.jp', accountId: 'ACC-0042', accountName: '株式会社サクラ精機' });
    const plain = makeLead(2);
    const blank = { ...wireLead(makeLead(3)), accountId: '  ' };
    fake = await startFakeLeadContextApi({ records: { leads: [wireLead(sakura), wireLead(plain), blank] } });
    const source = createHttpSource({ baseUrl: fake.baseUrl, token: fake.token, timeoutMs: 2000 });
    const page = await source.changes(null, 10);
    expect(page.leads).toEqual([sakura, plain]);
    expect(page.rejected).toEqual([{ kind: 'lead', reason: expect.stringMatching(/^Lead: accountId: /), raw: blank }]);
    expect((await source.lookup(['ito@sakura-seiki.co.jp'])).leads).toEqual([sakura]);
  });

});
