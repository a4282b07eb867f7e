// What the rep does from a chip: open or close its card, and the keyboard command that opens a card
// without the mouse. Feedback and handoff actions are the card page's own (entrypoints/card): the
// chip only hears that the rep acted, and reads the lead again.
import type { LeadContexts } from './contexts';
import type { Drawn, Mounted, MountedViews } from './views';

export interface ActionsDeps {
  views: MountedViews;
  contexts: LeadContexts;
  draw(drawn: Drawn): void;
}

export type Actions = ReturnType<typeof createActions>;

export function createActions({ views, contexts, draw }: ActionsDeps) {
  /** Opens one card (closing any other). */
  function expand(mounted: Drawn) {
    const previous = views.expanded;
    views.expanded = mounted;
    if (previous && previous !== mounted) draw(previous);
    draw(mounted);
  }

  return {
    toggle(mounted: Drawn, open: boolean) {
      if (open) return expand(mounted);
      views.expanded = null;
      draw(mounted);
    },

    /**
     * The keyboard command opens the card of what the rep is reading: on a record page the record's
     * lead, else the first known lead in the message whose header is most in view (candidates come
     * in page order, so the sender before the recipients).
     */
    openCard(candidates: Drawn[]) {
      const known = candidates.filter((drawn) => contexts.get(drawn.email)?.lead);
      const chosen = known.find((drawn) => drawn.inline) ?? mostInView(known);
      if (chosen) expand(chosen);
    },

    /** The rep acted in the card: the chip shows the lead as it is now. */
    changed(email: string) {
      void contexts.fetch([email]);
    },
  };
}

/** The first of those whose address is the most within the viewport: the header the rep is reading. */
function mostInView(candidates: Drawn[]): Drawn | undefined {
  let best: Drawn | undefined;
  let bestShown = -1;
  for (const drawn of candidates) {
    const anchor = (drawn as Partial<Mounted>).anchor; // a record tab has none
    const shown = anchor ? shownFraction(anchor.getBoundingClientRect()) : 0;
    if (shown > bestShown) [best, bestShown] = [drawn, shown];
  }
  return best;
}

/** How much of a box is inside the viewport, 0 to 1, by its height (a header's line is short and wide). */
function shownFraction(box: DOMRect): number {
  const visible = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
  return box.height > 0 ? Math.max(0, visible) / box.height : 0;
}
