// What the background knows of the addresses on the page (and of the record its URL names): asked in
// batches, each address once at a time, the timeline only for cards on screen, in the language the
// rep chose.
import type { LeadContext } from '../cache/lead-context';
import type { CrmRecordRef } from '../domain/crm-record';
import type { FeedbackReason } from '../domain/settings-schema';
import type { ContextAnswer } from '../messaging/messages';
import type { ask as askBackground } from '../messaging/client';
import { chosenLanguage, loadLanguage, useMessages, type Language } from '../ui/i18n';

/** The background's (and the Lead Context API's) batch limit. */
const BATCH = 100;

export interface LeadContextsDeps {
  ask: typeof askBackground;
  /** A card on screen shows the touch timeline; a chip needs only the lead. */
  showsCard(email: string): boolean;
  /** These addresses' data came: draw their views again. */
  redraw(emails: string[]): void;
  /** The background could not answer. */
  failed(error: unknown): void;
}

export type LeadContexts = ReturnType<typeof createLeadContexts>;

export function createLeadContexts({ ask, showsCard, redraw, failed }: LeadContextsDeps) {
  const known = new Map<string, LeadContext>();
  const inFlight = new Set<string>();

  async function fetch(emails: string[]) {
    emails.forEach((email) => inFlight.add(email));
    try {
      const withTouches = emails.filter(showsCard);
      for (const [group, touches] of [[withTouches, true], [emails.filter((email) => !withTouches.includes(email)), false]] as const) {
        for (let start = 0; start < group.length; start += BATCH) {
          await take(await ask({ type: 'context', emails: group.slice(start, start + BATCH), withTouches: touches }));
        }
      }
      redraw(emails);
    } catch (error) {
      failed(error);
    } finally {
      emails.forEach((email) => inFlight.delete(email));
    }
  }

  /** What every answer brings besides its contexts: freshness, the reasons to offer, the rep's language. */
  async function take(answer: ContextAnswer) {
    answer.contexts.forEach((context) => known.set(context.email, context));
    for (const { context } of answer.records) if (context) known.set(context.email, context);
    contexts.syncedAt = answer.syncState?.lastSuccessAt ?? contexts.syncedAt;
    contexts.reasons = answer.reasons;
    if (answer.language !== chosenLanguage()) await switchLanguage(answer.language);
  }

  /**
   * The person a record page's URL names, with the timeline (the tab's card is the page's subject);
   * null when marketing does not know the record, or the background could not answer.
   */
  async function fetchRecord(ref: CrmRecordRef, key: string): Promise<LeadContext | null> {
    try {
      const answer = await ask({ type: 'context', records: [ref], withTouches: true });
      await take(answer);
      return answer.records.find((record) => record.key === key)?.context ?? null;
    } catch (error) {
      failed(error);
      return null;
    }
  }

  /** The card in the language the rep chose in the options, which may not be the browser's. */
  async function switchLanguage(language: Language | null) {
    if (language) useMessages(language, await ask({ type: 'messages', language }));
    else await loadLanguage('auto');
  }

  const contexts = {
    syncedAt: null as number | null,
    reasons: [] as FeedbackReason[],
    get: (email: string) => known.get(email),
    fetch,
    fetchRecord,
    /** Asks for the addresses not known yet and not already asked for. */
    fetchMissing(emails: string[]) {
      const missing = [...new Set(emails)].filter((email) => !known.has(email) && !inFlight.has(email));
      if (missing.length > 0) void fetch(missing);
    },
  };
  return contexts;
}
