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

/** The addresses held in an attribute of each element, once per element and address. */
export function addressesIn(elements: Iterable<Element>, attribute: string, role: 'sender' | 'recipient' | 'record' | 'link') {
  const found: { email: string; anchor: Element; role: typeof role }[] = [];
  for (const anchor of elements) {
    const email = normaliseEmail(anchor.getAttribute(attribute));
    if (email) found.push({ email, anchor, role });
  }
  return found;
}
