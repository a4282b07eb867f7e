// What the chips show of the addresses on the page (and of the record its URL names): asked in
// batches, each address once at a time, in the language the rep chose. Only the chip's words (name,
// grade, score): the card's own page asks for the rest.
import type { ChipContext } from '../cache/chip-context';
import type { CrmRecordRef } from '../domain/crm-record';
import type { ChipsAnswer } from '../messaging/messages';
import type { ask as askBackground } from '../messaging/client';
import { chosenLanguage, loadLanguage, useMessages, type Language } from '../ui/i18n';

/** The background's (and the Lead Context API's) batch limit. */
const BATCH = 100;

export interface LeadContextsDeps {
  ask: typeof askBackground;
  /** These addresses' data came: draw their views again. */
  redraw(emails: string[]): void;
  /** The background could not answer. */
  failed(error: unknown): void;
}

export type LeadContexts = ReturnType<typeof createLeadContexts>;

// One closure scope shares the contexts known and the addresses asked for; each function is short.
export function createLeadContexts({ ask, redraw, failed }: LeadContextsDeps) {
  const known = new Map<string, ChipContext>();
  const inFlight = new Set<string>();

  async function fetch(emails: string[]) {
    emails.forEach((email) => inFlight.add(email));
    try {
      for (let start = 0; start < emails.length; start += BATCH) {
        await take(await ask({ type: 'chips', emails: emails.slice(start, start + BATCH) }));
      }
      redraw(emails);
    } catch (error) {
      failed(error);
    } finally {
      emails.forEach((email) => inFlight.delete(email));
    }
  }

  /** What every answer brings besides its contexts: the rep's language. */
  async function take(answer: ChipsAnswer) {
    answer.chips.forEach((chip) => known.set(chip.email, chip));
    for (const { chip } of answer.records) if (chip) known.set(chip.email, chip);
    if (answer.language !== chosenLanguage()) await switchLanguage(answer.language);
  }

  /**
   * The person a record page's URL names;
   * null when marketing does not know the record, or the background could not answer.
   */
  async function fetchRecord(ref: CrmRecordRef, key: string): Promise<ChipContext | null> {
    try {
      const answer = await ask({ type: 'chips', records: [ref] });
      await take(answer);
      return answer.records.find((record) => record.key === key)?.chip ?? null;
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
