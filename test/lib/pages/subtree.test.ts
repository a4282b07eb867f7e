// @vitest-environment happy-dom
// The overlay reads only the parts of a page that changed, by calling find() on them. For every saved
// page and every element of it, those inside open shadow roots too: find(element) is exactly what
// find(document) reports inside that element (counting a shadow root's content as inside its host),
// and an element of the document that neither matches nor holds the adapter's watch selector yields
// nothing (so the overlay may skip it without reading it). An open shadow root's content is beyond
// both the selector and the document's MutationObserver: an element that is or holds a shadow host
// must be read whatever it matches (and its roots observed).
import { describe, expect, it } from 'vitest';
import { adapterFor, PAGE_ADAPTERS } from '../../../lib/pages';
import { containsComposed } from '../../../lib/pages/dom';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { allElements, loadPage } from './load';

const optIn = (adapter: string) => (adapter === 'mailto' ? ['mailto'] : []);

describe.each(PAGE_FIXTURES)('$file', (fixture) => {
  const adapter = adapterFor(fixture.url, optIn(fixture.adapter))!;

  it('reads each element as its part of the whole page', () => {
    const doc = loadPage(fixture);
    const whole = adapter.find(doc);
    // A page known by its record alone (expected: []) yields nothing from any part either.
    expect(whole.map(({ email }) => email)).toEqual(fixture.expected.map(({ email }) => email));
    for (const element of allElements(doc)) {
      const part = whole.filter(({ anchor }) => containsComposed(element, anchor));
      expect(adapter.find(element), element.outerHTML.slice(0, 120)).toEqual(part);
    }
  });

  it('finds nothing in an element that neither matches nor holds its watch selector, nor an open shadow root', () => {
    const doc = loadPage(fixture);
    const selector = adapter.watch!.selector;
    const holdsShadowRoot = (element: Element) => allElements(element).some((inside) => inside.shadowRoot) || !!element.shadowRoot;
    const unwatched = [...doc.querySelectorAll('*')].filter(
      (element) => !element.matches(selector) && !element.querySelector(selector) && !holdsShadowRoot(element),
    );
    expect(unwatched.length).toBeGreaterThan(0);
    for (const element of unwatched) expect(adapter.find(element), element.outerHTML.slice(0, 120)).toEqual([]);
  });
});

describe('every adapter', () => {
  it.each(PAGE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s says what to watch', (_, adapter) => {
    expect(adapter.watch?.selector).toBeTruthy();
  });
});
