// What a chip shows of each address on a page, and of the record a page's URL names: the lead's name,
// grade and score, nothing more. Content scripts run in the web page's renderer, which the extension's
// own pages do not share: they get only what they draw (the card asks for the rest from its own page,
// lead-context.ts). A Gmail thread asks this for 70 addresses in the task that shows it, so it is read
// without Dexie's layers (raw-read.ts): one transaction, each lead by key.
import type { Lead } from '../domain/model';
import { crmRecordKey, type CrmRecordRef } from '../domain/crm-record';
import type { LeadLensDb } from './db';
import { readRaw } from './raw-read';
import { leadsByRecordKey } from './record-leads';

/** The words on a chip, and the name its card opens with. */
export type ChipLead = Pick<Lead, 'name' | 'grade' | 'score'>;

export interface ChipContext {
  email: string;
  /** Null when marketing does not know the address. */
  lead: ChipLead | null;
}

/** What the cache knows of one CRM record a page's URL names: the record's key, and its person's chip if a cached lead is that record. */
export interface RecordChip {
  key: string;
  chip: ChipContext | null;
}

const chipOf = (lead: Lead): ChipContext => ({ email: lead.email, lead: { name: lead.name, grade: lead.grade, score: lead.score } });

/** One per address, in the order asked. */
export async function chipContexts(db: LeadLensDb, emails: string[]): Promise<ChipContext[]> {
  if (emails.length === 0) return [];
  const chips: ChipContext[] = emails.map((email) => ({ email, lead: null }));
  await readRaw(db, ['leads'], (tx) => {
    const leads = tx.objectStore('leads');
    emails.forEach((email, index) => {
      const read = leads.get(email);
      read.onsuccess = () => {
        if (read.result) chips[index] = chipOf(read.result as Lead);
      };
    });
  }, 'lead lookup');
  return chips;
}

/** One per record asked, in that order, found through the crmKeys index; a record whose id makes no key is left out. */
export async function recordChips(db: LeadLensDb, refs: CrmRecordRef[]): Promise<RecordChip[]> {
  const keys = refs.map(crmRecordKey).filter((key): key is string => key !== null);
  if (keys.length === 0) return [];
  const leads = await leadsByRecordKey(db, keys);
  return keys.map((key) => {
    const lead = leads.get(key);
    return { key, chip: lead ? chipOf(lead) : null };
  });
}
