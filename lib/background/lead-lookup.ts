// Addresses on screen, and CRM records a page's URL names, that the cache does not know may be leads
// the last sync has not brought yet: the source is asked for them directly, and the tab is told when
// any turned up.
import type { LeadLensDb } from '../cache/db';
import { crmKeysOf } from '../cache/crm-keys';
import { crmRecordKey, type CrmRecordRef } from '../domain/crm-record';
import type { Lead } from '../domain/model';
import type { LeadsChangedNotice } from '../messaging/messages';
import type { Settings } from '../domain/settings-schema';
import type { LeadSource, LookupResult } from '../sources/source';

/** An address or record the source did not know is asked about again after this long. */
export const LOOKUP_AGAIN_MS = 10 * 60_000;

/** What a page asked for and the cache did not know. */
export interface Missing {
  emails: string[];
  records: CrmRecordRef[];
}

export interface LeadLookupDeps {
  db: LeadLensDb;
  now: () => number;
  /** The source for the saved connection. */
  sourceFor: (settings: Settings) => Promise<LeadSource>;
  /** Tells a tab's content script that these leads are now in the cache. */
  notifyTab?: (tabId: number, notice: LeadsChangedNotice) => Promise<void>;
}

const NOTHING: LookupResult = { leads: [], rejected: [] };

export function createLeadLookup({ db, now, sourceFor, notifyTab }: LeadLookupDeps) {
  /** When each address or record key missing from the cache was last asked of the source: once per LOOKUP_AGAIN_MS. */
  const lookedUp = new Map<string, number>();
  /** The items not asked about lately, marked as asked now. */
  const due = <T>(items: T[], keyOf: (item: T) => string | null, at: number): T[] =>
    items.filter((item) => {
      const key = keyOf(item);
      if (key === null || at - (lookedUp.get(key) ?? -Infinity) < LOOKUP_AGAIN_MS) return false;
      lookedUp.set(key, at);
      return true;
    });

  return async function lookUpMissing(settings: Settings, missing: Missing, tabId: number | undefined): Promise<void> {
    // The demo syncs all it has: what the cache lacks, it does not know either.
    if (settings.source.kind === 'demo') return;
    const at = now();
    const emails = due(missing.emails, (email) => email, at);
    const records = due(missing.records, crmRecordKey, at);
    if (emails.length === 0 && records.length === 0) return;
    try {
      const source = await sourceFor(settings);
      const [byEmail, byRecord] = await Promise.all([
        emails.length > 0 && source.lookup ? source.lookup(emails) : NOTHING,
        records.length > 0 && source.lookupRecords ? source.lookupRecords(records) : NOTHING,
      ]);
      const leads = [...new Map([...byEmail.leads, ...byRecord.leads].map((lead) => [lead.email, lead])).values()];
      const rejected = [...byEmail.rejected, ...byRecord.rejected];
      await db.transaction('rw', db.leads, db.quarantine, async () => {
        if (leads.length > 0) await db.leads.bulkPut(leads);
        if (rejected.length > 0) await db.quarantine.bulkAdd(rejected.map((record) => ({ ...record, at })));
      });
      if (leads.length > 0 && tabId !== undefined) await notifyTab?.(tabId, changedNotice(leads, records));
    } catch (error) {
      // The next sync brings them, or says what is wrong with the source.
      console.warn('LeadLens: could not look leads up', error);
    }
  };
}

/** The leads found, and which of the records asked about they turned out to be. */
function changedNotice(leads: Lead[], asked: CrmRecordRef[]): LeadsChangedNotice {
  const foundKeys = new Set(leads.flatMap(crmKeysOf));
  const records = asked.map(crmRecordKey).filter((key): key is string => key !== null && foundKeys.has(key));
  return { type: 'leadsChanged', emails: leads.map((lead) => lead.email), ...(records.length > 0 ? { records } : {}) };
}
