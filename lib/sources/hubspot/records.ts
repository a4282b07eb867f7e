// A HubSpot contact's CRM record identities: the contact itself and, where the portal syncs with
// Salesforce, the Salesforce lead and contact it is synced with. And the way back: the contacts that
// are given records, by id (batch read) or by the Salesforce id properties (search).
import { z } from 'zod';
import { crmRecordKey, salesforce18, type CrmRecordRef } from '../../domain/crm-record';
import type { HubSpotCall } from './client';

/**
 * The Salesforce connector's contact properties (internal names); they exist only where the connector
 * is installed. Asking for them in `properties` is safe anyway: a read leaves out a property the portal
 * lacks. A search filter on one is not (400), so searches first check that the property exists.
 */
export const SALESFORCE_PROPERTIES = { Lead: 'salesforceleadid', Contact: 'salesforcecontactid' } as const;
type SalesforceType = keyof typeof SALESFORCE_PROPERTIES;

/** The contact's records; one whose id is not one its CRM uses is dropped, never the lead. */
export function crmRecordsOf(contactId: string, properties: Partial<Record<string, string | number | undefined>>): CrmRecordRef[] {
  const refs: CrmRecordRef[] = [{ crm: 'hubspot', objectType: 'contact', id: contactId }];
  for (const [objectType, name] of Object.entries(SALESFORCE_PROPERTIES)) {
    const id = properties[name];
    if (typeof id === 'string' && id.trim()) refs.push({ crm: 'salesforce', objectType, id: id.trim() });
  }
  return refs.filter((ref) => crmRecordKey(ref) !== null);
}

const Results = z.object({ results: z.array(z.unknown()) });
const Properties = z.object({ results: z.array(z.object({ name: z.string() })) });
/** Documented: at most 100 values in an IN filter; each Salesforce id is asked as given, in 15 and in 18 characters. */
const SEARCH_CHUNK = 33;

/** The raw contacts that are these records: HubSpot contacts by id, Salesforce leads and contacts by the connector's properties. */
export async function contactsForRecords(call: HubSpotCall, refs: CrmRecordRef[], properties: string[], known: () => Promise<Set<string>>): Promise<unknown[]> {
  const valid = refs.filter((ref) => crmRecordKey(ref) !== null);
  const contactIds = [...new Set(valid.filter((ref) => ref.crm === 'hubspot' && ref.objectType.toLowerCase() === 'contact').map((ref) => ref.id.trim()))];
  const found: unknown[] = [];
  for (let from = 0; from < contactIds.length; from += 100) {
    const inputs = contactIds.slice(from, from + 100).map((id) => ({ id }));
    found.push(...(await call('POST', '/crm/v3/objects/contacts/batch/read', Results, { inputs, properties })).results); // 207 lists the ids not found
  }
  for (const objectType of Object.keys(SALESFORCE_PROPERTIES) as SalesforceType[]) {
    const ids = [...new Set(valid.filter((ref) => ref.crm === 'salesforce' && ref.objectType.toLowerCase() === objectType.toLowerCase()).map((ref) => ref.id.trim()))];
    const property = SALESFORCE_PROPERTIES[objectType];
    if (ids.length === 0 || !(await known()).has(property)) continue; // no connector: no contact has such a record
    for (let from = 0; from < ids.length; from += SEARCH_CHUNK) {
      const values = ids.slice(from, from + SEARCH_CHUNK).flatMap((id) => [...new Set([id, id.slice(0, 15), salesforce18(id)])]);
      const filterGroups = [{ filters: [{ propertyName: property, operator: 'IN', values }] }];
      found.push(...(await call('POST', '/crm/v3/objects/contacts/search', Results, { filterGroups, properties, limit: 100 })).results);
    }
  }
  return found;
}

/** The names of the portal's contact properties, read once per source; a failure is retried next time. */
export function knownPropertiesOnce(call: () => HubSpotCall): () => Promise<Set<string>> {
  let names: Promise<Set<string>> | undefined;
  return () => {
    names ??= call()('GET', '/crm/v3/properties/contacts', Properties).then(
      ({ results }) => new Set(results.map((property) => property.name)),
      (error: unknown) => {
        names = undefined;
        throw error;
      },
    );
    return names;
  };
}

// Written against HubSpot's documentation:
// - Salesforce connector properties on contacts (Salesforce Lead ID, Salesforce Contact ID):
//   https://knowledge.hubspot.com/salesforce/salesforce-integration-properties
// - Batch read by record id (idProperty left out: hs_object_id), search with IN (100 values at most):
//   https://developers.hubspot.com/docs/api/crm/contacts, https://developers.hubspot.com/docs/api/crm/search
