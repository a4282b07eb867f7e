// The requests a content script may make (messages.ts, CONTENT_SCRIPT_REQUESTS): lead context for the
// addresses on its page, the words of the rep's language, and the rep's feedback and handoff actions.
// Extension pages make them too (the popup's queue acts on handoffs).
import type { LeadLensDb } from '../cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';
import { leadContexts } from '../cache/lead-context';
import type { Settings } from '../domain/settings-schema';
import type { ContentScriptHandlers, ContextAnswer, ParsedRequest } from '../messaging/messages';
import type { BusinessClock } from '../time/sla';
import type { Language, MessageTable } from '../ui/i18n';
import { recordAction } from './outbox';

export interface ContentScriptDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  now: () => number;
  clockFor: (calendar: Settings['calendar']) => BusinessClock;
  messagesFor: (language: Language) => Promise<MessageTable>;
  /** Asks the source about addresses the cache does not know, and tells the tab what turned up (lead-lookup.ts). */
  lookUpMissing: (settings: Settings, emails: string[], tabId: number | undefined) => Promise<void>;
  refreshBadge: () => Promise<unknown>;
  deliverOutbox: () => Promise<void>;
}

export function contentScriptHandlers(deps: ContentScriptDeps): ContentScriptHandlers {
  const { db, now } = deps;
  return {
    context: (request, sender) => answerContext(deps, request, sender.tab?.id),
    messages: ({ language }) => deps.messagesFor(language),
    async feedback({ email, handoffId, verdict, reasonCode, note }) {
      const payload = { kind: 'feedback' as const, email, handoffId, verdict, reasonCode: reasonCode ?? verdict, note };
      const item = await recordAction(db, payload, { now: now() });
      void deps.deliverOutbox();
      return { queuedId: item.id };
    },
    async handoffAction({ handoffId, action, reasonCode, note }) {
      const item = await recordAction(db, { kind: 'handoff_action', handoffId, action, reasonCode, note }, { now: now() });
      await deps.refreshBadge();
      void deps.deliverOutbox();
      return { queuedId: item.id };
    },
  };
}

/** What the cache knows of these addresses; those it does not know are asked of the source behind the answer. */
async function answerContext(deps: ContentScriptDeps, request: Extract<ParsedRequest, { type: 'context' }>, tabId: number | undefined): Promise<ContextAnswer> {
  const { db, now } = deps;
  const settings = await deps.loadSettings();
  const clock = deps.clockFor(settings.calendar);
  const [contexts, syncState] = await Promise.all([
    leadContexts(db, request.emails, { now: now(), clock, policy: settings.slaPolicy, touchLimit: request.withTouches ? 100 : 0 }),
    db.getMeta<SyncState>(SYNC_STATE_KEY),
  ]);
  const missing = contexts.filter((context) => !context.lead).map((context) => context.email);
  if (missing.length > 0) void deps.lookUpMissing(settings, missing, tabId);
  return {
    contexts,
    syncState: syncState ?? null,
    reasons: settings.feedbackReasons,
    language: settings.language === 'auto' ? null : settings.language,
  };
}
