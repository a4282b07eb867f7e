// The match patterns the adapters' URLs are tested with, as Chrome applies a content script's
// `matches`: scheme, host with a leading `*.`, path glob over the path and query. Checked against
// @webext-core/match-patterns (which WXT ships, and which reads the path without the query) where the
// two agree, and against Chrome's documented examples where they do not.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { describe, expect, it } from 'vitest';
import { matchPattern } from '../../../lib/pages/match-pattern';
import { PAGE_ADAPTERS } from '../../../lib/pages';

const matches = (pattern: string, url: string) => matchPattern(pattern)(new URL(url));

const CASES: [pattern: string, url: string, expected: boolean][] = [
  // Chrome's examples (developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
  ['https://*/*', 'https://www.google.com/', true],
  ['https://*/*', 'https://example.org/foo/bar.html', true],
  ['https://*/*', 'http://example.org/', false],
  ['https://*/foo*', 'https://example.com/foo/bar.html', true],
  ['https://*/foo*', 'https://www.google.com/foo', true],
  ['https://*/foo*', 'https://www.google.com/bar/foo', false],
  ['https://*.google.com/foo*bar', 'https://www.google.com/foo/baz/bar', true],
  ['https://*.google.com/foo*bar', 'https://docs.google.com/foobar', true],
  ['https://*.google.com/foo*bar', 'https://google.com/foobar', true],
  ['https://*.google.com/foo*bar', 'https://google.com.evil.example/foobar', false],
  ['https://*.google.com/foo*bar', 'https://notgoogle.com/foobar', false],
  ['*://mail.google.com/*', 'http://mail.google.com/foo/baz/bar', true],
  ['*://mail.google.com/*', 'https://mail.google.com/foobar', true],
  ['*://mail.google.com/*', 'ftp://mail.google.com/', false],
  ['https://example.org/foo/bar.html', 'https://example.org/foo/bar.html', true],
  ['https://example.org/foo/bar.html', 'https://example.org/foo/bar.htm', false],
  ['file:///foo*', 'file:///foo/bar.html', true],
  ['file:///foo*', 'file:///foo', true],
  ['https://127.0.0.1/*', 'https://127.0.0.1/', true],
  ['https://127.0.0.1/*', 'https://127.0.0.1:8443/', true], // no port in the pattern: any port
  // Paths are case-sensitive; URL hosts come lower-cased.
  ['https://app.hubspot.com/Contacts/*', 'https://app.hubspot.com/contacts/1', false],
  ['https://app.hubspot.com/contacts/*', 'https://APP.HUBSPOT.COM/contacts/1', true],
  // Characters a regular expression would read as its own.
  ['https://example.org/a+b(c)?.html', 'https://example.org/a+b(c)?.html', true],
  ['https://example.org/a.b', 'https://example.org/axb', false],
];

describe('matchPattern', () => {
  it.each(CASES)('%s takes in %s: %s', (pattern, url, expected) => {
    expect(matches(pattern, url)).toBe(expected);
  });

  it('agrees with @webext-core/match-patterns on every case without a query', () => {
    for (const [pattern, url] of CASES.filter(([pattern]) => !pattern.startsWith('file') && !pattern.includes('?'))) {
      expect(matches(pattern, url), `${pattern} ${url}`).toBe(new MatchPattern(pattern).includes(url));
    }
  });

  it('matches the path glob against the path and the query, as Chrome does', () => {
    expect(matches('https://example.org/main.aspx*', 'https://example.org/main.aspx?etn=lead&id=1')).toBe(true);
    expect(matches('https://example.org/*etn=lead*', 'https://example.org/main.aspx?etn=lead&id=1')).toBe(true);
    expect(matches('https://example.org/*', 'https://example.org/a#fragment')).toBe(true);
    expect(matches('https://example.org/a', 'https://example.org/a#fragment')).toBe(true); // the fragment is never matched
  });

  it.each(['https://*.example.*/', 'https://exa*mple.org/*', 'https://example.org', 'https://example.org:8080/*', 'chrome://extensions/*', 'http:///*', 'file://host/*'])(
    'refuses %s, as Chrome would',
    (pattern) => {
      expect(() => matchPattern(pattern)).toThrow(pattern);
    },
  );

  it("takes every adapter's patterns", () => {
    for (const adapter of PAGE_ADAPTERS) for (const pattern of adapter.matches) expect(() => matchPattern(pattern)).not.toThrow();
  });
});
