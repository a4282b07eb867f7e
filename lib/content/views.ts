// The views on the page, each for one address at one anchor, and the one whose card is open.
import type { FoundAddress } from '../pages/types';
import type { OverlayView, ViewFactory } from './view';

/** A view the runtime draws: one beside an address, or a record page's tab (record.ts). */
export interface Drawn {
  email: string;
  /** A record page's address: its card shows inline, always open. */
  inline: boolean;
  view: OverlayView;
}

/** A view beside an address on the page. */
export interface Mounted extends Drawn {
  anchor: Element;
}

export type MountedViews = ReturnType<typeof createViews>;

/** `changed` hears of every view mounted or unmounted: the record tab follows what the page shows. */
export function createViews(createView: ViewFactory, changed: () => void = () => {}) {
  // A page holds tens of addresses, not thousands; they are looked up by anchor at every mutation batch.
  const mounted = new Set<Mounted>();
  const byAnchor = new Map<Element, Mounted[]>();
  const all = () => [...mounted];
  const views = {
    /** The one card opened from a chip or the record tab, if any. */
    expanded: null as Drawn | null,
    all,
    get: (anchor: Element, email: string) => byAnchor.get(anchor)?.find((view) => view.email === email),
    /** Whether a view is beside this very element. */
    anchoredAt: (element: Element) => byAnchor.has(element),
    /** Each address on the page once. */
    emails: () => [...new Set(all().map((view) => view.email))],

    /** Every view is made before any is registered (see ViewFactory); drawing them is the caller's. */
    mount(found: FoundAddress[]): Mounted[] {
      const made = found.map((address) => createView(address));
      const added = found.map(({ email, anchor, role }, index) => {
        const view: Mounted = { email, anchor, inline: role === 'record', view: made[index]! };
        mounted.add(view);
        byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), view]);
        return view;
      });
      if (added.length > 0) changed();
      return added;
    },

    unmount(view: Mounted) {
      view.view.remove();
      mounted.delete(view);
      const others = byAnchor.get(view.anchor)?.filter((other) => other !== view) ?? [];
      if (others.length > 0) byAnchor.set(view.anchor, others);
      else byAnchor.delete(view.anchor);
      if (views.expanded === view) views.expanded = null;
      changed();
    },
  };
  return views;
}
