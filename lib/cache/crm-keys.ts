// The keys the cache derives for each lead and indexes. `crmKeys`: leads by the CRM records they are
// (DESIGN.md: a record's id in its URL is the most stable identity a page offers), from crmRecords by
// crmRecordKey, indexed multiEntry, so that a record page finds its person with one index read at any
// cache size. `accountKey`: leads by the company they work for (lib/domain/account.ts), so that the
// card finds everyone at a lead's account with one index read. The keys are the cache's own business:
// a middleware writes them on every put, whoever the writer (sync, look-up, re-grade, an upgrade), in
// the same copy of the lead and with no read, and the readers here hand leads back without them.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { crmRecordKey } from '../domain/crm-record';
import type { Lead } from '../domain/model';

/** A lead as the leads table holds it. */
export type StoredLead = Lead & { crmKeys?: string[]; accountKey?: string };

/**
 * account.ts's accountKeyOf, handed to the database by the background, the only writer of leads: the
 * popup and the options page open the same database without it, and without its lists.
 */
export type AccountKeyOf = (lead: Lead) => string | undefined;

/** The keys of a lead's CRM records, each once; records whose id no key can be made of are left out. */
export function crmKeysOf(lead: Pick<Lead, 'crmRecords'>): string[] {
  const keys = (lead.crmRecords ?? []).map(crmRecordKey).filter((key): key is string => key !== null);
  return [...new Set(keys)];
}

/**
 * The lead with its keys as its records and its account say now, in one copy. Without accountKeyOf
 * the account key it had is kept. A lead that needs neither key is left as it is (no copy).
 */
export function withStoredKeys<T extends StoredLead>(lead: T, accountKeyOf?: AccountKeyOf): T {
  const crmKeys = crmKeysOf(lead);
  const accountKey = accountKeyOf ? accountKeyOf(lead) : lead.accountKey;
  const stale = 'crmKeys' in lead || 'accountKey' in lead;
  if (crmKeys.length === 0 && accountKey === undefined && !stale) return lead;
  // A lead from a source (the sync's case, thousands a page) carries no derived keys: one spread.
  const base = stale ? withoutStoredKeys(lead) : lead;
  const keyed: StoredLead = accountKey === undefined ? { ...base } : { ...base, accountKey };
  if (crmKeys.length > 0) keyed.crmKeys = crmKeys;
  return keyed as T;
}

/** The lead without the derived keys: what the rest of LeadLens (and a content script) sees. */
export function withoutStoredKeys(lead: StoredLead): Lead {
  if (!('crmKeys' in lead) && !('accountKey' in lead)) return lead;
  const { crmKeys: _crm, accountKey: _account, ...rest } = lead;
  return rest;
}

/** Writes crmKeys and accountKey into every lead put or added, so that no writer can forget them. */
export function storedKeysMiddleware(accountKeyOf?: AccountKeyOf): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'storedKeys',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'leads') return table;
        const keyed = (request: DBCoreMutateRequest): DBCoreMutateRequest =>
          request.type === 'put' || request.type === 'add' ? { ...request, values: request.values.map((lead: StoredLead) => withStoredKeys(lead, accountKeyOf)) } : request;
        return { ...table, mutate: (request) => table.mutate(keyed(request)) };
      },
    }),
  };
}
