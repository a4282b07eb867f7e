// @vitest-environment happy-dom
// Which adapter a URL gets: the site's own for its pages, none elsewhere, mailto only where turned on.
import { describe, expect, it } from 'vitest';
import { adapterFor, PAGE_ADAPTERS, SITE_ADAPTERS, siteAdapterFor } from '../../../lib/pages';
import { PAGE_FIXTURES } from '../../fixtures/pages';

describe('adapterFor', () => {
  it.each([
    ['https://contoso.crm7.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=lead&id=2', 'dynamics'],
    ['https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=3', 'dynamics'],
    ['https://app-eu1.hubspot.com/contacts/26123456/record/0-1/901', 'hubspot'],
  ])('reads the regional hosts too: %s', (url, adapter) => {
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
    'https://leadlens-demo.pipedrive.com/deal/42',
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
