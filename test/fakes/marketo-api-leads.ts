// The lead database behind the Marketo fake (marketo-api.ts): the instance's lead schema as Describe
// Lead2 gives it, Get Leads by Filter Type and Sync Leads, refusing as Marketo does a field the
// instance does not have (1006 "Field '%s' not found"), a filter on a field it cannot search (1011),
// and more than 1,000 matches (1003 "Too many results match the filter").

type Body = Record<string, unknown>;
export const ok = (extra: Body): Body => ({ requestId: `${Math.floor(Math.random() * 1e6)}#fake`, success: true, ...extra });
export const failed = (code: string, message: string): Body => ({ requestId: 'e42b#fake', success: false, errors: [{ code, message }] });

/** A lead field as Describe Lead2 gives it, and whether Get Leads by Filter Type may filter on it. */
export interface FakeField {
  name: string;
  displayName?: string;
  dataType: string;
  length?: number;
  updateable?: boolean;
  searchable?: boolean;
}

const field = (name: string, dataType: string, extra: Partial<FakeField> = {}): FakeField => ({ name, dataType, updateable: true, ...(dataType === 'string' || dataType === 'email' ? { length: 255 } : {}), ...extra });

/** The standard fields LeadLens reads, as every instance has them. */
export const STANDARD_FIELDS: FakeField[] = [
  field('id', 'integer', { updateable: false, searchable: true }), field('email', 'email', { searchable: true }),
  field('firstName', 'string'), field('lastName', 'string'), field('company', 'string'), field('title', 'string'),
  field('industry', 'string'), field('numberOfEmployees', 'integer'), field('leadScore', 'integer'), field('leadStatus', 'string'),
  field('updatedAt', 'datetime', { updateable: false }), field('createdAt', 'datetime', { updateable: false }),
];

/** LeadLens's default custom fields, as an admin following the README creates them. */
export const LEADLENS_FIELDS: FakeField[] = [
  field('mqlDate', 'datetime'), field('leadOwnerEmailAddress', 'email', { updateable: false, searchable: true }),
  field('leadLensVerdict', 'string'), field('leadLensAction', 'string'), field('leadLensReason', 'string'),
  field('leadLensNote', 'text', { length: 30_000 }), field('leadLensActedAt', 'datetime'), field('leadLensKey', 'string'),
];

export type FakeLeadDatabase = ReturnType<typeof createLeadDatabase>;

export function createLeadDatabase(given: Body[], fields: FakeField[], now: () => number) {
  const leads = new Map<number, Body>(given.map((lead) => [Number(lead.id), { ...lead }]));
  const schema = new Map(fields.map((each) => [each.name, each]));
  /** Lead updates that took effect, in order, and the fields parameter of each lead query. */
  const updates: Body[] = [];
  const fieldsAsked: string[][] = [];

  function getLeads(query: URLSearchParams, breakOne: boolean): Body {
    const filterType = query.get('filterType') ?? '';
    const values = (query.get('filterValues') ?? '').split(',').filter(Boolean);
    if (!schema.has(filterType)) return failed('1006', `Field '${filterType}' not found`);
    if (!schema.get(filterType)!.searchable) return failed('1011', `Field '${filterType}' not supported`);
    if (values.length === 0 || values.length > 300) return failed('1003', 'filterValues must hold 1 to 300 values');
    const fields = (query.get('fields') ?? 'id,email,updatedAt,createdAt,firstName,lastName').split(',');
    const unknown = fields.find((name) => !schema.has(name));
    if (unknown !== undefined) return failed('1006', `Field '${unknown}' not found`);
    fieldsAsked.push(fields);
    const wanted = new Set(values.map((value) => value.toLowerCase()));
    const matches = [...leads.values()].filter((lead) => wanted.has(String(lead[filterType] ?? '').toLowerCase()));
    if (matches.length > 1000) return failed('1003', 'Too many results match the filter');
    const offset = Number(query.get('nextPageToken')?.slice(1) ?? 0);
    const batchSize = Math.min(Number(query.get('batchSize') ?? 300), 300);
    const page = matches.slice(offset, offset + batchSize).map((lead) => Object.fromEntries(['id', ...fields].filter((name) => name in lead).map((name) => [name, lead[name]])));
    if (breakOne && page[0]) page[0] = { ...page[0], leadScore: 'high' };
    const more = offset + batchSize < matches.length;
    return ok({ result: page, ...(more ? { moreResult: true, nextPageToken: `L${offset + batchSize}` } : {}) });
  }

  function updateLeads(body: Body): Body {
    if (body.action !== 'updateOnly') return failed('1003', 'LeadLens only updates');
    const lookupField = String(body.lookupField ?? 'email');
    const result = (body.input as Body[]).map((input) => {
      const unknown = Object.keys(input).find((name) => !schema.has(name));
      if (unknown !== undefined) return { status: 'skipped', reasons: [{ code: '1006', message: `Field '${unknown}' not found` }] };
      const lead = [...leads.values()].find((candidate) => String(candidate[lookupField]).toLowerCase() === String(input[lookupField]).toLowerCase());
      if (!lead) return { status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] };
      const { [lookupField]: _key, ...values } = input;
      Object.assign(lead, values, { updatedAt: new Date(now()).toISOString() });
      updates.push({ id: lead.id, ...values });
      return { id: lead.id, status: 'updated' };
    });
    return ok({ result });
  }

  /** Describe Lead2: the fields, and the ones Get Leads by Filter Type can search. */
  function describe2(): Body {
    const described = [...schema.values()].map(({ name, displayName, dataType, length, updateable }) => ({ name, displayName: displayName ?? name, dataType, ...(length ? { length } : {}), updateable: updateable ?? true, crmManaged: false }));
    const searchable = [...schema.values()].filter((each) => each.searchable).map((each) => [each.name]);
    return ok({ result: [{ name: 'API Lead', searchableFields: searchable, fields: described }] });
  }

  return { leads, updates, fieldsAsked, getLeads, updateLeads, describe2 };
}

/** The default schema: the standard fields, LeadLens's, and any field the given leads carry. */
export function defaultFields(leads: Body[]): FakeField[] {
  const known = new Set([...STANDARD_FIELDS, ...LEADLENS_FIELDS].map((each) => each.name));
  const extra = [...new Set(leads.flatMap((lead) => Object.keys(lead)))].filter((name) => !known.has(name)).map((name) => field(name, 'string'));
  return [...STANDARD_FIELDS, ...LEADLENS_FIELDS, ...extra];
}

// Built from Adobe's Marketo Engage REST docs: Leads (Describe Lead2 with fields {name, displayName,
// dataType, length, updateable, crmManaged} and searchableFields; Get Leads by Filter Type: any custom
// string, email or integer field, 300 values, more than 1,000 matches answered "1003, Too many results
// match the filter"), Error Codes (1006 "Field '%s' not found", 1011 "Field '%s' not supported", 1004
// "Lead not found"), Field Types (String up to 255 characters, Text Area up to 30,000 bytes).
