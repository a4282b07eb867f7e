// @vitest-environment happy-dom
// The overlay reads only the parts of a page that changed, by calling find() on them. For every saved
// page and every element of it: find(element) is exactly what find(document) reports inside that
// element, and an element that neither matches nor holds the adapter's watch selector yields nothing
// (so the overlay may skip it without reading it).
import { describe, expect, it } from 'vitest';
import { adapterFor, PAGE_ADAPTERS } from '../../../lib/pages';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { loadPage } from './load';

const optIn = (adapter: string) => (adapter === 'mailto' ? ['mailto'] : []);

describe.each(PAGE_FIXTURES)('$file', (fixture) => {
  const adapter = adapterFor(fixture.url, optIn(fixture.adapter))!;

  it('reads each element as its part of the whole page', () => {
    const doc = loadPage(fixture);
    const whole = adapter.find(doc);
    expect(whole.length).toBeGreaterThan(0);
    for (const element of doc.querySelectorAll('*')) {
      const part = whole.filter(({ anchor }) => element.contains(anchor));
      expect(adapter.find(element), element.outerHTML.slice(0, 120)).toEqual(part);
    }
  });

  it('finds nothing in an element that neither matches nor holds its watch selector', () => {
    const doc = loadPage(fixture);
    const selector = adapter.watch!.selector;
    const unwatched = [...doc.querySelectorAll('*')].filter((element) => !element.matches(selector) && !element.querySelector(selector));
    expect(unwatched.length).toBeGreaterThan(0);
    for (const element of unwatched) expect(adapter.find(element), element.outerHTML.slice(0, 120)).toEqual([]);
  });
});

describe('every adapter', () => {
  it.each(PAGE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s says what to watch', (_, adapter) => {
    expect(adapter.watch?.selector).toBeTruthy();
  });
});
