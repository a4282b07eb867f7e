// @vitest-environment happy-dom
// The CRM adapters read the record on screen, and only a lead's or contact's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamics } from '../../../lib/pages/dynamics';
import { salesforce } from '../../../lib/pages/salesforce';
import { SelectorError } from '../../../lib/pages/types';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { loadPage } from './load';

const fixture = (file: string) => PAGE_FIXTURES.find((candidate) => candidate.file.startsWith(file))!;
afterEach(() => vi.unstubAllEnvs());

describe('Salesforce', () => {
  it('follows the console tab the user selects', () => {
    const doc = loadPage(fixture('salesforce/console-'));
    const [lead, contact] = doc.querySelectorAll('section.oneConsoleTab');
    lead!.classList.remove('active');
    contact!.classList.add('active');
    expect(salesforce.find(doc).map(({ email }) => email)).toEqual(['sophia.king@crescent-capital.example.com']);
  });

  it('says which selector failed while a page is still loading, in development only', () => {
    const doc = loadPage(fixture('salesforce/lead-record'));
    doc.querySelector('.lafPageHost.active')!.classList.remove('active');
    expect(() => salesforce.find(doc)).toThrow(SelectorError);
    expect(() => salesforce.find(doc)).toThrow('.lafPageHost.active');
    vi.stubEnv('DEV', false);
    expect(salesforce.find(doc)).toEqual([]);
  });
});

describe('Dynamics 365', () => {
  it.each(['account', 'opportunity', 'leadsource'])('reads no %s form, though it has an email field', (table) => {
    const lead = fixture('dynamics/lead-form');
    expect(dynamics.find(loadPage({ ...lead, url: lead.url.replace('etn=lead', `etn=${table}`) }))).toEqual([]);
  });

  it('reads nothing, and stays quiet, on the leads and contacts lists', () => {
    const lead = fixture('dynamics/lead-form');
    expect(dynamics.find(loadPage({ ...lead, url: lead.url.replace('pagetype=entityrecord', 'pagetype=entitylist') }))).toEqual([]);
  });

  it('finds the table wherever it is in the query string', () => {
    const contact = fixture('dynamics/contact-form');
    const url = 'https://leadlens-demo.crm.dynamics.com/main.aspx?etn=contact&pagetype=entityrecord&id=2a3b4c5d';
    expect(dynamics.find(loadPage({ ...contact, url })).map(({ email }) => email)).toEqual(['daniel.clark@crescent-capital.example.com']);
  });

  it('gives nothing for an address half typed', () => {
    const doc = loadPage(fixture('dynamics/lead-form'));
    doc.querySelector<HTMLInputElement>('[data-id="editFormRoot"] [data-id^="emailaddress1"]')!.value = 'ava.clark@cres';
    expect(dynamics.find(doc)).toEqual([]);
  });
});
