// Leads found by the CRM records they are (crm-keys.ts keeps the index): what a record page asks for.
import type { Lead } from '../domain/model';
import { withoutStoredKeys, type StoredLead } from './crm-keys';
import type { LeadLensDb } from './db';

/**
 * The lead each key names, read through the crmKeys index. Two leads claiming one record (a
 * source's duplicate) give the one changed last.
 */
export async function leadsByRecordKey(db: LeadLensDb, keys: string[]): Promise<Map<string, Lead>> {
  const found = new Map<string, Lead>();
  if (keys.length === 0) return found;
  // One index range per key, read together: a page asks for one record, a few at most.
  const unique = [...new Set(keys)];
  const byKey = await db.transaction('r', db.leads, () => Promise.all(unique.map((key) => db.leads.where('crmKeys').equals(key).toArray())));
  unique.forEach((key, index) => {
    const latest = byKey[index]!.reduce<StoredLead | undefined>((best, lead) => (!best || best.updatedAt < lead.updatedAt ? lead : best), undefined);
    if (latest) found.set(key, withoutStoredKeys(latest));
  });
  return found;
}
