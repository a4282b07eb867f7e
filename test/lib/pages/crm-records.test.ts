// @vitest-environment happy-dom
// record(url): the CRM record a page's URL names, the identity a record page offers before (and
// without) its markup. Every CRM page saved names one; ids are checked as crmRecordKey checks them.
import { describe, expect, it } from 'vitest';
import { crmRecordKey, type CrmRecordRef } from '../../../lib/domain/crm-record';
import { adapterFor } from '../../../lib/pages';
import { dynamics } from '../../../lib/pages/dynamics';
import { hubspot } from '../../../lib/pages/hubspot';
import { pipedrive } from '../../../lib/pages/pipedrive';
import { salesforce } from '../../../lib/pages/salesforce';
import { PAGE_FIXTURES } from '../../fixtures/pages';

const CRMS = ['salesforce', 'hubspot', 'dynamics', 'pipedrive'];
const record = (url: string) => adapterFor(url)?.record?.(new URL(url)) ?? null;
const key = (url: string) => {
  const ref = record(url);
  return ref && crmRecordKey(ref);
};

/**
 * The fixtures write HubSpot's object type as its URLs do (0-1, its type id for contacts); LeadLens
 * names it as lib/domain/crm-record.ts does, `contact`, so that the URL's key and a source's agree.
 */
const asLeadLensNamesIt = (ref: CrmRecordRef): CrmRecordRef => (ref.crm === 'hubspot' && ref.objectType === '0-1' ? { ...ref, objectType: 'contact' } : ref);

describe('every saved CRM page', () => {
  const pages = PAGE_FIXTURES.filter((fixture) => CRMS.includes(fixture.adapter));

  it('says which record it shows', () => {
    expect(pages.filter((fixture) => !fixture.recordId).map((fixture) => fixture.file)).toEqual([]);
  });

  it.each(pages.filter((fixture) => fixture.recordId))('$file: the URL names $recordId.objectType $recordId.id', (fixture) => {
    const named = asLeadLensNamesIt(fixture.recordId!);
    expect(record(fixture.url)).toEqual(named);
    expect(key(fixture.url)).toBe(crmRecordKey(named));
  });
});

describe('Salesforce', () => {
  const at = (path: string) => `https://leadlens-demo.lightning.force.com${path}`;

  it('knows a record by its 18-character id and its 15-character base alike, and tells case apart', () => {
    expect(key(at('/lightning/r/Lead/00Q5g00001SwLkREAV/view'))).toBe('salesforce:lead:00Q5g00001SwLkR');
    expect(key(at('/lightning/r/Lead/00Q5g00001SwLkR/view'))).toBe('salesforce:lead:00Q5g00001SwLkR');
    expect(key(at('/lightning/r/Lead/00Q5g00001SwlkREAV/view'))).not.toBe('salesforce:lead:00Q5g00001SwLkR');
  });

  it('reads the focused subtab of a console workspace from the path, not the workspace in ws=', () => {
    const url = at('/lightning/r/Contact/0035g00002GrWkEAAV/view?ws=%2Flightning%2Fr%2FLead%2F00Q5g00001MtYgREAV%2Fview');
    expect(record(url)).toEqual({ crm: 'salesforce', objectType: 'Contact', id: '0035g00002GrWkEAAV' });
    // A focused Account subtab names no person, whatever its workspace.
    const account = new URL(at('/lightning/r/Account/0015g00001GrNtCAAV/view?ws=%2Flightning%2Fr%2FLead%2F00Q5g00001MtYgREAV%2Fview'));
    expect(salesforce.record!(account)).toBeNull();
  });

  it.each([
    '/lightning/r/Lead/00Q5g00001SwLkREA/view', // 17 characters
    '/lightning/r/Lead/00Q5g00001SwLk/view', // 14
    '/lightning/r/Lead/00Q5g00001SwLk-EAV/view',
    '/lightning/r/Lead/00Q5g00001SwLkREAV/related/Histories/view',
    '/lightning/o/Lead/list',
    '/lightning/r/Opportunity/0065g00000AbCdEFGH/view',
  ])('names nothing at %s', (path) => {
    expect(salesforce.record!(new URL(at(path)))).toBeNull();
  });
});

describe('HubSpot', () => {
  it.each([
    ['https://app.hubspot.com/contacts/4812345/record/0-1/93150001', '93150001'],
    ['https://app-na2.hubspot.com/contacts/243912345/record/0-1/98765432101/', '98765432101'],
    ['https://app-ap1.hubspot.com/contacts/442914926/contact/8801234', '8801234'],
    ['https://app-eu1.hubspot.com/contacts/26123456/record/0-1/901?interaction=note', '901'],
  ])('%s names contact %s', (url, id) => {
    expect(hubspot.record!(new URL(url))).toEqual({ crm: 'hubspot', objectType: 'contact', id });
  });

  it.each([
    'https://app.hubspot.com/contacts/4812345/record/0-2/501', // a company
    'https://app.hubspot.com/contacts/4812345/record/0-1/0',
    'https://app.hubspot.com/contacts/4812345/objects/0-1/views/all/list',
  ])('names nothing at %s', (url) => {
    expect(hubspot.record!(new URL(url))).toBeNull();
  });
});

describe('Dynamics 365', () => {
  const form = (query: string) => new URL(`https://leadlens-demo.crm4.dynamics.com/main.aspx?appid=1&${query}`);

  it('names the table and the GUID, however the link writes it', () => {
    const guid = 'f0409e94-460b-49b8-8c7b-7e121e5b715e';
    for (const id of [guid, guid.toUpperCase(), `%7B${guid.toUpperCase()}%7D`, `{${guid}}`]) {
      expect(dynamics.record!(form(`pagetype=entityrecord&etn=contact&id=${id}`))).toEqual({ crm: 'dynamics', objectType: 'contact', id: guid });
    }
    expect(dynamics.record!(form(`etn=lead&id=${guid}&pagetype=entityrecord`))).toEqual({ crm: 'dynamics', objectType: 'lead', id: guid });
  });

  it.each([
    'pagetype=entityrecord&etn=account&id=f0409e94-460b-49b8-8c7b-7e121e5b715e',
    'pagetype=entitylist&etn=contact&viewid=f0409e94-460b-49b8-8c7b-7e121e5b715e',
    'pagetype=entityrecord&etn=contact', // a new contact's form: no record yet
    'pagetype=entityrecord&etn=lead&id=2',
  ])('names nothing at ?%s', (query) => {
    expect(dynamics.record!(form(query))).toBeNull();
  });
});

describe('Pipedrive', () => {
  it('names a person, and a deal (whose person the page shows)', () => {
    expect(pipedrive.record!(new URL('https://leadlens-demo.pipedrive.com/person/1866'))).toEqual({ crm: 'pipedrive', objectType: 'person', id: '1866' });
    expect(pipedrive.record!(new URL('https://leadlens-demo.pipedrive.com/deal/977/'))).toEqual({ crm: 'pipedrive', objectType: 'deal', id: '977' });
  });

  it.each(['/organization/312', '/person/0', '/persons/list', '/deal/abc'])('names nothing at %s', (path) => {
    expect(pipedrive.record!(new URL(`https://leadlens-demo.pipedrive.com${path}`))).toBeNull();
  });
});
