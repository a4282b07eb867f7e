// Helpers the adapters share. No zod here: this is content-script code, and it must stay small.
import { crmRecordKey, type Crm, type CrmRecordRef } from '../domain/crm-record';
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
export const isShown = (element: Element) => !closestComposed(element, HIDDEN);
/** The class names these selectors name (PageWatch.classes). */
export const classesIn = (selectors: string[]): ReadonlySet<string> => new Set(selectors.flatMap((selector) => [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]!)));
/** Whether a style attribute's value hides its element: HIDDEN's two styles. */
export const styleHides = (style: string | null) => /display: ?none/.test(style ?? '');

// find() reads the whole document, or one part of it that changed (see PageAdapter.find).
export const isDocument = (root: Document | Element): root is Document => root.nodeType === 9;
export const documentOf = (root: Document | Element): Document => (isDocument(root) ? root : root.ownerDocument);

/**
 * The containers (matching `selector`) a part of the page is read within: the one around it (through
 * shadow roots too), else those inside it, searched for by `key` as in within(). On the whole
 * document: all of them, loudly none in development.
 */
export function scopesOf(root: Document | Element, selector: string, key = selector): Element[] {
  if (isDocument(root)) return queryAllOrFail(root, selector);
  const around = closestComposed(root, selector);
  return around ? [around] : within(root, selector, key);
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

/** Those of a container's addresses that are at or inside root (through shadow roots): a container is read whole (one card per address) before it is narrowed. */
export const inside = (root: Document | Element, found: FoundAddress[]) => found.filter(({ anchor }) => containsComposed(root, anchor));

// Shadow DOM. Some sites (Salesforce Lightning in native shadow mode) render a record inside open
// shadow roots, which querySelector, closest and contains do not cross. Closed roots are the page's
// to keep: element.shadowRoot is null for them, and they are left alone.

/** The host of the shadow root an element is in; null in the document (or a detached fragment). */
const hostOf = (node: Node): Element | null => (node.getRootNode() as Partial<ShadowRoot>).host ?? null;

/** An element's parent, or at the top of a shadow tree its host. */
export const composedParent = (element: Element): Element | null => element.parentElement ?? hostOf(element);

/** Whether root is, or holds, node, counting what is inside shadow roots as inside their hosts. */
export function containsComposed(root: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = hostOf(at)) if (root.contains(at)) return true;
  return false;
}

/**
 * containsComposed for many roots at once: whether one of them is node or holds it. Node's ancestors
 * are walked once, where asking each root would cost one contains() call per root.
 */
export function insideAny(roots: ReadonlySet<Node>, node: Node): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) if (roots.has(at)) return true;
  return false;
}

/** element.closest(selector), continued outside each shadow root the element is in. */
export function closestComposed(element: Element, selector: string): Element | null {
  for (let at: Element | null = element; at; at = hostOf(at)) {
    const found = at.closest(selector);
    if (found) return found;
  }
  return null;
}

/**
 * How far queryAllDeep looks. Lightning nests about ten roots between its page and a record's email
 * link and a record page holds hundreds of roots: these bounds only stop a runaway page.
 */
export const SHADOW_LIMITS = { depth: 24, roots: 5000 };

/**
 * The elements matching a simple selector (no combinators: a shadow tree's selectors do not see past
 * its host) at or inside root and inside the open shadow roots there, in tree order, each shadow
 * tree before its host's own children.
 */
export function queryAllDeep(root: Document | Element, selector: string): Element[] {
  const found: Element[] = [];
  let roots = 0;
  const enter = (host: Element, depth: number) => {
    if (host.shadowRoot && depth < SHADOW_LIMITS.depth && roots++ < SHADOW_LIMITS.roots) visit(host.shadowRoot, depth + 1);
  };
  const visit = (scope: Element | Document | ShadowRoot, depth: number) => {
    const matching = new Set(scope.querySelectorAll(selector));
    for (const element of scope.querySelectorAll('*')) {
      if (matching.has(element)) found.push(element);
      enter(element, depth);
    }
  };
  if (!isDocument(root)) {
    if (root.matches(selector)) found.push(root);
    enter(root, 0);
  }
  visit(root, 0);
  return found;
}

/**
 * The open shadow roots at or inside root, within queryAllDeep's bounds: what an observer of the page
 * must observe too, since a MutationObserver on the document sees nothing inside them.
 */
export const openShadowRoots = (root: Document | Element): ShadowRoot[] => queryAllDeep(root, '*').flatMap((element) => element.shadowRoot ?? []);

/** The record a URL names, or null when the id is not one the CRM uses (crmRecordKey's check). */
export function recordRef(crm: Crm, objectType: string, id: string | undefined | null): CrmRecordRef | null {
  const ref = { crm, objectType, id: id ?? '' };
  return crmRecordKey(ref) ? ref : null;
}

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
