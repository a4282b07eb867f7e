// What the rep does from a chip or a card: open or close it, give feedback, act on the handoff, and
// the keyboard command that opens a card without the mouse.
import type { LeadContext } from '../cache/lead-context';
import type { HandoffAction, Verdict } from '../domain/model';
import type { ask as askBackground } from '../messaging/client';
import { t } from '../ui/i18n';
import type { LeadContexts } from './contexts';
import type { Drawn, MountedViews } from './views';

export interface ActionsDeps {
  ask: typeof askBackground;
  views: MountedViews;
  contexts: LeadContexts;
  draw(drawn: Drawn): void;
}

export type Actions = ReturnType<typeof createActions>;

export function createActions({ ask, views, contexts, draw }: ActionsDeps) {
  /** Opens one card (closing any other) and fetches its timeline if the chip did not have it. */
  function expand(mounted: Drawn) {
    const previous = views.expanded;
    views.expanded = mounted;
    if (previous && previous !== mounted) draw(previous);
    draw(mounted);
    if (contexts.get(mounted.email)?.touchesIncluded === false) void contexts.fetch([mounted.email]);
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

    async sendFeedback(context: LeadContext, verdict: Verdict, note: string, reasonCode?: string) {
      await ask({ type: 'feedback', email: context.email, handoffId: context.handoff?.id, verdict, reasonCode, note });
      await contexts.fetch([context.email]);
    },

    async sendAction(context: LeadContext, action: HandoffAction, note: string) {
      if (!context.handoff) throw new Error(t('noHandoffToActOn'));
      await ask({ type: 'handoffAction', handoffId: context.handoff.id, action, note });
      await contexts.fetch([context.email]);
    },
  };
}
