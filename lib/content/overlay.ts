// Watches a page for the addresses its adapter finds and puts LeadLens beside each: a chip, and the
// card on demand. Everything hangs off ctx, so an extension update or a navigation leaves nothing.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageAdapter } from '../pages/types';
import type { ask as askBackground } from '../messaging/client';
import { isContextInvalidated } from '../messaging/client';
import { createActions } from './actions';
import { createLeadContexts } from './contexts';
import { createScanner } from './scanner';
import type { ViewFactory } from './view';
import { createViews, type Mounted } from './views';

export interface OverlayDeps {
  ask: typeof askBackground;
  now: () => number;
  /** The chip and card beside one address (components/overlay/view.tsx). */
  createView: ViewFactory;
}

/** How often the leads on screen are read again while the page stays open. */
const REFRESH_MS = 60_000;

export function startOverlay(ctx: ContentScriptContext, adapter: () => PageAdapter | undefined, deps: OverlayDeps) {
  const views = createViews(deps.createView);
  const contexts = createLeadContexts({
    ask: deps.ask,
    showsCard: views.showsCard,
    redraw: (emails) => views.all().forEach((mounted) => emails.includes(mounted.email) && draw(mounted)),
    failed: (error) => stopOnInvalidation(error) || console.warn('LeadLens: could not read lead data', error),
  });
  const actions = createActions({ ask: deps.ask, views, contexts, draw });
  const scanner = createScanner({ views, adapter, drawNew: (mounted) => mounted.forEach(draw), saw: (emails) => contexts.fetchMissing(emails) });

  function draw(mounted: Mounted) {
    mounted.view.draw({
      email: mounted.email,
      context: contexts.get(mounted.email),
      expanded: mounted.inline || views.expanded === mounted,
      now: deps.now(),
      syncedAt: contexts.syncedAt,
      reasons: contexts.reasons,
      onToggle: (open) => actions.toggle(mounted, open),
      onFeedback: actions.sendFeedback,
      onAction: actions.sendAction,
    });
  }

  let stopped = false;
  /** After an extension update this script can no longer ask anything: stop, and say so once. */
  function stopOnInvalidation(error: unknown): boolean {
    if (!isContextInvalidated(error)) return false;
    if (!stopped) console.warn('LeadLens was updated or reloaded: reload this page to see it again.');
    stopped = true;
    scanner.stop();
    return true;
  }

  ctx.onInvalidated(() => {
    scanner.stop();
    views.all().forEach((mounted) => views.unmount(mounted));
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => stopped || scanner.rescan());
  ctx.setInterval(() => refresh(views.emails()), REFRESH_MS);
  scanner.rescan();

  /** The background found these leads after the page had asked: read them again and redraw. */
  function refresh(emails: string[]) {
    const onPage = new Set(views.emails());
    const shown = emails.filter((email) => onPage.has(email));
    if (shown.length > 0) void contexts.fetch(shown);
  }

  return { openCard: actions.openCard, refresh };
}
