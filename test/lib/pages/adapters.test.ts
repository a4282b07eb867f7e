// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectors as gmailSelectors } from '../../../lib/pages/gmail';
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

  it('carries the capture date in every fixture file name', () => {
    for (const fixture of PAGE_FIXTURES) expect(fixture.file).toMatch(/\.\d{4}-\d{2}-\d{2}\.html$/);
  });
});

describe.each(PAGE_FIXTURES)('$file', (fixture) => {
  it('is read by the adapter its URL selects', () => {
    expect(adapterFor(fixture.url)?.id).toBe(fixture.adapter);
  });

  it('yields exactly the expected addresses, with roles, each anchored in the page', () => {
    const doc = load(fixture.file);
    const found = adapterFor(fixture.url)!.find(doc);
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
