// What the background knows of the addresses on the page: asked in batches, each address once at a
// time, the timeline only for cards on screen, in the language the rep chose.
import type { LeadContext } from '../cache/lead-context';
import type { FeedbackReason } from '../domain/settings-schema';
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
          const answer = await ask({ type: 'context', emails: group.slice(start, start + BATCH), withTouches: touches });
          answer.contexts.forEach((context) => known.set(context.email, context));
          contexts.syncedAt = answer.syncState?.lastSuccessAt ?? contexts.syncedAt;
          contexts.reasons = answer.reasons;
          if (answer.language !== chosenLanguage()) await switchLanguage(answer.language);
        }
      }
      redraw(emails);
    } catch (error) {
      failed(error);
    } finally {
      emails.forEach((email) => inFlight.delete(email));
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
    /** Asks for the addresses not known yet and not already asked for. */
    fetchMissing(emails: string[]) {
      const missing = [...new Set(emails)].filter((email) => !known.has(email) && !inFlight.has(email));
      if (missing.length > 0) void fetch(missing);
    },
  };
  return contexts;
}
