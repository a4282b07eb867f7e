// Helpers the adapters share. No zod here: this is content-script code, and it must stay small.

/** Deliberately plain: the background parses every address again with the full schema. */
const EMAIL = /^[^\s@<>()"',;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function normaliseEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase() ?? '';
  return EMAIL.test(email) ? email : null;
}

/** A selector that finds nothing: thrown in development so a markup change is seen at once. */
export class SelectorError extends Error {
  constructor(readonly selector: string) {
    super(`LeadLens: no element matches ${selector}`);
    this.name = 'SelectorError';
  }
}

/** Elements for a required selector: loud in development, quietly empty for the user. */
export function queryAllOrFail(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (found.length === 0 && import.meta.env?.DEV) throw new SelectorError(selector);
  return found;
}

/** The addresses of a mailto: link: several may be comma-separated and percent-encoded; ?subject=… is ignored. */
export function mailtoAddresses(href: string | null): string[] {
  if (!href?.toLowerCase().startsWith('mailto:')) return [];
  let list = href.slice('mailto:'.length).split('?')[0]!;
  try {
    list = decodeURIComponent(list);
  } catch {
    return [];
  }
  return list.split(',').flatMap((part) => normaliseEmail(part) ?? []);
}

/** The addresses of mailto: links, one entry per link and address. */
export function linkAddresses(links: Iterable<Element>, role: 'record' | 'link') {
  return [...links].flatMap((anchor) => mailtoAddresses(anchor.getAttribute('href')).map((email) => ({ email, anchor, role })));
}

/** The mailto: links under the first element matching `scope`: a CRM record's email field. */
export function recordLinks(doc: Document, scope: string, links: string, oncePerEmail = true) {
  const root = doc.querySelector(scope);
  if (!root) return [];
  const found = linkAddresses(root.querySelectorAll(links), 'record');
  return oncePerEmail ? firstPerEmail(found) : found;
}

/** A record page shows its address in several places: one card, at the first. */
export function firstPerEmail<T extends { email: string }>(found: T[]): T[] {
  const seen = new Set<string>();
  return found.filter(({ email }) => !seen.has(email) && !!seen.add(email));
}

/** The addresses held in an attribute of each element, once per element and address. */
export function addressesIn(elements: Iterable<Element>, attribute: string, role: 'sender' | 'recipient' | 'record' | 'link') {
  const found: { email: string; anchor: Element; role: typeof role }[] = [];
  for (const anchor of elements) {
    const email = normaliseEmail(anchor.getAttribute(attribute));
    if (email) found.push({ email, anchor, role });
  }
  return found;
}
