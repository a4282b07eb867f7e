// @vitest-environment happy-dom
// Each saved page, read by the adapter its URL selects: exactly the expected addresses, roles and anchors.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../lib/pages';
import { containsComposed } from '../../../lib/pages/dom';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { loadPage } from './load';

const optIn = (adapter: string) => (adapter === 'mailto' ? ['mailto'] : []);

describe.each(PAGE_FIXTURES)('$file', (fixture) => {
  it('is read by the adapter its URL selects', () => {
    expect(adapterFor(fixture.url, optIn(fixture.adapter))?.id).toBe(fixture.adapter);
  });

  it('yields exactly the expected addresses and roles, in document order', () => {
    const found = adapterFor(fixture.url, optIn(fixture.adapter))!.find(loadPage(fixture));
    expect(found.map(({ email, role }) => ({ email, role }))).toEqual(fixture.expected);
  });

  it('anchors each address to an element of the page (or of an open shadow root in it), once per address and element', () => {
    const doc = loadPage(fixture);
    const found = adapterFor(fixture.url, optIn(fixture.adapter))!.find(doc);
    for (const { anchor } of found) {
      expect(anchor.isConnected).toBe(true);
      expect(containsComposed(doc.body, anchor)).toBe(true);
    }
    const keys = found.map(({ email, anchor }) => `${email} ${found.findIndex((other) => other.anchor === anchor)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds the same anchors when the page is read again (no duplicate cards)', () => {
    const doc = loadPage(fixture);
    const adapter = adapterFor(fixture.url, optIn(fixture.adapter))!;
    expect(adapter.find(doc)).toEqual(adapter.find(doc));
  });
});
