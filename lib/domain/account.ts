// Which company (account) a lead works for, so that the card can show who else there is engaging
// and the popup and the report can group by it. In order of trust: the source's own account id
// (HubSpot's associated company, Marketo's Salesforce account, the Lead Context API's accountId),
// else the registrable domain of a corporate email address, else the company name normalised, as a
// last resort. A free-mail address with no account id from the source has no account at all: two
// Gmail users share nothing, and a company name typed into a form by a Gmail user is too weak to
// group on. Runs in the background only (the public-suffix and free-mail lists are large).
import { getDomain } from 'tldts';
// The list as its JSON text: a string the service worker reads at each start in well under a
// millisecond, where the 14,000-string array literal took about 9 ms with its Set. Parsed at the
// first address that needs it.
import freeMailJson from 'free-email-domains/domains.json?raw';
import type { Lead } from './model';
import { accountName, DOMAIN_KEY, type AccountRef } from './account-name';

export type { AccountRef };

let freeMail: Set<string> | undefined;
const isListedFreeMail = (domain: string) => (freeMail ??= new Set<string>(JSON.parse(freeMailJson) as string[])).has(domain);

type AccountFields = Pick<Lead, 'email' | 'company' | 'accountId' | 'accountName'>;

/**
 * The lead's account: `id:<the source's account id>`, `domain:<registrable domain>` or
 * `name:<normalised company name>`; undefined for free mail without an account id, or with nothing to go on.
 */
export function accountOf(lead: AccountFields): AccountRef | undefined {
  const key = accountKeyOf(lead);
  return key === undefined ? undefined : { key, name: accountName(lead, key) };
}

/** Just the key: what the cache stores and indexes for every lead it writes. */
export function accountKeyOf(lead: AccountFields): string | undefined {
  const sourceId = lead.accountId?.trim();
  // The cache holds one source's leads at a time (source-switch.ts), so its ids need no source prefix.
  if (sourceId) return `id:${sourceId}`;
  const domain = emailDomain(lead.email);
  if (domain === undefined) return undefined;
  const byDomain = domainKey(domain);
  if (byDomain !== NO_DOMAIN) return byDomain ?? undefined;
  const name = normaliseCompanyName(lead.company);
  return name ? `name:${name}` : undefined;
}

const emailDomain = (email: string) => email.trim().toLowerCase().split('@')[1] || undefined;

/** The domain has no registrable part (an intranet host): the company name has to do. */
const NO_DOMAIN = '';
/**
 * A sync writes thousands of leads from a few hundred domains: each domain's answer is worked out
 * once (null: free mail, no account). Bounded, so a worker's memory stays flat.
 */
const domainKeys = new Map<string, string | null>();
const DOMAIN_KEYS_KEPT = 20_000;

function domainKey(domain: string): string | null {
  let key = domainKeys.get(domain);
  if (key === undefined) {
    const registrable = registrableDomain(domain);
    key = isListedFreeMail(domain) || (registrable !== undefined && isListedFreeMail(registrable)) ? null : registrable ? `${DOMAIN_KEY}${registrable}` : NO_DOMAIN;
    if (domainKeys.size >= DOMAIN_KEYS_KEPT) domainKeys.clear();
    domainKeys.set(domain, key);
  }
  return key;
}

// The input is a host name already (an email's domain, which the Email schema checked): skip tldts's URL parsing.
const HOSTNAME_ONLY = { allowPrivateDomains: true, extractHostname: false, detectIp: false, mixedInputs: false } as const;

/** The part of a domain one organisation registered: sub.example.co.jp and example.co.jp are both example.co.jp. */
export function registrableDomain(domain: string): string | undefined {
  // Private suffixes (github.io, s3.amazonaws.com) count: what sits under them belongs to different owners.
  const registrable = getDomain(domain, HOSTNAME_ONLY);
  if (!registrable) return undefined;
  // The reserved documentation domains (example.com, example.jp, RFC 2606 and JPRS) belong to no one:
  // each company the demo and the tests invent under one (sakura-seiki.example.jp) is its own account.
  if (!registrable.startsWith('example.') || domain === registrable) return registrable;
  const company = domain.slice(0, -registrable.length - 1).split('.').at(-1)!;
  return `${company}.${registrable}`;
}

/** A free-mail (or disposable) domain, by the free-email-domains list: the address says nothing of an employer. */
export function isFreeMail(domain: string): boolean {
  return domainKey(domain.toLowerCase()) === null;
}

// Legal forms, Japanese before or after the name, in kanji or abbreviated in parentheses (㈱ is (株) after NFKC).
const JAPANESE_FORMS = ['株式会社', '有限会社', '合同会社', '合資会社', '合名会社', '(株)', '(有)', '(同)', '(資)', '(名)'];
const JAPANESE_FORM = new RegExp(`^(?:${JAPANESE_FORMS.map(escape).join('|')})|(?:${JAPANESE_FORMS.map(escape).join('|')})$`, 'g');
// English and European ones, as words at the end once dots are gone: "Co., Ltd." is co ltd, "K.K." is kk.
const TRAILING_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'kk', 'gk', 'gmbh', 'ag', 'plc', 'sa', 'bv', 'nv', 'pte', 'pty', 'srl', 'ab', 'oy']);

/**
 * A company name reduced to what stays the same however it is written: NFKC (full-width and
 * half-width forms alike), lower case, legal forms dropped, spaces and punctuation gone.
 * "株式会社サンプル", "サンプル(株)", "㈱サンプル" are one; "Acme, Inc." and "ACME Corporation" are one.
 */
export function normaliseCompanyName(name: string): string {
  let text = name.normalize('NFKC').toLowerCase().trim();
  // Strip a legal form at either end until none is left ("株式会社サンプル(株)" is rare but seen).
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(JAPANESE_FORM, '').trim();
  }
  const words = text
    .replace(/\./g, '')
    .split(/[\p{P}\p{S}\p{Z}\s]+/u)
    .filter(Boolean);
  while (words.length > 1 && TRAILING_FORMS.has(words.at(-1)!)) words.pop();
  return words.join('');
}

function escape(text: string): string {
  return text.replace(/[()]/g, '\\$&');
}
