// Chrome's match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns),
// applied as the browser applies a content script's `matches` to a page: the scheme (`*` is http and
// https), the host (`*` any, `*.example.com` it and every subdomain, else exactly), and the path glob
// (`*` any run of characters) against the URL's path and query. Written out because the sites script
// carries it onto every CRM page, and a library's general-purpose class cost 0.7 KB gzipped there.

export type UrlTest = (url: URL) => boolean;

const PATTERN = /^(\*|https?|wss?|ftp|file):\/\/(\*|(?:\*\.)?[^/*:]+)?(\/.*)$/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A test for URLs the pattern takes in; throws on a pattern Chrome would refuse (or one with a port). */
export function matchPattern(pattern: string): UrlTest {
  const [, scheme, host = '', glob = ''] = PATTERN.exec(pattern) ?? [];
  if (!scheme || (scheme === 'file') !== (host === '')) throw new Error(`LeadLens: not a match pattern: ${pattern}`);
  const schemes = scheme === '*' ? ['http:', 'https:'] : [`${scheme}:`];
  const domain = host.startsWith('*.') ? host.slice(2).toLowerCase() : null;
  const hostMatches = (hostname: string) =>
    host === '*' || (domain === null ? hostname === host.toLowerCase() : hostname === domain || hostname.endsWith(`.${domain}`));
  const path = new RegExp(`^${glob.split('*').map(escape).join('.*')}$`, 's');
  return (url) => schemes.includes(url.protocol) && (scheme === 'file' || hostMatches(url.hostname)) && path.test(url.pathname + url.search);
}
