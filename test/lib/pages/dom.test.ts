// @vitest-environment happy-dom
// The adapters' shared helpers: address checks, mailto: parsing, loud-in-development lookups.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dedupe, firstPerEmail, isShown, mailtoAddresses, normaliseEmail, queryAllOrFail } from '../../../lib/pages/dom';
import { SelectorError } from '../../../lib/pages/types';

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
