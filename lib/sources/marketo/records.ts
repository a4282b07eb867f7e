// A Marketo lead's CRM record identities, from the fields the CRM sync fills: Salesforce's lead and
// contact ids, and Microsoft Dynamics's. An instance has them only where that sync is set up, and
// Marketo refuses a field it does not have (1006), so they are asked for only once Describe lists them.
import { z } from 'zod';
import { crmRecordKey, salesforce18, type Crm, type CrmRecordRef } from '../../domain/crm-record';
import type { MarketoCall } from './client';

/** The sync fields, each with the record it names. `sfdcId` is not among them: REST always gives it null. */
export const CRM_ID_FIELDS: Record<string, { crm: Crm; objectType: string }> = {
  sfdcLeadId: { crm: 'salesforce', objectType: 'Lead' },
  sfdcContactId: { crm: 'salesforce', objectType: 'Contact' },
  msftLeadId: { crm: 'dynamics', objectType: 'lead' },
  msftContactId: { crm: 'dynamics', objectType: 'contact' },
};

/**
 * The Salesforce sync's id of the lead's account (a contact's Account): LeadLens groups leads by it
 * (lib/domain/account.ts). Read like the record ids, only where Describe lists it; never filtered on.
 */
export const ACCOUNT_ID_FIELD = 'sfdcAccountId';

/** The lead's records; one whose id is not one its CRM uses is dropped, never the lead. */
export function crmRecordsOf(wire: Record<string, unknown>): CrmRecordRef[] {
  return Object.entries(CRM_ID_FIELDS).flatMap(([field, record]) => {
    const id = wire[field];
    const ref = { ...record, id: typeof id === 'string' ? id.trim() : '' };
    return ref.id && crmRecordKey(ref) !== null ? [ref] : [];
  });
}

/** Which sync fields this instance has, and which of them Get Leads by Filter Type may filter on. */
export interface CrmFields {
  readable: string[];
  searchable: string[];
}

const Describe = z.object({
  result: z.array(z.object({ searchableFields: z.array(z.array(z.string())).default([]), fields: z.array(z.object({ name: z.string() })) })).min(1),
});

/** Describe Lead2, read once per source; a failure is retried next time. */
export function crmFieldsOnce(call: () => MarketoCall): () => Promise<CrmFields> {
  let fields: Promise<CrmFields> | undefined;
  return () => {
    fields ??= call()('GET', '/rest/v1/leads/describe2.json').then(
      (body) => {
        const [described] = Describe.parse(body).result;
        const names = new Set(described!.fields.map((field) => field.name));
        const searchable = new Set(described!.searchableFields.filter((key) => key.length === 1).map(([name]) => name!));
        const crm = Object.keys(CRM_ID_FIELDS);
        return { readable: [...crm, ACCOUNT_ID_FIELD].filter((name) => names.has(name)), searchable: crm.filter((name) => searchable.has(name)) };
      },
      (error: unknown) => {
        fields = undefined;
        throw error;
      },
    );
    return fields;
  };
}

/** Each filter a lookup by records makes: the field, and the ids in every spelling the CRM stores. */
export function recordFilters(refs: CrmRecordRef[], searchable: string[]): { filterType: string; values: string[] }[] {
  return searchable.flatMap((field) => {
    const { crm, objectType } = CRM_ID_FIELDS[field]!;
    const ids = refs.filter((ref) => ref.crm === crm && ref.objectType.toLowerCase() === objectType.toLowerCase() && crmRecordKey(ref) !== null).map((ref) => ref.id.trim());
    const values = ids.flatMap((id) => (crm === 'salesforce' ? [id, id.slice(0, 15), salesforce18(id)] : [id, id.replace(/^\{|\}$/g, '').toLowerCase()]));
    return values.length > 0 ? [{ filterType: field, values: [...new Set(values)] }] : [];
  });
}

// Written against Adobe's documentation:
// - Marketo Fields, "Why does the REST API field sfdcId always return a value of null?": use sfdcLeadId
//   and sfdcContactId: https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/fields
// - Describe Lead2 (fields, searchableFields) and Get Leads by Filter Type:
//   https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/leads
// - sfdcAccountId: the SFDC-synced lead's Account id, in the Describe Lead2 example of a Salesforce-synced
//   instance (Leads page) and the Salesforce sync's field list
//   (https://experienceleague.adobe.com/en/docs/marketo/using/product-docs/crm-sync/salesforce-sync/sfdc-sync-details/sfdc-sync-field-sync)
// - msftLeadId, msftContactId (Dynamics sync): the Marketo source's field mappings in Adobe Experience
//   Platform, https://experienceleague.adobe.com/en/docs/experience-platform/sources/connectors/adobe-applications/mapping/marketo
