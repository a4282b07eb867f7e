// @vitest-environment happy-dom
// Which adapter a URL gets: the site's own for its pages, none elsewhere, mailto only where turned on.
import { describe, expect, it } from 'vitest';
import { adapterFor, PAGE_ADAPTERS, SITE_ADAPTERS, siteAdapterFor } from '../../../lib/pages';
import { PAGE_FIXTURES } from '../../fixtures/pages';

describe('adapterFor', () => {
  it.each([
    ['https://contoso.crm7.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=lead&id=2', 'dynamics'],
    ['https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=3', 'dynamics'],
    ...['crm', 'crm2', 'crm9', 'crm11', 'crm14', 'crm17', 'crm21', 'crm35'].map((region) => [`https://contoso.${region}.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=1`, 'dynamics']),
    ['https://contoso.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=lead&id=1', 'dynamics'],
    ['https://contoso.crm.appsplatform.us/main.aspx?pagetype=entityrecord&etn=lead&id=1', 'dynamics'],
    ['https://contoso.crm.dynamics.cn/main.aspx?pagetype=entityrecord&etn=contact&id=1', 'dynamics'],
    ...['app', 'app-eu1', 'app-na2', 'app-na3', 'app-ap1'].map((host) => [`https://${host}.hubspot.com/contacts/26123456/record/0-1/901`, 'hubspot']),
    ['https://app-ap1.hubspot.com/contacts/26123456/contact/901', 'hubspot'],
    ['https://leadlens-demo--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdE/view', 'salesforce'],
    ['https://leadlens-demo.pipedrive.com/deal/42', 'pipedrive'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
  ])('reads every region and data centre: %s', (url, adapter) => {
    expect(adapterFor(url)?.id).toBe(adapter);
  });

  it('knows Gmail and the sites; the sites script knows the sites only', () => {
    expect(PAGE_ADAPTERS.map((adapter) => adapter.id)).toEqual(['gmail', ...SITE_ADAPTERS.map((adapter) => adapter.id)]);
    expect(siteAdapterFor('https://mail.google.com/mail/u/0/', ['mailto'])?.id).toBe('mailto');
    expect(siteAdapterFor('https://app.hubspot.com/contacts/4812345/record/0-1/501', [])?.id).toBe('hubspot');
  });

  it.each(PAGE_FIXTURES.filter((fixture) => fixture.adapter !== 'mailto'))('picks $adapter for $url, even with mailto on', (fixture) => {
    expect(adapterFor(fixture.url)?.id).toBe(fixture.adapter);
    expect(adapterFor(fixture.url, ['mailto'])?.id).toBe(fixture.adapter);
  });

  it.each([
    'https://mail.google.com.evil.example.com/mail/u/0/',
    'http://mail.google.com/mail/u/0/',
    'https://accounts.google.com/signin',
    'https://leadlens-demo.lightning.force.com/lightning/o/Lead/list',
    'https://leadlens-demo.lightning.force.com/lightning/r/Account/0015g00000HiJkLM/view',
    'https://leadlens-demo.my.salesforce.com/00Q5g00000AbCdE',
    'https://app.hubspot.com/contacts/4812345/record/0-2/501',
    'https://app.hubspot.com/contacts/4812345/objects/0-1/views/all/list',
    'https://app.hubspot.com.evil.example.com/contacts/1/record/0-1/2',
    'https://leadlens-demo.crm.dynamics.com/api/data/v9.2/leads',
    // dynamics.com's other hosts: the Web API's, Finance and Operations, Business Central, the site itself.
    'https://leadlens-demo.api.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=1',
    'https://leadlens-demo.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=1',
    'https://businesscentral.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=1',
    'https://www.dynamics.com/main.aspx',
    'https://leadlens-demo.crm.dynamics.com.evil.example.com/main.aspx?pagetype=entityrecord&etn=lead&id=1',
    // hubspot.com's other hosts: the marketing site, the knowledge base, the API.
    'https://www.hubspot.com/contacts/1/record/0-1/2',
    'https://knowledge.hubspot.com/contacts/1/record/0-1/2',
    'https://api.hubspot.com/contacts/1/record/0-1/2',
    'https://leadlens-demo.pipedrive.com/organization/42',
    'https://example.com/contact',
    'not a url',
    '',
  ])('gives no adapter for %s', (url) => {
    expect(adapterFor(url)).toBeUndefined();
  });

  it('reads any page\'s mailto links only when the user turned them on', () => {
    expect(adapterFor('https://sakura-seiki.example.jp/contact')).toBeUndefined();
    expect(adapterFor('https://sakura-seiki.example.jp/contact', ['salesforce'])).toBeUndefined();
    expect(adapterFor('https://sakura-seiki.example.jp/contact', ['mailto'])?.id).toBe('mailto');
    expect(adapterFor('http://sakura-seiki.example.jp/contact', ['mailto'])).toBeUndefined();
  });

  it('has patterns that WXT and Chrome accept, all on https', () => {
    for (const adapter of PAGE_ADAPTERS) {
      expect(adapter.matches.length, adapter.id).toBeGreaterThan(0);
      for (const match of adapter.matches) expect(match).toMatch(/^https:\/\/(\*|\*\.[a-z0-9.-]+|[a-z0-9.-]+)\/.*$/);
    }
  });
});
