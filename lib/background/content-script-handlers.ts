// The requests asked from inside a web page's tab (messages.ts): a content script's, the chips for the
// addresses and records on its page and the words of the rep's language; and the card page's, a lead's
// whole context, who else at its account is engaging, and the rep's feedback and handoff actions.
// The extension's own pages make them too (the popup's queue acts on handoffs).
import type { LeadLensDb } from '../cache/db';
import { SYNC_STATE_KEY, type SyncState } from '../cache/db-name';
import { chipContexts, recordChips } from '../cache/chip-context';
import { leadContexts } from '../cache/lead-context';
import { accountContext } from '../cache/account-context';
import { crmRecordKey, type CrmRecordRef } from '../domain/crm-record';
import type { Settings } from '../domain/settings-schema';
import type { CardHandlers, ChipsAnswer, ContentScriptHandlers, ContextAnswer, ParsedRequest } from '../messaging/messages';
import type { BusinessClock } from '../time/sla';
import type { Language, MessageTable } from '../ui/i18n';
import type { Missing } from './lead-lookup';
import { recordAction, recordVerdict } from './outbox';

export interface ContentScriptDeps {
  db: LeadLensDb;
  loadSettings: () => Promise<Settings>;
  now: () => number;
  clockFor: (calendar: Settings['calendar']) => BusinessClock;
  messagesFor: (language: Language) => Promise<MessageTable>;
  /** Asks the source about addresses and records the cache does not know, and tells the tab what turned up (lead-lookup.ts). */
  lookUpMissing: (settings: Settings, missing: Missing, tabId: number | undefined) => Promise<void>;
  refreshBadge: () => Promise<unknown>;
  deliverOutbox: () => Promise<void>;
}

export function contentScriptHandlers(deps: ContentScriptDeps): ContentScriptHandlers {
  return {
    chips: (request, sender) => answerChips(deps, request, sender.tab?.id),
    messages: ({ language }) => deps.messagesFor(language),
  };
}

export function cardHandlers(deps: ContentScriptDeps): CardHandlers {
  const { db, now } = deps;
  return {
    // The card's frame is in the web page's tab: what turns up is told to that tab's content script.
    context: (request, sender) => answerContext(deps, request, sender.tab?.id),
    account: ({ email }) => accountContext(db, email, now()),
    async feedback({ email, handoffId, verdict, reasonCode, note }) {
      const payload = { kind: 'feedback' as const, email, handoffId, verdict, reasonCode: reasonCode ?? verdict, note };
      // A repeated click answers with the write already made: the background decides, not the card.
      const { id, repeated } = await recordVerdict(db, payload, { now: now() });
      if (!repeated) void deps.deliverOutbox();
      return { queuedId: id };
    },
    async handoffAction({ handoffId, action, reasonCode, note }) {
      const item = await recordAction(db, { kind: 'handoff_action', handoffId, action, reasonCode, note }, { now: now() });
      await deps.refreshBadge();
      void deps.deliverOutbox();
      return { queuedId: item.id };
    },
  };
}

/** What the cache knows of these addresses, for the card; those it does not know are asked of the source behind the answer. */
async function answerContext(deps: ContentScriptDeps, request: Extract<ParsedRequest, { type: 'context' }>, tabId: number | undefined): Promise<ContextAnswer> {
  const { db, now } = deps;
  const settings = await deps.loadSettings();
  const options = { now: now(), clock: deps.clockFor(settings.calendar), policy: settings.slaPolicy, grading: settings.grading, touchLimit: request.withTouches ? 100 : 0 };
  const [contexts, syncState] = await Promise.all([leadContexts(db, request.emails, options), db.getMeta<SyncState>(SYNC_STATE_KEY)]);
  const unknown = contexts.filter((context) => !context.lead).map((context) => context.email);
  if (unknown.length > 0) void deps.lookUpMissing(settings, { emails: unknown, records: [] }, tabId);
  return {
    contexts,
    syncState: syncState ?? null,
    reasons: settings.feedbackReasons,
    language: settings.language === 'auto' ? null : settings.language,
  };
}

/** What the chips on a page show (chip-context.ts); the addresses and records the cache does not know are asked of the source behind the answer. */
async function answerChips(deps: ContentScriptDeps, request: Extract<ParsedRequest, { type: 'chips' }>, tabId: number | undefined): Promise<ChipsAnswer> {
  const settings = await deps.loadSettings();
  const [chips, records] = await Promise.all([chipContexts(deps.db, request.emails), recordChips(deps.db, request.records)]);
  const missing = missingOf(
    chips.filter((chip) => !chip.lead).map((chip) => chip.email),
    request.records,
    records.filter((record) => !record.chip).map((record) => record.key),
  );
  if (missing) void deps.lookUpMissing(settings, missing, tabId);
  return { chips, records, language: settings.language === 'auto' ? null : settings.language };
}

/** What the cache did not know, for the source to be asked (the records asked whose keys found no lead); null when it knew everything. */
function missingOf(emails: string[], refs: CrmRecordRef[], unknownKeys: string[]): Missing | null {
  const unknown = new Set(unknownKeys);
  const records = refs.filter((ref) => unknown.has(crmRecordKey(ref) ?? ''));
  return emails.length + records.length > 0 ? { emails, records } : null;
}
