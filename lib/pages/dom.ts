// Helpers the adapters share. No zod here: this is content-script code, and it must stay small.
import { SelectorError, type AddressRole, type FoundAddress } from './types';

/** The shape zod's z.email() accepts (lib/domain/model.ts parses every address again): nothing found here is refused there. */
const EMAIL = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;

export function normaliseEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase() ?? '';
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** Elements for a selector that must match on this page: loud in development, quietly empty for the user. */
export function queryAllOrFail(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (found.length === 0 && import.meta.env?.DEV) throw new SelectorError(selector);
  return found;
}

/**
 * Hidden the way these apps hide cached views and collapsed fields: an inline display:none or
 * [hidden] on the element or an ancestor. Layout is not consulted, as it would force a reflow.
 */
const HIDDEN = '[hidden], [style*="display: none"], [style*="display:none"]';
export const isShown = (element: Element) => !element.closest(HIDDEN);
/** Whether a style attribute's value hides its element: HIDDEN's two styles. */
export const styleHides = (style: string | null) => /display: ?none/.test(style ?? '');

// find() reads the whole document, or one part of it that changed (see PageAdapter.find).
export const isDocument = (root: Document | Element): root is Document => root.nodeType === 9;
export const documentOf = (root: Document | Element): Document => (isDocument(root) ? root : root.ownerDocument);

/**
 * The containers (matching `selector`) a part of the page is read within: the one around it, else
 * those inside it. On the whole document: all of them, loudly none in development.
 */
export function scopesOf(root: Document | Element, selector: string): Element[] {
  if (isDocument(root)) return queryAllOrFail(root, selector);
  const around = root.closest(selector);
  return around ? [around] : [...root.querySelectorAll(selector)];
}

/**
 * The elements matching `selector` at or inside root, searched for by `key`: a loose form of it with
 * no ancestors outside root. Browsers match a query's ancestors outside the element queried, happy-dom
 * (the unit tests' DOM) does not; matches() sees them in both.
 */
export function within(root: Document | Element, selector: string, key = selector): Element[] {
  const candidates = [...root.querySelectorAll(key)];
  if (!isDocument(root)) candidates.unshift(root);
  return candidates.filter((element) => element.matches(selector));
}

/** Those of a container's addresses that are at or inside root: a container is read whole (one card per address) before it is narrowed. */
export const inside = (root: Document | Element, found: FoundAddress[]) => found.filter(({ anchor }) => root.contains(anchor));

/** One entry per element whose value (an attribute, an input's value) is an address, in document order. */
export function addressesIn(
  elements: Iterable<Element>,
  read: (element: Element) => string | null,
  role: AddressRole | ((element: Element) => AddressRole),
): FoundAddress[] {
  const found: FoundAddress[] = [];
  for (const anchor of elements) {
    const email = normaliseEmail(read(anchor));
    if (email) found.push({ email, anchor, role: typeof role === 'function' ? role(anchor) : role });
  }
  return found;
}

export const attribute = (name: string) => (element: Element) => element.getAttribute(name);

/** By tag, not instanceof: elements may come from another window (a parsed fixture, a frame). */
export const isInput = (element: Element): element is HTMLInputElement => element.tagName === 'INPUT';

/** The addresses of a mailto: link (RFC 6068): comma-separated, percent-encoded, before any ?subject=…. */
export function mailtoAddresses(href: string | null): string[] {
  if (!href?.toLowerCase().startsWith('mailto:')) return [];
  return href
    .slice('mailto:'.length)
    .split('?')[0]!
    .split(',') // only a literal comma separates: an encoded one (%2C) belongs to the address
    .flatMap((part) => decode(part) ?? [])
    .flatMap((part) => normaliseEmail(/<([^>]*)>/.exec(part)?.[1] ?? part) ?? []);
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The addresses of mailto: links, one entry per link and address. */
export function linkAddresses(links: Iterable<Element>, role: AddressRole): FoundAddress[] {
  return [...links].flatMap((anchor) => mailtoAddresses(anchor.getAttribute('href')).map((email) => ({ email, anchor, role })));
}

/** A record page shows its address in several places: one card, at the first. */
export function firstPerEmail(found: FoundAddress[]): FoundAddress[] {
  const seen = new Set<string>();
  return found.filter(({ email }) => !seen.has(email) && !!seen.add(email));
}

/** Once per address and element, however many selectors or link parts led to it. */
export function dedupe(found: FoundAddress[]): FoundAddress[] {
  const seen = new Map<Element, Set<string>>();
  return found.filter(({ email, anchor }) => {
    const emails = seen.get(anchor) ?? seen.set(anchor, new Set()).get(anchor)!;
    return !emails.has(email) && !!emails.add(email);
  });
}
