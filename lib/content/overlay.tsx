// Watches a page for the addresses its adapter finds and puts LeadLens beside each: a chip, and the
// card on demand. Everything hangs off ctx, so an extension update or a navigation leaves nothing.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LeadContext } from '../cache/lead-context';
import type { Language } from '../ui/i18n';
import type { HandoffAction, Verdict } from '../domain/model';
import type { FeedbackReason } from '../domain/settings-schema';
import type { FoundAddress, PageAdapter } from '../pages/types';
import type { ask as askBackground } from '../messaging/client';
import { isContextInvalidated } from '../messaging/client';
import { chosenLanguage, loadLanguage, t, useMessages } from '../ui/i18n';
import { AddressOverlay } from '../../components/overlay/AddressOverlay';
import { pageTheme, type Theme } from '../../components/overlay/theme';

export interface OverlayDeps {
  ask: typeof askBackground;
  now: () => number;
  /** The card's stylesheet, shared by every shadow root on the page. */
  css: string;
}

interface Mounted {
  email: string;
  anchor: Element;
  host: HTMLElement;
  container: HTMLElement;
  inline: boolean;
}

const REFRESH_MS = 60_000;
const BATCH = 100;

export function startOverlay(ctx: ContentScriptContext, adapter: PageAdapter, deps: OverlayDeps) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(deps.css);
  const byAnchor = new Map<Element, Map<string, Mounted>>();
  const contexts = new Map<string, LeadContext>();
  const inFlight = new Set<string>();
  let syncedAt: number | null = null;
  let reasons: FeedbackReason[] = [];
  let expanded: Mounted | null = null;
  let stopped = false;

  const all = () => [...byAnchor.values()].flatMap((perEmail) => [...perEmail.values()]);

  function draw(view: Mounted) {
    const context = contexts.get(view.email);
    // The host goes into the page with its first content: one layout for the page, not two.
    if (!context) return;
    const isExpanded = view.inline || expanded === view;
    render(
      <AddressOverlay
        email={view.email}
        context={context}
        expanded={isExpanded}
        now={deps.now()}
        syncedAt={syncedAt}
        reasons={reasons}
        onToggle={(open) => {
          if (open) return expand(view);
          expanded = null;
          draw(view);
        }}
        onFeedback={(context, verdict, note, reasonCode) => sendFeedback(context, verdict, note, reasonCode)}
        onAction={(context, action, note) => sendAction(context, action, note)}
      />,
      view.container,
    );
    if (!view.host.isConnected) view.anchor.after(view.host);
  }

  function mount(found: FoundAddress, theme: Theme): Mounted {
    const host = document.createElement('leadlens-overlay');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet];
    const container = document.createElement('span');
    shadow.append(container);
    host.dataset.theme = theme;
    const view: Mounted = { email: found.email, anchor: found.anchor, host, container, inline: found.role === 'record' };
    if (found.role === 'record') container.classList.add('ll-inline');
    let perEmail = byAnchor.get(found.anchor);
    if (!perEmail) byAnchor.set(found.anchor, (perEmail = new Map()));
    perEmail.set(found.email, view);
    draw(view);
    return view;
  }

  function unmount(view: Mounted) {
    render(null, view.container);
    view.host.remove();
    byAnchor.get(view.anchor)?.delete(view.email);
    if (byAnchor.get(view.anchor)?.size === 0) byAnchor.delete(view.anchor);
    if (expanded === view) expanded = null;
  }

  function scan() {
    if (stopped) return;
    const seen = new Set<Mounted>();
    const fresh: FoundAddress[] = [];
    for (const found of adapter.find(document)) {
      const view = byAnchor.get(found.anchor)?.get(found.email);
      if (view) seen.add(view);
      else fresh.push(found);
    }
    // Every style read before the first write: reading after each insertion would make the page
    // work its styles out again once per address.
    const themes = fresh.map((found) => pageTheme(found.anchor));
    fresh.forEach((found, index) => seen.add(mount(found, themes[index]!)));
    for (const view of all()) if (!seen.has(view) || !view.anchor.isConnected) unmount(view);
    const missing = [...new Set([...seen].map((view) => view.email))].filter(
      (email) => !contexts.has(email) && !inFlight.has(email),
    );
    if (missing.length > 0) void fetchContexts(missing);
  }

  /** A card on screen shows the touch timeline; a chip needs only the lead. */
  const showsCard = (email: string) => all().some((view) => view.email === email && (view.inline || expanded === view));

  async function fetchContexts(emails: string[]) {
    emails.forEach((email) => inFlight.add(email));
    try {
      const withTouches = emails.filter(showsCard);
      const without = emails.filter((email) => !showsCard(email));
      for (const [group, touches] of [[withTouches, true], [without, false]] as const) {
        for (let start = 0; start < group.length; start += BATCH) {
          const answer = await deps.ask({ type: 'context', emails: group.slice(start, start + BATCH), withTouches: touches });
          answer.contexts.forEach((context) => contexts.set(context.email, context));
          syncedAt = answer.syncState?.lastSuccessAt ?? syncedAt;
          reasons = answer.reasons;
          if (answer.language !== chosenLanguage()) await switchLanguage(answer.language);
        }
      }
      for (const view of all()) if (emails.includes(view.email)) draw(view);
    } catch (error) {
      stopOnInvalidation(error) || console.warn('LeadLens: could not read lead data', error);
    } finally {
      emails.forEach((email) => inFlight.delete(email));
    }
  }

  /** The card in the language the rep chose in the options, which may not be the browser's. */
  async function switchLanguage(language: Language | null) {
    if (language) useMessages(language, await deps.ask({ type: 'messages', language }));
    else await loadLanguage('auto');
  }

  /** Opens one card (closing any other) and fetches its timeline if the chip did not have it. */
  function expand(view: Mounted) {
    const previous = expanded;
    expanded = view;
    if (previous && previous !== view) draw(previous);
    draw(view);
    if (contexts.get(view.email)?.touchesIncluded === false) void fetchContexts([view.email]);
  }

  async function sendFeedback(context: LeadContext, verdict: Verdict, note: string, reasonCode?: string) {
    await deps.ask({ type: 'feedback', email: context.email, handoffId: context.handoff?.id, verdict, reasonCode, note });
    await fetchContexts([context.email]);
  }

  async function sendAction(context: LeadContext, action: HandoffAction, note: string) {
    if (!context.handoff) throw new Error(t('noHandoffToActOn'));
    await deps.ask({ type: 'handoffAction', handoffId: context.handoff.id, action, note });
    await fetchContexts([context.email]);
  }

  function stopOnInvalidation(error: unknown): boolean {
    if (!isContextInvalidated(error)) return false;
    if (!stopped) console.warn('LeadLens was updated or reloaded: reload this page to see it again.');
    stopped = true;
    return true;
  }

  /** The keyboard command: open the first known lead's card on this page and focus it. */
  function openCard() {
    const first = all().find((view) => contexts.get(view.email)?.lead);
    if (first) expand(first);
  }

  const observer = new MutationObserver(scan);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    all().forEach(unmount);
  });
  ctx.addEventListener(window, 'wxt:locationchange', scan);
  ctx.setInterval(() => {
    const visible = [...new Set(all().map((view) => view.email))];
    if (visible.length > 0) void fetchContexts(visible);
  }, REFRESH_MS);
  scan();
  /** The background found these leads after the page had asked: read them again and redraw. */
  function refresh(emails: string[]) {
    const shown = emails.filter((email) => all().some((view) => view.email === email));
    if (shown.length > 0) void fetchContexts(shown);
  }

  return { openCard, scan, refresh };
}
