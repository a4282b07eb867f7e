// What the rep does from a chip: open or close its card, and the keyboard command that opens a card
// without the mouse. Feedback and handoff actions are the card page's own (entrypoints/card): the
// chip only hears that the rep acted, and reads the lead again.
import type { LeadContexts } from './contexts';
import type { Drawn, MountedViews } from './views';

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

    /** The keyboard command: the first known lead's card among these (the page's views, then its record tab). */
    openCard(candidates: Drawn[]) {
      const first = candidates.find((drawn) => contexts.get(drawn.email)?.lead);
      if (first) expand(first);
    },

    /** The rep acted in the card: the chip shows the lead as it is now. */
    changed(email: string) {
      void contexts.fetch([email]);
    },
  };
}
