// Leads by the CRM records they are (DESIGN.md: a record's id in its URL is the most stable identity a
// page offers). Each stored lead carries `crmKeys`, derived from its crmRecords by crmRecordKey and
// indexed multiEntry, so that a record page finds its person with one index read at any cache size.
// The keys are the cache's own business: a middleware writes them on every put, whoever the writer
// (sync, look-up, re-grade, an upgrade), and the readers here hand leads back without them.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { crmRecordKey } from '../domain/crm-record';
import type { Lead } from '../domain/model';

/** A lead as the leads table holds it. */
export type StoredLead = Lead & { crmKeys?: string[] };

/** The keys of a lead's CRM records, each once; records whose id no key can be made of are left out. */
export function crmKeysOf(lead: Pick<Lead, 'crmRecords'>): string[] {
  const keys = (lead.crmRecords ?? []).map(crmRecordKey).filter((key): key is string => key !== null);
  return [...new Set(keys)];
}

/** The lead with its keys as its records say now; one without records is left as it is (the common case: no copy). */
export function withCrmKeys<T extends StoredLead>(lead: T): T {
  const keys = crmKeysOf(lead);
  if (keys.length > 0) return { ...lead, crmKeys: keys };
  if (!('crmKeys' in lead)) return lead;
  const { crmKeys: _stale, ...rest } = lead;
  return rest as T;
}

/** The lead without the derived keys: what the rest of LeadLens (and a content script) sees. */
export function withoutCrmKeys(lead: StoredLead): Lead {
  if (!('crmKeys' in lead)) return lead;
  const { crmKeys: _keys, ...rest } = lead;
  return rest;
}

/** Writes crmKeys into every lead put or added, so that no writer can forget them. */
export const crmKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'crmKeys',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'leads') return table;
      const keyed = (request: DBCoreMutateRequest): DBCoreMutateRequest =>
        request.type === 'put' || request.type === 'add' ? { ...request, values: request.values.map(withCrmKeys) } : request;
      return { ...table, mutate: (request) => table.mutate(keyed(request)) };
    },
  }),
};
