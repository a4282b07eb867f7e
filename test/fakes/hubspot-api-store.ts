// The records behind the HubSpot fake (hubspot-api.ts): contacts with the portal's property
// definitions, and notes with their associations. Each function answers one endpoint as HubSpot's
// docs describe it, including what HubSpot refuses: a search filter or sort on a property the portal
// does not have, a write to one, a property value of the wrong kind.
import type { FakeClock } from './rate-window';

export interface FakeContact {
  id: string;
  /** Property values as HubSpot sends them: strings (ISO-8601 datetimes), or null. */
  properties: Record<string, string | null>;
}

/** A contact property as GET /crm/v3/properties/contacts describes it. */
export interface FakeProperty {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
  fieldType: string;
  hidden?: boolean;
  hubspotDefined?: boolean;
}

export interface FakeNote {
  id: string;
  properties: Record<string, string>;
  contactIds: string[];
  /** When it was made, by the fake's clock: search finds it only after the index lag. */
  createdAt: number;
}

export type Answer = { status: number; body: unknown };
type Filter = { propertyName?: string; operator?: string; value?: string; values?: string[] };
type Body = Record<string, unknown>;
export type Problem = (status: number, category: string, message: string, extra?: object) => Answer;

const text = (name: string, label: string): FakeProperty => ({ name, label, type: 'string', fieldType: 'text', hubspotDefined: true });
const when = (name: string, label: string): FakeProperty => ({ name, label, type: 'datetime', fieldType: 'date', hubspotDefined: true });
const pick = (name: string, label: string): FakeProperty => ({ name, label, type: 'enumeration', fieldType: 'select', hubspotDefined: true });

/** The default contact properties LeadLens reads, with the types HubSpot gives them. */
export const DEFAULT_CONTACT_PROPERTIES: FakeProperty[] = [
  text('email', 'Email'), text('firstname', 'First Name'), text('lastname', 'Last Name'), text('company', 'Company Name'),
  text('jobtitle', 'Job Title'), text('industry', 'Industry'), pick('numemployees', 'Number of Employees'),
  pick('lifecyclestage', 'Lifecycle Stage'), pick('hs_lead_status', 'Lead Status'), pick('hubspot_owner_id', 'Contact owner'),
  { name: 'hubspotscore', label: 'HubSpot Score', type: 'number', fieldType: 'number', hubspotDefined: true },
  { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', hubspotDefined: true },
  { name: 'associatedcompanyid', label: 'Primary Associated Company ID', type: 'number', fieldType: 'number', hubspotDefined: true },
  when('createdate', 'Create Date'), when('lastmodifieddate', 'Last Modified Date'),
  when('hs_lifecyclestage_marketingqualifiedlead_date', 'Became a Marketing Qualified Lead Date'),
  when('hs_email_last_open_date', 'Last marketing email open date'), when('hs_email_last_click_date', 'Last marketing email click date'),
  text('hs_email_last_email_name', 'Last marketing email name'), when('hs_analytics_last_visit_timestamp', 'Time of Last Session'),
  text('hs_analytics_last_url', 'Last Page Seen'), when('recent_conversion_date', 'Recent Conversion Date'),
  text('recent_conversion_event_name', 'Recent Conversion'), when('first_conversion_date', 'First Conversion Date'),
  text('first_conversion_event_name', 'First Conversion'),
];

const LEAD_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'];
const DEFAULT_SEARCH_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];

export interface StoreOptions {
  contacts: FakeContact[];
  properties: FakeProperty[];
  searchCap: number;
  noteIndexLagMs: number;
  clock: FakeClock;
  problem: Problem;
}

export type FakeHubSpotStore = ReturnType<typeof createStore>;

