// The views on the page, each for one address at one anchor, and the one whose card is open.
import type { FoundAddress } from '../pages/types';
import type { OverlayView, ViewFactory } from './view';

export interface Mounted {
  email: string;
  anchor: Element;
  /** A record page's address: its card shows inline, always open. */
  inline: boolean;
  view: OverlayView;
}

export type MountedViews = ReturnType<typeof createViews>;

export function createViews(createView: ViewFactory) {
  // A page holds tens of addresses, not thousands: a list searched in full is fast enough, and small.
  const mounted = new Set<Mounted>();
  const all = () => [...mounted];
  const views = {
    /** The one card opened from a chip, if any. */
    expanded: null as Mounted | null,
    all,
    get: (anchor: Element, email: string) => all().find((view) => view.anchor === anchor && view.email === email),
    /** Each address on the page once. */
    emails: () => [...new Set(all().map((view) => view.email))],
    /** A card on screen shows the touch timeline; a chip needs only the lead. */
    showsCard: (email: string) => all().some((view) => view.email === email && (view.inline || views.expanded === view)),

    /** Every view is made before any is registered (see ViewFactory); drawing them is the caller's. */
    mount(found: FoundAddress[]): Mounted[] {
      const made = found.map((address) => createView(address));
      return found.map(({ email, anchor, role }, index) => {
        const view: Mounted = { email, anchor, inline: role === 'record', view: made[index]! };
        mounted.add(view);
        return view;
      });
    },

    unmount(view: Mounted) {
      view.view.remove();
      mounted.delete(view);
      if (views.expanded === view) views.expanded = null;
    },
  };
  return views;
}
