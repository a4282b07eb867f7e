// "What does marketing know about these addresses, or these CRM records?": the answer the card is
// drawn from, read from the cache in one pass of batched reads.
import { Dexie } from 'dexie';
import type { LeadLensDb } from './db';
import { leadsByRecordKey, withoutCrmKeys, type StoredLead } from './crm-keys';
import { crmRecordKey, type CrmRecordRef } from '../domain/crm-record';
import { OPEN_STATUSES } from './queue-order';
import type { Handoff, Lead, Touch } from '../domain/model';
import type { SlaPolicy } from '../domain/settings-schema';
import { slaStatus, type BusinessClock, type SlaStatus } from '../time/sla';

export interface LeadContext {
  email: string;
  lead: Lead | null;
  /** The most recent touches, latest first: only when asked for (the card needs them, a chip does not). */
  touches: Touch[];
  touchCount: number;
  touchesIncluded: boolean;
  handoff: Handoff | null;
  sla: SlaStatus | null;
}

/** What the cache knows of one CRM record a page's URL names. */
export interface RecordContext {
  /** The record's key (crmRecordKey): which record this answers, however its id was spelled. */
  key: string;
  /** Null when no cached lead is this record. */
  context: LeadContext | null;
}

export interface ContextOptions {
  now: number;
  clock: BusinessClock;
  policy: SlaPolicy;
  /** How many touches to return per lead; 0 leaves the timelines unread. */
  touchLimit?: number;
}

export async function leadContexts(db: LeadLensDb, emails: string[], options: ContextOptions): Promise<LeadContext[]> {
  const { now, clock, policy, touchLimit = 100 } = options;
  // A record page may ask by record alone: no transaction for nothing.
  if (emails.length === 0) return [];
  const { leads, handoffs } = await readLeadsAndHandoffs(db, emails);
  const contextOf = (email: string, index: number, touches: Touch[], touchCount: number): LeadContext => {
    const lead = leads[index] ?? null;
    const handoff = lead ? currentHandoff(handoffs[index]!) : null;
    const sla = handoff ? slaStatus(handoff, clock, policy, now) : null;
    return { email, lead, touches, touchCount, touchesIncluded: touchLimit > 0, handoff, sla };
  };
  // Chips ask without timelines: nothing more to read.
  if (touchLimit === 0) return emails.map((email, index) => contextOf(email, index, [], 0));
  return db.transaction('r', db.touches, () =>
    Promise.all(
      emails.map(async (email, index) => {
        if (!leads[index]) return contextOf(email, index, [], 0);
        const timeline = db.touches.where('[email+at]').between([email, Dexie.minKey], [email, Dexie.maxKey]);
        const touches = await timeline.clone().reverse().limit(touchLimit).toArray();
        const touchCount = touches.length < touchLimit ? touches.length : await timeline.count();
        return contextOf(email, index, touches, touchCount);
      }),
    ),
  );
}

/** Each record's lead, found by its key through the crmKeys index, with its context; in the order asked. */
export async function recordContexts(db: LeadLensDb, refs: CrmRecordRef[], options: ContextOptions): Promise<RecordContext[]> {
  const keys = refs.map(crmRecordKey).filter((key): key is string => key !== null);
  if (keys.length === 0) return [];
  const leads = await leadsByRecordKey(db, keys);
  const emails = [...new Set([...leads.values()].map((lead) => lead.email))];
  const contexts = new Map((await leadContexts(db, emails, options)).map((context) => [context.email, context]));
  return keys.map((key) => {
    const context = contexts.get(leads.get(key)?.email ?? '');
    return { key, context: context?.lead ? context : null };
  });
}

/**
 * Every page asks this for each address it shows, so it skips Dexie's layers: one IndexedDB
 * transaction with all its reads sent at once, each lead by key and its handoffs by the email index.
 */
async function readLeadsAndHandoffs(db: LeadLensDb, emails: string[]): Promise<{ leads: (Lead | undefined)[]; handoffs: Handoff[][] }> {
  if (!db.isOpen()) await db.open();
  const leads: (Lead | undefined)[] = [];
  const handoffs: Handoff[][] = [];
  const tx = db.backendDB().transaction(['leads', 'handoffs'], 'readonly');
  const leadStore = tx.objectStore('leads');
  const byEmail = tx.objectStore('handoffs').index('email');
  emails.forEach((email, index) => {
    const lead = leadStore.get(email);
    lead.onsuccess = () => (leads[index] = lead.result ? withoutCrmKeys(lead.result as StoredLead) : undefined);
    const found = byEmail.getAll(email);
    found.onsuccess = () => (handoffs[index] = found.result as Handoff[]);
  });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('The lead lookup was aborted.'));
  });
  return { leads, handoffs };
}

export const isOpen = (handoff: Handoff) => OPEN_STATUSES.includes(handoff.status);

/** The open handoff due first; with none open, the latest one. */
export function currentHandoff(handoffs: Handoff[]): Handoff | null {
  const open = handoffs.filter(isOpen).sort((a, b) => a.firstContactDueAt - b.firstContactDueAt);
  if (open[0]) return open[0];
  return [...handoffs].sort((a, b) => b.handedOffAt - a.handedOffAt)[0] ?? null;
}