export function createStore({ contacts: given, properties, searchCap, noteIndexLagMs, clock, problem }: StoreOptions) {
  const contacts = new Map(given.map((contact) => [contact.id, structuredClone(contact)]));
  const known = new Map(properties.map((property) => [property.name, property]));
  const notes: FakeNote[] = [];
  const patches: { contactId: string; properties: Record<string, string> }[] = [];
  const searches: { limit: number; after: number; filterGroups: unknown }[] = [];
  const iso = () => new Date(clock.now()).toISOString();

  /** A search that names a property the portal lacks is refused whole: HubSpot answers 400, it does not ignore the filter. */
  function unknownInSearch(body: Body): string | undefined {
    const groups = (body.filterGroups as { filters?: Filter[] }[] | undefined) ?? [];
    const named = [...groups.flatMap((group) => (group.filters ?? []).map((filter) => filter.propertyName ?? '')), ...((body.sorts as { propertyName: string }[] | undefined) ?? []).map((sort) => sort.propertyName)];
    return named.find((name) => !known.has(name));
  }

  function searchContacts(body: Body): Answer {
    const limit = Number(body.limit ?? 10);
    const offset = Number(body.after ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return problem(400, 'VALIDATION_ERROR', 'limit must be between 1 and 200.');
    if (!Number.isInteger(offset) || offset < 0 || offset >= searchCap) return problem(400, 'VALIDATION_ERROR', `Search results are limited to ${searchCap} records.`);
    const sorts = (body.sorts as { propertyName: string; direction?: string }[] | undefined) ?? [];
    if (sorts.length > 1) return problem(400, 'VALIDATION_ERROR', 'Only one sort is allowed.');
    const groups = (body.filterGroups as { filters?: Filter[] }[] | undefined) ?? [];
    const filters = groups.map((group) => (group.filters ?? []).length);
    if (groups.length > 5 || filters.some((count) => count > 10) || filters.reduce((sum, count) => sum + count, 0) > 25) {
      return problem(400, 'VALIDATION_ERROR', 'Too many filter groups or filters: at most 5 groups, 10 filters in a group, 25 in all.');
    }
    const unknown = unknownInSearch(body);
    if (unknown !== undefined) return problem(400, 'VALIDATION_ERROR', `There was a problem with the request: the property ${unknown} does not exist.`);
    searches.push({ limit, after: offset, filterGroups: body.filterGroups });
    let matching = [...contacts.values()].filter((contact) => matchesGroups(contact.properties, body.filterGroups));
    // Ties keep the record id order: HubSpot promises no tie order, and the client must not rely on one.
    matching.sort((a, b) => Number(a.id) - Number(b.id));
    const sort = sorts[0];
    if (sort) matching = matching.sort((a, b) => compare(a.properties[sort.propertyName], b.properties[sort.propertyName]) * (sort.direction === 'DESCENDING' ? -1 : 1));
    const page = matching.slice(offset, offset + limit);
    const next = offset + limit < matching.length ? { paging: { next: { after: String(offset + limit), link: `?after=${offset + limit}` } } } : {};
    return { status: 200, body: { total: matching.length, results: page.map((contact) => wire(contact, body.properties)), ...next } };
  }

  function batchRead(body: Body): Answer {
    const inputs = (body.inputs as { id: string }[] | undefined) ?? [];
    if (inputs.length > 100) return problem(400, 'VALIDATION_ERROR', 'Batch read accepts at most 100 inputs.');
    // By email, or by record id when idProperty is left out (HubSpot's default, hs_object_id).
    const byId = body.idProperty === undefined || body.idProperty === 'hs_object_id';
    if (!byId && body.idProperty !== 'email') return problem(400, 'VALIDATION_ERROR', 'This fake reads contacts by email or record id only.');
    const find = (id: string) => (byId ? contacts.get(id) : [...contacts.values()].find((contact) => contact.properties.email?.toLowerCase() === id.toLowerCase()));
    const found = inputs.map(({ id }) => [id, find(id)] as const);
    const missing = found.filter(([, contact]) => !contact).map(([id]) => id);
    const results = found.flatMap(([, contact]) => (contact ? [wire(contact, body.properties)] : []));
    const times = { startedAt: iso(), completedAt: iso() };
    if (missing.length === 0) return { status: 200, body: { status: 'COMPLETE', results, ...times } };
    const errors = [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing } }];
    return { status: 207, body: { status: 'COMPLETE', results, numErrors: 1, errors, ...times } };
  }

  function patchContact(id: string, body: Body): Answer {
    const contact = contacts.get(id);
    if (!contact) return problem(404, 'OBJECT_NOT_FOUND', 'resource not found');
    const values = (body.properties as Record<string, string> | undefined) ?? {};
    const unknown = Object.keys(values).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      const errors = unknown.map((name) => ({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name }));
      return problem(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(errors)}`, { errors: unknown.map((name) => ({ message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [name] } })) });
    }
    if (values.hs_lead_status !== undefined && !LEAD_STATUSES.includes(values.hs_lead_status)) {
      return problem(400, 'VALIDATION_ERROR', `Property values were not valid: ${values.hs_lead_status} was not one of the allowed options for hs_lead_status.`);
    }
    patches.push({ contactId: id, properties: values });
    Object.assign(contact.properties, values, { lastmodifieddate: iso() });
    return { status: 200, body: wire(contact, undefined) };
  }

  /** HubSpot leaves out of a record any property it does not have, without an error; a known one without a value is null. */
  function wire(contact: FakeContact, asked: unknown) {
    const names = (Array.isArray(asked) ? (asked as string[]) : DEFAULT_SEARCH_PROPERTIES).filter((name) => known.has(name));
    const values = Object.fromEntries(names.map((name) => [name, name === 'hs_object_id' ? contact.id : (contact.properties[name] ?? null)]));
    return { id: contact.id, properties: values, createdAt: contact.properties.createdate ?? '2026-01-01T00:00:00.000Z', updatedAt: contact.properties.lastmodifieddate, archived: false };
  }

  function createNote(body: Body): Answer {
    const values = (body.properties as Record<string, string> | undefined) ?? {};
    if (!values.hs_timestamp) return problem(400, 'VALIDATION_ERROR', 'Property values were not valid: hs_timestamp is required.');
    const associations = (body.associations as { to: { id: string }; types: { associationCategory: string; associationTypeId: number }[] }[] | undefined) ?? [];
    const toContacts = associations.filter((association) => association.types.some((type) => type.associationCategory === 'HUBSPOT_DEFINED' && type.associationTypeId === 202));
    const unknown = toContacts.find((association) => !contacts.has(association.to.id));
    if (unknown) return problem(400, 'VALIDATION_ERROR', `No contact ${unknown.to.id} to associate the note with.`);
    const note = { id: String(80_000 + notes.length), properties: values, contactIds: toContacts.map((association) => association.to.id), createdAt: clock.now() };
    notes.push(note);
    return { status: 201, body: { id: note.id, properties: values, createdAt: iso(), updatedAt: iso(), archived: false } };
  }

  /** Search reads an index that takes a while to show a new note; reads by id do not. */
  function searchNotes(body: Body): Answer {
    const indexed = notes.filter((note) => note.createdAt + noteIndexLagMs <= clock.now());
    const matching = indexed.filter((note) => matchesGroups(note.properties, body.filterGroups));
    const results = matching.slice(0, Number(body.limit ?? 10)).map((note) => ({ id: note.id, properties: note.properties, archived: false }));
    return { status: 200, body: { total: matching.length, results } };
  }

  function readNotes(body: Body): Answer {
    const ids = ((body.inputs as { id: string }[] | undefined) ?? []).map((input) => input.id);
    if (ids.length > 100) return problem(400, 'VALIDATION_ERROR', 'Batch read accepts at most 100 inputs.');
    const asked = (body.properties as string[] | undefined) ?? [];
    const results = notes.filter((note) => ids.includes(note.id)).map((note) => ({ id: note.id, properties: Object.fromEntries(asked.map((name) => [name, note.properties[name] ?? null])), archived: false }));
    return { status: 200, body: { status: 'COMPLETE', results, startedAt: iso(), completedAt: iso() } };
  }

  /** GET /crm/v3/objects/contacts/{id}/associations/notes, paged by `after`. */
  function contactNotes(contactId: string, url: URL): Answer {
    if (!contacts.has(contactId)) return problem(404, 'OBJECT_NOT_FOUND', 'resource not found');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 500), 500);
    const offset = Number(url.searchParams.get('after') ?? 0);
    const linked = notes.filter((note) => note.contactIds.includes(contactId));
    const results = linked.slice(offset, offset + limit).map((note) => ({ id: note.id, type: 'contact_to_note' }));
    const next = offset + limit < linked.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    return { status: 200, body: { results, ...next } };
  }

  const listProperties = (): Answer => ({ status: 200, body: { results: [...known.values()].map((property) => ({ groupName: 'contactinformation', hidden: false, hasUniqueValue: property.name === 'email', hubspotDefined: false, ...property })) } });

  return { contacts, notes, patches, searches, searchContacts, batchRead, patchContact, createNote, searchNotes, readNotes, contactNotes, listProperties };
}

/** Filter groups OR'd, filters in a group AND'd, with the operators the client uses. */
function matchesGroups(properties: Record<string, string | null | undefined>, groups: unknown): boolean {
  const list = (groups as { filters: Filter[] }[] | undefined) ?? [];
  if (list.length === 0) return true;
  return list.some((group) => group.filters.every((filter) => matches(properties[filter.propertyName ?? ''], filter)));
}

function matches(value: string | null | undefined, filter: Filter): boolean {
  const has = value != null && value !== '';
  switch (filter.operator) {
    case 'EQ':
      return has && compare(value, filter.value) === 0;
    case 'GTE':
      return has && compare(value, filter.value) >= 0;
    case 'IN':
      return has && (filter.values ?? []).some((candidate) => candidate.toLowerCase() === value!.toLowerCase());
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'CONTAINS_TOKEN': {
      // Whole words, not substrings: the body's text split on white space, tags removed.
      const tokens = (value ?? '').replace(/<[^>]*>/g, ' ').toLowerCase().split(/\s+/);
      return tokens.includes((filter.value ?? '').toLowerCase());
    }
    default:
      return false;
  }
}

/** Dates compare as instants (ISO-8601 or epoch-ms text), numbers as numbers, the rest as text. */
function compare(a: string | null | undefined, b: string | null | undefined): number {
  const asNumber = (value: string | null | undefined) => (value == null ? Number.NaN : /^\d+$/.test(value) ? Number(value) : Date.parse(value));
  const [x, y] = [asNumber(a), asNumber(b)];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

// Built from HubSpot's documentation as cited in lib/sources/hubspot/*.ts: CRM search (filters on
// properties, limit <= 200, `after`, the 10,000 cap answered with 400, one sort, at most 5 groups,
// 10 filters a group and 25 in all since 2024-08-26, default properties, an index that lags writes), batch read by
// idProperty (207 with OBJECT_NOT_FOUND), properties (GET /crm/v3/properties/contacts: name, label,
// type, fieldType, hidden), PATCH with PROPERTY_DOESNT_EXIST, notes (hs_timestamp required, type 202),
// associations of a record by type ({ id, type }). A search filter on an unknown property is answered 400
// VALIDATION_ERROR; HubSpot documents no fixed text for it, so clients must not read the message.
