// @vitest-environment happy-dom
// The adapters' shared helpers: address checks, mailto: parsing, loud-in-development lookups.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closestComposed,
  containsComposed,
  dedupe,
  firstPerEmail,
  insideAny,
  isShown,
  mailtoAddresses,
  normaliseEmail,
  openShadowRoots,
  queryAllDeep,
  queryAllOrFail,
  scopesOf,
  SHADOW_LIMITS,
} from '../../../lib/pages/dom';
import { SelectorError } from '../../../lib/pages/types';
import { attachDeclarativeShadowRoots } from './load';

afterEach(() => vi.unstubAllEnvs());

describe('normaliseEmail', () => {
  it.each([
    [' Ken.Kato@Hikari-Cloud.example.jp ', 'ken.kato@hikari-cloud.example.jp'],
    ["o'brien+sales@example.co.uk", "o'brien+sales@example.co.uk"],
    ['<script>alert(1)</script>@evil.example.com', null],
    ['" onmouseover="alert(3)', null],
    ['javascript:alert(4)', null],
    ['two@evil.example.com, three@evil.example.com', null],
    ['name <a@example.com>', null],
    ['a@localhost', null],
    ['.a@example.com', null],
    ['a..b@example.com', null],
    [`${'a'.repeat(250)}@example.com`, null],
    ['', null],
    [null, null],
  ])('%j -> %j', (raw, email) => {
    expect(normaliseEmail(raw)).toBe(email);
  });
});

describe('mailtoAddresses', () => {
  it.each([
    ['mailto:a@b.example.com?subject=hi&cc=c@d.example.com', ['a@b.example.com']],
    ['MAILTO:A%40B.example.com,%20c@d.example.com', ['a@b.example.com', 'c@d.example.com']],
    ['mailto:a%2Cb@x.example.com', []],
    ['mailto:a@x.example.com%2Cb@y.example.com', []],
    ['mailto:%22Sales%22%20%3Csales@x.example.com%3E', ['sales@x.example.com']],
    ['mailto:ok@x.example.com,%E0%A4%A', ['ok@x.example.com']],
    ['mailto:<script>@x.example.com', []],
    ['mailto:', []],
    ['https://example.com', []],
    [null, []],
  ])('%s -> %j', (href, emails) => {
    expect(mailtoAddresses(href)).toEqual(emails);
  });
});

describe('queryAllOrFail', () => {
  it('throws a SelectorError naming the selector in development', () => {
    const error = (() => {
      try {
        queryAllOrFail(document, 'div[role="main"]');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SelectorError);
    expect((error as SelectorError).selector).toBe('div[role="main"]');
    expect((error as SelectorError).message).toContain('div[role="main"]');
  });

  it('finds nothing, quietly, for the user', () => {
    vi.stubEnv('DEV', false);
    expect(queryAllOrFail(document, 'div[role="main"]')).toEqual([]);
  });
});

describe('de-duplication and visibility', () => {
  const page = new DOMParser().parseFromString('<p id="a"></p><p id="b"></p><div style="display: none"><p id="c"></p></div><p id="d" hidden></p>', 'text/html');
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => page.getElementById(id)!);

  it('keeps one entry per address and element', () => {
    const found = [
      { email: 'x@example.com', anchor: a!, role: 'link' as const },
      { email: 'x@example.com', anchor: a!, role: 'link' as const },
      { email: 'x@example.com', anchor: b!, role: 'link' as const },
      { email: 'y@example.com', anchor: a!, role: 'link' as const },
    ];
    expect(dedupe(found)).toEqual([found[0], found[2], found[3]]);
    expect(firstPerEmail(found)).toEqual([found[0], found[3]]);
  });

  it('treats inline display:none and [hidden], on the element or above, as hidden', () => {
    expect([a, b, c, d].map((element) => isShown(element!))).toEqual([true, true, false, false]);
  });
});

describe('open shadow roots', () => {
  /** A page as a browser parses it, declarative shadow roots attached. */
  const parse = (html: string) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    attachDeclarativeShadowRoots(doc);
    return doc;
  };
  const page = parse(`<section class="page"><x-field id="field"><template shadowrootmode="open"><div class="value"><x-link>
    <template shadowrootmode="open"><a id="deep" href="mailto:a@example.com">a</a></template></x-link></div></template>
    <a id="light" href="mailto:b@example.com">b</a></x-field>
    <x-closed><template shadowrootmode="closed"><a href="mailto:c@example.com">c</a></template></x-closed>
    <x-hidden style="display: none"><template shadowrootmode="open"><a id="hidden" href="mailto:d@example.com">d</a></template></x-hidden></section>`);
  const field = page.getElementById('field')!;
  const deep = queryAllDeep(page, 'a').find((link) => link.id === 'deep')!;

  it('finds what open roots hold, in tree order, the shadow tree before its host\'s children, and none of a closed root', () => {
    expect(queryAllDeep(page, 'a').map((link) => link.id)).toEqual(['deep', 'light', 'hidden']);
    expect(queryAllDeep(field, 'a').map((link) => link.id)).toEqual(['deep', 'light']);
    expect(queryAllDeep(deep, 'a')).toEqual([deep]);
  });

  it('looks up and around through hosts: closest, contains, visibility and scopes', () => {
    expect(closestComposed(deep, 'x-field')).toBe(field);
    expect(closestComposed(deep, '.page')).toBe(page.querySelector('.page'));
    expect(deep.closest('x-field')).toBeNull();
    expect(containsComposed(field, deep)).toBe(true);
    expect(containsComposed(page.body, deep)).toBe(true);
    expect(containsComposed(page.querySelector('x-closed')!, deep)).toBe(false);
    // The same, asked of several roots at once.
    expect(insideAny(new Set([page.querySelector('x-closed')!, field]), deep)).toBe(true);
    expect(insideAny(new Set([page]), deep)).toBe(true);
    expect(insideAny(new Set([page.querySelector('x-closed')!, page.querySelector('#hidden')!]), deep)).toBe(false);
    expect(insideAny(new Set([deep]), deep)).toBe(true);
    expect(isShown(deep)).toBe(true);
    expect(isShown(queryAllDeep(page, '#hidden')[0]!)).toBe(false);
    expect(scopesOf(deep, '.page')).toEqual([page.querySelector('.page')]);
  });

  it('lists the open roots an observer must watch as well, not the closed one', () => {
    expect(openShadowRoots(page).map((root) => root.host.tagName)).toEqual(['X-FIELD', 'X-LINK', 'X-HIDDEN']);
    expect(openShadowRoots(deep)).toEqual([]);
  });

  it('stops at its bounds on a runaway page: so deep, and so many roots', () => {
    const bounds = { ...SHADOW_LIMITS };
    Object.assign(SHADOW_LIMITS, { depth: 5, roots: 10 }); // the same rule, at a size happy-dom parses quickly
    try {
      const nest = (levels: number): string => (levels === 0 ? '<a href="mailto:e@example.com">e</a>' : `<x-n><template shadowrootmode="open">${nest(levels - 1)}</template></x-n>`);
      expect(queryAllDeep(parse(nest(5)), 'a')).toHaveLength(1);
      expect(queryAllDeep(parse(nest(6)), 'a')).toHaveLength(0);
      const many = parse('<x-n><template shadowrootmode="open"><a href="mailto:f@example.com">f</a></template></x-n>'.repeat(11));
      expect(queryAllDeep(many, 'a')).toHaveLength(10);
    } finally {
      Object.assign(SHADOW_LIMITS, bounds);
    }
    expect(SHADOW_LIMITS).toEqual({ depth: 24, roots: 5000 });
  });
});
