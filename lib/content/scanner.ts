// Keeps the views in step with the page: the whole page at the start and after each navigation, and
// between them only the parts a mutation batch changed. An observer of the document sees nothing
// inside the page's open shadow roots (Salesforce's native shadow DOM): each read observes those it
// found too. LeadLens's own roots are closed, and so never observed.
import { containsComposed, insideAny, openShadowRoots } from '../pages/dom';
import type { FoundAddress, PageAdapter } from '../pages/types';
import { changedParts, observeOptions } from './mutations';
import type { Mounted, MountedViews } from './views';

export interface ScannerDeps {
  views: MountedViews;
  /** The adapter for the page as it is now: the sites script picks one per URL. */
  adapter(): PageAdapter | undefined;
  /** Draws the views a scan just mounted. */
  drawNew(mounted: Mounted[]): void;
  /** The addresses a scan saw: their data is fetched if missing. */
  saw(emails: string[]): void;
}

// One closure scope shares the current adapter, its mutation observer and the shadow roots observed;
// each function is short.
export function createScanner({ views, adapter: adapterNow, drawNew, saw }: ScannerDeps) {
  let adapter: PageAdapter | undefined;
  /** The last read of the whole page failed: the next batch reads it all again. */
  let unread = false;
  const observer = new MutationObserver(onMutations);
  /** The open shadow roots observed since the observer last (dis)connected. */
  let observedRoots = new WeakSet<ShadowRoot>();

  /** Observes the open shadow roots at or inside root, as the document is, on a page whose addresses may be in one. */
  function observeShadowRoots(root: Document | Element) {
    if (!adapter?.watch?.shadowRoots) return;
    for (const shadow of openShadowRoots(root)) {
      if (observedRoots.has(shadow)) continue;
      observedRoots.add(shadow);
      observer.observe(shadow, observeOptions(adapter.watch));
    }
  }

  function onMutations(records: MutationRecord[]) {
    if (!adapter) return;
    if (unread) return reconcile([document]);
    // Text replaced (a timestamp, a count) takes no address with it: only an element removed can.
    if (records.some(removesAnElement)) {
      for (const view of views.all()) if (!view.anchor.isConnected) views.unmount(view);
    }
    const parts = changedParts(records, adapter.watch, hasViewsIn);
    if (parts.length > 0) reconcile(parts);
  }

  /** Whether a view's address is at or inside element. Most attributes change on leaves (a badge, a count), which hold none but their own. */
  function hasViewsIn(element: Element): boolean {
    if (views.anchoredAt(element)) return true;
    if (element.childElementCount === 0 && !element.shadowRoot) return false;
    return views.all().some((view) => containsComposed(element, view.anchor));
  }

  /** Makes the views at or inside each root what the adapter finds there now, in one pass over the views. */
  function reconcile(roots: readonly (Document | Element)[]) {
    const found: FoundAddress[] = [];
    // A root whose read failed keeps its views as they were.
    const read = new Set<Node>();
    for (const root of roots) {
      const inRoot = adapter ? safeFind(adapter, root) : [];
      if (root === document) unread = !inRoot;
      observeShadowRoots(root);
      if (!inRoot) continue;
      read.add(root);
      found.push(...inRoot);
    }
    if (read.size === 0) return;
    const foundAt = new Map<Element, Set<string>>();
    for (const { anchor, email } of found) foundAt.set(anchor, (foundAt.get(anchor) ?? new Set()).add(email));
    const [only] = read;
    const inRead = (anchor: Element) => (read.size === 1 ? containsComposed(only!, anchor) : insideAny(read, anchor));
    for (const view of views.all()) {
      const stays = view.anchor.isConnected && (foundAt.get(view.anchor)?.has(view.email) || !inRead(view.anchor));
      if (!stays) views.unmount(view);
    }
    drawNew(views.mount(found.filter(({ anchor, email }) => !views.get(anchor, email))));
    saw(found.map(({ email }) => email));
  }

  /** Takes the adapter for the page as it is now, and reads the whole page with it. */
  function rescan() {
    const next = adapterNow();
    if (next !== adapter) {
      observer.disconnect();
      observedRoots = new WeakSet();
      adapter = next;
      if (adapter) observer.observe(document.documentElement, observeOptions(adapter.watch));
    }
    reconcile([document]);
  }

  return {
    rescan,
    /**
     * After a navigation: another adapter (a CRM's other page) reads the whole page at once; the same
     * one when `later` calls back, since its observer reads whatever the page puts on screen meanwhile.
     */
    navigated(later: (read: () => void) => void) {
      if (adapterNow() !== adapter) rescan();
      else later(rescan);
    },
    stop() {
      observer.disconnect();
      observedRoots = new WeakSet();
    },
  };
}

const removesAnElement = (record: MutationRecord) => [...record.removedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE);

/** Adapters that failed once: the console hears of each once, not at every batch. */
const failedBefore = new WeakSet<PageAdapter>();

/**
 * A selector that throws (SelectorError, in a development build) or any other bug in an adapter
 * costs that one read: the page is still watched.
 */
function safeFind(adapter: PageAdapter, root: Document | Element): FoundAddress[] | null {
  try {
    return adapter.find(root);
  } catch (error) {
    if (!failedBefore.has(adapter)) console.warn(`LeadLens could not read this page (${adapter.id}); it keeps watching.`, error);
    failedBefore.add(adapter);
    return null;
  }
}
