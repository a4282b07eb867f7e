// Watches a page for the addresses its adapter finds and puts LeadLens beside each: a chip, and the
// card's frame on demand; on a CRM record page, the person its URL names too (record.ts). Everything hangs
// off ctx, so an extension update or a navigation leaves nothing.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageAdapter } from '../pages/types';
import type { ask as askBackground } from '../messaging/client';
import { isContextInvalidated } from '../messaging/client';
import { createActions, type Actions } from './actions';
import { createLeadContexts, type LeadContexts } from './contexts';
import { createRecordTab } from './record';
import { createScanner } from './scanner';
import type { ViewFactory, ViewProps } from './view';
import { createViews, type Drawn, type MountedViews } from './views';

export interface OverlayDeps {
  ask: typeof askBackground;
  /** The chip and card beside one address, and a record page's tab (components/overlay/view.tsx). */
  createView: ViewFactory;
}

/** How often the leads on screen are read again while the page stays open. */
const REFRESH_MS = 60_000;

// The wiring of the parts (views, contexts, scanner, actions, record tab) to ctx in one scope, so that an
// invalidated context stops every one of them; each part's work is in its own module.
export function startOverlay(ctx: ContentScriptContext, adapter: () => PageAdapter | undefined, deps: OverlayDeps) {
  // A view mounted or gone beside an address may be the record's person: the tab follows.
  const views = createViews(deps.createView, () => recordTab.reconcile());
  const drawnViews = (): Drawn[] => [...views.all(), ...recordTab.drawn()];
  const contexts = createLeadContexts({
    ask: deps.ask,
    redraw: (emails) => drawnViews().forEach((drawn) => emails.includes(drawn.email) && draw(drawn)),
    failed: (error) => stopOnInvalidation(error) || console.warn('LeadLens: could not read lead data', error),
  });
  const actions = createActions({ views, contexts, draw });
  const recordTab = createRecordTab({ views, contexts, adapter, createView: deps.createView.record, draw });
  const scanner = createScanner({ views, adapter, drawNew: (mounted) => mounted.forEach(draw), saw: (emails) => contexts.fetchMissing(emails) });

  function draw(drawn: Drawn) {
    drawn.view.draw(viewProps(drawn, { views, contexts, actions }));
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
    // The tab first: views going would otherwise bring it back for a moment.
    recordTab.stop();
    views.all().forEach((mounted) => views.unmount(mounted));
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (stopped) return;
    recordTab.followUrl();
    // With the same adapter, not in the task that changed the URL: the page puts the new view on screen
    // right after, in that task (Gmail does), where the observer's batch reads it; a read of the whole
    // old page there would only make that task longer. The read when the page is next idle keeps the
    // views right whatever the page did, after the background's answer for the new view's addresses
    // (a timer would run before it, while the page draws its first frame).
    scanner.navigated((read) => whenIdle(ctx, () => !stopped && read()));
  });
  ctx.setInterval(() => {
    refresh(views.emails());
    recordTab.refresh();
  }, REFRESH_MS);
  // The record first: the URL names it before the page has drawn its markup.
  recordTab.followUrl();
  scanner.rescan();

  /** The background found these leads (and these records) after the page had asked: read them again and redraw. */
  function refresh(emails: string[], records: string[] = []) {
    const onPage = new Set(drawnViews().map((drawn) => drawn.email));
    const shown = emails.filter((email) => onPage.has(email));
    if (shown.length > 0) void contexts.fetch(shown);
    if (records.length > 0) recordTab.refresh(records);
  }

  return { openCard: () => actions.openCard(drawnViews()), refresh };
}

/** Runs `run` once the page has nothing else waiting, or within a second; on a timer where the browser has no idle callbacks. */
function whenIdle(ctx: ContentScriptContext, run: () => void) {
  if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(run, { timeout: 1000 });
  else ctx.setTimeout(run, 0);
}

/** What a view shows of its person now, and what its controls do. */
function viewProps(drawn: Drawn, { views, contexts, actions }: { views: MountedViews; contexts: LeadContexts; actions: Actions }): ViewProps {
  return {
    email: drawn.email,
    context: contexts.get(drawn.email),
    expanded: drawn.inline || views.expanded === drawn,
    onToggle: (open) => actions.toggle(drawn, open),
    onChanged: () => actions.changed(drawn.email),
  };
}
