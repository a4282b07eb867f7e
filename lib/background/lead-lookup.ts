// Addresses on screen that the cache does not know may be leads the last sync has not brought yet:
// the source is asked for them directly, and the tab is told when any turned up.
import type { LeadLensDb } from '../cache/db';
import type { LeadsChangedNotice } from '../messaging/messages';
import type { Settings } from '../domain/settings-schema';
import type { LeadSource } from '../sources/source';

/** An address the source did not know is asked about again after this long. */
export const LOOKUP_AGAIN_MS = 10 * 60_000;

export interface LeadLookupDeps {
  db: LeadLensDb;
  now: () => number;
  /** The source for the saved connection. */
  sourceFor: (settings: Settings) => Promise<LeadSource>;
  /** Tells a tab's content script that these leads are now in the cache. */
  notifyTab?: (tabId: number, notice: LeadsChangedNotice) => Promise<void>;
}

export function createLeadLookup({ db, now, sourceFor, notifyTab }: LeadLookupDeps) {
  /** When each address missing from the cache was last asked of the source: once per LOOKUP_AGAIN_MS. */
  const lookedUp = new Map<string, number>();

  return async function lookUpMissing(settings: Settings, emails: string[], tabId: number | undefined): Promise<void> {
    const at = now();
    const due = emails.filter((email) => at - (lookedUp.get(email) ?? -Infinity) >= LOOKUP_AGAIN_MS);
    if (due.length === 0 || settings.source.kind === 'demo') return;
    due.forEach((email) => lookedUp.set(email, at));
    try {
      const source = await sourceFor(settings);
      if (!source.lookup) return;
      const { leads, rejected } = await source.lookup(due);
      await db.transaction('rw', db.leads, db.quarantine, async () => {
        if (leads.length > 0) await db.leads.bulkPut(leads);
        if (rejected.length > 0) await db.quarantine.bulkAdd(rejected.map((record) => ({ ...record, at })));
      });
      if (leads.length > 0 && tabId !== undefined) await notifyTab?.(tabId, { type: 'leadsChanged', emails: leads.map((lead) => lead.email) });
    } catch (error) {
      // The next sync brings them, or says what is wrong with the source.
      console.warn('LeadLens: could not look leads up', error);
    }
  };
}
