// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectors as dynamicsSelectors } from '../../../lib/pages/dynamics';
import { selectors as gmailSelectors } from '../../../lib/pages/gmail';
import { selectors as hubspotSelectors } from '../../../lib/pages/hubspot';
import { mailtoAddresses } from '../../../lib/pages/dom';
import { selectors as mailtoSelectors } from '../../../lib/pages/mailto';
import { selectors as pipedriveSelectors } from '../../../lib/pages/pipedrive';
import { selectors as salesforceSelectors } from '../../../lib/pages/salesforce';
import { adapterFor, PAGE_ADAPTERS } from '../../../lib/pages';
import { PAGE_FIXTURES } from '../../fixtures/pages';

function load(file: string): Document {
  const html = readFileSync(join(__dirname, '../../fixtures/pages', file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('page fixtures (meta)', () => {
  it('every adapter has at least one saved page, and every saved page names a known adapter', () => {
    const ids = PAGE_ADAPTERS.map((adapter) => adapter.id);
    for (const id of ids) expect(PAGE_FIXTURES.some((fixture) => fixture.adapter === id), `fixture for ${id}`).toBe(true);
    for (const fixture of PAGE_FIXTURES) expect(ids).toContain(fixture.adapter);
  });

  it('holds at least two variants for every site', () => {
    for (const { id } of PAGE_ADAPTERS.filter((adapter) => adapter.id !== 'mailto')) {
      expect(PAGE_FIXTURES.filter((fixture) => fixture.adapter === id).length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('carries the capture date in every fixture file name', () => {
    for (const fixture of PAGE_FIXTURES) expect(fixture.file).toMatch(/\.\d{4}-\d{2}-\d{2}\.html$/);
  });
});

const optIn = (fixture: { adapter: string }) => (fixture.adapter === 'mailto' ? ['mailto'] : []);

describe.each(PAGE_FIXTURES)('$file', (fixture) => {
  it('is read by the adapter its URL selects', () => {
    expect(adapterFor(fixture.url, optIn(fixture))?.id).toBe(fixture.adapter);
  });

  it('yields exactly the expected addresses, with roles, each anchored in the page', () => {
    const doc = load(fixture.file);
    const found = adapterFor(fixture.url, optIn(fixture))!.find(doc);
    expect(found.map(({ email, role }) => ({ email, role }))).toEqual(fixture.expected);
    for (const { anchor } of found) expect(doc.contains(anchor)).toBe(true);
  });
});

describe('gmail selectors', () => {
  it.each([
    ['gmail/thread-multi-recipient.2026-11-22.html', { main: 1, sender: 2, recipient: 3, composeRecipient2026: 0, composeRecipient2019: 0 }],
    ['gmail/compose-and-hostile.2026-11-22.html', { main: 1, sender: 1, recipient: 4, composeRecipient2026: 2, composeRecipient2019: 1 }],
  ])('match the stated counts on %s', (file, counts) => {
    const doc = load(file);
    for (const [name, count] of Object.entries(counts)) {
      expect(doc.querySelectorAll(gmailSelectors[name as keyof typeof gmailSelectors]).length, name).toBe(count);
    }
  });

  it('reads identity from attributes only: text and hostile attributes give nothing', () => {
    const emails = adapterFor(PAGE_FIXTURES[1]!.url)!.find(load(PAGE_FIXTURES[1]!.file)).map((found) => found.email);
    expect(emails).not.toContain('no-attribute@evil.example.com');
    expect(emails).not.toContain('fake@text-only.example.com');
    expect(emails.some((email) => /[<>"]|javascript/.test(email))).toBe(false);
  });

  it('finds nothing on pages that are not Gmail', () => {
    expect(adapterFor('https://mail.google.com.evil.example.com/')).toBeUndefined();
    expect(adapterFor('https://example.com/mail')).toBeUndefined();
  });
});

describe.each([
  ['salesforce/console-lead-and-hidden-contact.2026-11-22.html', salesforceSelectors, { activeRecord: 1, email: 3 }],
  ['hubspot/contact-record.2026-11-22.html', hubspotSelectors, { sidebar: 1, email: 2 }],
  ['dynamics/lead-form.2026-11-22.html', dynamicsSelectors, { form: 2, email: 1 }],
  ['pipedrive/person.2026-11-22.html', pipedriveSelectors, { details: 1, email: 2 }],
  ['mailto/company-contact-page.2026-11-22.html', mailtoSelectors, { link: 4 }],
] as const)('%s selectors', (file, selectors, counts) => {
  it('match the stated counts', () => {
    const doc = load(file);
    for (const [name, count] of Object.entries(counts)) {
      expect(doc.querySelectorAll((selectors as Record<string, string>)[name]!).length, name).toBe(count);
    }
  });
});

describe('CRM record pages', () => {
  it('read only the active Lightning tab, once per address', () => {
    const fixture = PAGE_FIXTURES.find((candidate) => candidate.adapter === 'salesforce')!;
    const found = adapterFor(fixture.url)!.find(load(fixture.file));
    expect(found.map((address) => address.email)).toEqual(['noah.wright@orbitlabs.example.com']);
  });

  it('match Contact records too, and not other Salesforce pages', () => {
    expect(adapterFor('https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ/view')?.id).toBe('salesforce');
    expect(adapterFor('https://acme.lightning.force.com/lightning/o/Lead/list')).toBeUndefined();
  });

  it('read a Dynamics form only for leads and contacts', () => {
    const doc = load('dynamics/lead-form.2026-11-22.html');
    doc.querySelector('#mainContent')!.setAttribute('data-lp-id', 'MscrmControls.Containers.FormControl|account|main');
    expect(adapterFor('https://x.crm.dynamics.com/main.aspx?etn=account')!.find(doc)).toEqual([]);
  });
});

describe('mailto links', () => {
  it('are read only where the user turned them on', () => {
    expect(adapterFor('https://sakura-seiki.example.jp/contact')).toBeUndefined();
    expect(adapterFor('https://mail.google.com/mail/u/0/', ['mailto'])?.id).toBe('gmail');
  });

  it.each([
    ['mailto:a@b.example.com?subject=hi', ['a@b.example.com']],
    ['mailto:A%40B.example.com,%20c@d.example.com', ['a@b.example.com', 'c@d.example.com']],
    ['mailto:%E0%A4%A', []],
    ['mailto:<script>@x.example.com', []],
    ['https://example.com', []],
    [null, []],
  ])('%s -> %j', (href, emails) => {
    expect(mailtoAddresses(href)).toEqual(emails);
  });
});
