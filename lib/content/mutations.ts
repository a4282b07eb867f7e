// Which parts of the page a batch of mutations changed in a way the adapter can see. The page mutates
// all the time (Gmail: dozens of batches a second); each change costs a matches() and a querySelector()
// here, and only the parts that hold an address are read again.
import { insideAny, styleHides } from '../pages/dom';
import type { PageWatch } from '../pages/types';

/** The old value tells a style change that hides or shows from the many that do neither. */
export const observeOptions = (watch: PageWatch | undefined): MutationObserverInit => ({
  childList: true,
  subtree: true,
  attributeFilter: watch?.attributes ?? [],
  attributeOldValue: true,
});

/** Whether an element is, or holds, the host of an open shadow root: what is inside no selector sees from here. */
const holdsOpenShadow = (element: Element) => !!element.shadowRoot || [...element.querySelectorAll('*')].some((inner) => !!inner.shadowRoot);

/**
 * The outermost elements to read again: added elements that are or hold an address, or an open
 * shadow root (Salesforce's native shadow DOM: the address inside is out of the selector's sight);
 * elements that are or hold one (or a view) and whose watched attribute changed; address elements
 * whose children changed (HubSpot's address is the text of its element). Mutations inside an open
 * shadow root (observed too, see scanner.ts) count as the host's when they touch the root itself.
 * Parts gone again within the batch are left. Shadow hosts count only on a page whose addresses
 * may be in one (PageWatch.shadowRoots).
 */
export function changedParts(records: MutationRecord[], watch: PageWatch | undefined, hasViewsIn: (element: Element) => boolean): Element[] {
  const selector = watch?.selector ?? '*';
  const shadowsCount = !!watch?.shadowRoots;
  const holdsAddress = (element: Element) => element.matches(selector) || !!element.querySelector(selector);
  const parts = new Set<Element>();
  for (const record of records) {
    const { type, addedNodes, attributeName, oldValue } = record;
    const target = isShadowRoot(record.target) ? record.target.host : record.target;
    if (!(target instanceof Element)) continue;
    if (type === 'attributes') {
      // Most style changes neither hide nor show anything; most class changes touch no class the adapter reads.
      const cosmetic =
        (attributeName === 'style' && styleHides(oldValue) === styleHides(target.getAttribute('style'))) ||
        (attributeName === 'class' && !changesClassRead(oldValue, target.getAttribute('class'), watch?.classes));
      if (!cosmetic && (holdsAddress(target) || hasViewsIn(target))) parts.add(target);
      continue;
    }
    for (const node of addedNodes) if (node instanceof Element && (holdsAddress(node) || (shadowsCount && holdsOpenShadow(node)))) parts.add(node);
    if (target.matches(selector)) parts.add(target);
  }
  // Each part once: one inside another is read with it.
  const inAnother = (part: Element) => parts.size > 1 && !!part.parentNode && insideAny(parts, part.parentNode);
  return [...parts].filter((part) => part.isConnected && !inAnother(part));
}

/** Whether a change of class from `before` to `now` adds or removes one of `read`; with no list, any change may matter. */
function changesClassRead(before: string | null, now: string | null, read: ReadonlySet<string> | undefined): boolean {
  if (!read) return true;
  const was = new Set(classNames(before));
  const is = new Set(classNames(now));
  const changed = (from: Set<string>, to: Set<string>) => [...from].some((name) => !to.has(name) && read.has(name));
  return changed(was, is) || changed(is, was);
}

const classNames = (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean);

const isShadowRoot = (node: Node): node is ShadowRoot => node.nodeType === 11 && !!(node as ShadowRoot).host;
